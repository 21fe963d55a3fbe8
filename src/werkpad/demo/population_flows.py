"""Benefit history of the synthetic Delft population: who is on bijstand when.

A month-by-month simulation from 2016-01-01 to ``today``. Each month takes in
and lets out the numbers of :data:`FLOWS_PER_YEAR` (scaled to the population
size, rounded cumulatively so totals stay exact), so the stock follows the
shape of DESIGN.md §1: flat at about 3,500 until 2019, 3,398 at the July 2019
caseload analysis, falling to about 2,750 by the end of 2023 and flat after.

Who leaves in a month is a weighted draw: short spells leave more often than
long ones (which is what builds the long-term stock), and from July 2019 the
caseload segment counts (regular trajectories leave most, people judged unable
to work least). People reaching the state pension age (67) always leave with
``other_income``. A few former clients come back after more than a month, and
about 1 % of outflows are "blips" that return within 30 days (the CBS rule
the monitor must apply).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from werkpad.demo.population_records import SEGMENTS

#: First day of the benefit history.
HISTORY_START = date(2016, 1, 1)
#: The programme starts; ``candidates`` is the stock on this day.
PROGRAMME_START = date(2019, 1, 1)
#: The caseload analysis; segments are assigned to the stock on this day.
CASELOAD_DATE = date(2019, 7, 1)
#: Last day of the programme period (goal: at most 1,750 on bijstand).
PROGRAMME_END = date(2023, 12, 31)

#: Stock on 2019-01-01 at reference size; ``candidates / REFERENCE_CANDIDATES`` scales all.
REFERENCE_CANDIDATES = 3500
#: Stock on 2016-01-01 at reference size (flows up to 2019 add 30).
REFERENCE_STOCK_ON_HISTORY_START = 3470

#: Inflow and outflow per period at reference size: (first day, day after, inflow, outflow).
#: Business as usual is about 500 in and 500 out a year; from 2019 the programme adds
#: outflow (COVID brings extra inflow in 2020). After the table the flows stay at 500/500.
FLOWS_PER_YEAR: tuple[tuple[date, date, int, int], ...] = (
    (date(2016, 1, 1), date(2017, 1, 1), 510, 495),
    (date(2017, 1, 1), date(2018, 1, 1), 505, 500),
    (date(2018, 1, 1), date(2019, 1, 1), 500, 490),
    (date(2019, 1, 1), date(2019, 7, 1), 245, 347),
    (date(2019, 7, 1), date(2020, 1, 1), 240, 300),
    (date(2020, 1, 1), date(2021, 1, 1), 520, 560),
    (date(2021, 1, 1), date(2022, 1, 1), 470, 640),
    (date(2022, 1, 1), date(2023, 1, 1), 450, 630),
    (date(2023, 1, 1), date(2024, 1, 1), 450, 630),
    (date(2024, 1, 1), date(2025, 1, 1), 470, 490),
    (date(2025, 1, 1), date(2026, 1, 1), 480, 490),
    (date(2026, 1, 1), date(2027, 1, 1), 480, 490),
)
BUSINESS_AS_USUAL_PER_YEAR = (500, 500)

#: The July 2019 caseload split (3,398 people), used as weights everywhere.
SEGMENT_WEIGHTS: dict[str, int] = {
    "regular": 1160,
    "focus": 621,
    "volunteer_parttime": 1252,
    "unable": 365,
}

#: Share of inflow that is a former client coming back after more than a month.
RETURN_SHARE = 0.04
#: Share of outflows (counted without blips) that come back within 30 days.
BLIP_SHARE = 0.01
#: A blip's gap in days between the end of one period and the start of the next.
BLIP_GAP_DAYS = (2, 28)
#: A former client may come back only this many days after leaving (well past the CBS 30).
MIN_RETURN_GAP_DAYS = 35

STATE_PENSION_AGE = 67

#: End reasons before the programme (business as usual), any segment.
END_REASON_WEIGHTS_BEFORE: dict[str, float] = {
    "work": 0.42,
    "work_with_support": 0.05,
    "other_income": 0.25,
    "moved": 0.15,
    "other": 0.13,
}
#: End reasons from the caseload analysis on, per segment.
END_REASON_WEIGHTS_BY_SEGMENT: dict[str, dict[str, float]] = {
    "regular": {
        "work": 0.72,
        "work_with_support": 0.08,
        "other_income": 0.10,
        "moved": 0.06,
        "other": 0.04,
    },
    "focus": {
        "work": 0.45,
        "work_with_support": 0.30,
        "other_income": 0.12,
        "moved": 0.06,
        "other": 0.07,
    },
    "volunteer_parttime": {
        "work": 0.15,
        "work_with_support": 0.12,
        "other_income": 0.38,
        "moved": 0.17,
        "other": 0.18,
    },
    "unable": {
        "work": 0.02,
        "work_with_support": 0.05,
        "other_income": 0.55,
        "moved": 0.18,
        "other": 0.20,
    },
}

#: How likely a segment is to leave in a month, relative to the others (from July 2019).
OUTFLOW_WEIGHT_BY_SEGMENT: dict[str, float] = {
    "regular": 2.4,
    "focus": 1.3,
    "volunteer_parttime": 0.6,
    "unable": 0.2,
}

#: Initial stock: (share, shortest, longest years on bijstand on 2016-01-01).
INITIAL_DURATION_MIX: tuple[tuple[float, float, float], ...] = (
    (0.24, 0.0, 1.0),
    (0.16, 1.0, 2.0),
    (0.22, 2.0, 5.0),
    (0.22, 5.0, 10.0),
    (0.16, 10.0, 20.0),
)
#: Age on starting a period: (share, youngest, oldest).
ENTRY_AGE_MIX: tuple[tuple[float, float, float], ...] = (
    (0.22, 18.0, 27.0),
    (0.43, 27.0, 45.0),
    (0.35, 45.0, 63.0),
)

_DAYS_PER_YEAR = 365.25

K = TypeVar("K")


@dataclass(slots=True)
class Spell:
    """A benefit period while it is being simulated."""

    start: date
    end: date | None = None
    end_reason: str | None = None


@dataclass(slots=True)
class BenefitHistory:
    """One simulated person: birth date, caseload segment and benefit periods (oldest first)."""

    birth_date: date
    segment: str
    spells: list[Spell] = field(default_factory=list)
    #: True when the segment comes from the July 2019 caseload analysis.
    in_caseload: bool = False
    #: The day the person reaches the state pension age.
    pension_date: date = field(init=False)
    sixtieth_birthday: date = field(init=False)

    def __post_init__(self) -> None:
        self.pension_date = add_years(self.birth_date, STATE_PENSION_AGE)
        self.sixtieth_birthday = add_years(self.birth_date, 60)


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def years_between(earlier: date, later: date) -> float:
    """Years from ``earlier`` to ``later`` as a fraction."""
    return (later - earlier).days / _DAYS_PER_YEAR


def weighted_choice(rng: random.Random, weights: Mapping[K, float]) -> K:
    """One key of ``weights``, drawn with probability proportional to its weight."""
    if not weights:
        raise ValueError("nothing to choose from")
    threshold = rng.random() * sum(weights.values())
    for key, weight in weights.items():
        threshold -= weight
        if threshold < 0:
            return key
    return key  # rounding left a sliver after the last weight


def _expected_flows(first: date, last: date) -> tuple[float, float]:
    """Expected inflow and outflow at reference size from ``first`` to ``last`` inclusive."""
    inflow = outflow = 0.0
    day = first
    while day <= last:
        for period_start, period_after, period_in, period_out in FLOWS_PER_YEAR:
            if period_start <= day < period_after:
                days = (period_after - period_start).days
                inflow += period_in / days
                outflow += period_out / days
                break
        else:
            inflow += BUSINESS_AS_USUAL_PER_YEAR[0] / 365
            outflow += BUSINESS_AS_USUAL_PER_YEAR[1] / 365
        day += timedelta(days=1)
    return inflow, outflow


def _months(first: date, last: date) -> list[tuple[date, date]]:
    """(first day, last day) of each calendar month from ``first`` to ``last``, clipped."""
    months = []
    start = first
    while start <= last:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        months.append((start, min(following - timedelta(days=1), last)))
        start = following
    return months


def random_day(rng: random.Random, first: date, last: date) -> date:
    """A day between ``first`` and ``last`` inclusive (``first`` when the range is empty)."""
    span = max(0, (last - first).days)
    return first + timedelta(days=int(rng.random() * (span + 1)))


def _draw_from_mix(rng: random.Random, mix: tuple[tuple[float, float, float], ...]) -> float:
    """A number drawn from a mixture of uniform ranges given as (share, low, high)."""
    ranges = [(low, high) for _, low, high in mix]
    low, high = rng.choices(ranges, weights=[share for share, _, _ in mix])[0]
    return rng.uniform(low, high)


def _birth_date_for(rng: random.Random, start: date, latest_age_on: date | None = None) -> date:
    """A birth date making the person 18–63 at ``start`` and under 66.5 on ``latest_age_on``."""
    for _ in range(50):
        age = _draw_from_mix(rng, ENTRY_AGE_MIX)
        birth = min(start - timedelta(days=int(age * _DAYS_PER_YEAR)), add_years(start, -18))
        if latest_age_on is None or years_between(birth, latest_age_on) < 66.5:
            return birth
    return start - timedelta(days=int(18.5 * _DAYS_PER_YEAR))


#: Relative chance of leaving by years on bijstand: (fewer than this many days, weight).
_DURATION_WEIGHTS: tuple[tuple[int, float], ...] = (
    (365, 1.8),
    (731, 1.4),
    (1096, 1.1),
    (1826, 0.8),
)
_LONG_TERM_WEIGHT = 0.35
_LONG_TERM_DAYS = 1826


def _outflow_weight(history: BenefitHistory, month_start: date, programme: bool) -> float:
    """Relative chance that this person leaves in this month; short spells leave most.

    From the caseload analysis on the segment counts too, and long-term focus
    candidates get extra attention from the Zeg JA Team. People over 60 leave less.
    """
    days = (month_start - history.spells[-1].start).days
    weight = _LONG_TERM_WEIGHT
    for shorter_than, duration_weight in _DURATION_WEIGHTS:
        if days < shorter_than:
            weight = duration_weight
            break
    if programme:
        weight *= OUTFLOW_WEIGHT_BY_SEGMENT[history.segment]
        if history.segment == "focus" and days >= _LONG_TERM_DAYS:
            weight *= 1.6
    if month_start >= history.sixtieth_birthday:
        weight *= 0.6
    return weight


def _weighted_sample(
    rng: random.Random, population: list[int], weights: list[float], count: int
) -> list[int]:
    """``count`` distinct members drawn one by one with probability proportional to weight."""
    cumulative = list(itertools.accumulate(weights))
    chosen: set[int] = set()
    while len(chosen) < count:
        chosen.update(rng.choices(population, cum_weights=cumulative, k=count - len(chosen)))
    return sorted(chosen)


def _assign_caseload_segments(
    rng: random.Random, people: list[BenefitHistory], open_ids: list[int], day: date
) -> None:
    """Give the stock on ``day`` the July 2019 split, in proportion to SEGMENT_WEIGHTS.

    People are ranked by a noisy distance to work (years on bijstand, age); the
    closest get ``regular``, then ``focus``, ``volunteer_parttime``, ``unable``.
    """
    quotas = largest_remainder(len(open_ids), SEGMENT_WEIGHTS)
    ranked = sorted(
        open_ids,
        key=lambda i: (
            years_between(people[i].spells[-1].start, day) / 4
            + (years_between(people[i].birth_date, day) - 40) / 20
            + rng.gauss(0, 1.2)
        ),
    )
    position = 0
    for segment in SEGMENTS:
        for person_id in ranked[position : position + quotas[segment]]:
            people[person_id].segment = segment
            people[person_id].in_caseload = True
        position += quotas[segment]


def largest_remainder(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Split ``total`` in proportion to ``weights`` into whole numbers that add up to it."""
    weight_sum = sum(weights.values())
    exact = {key: total * weight / weight_sum for key, weight in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    leftover = total - sum(counts.values())
    by_remainder = sorted(exact, key=lambda key: exact[key] - counts[key], reverse=True)
    for key in by_remainder[:leftover]:
        counts[key] += 1
    return counts


def _new_person(
    rng: random.Random, start: date, latest_age_on: date | None = None
) -> BenefitHistory:
    """A new person starting on bijstand on ``start``; segment drawn by the July 2019 weights."""
    segment = weighted_choice(rng, SEGMENT_WEIGHTS)
    history = BenefitHistory(birth_date=_birth_date_for(rng, start, latest_age_on), segment=segment)
    history.spells.append(Spell(start=start))
    return history


def _end_reason(rng: random.Random, history: BenefitHistory, end: date) -> str:
    """Why a period ended: business-as-usual mix before July 2019, per segment after."""
    if end < CASELOAD_DATE:
        return weighted_choice(rng, END_REASON_WEIGHTS_BEFORE)
    return weighted_choice(rng, END_REASON_WEIGHTS_BY_SEGMENT[history.segment])


def simulate_benefit_histories(
    *, rng: random.Random, scale: float, today: date
) -> list[BenefitHistory]:
    """Simulate the benefit histories from 2016-01-01 to ``today`` (see the module docstring)."""
    people: list[BenefitHistory] = []
    for _ in range(round(REFERENCE_STOCK_ON_HISTORY_START * scale)):
        duration = _draw_from_mix(rng, INITIAL_DURATION_MIX)
        start = HISTORY_START - timedelta(days=max(1, int(duration * _DAYS_PER_YEAR)))
        people.append(_new_person(rng, start, latest_age_on=HISTORY_START))
    open_ids = list(range(len(people)))
    former_ids: list[int] = []
    expected_in = expected_out = 0.0
    owed_out = 0
    total_out = 0
    segments_assigned = False

    for month_start, month_end in _months(HISTORY_START, today):
        if not segments_assigned and month_start >= CASELOAD_DATE:
            _assign_caseload_segments(rng, people, open_ids, month_start)
            segments_assigned = True
        programme = month_start >= CASELOAD_DATE
        inflow, outflow = _expected_flows(month_start, month_end)
        quota_in = round(expected_in + inflow * scale) - round(expected_in)
        quota_out = round(expected_out + outflow * scale) - round(expected_out)
        expected_in += inflow * scale
        expected_out += outflow * scale

        leaving: set[int] = set()
        for person_id in open_ids:
            history = people[person_id]
            last_day = history.pension_date - timedelta(days=1)
            if last_day <= month_end:
                spell = history.spells[-1]
                spell.end = max(last_day, spell.start)
                spell.end_reason = "other_income"
                leaving.add(person_id)
        owed_out += quota_out - len(leaving)

        eligible = [
            i for i in open_ids if i not in leaving and people[i].spells[-1].start < month_start
        ]
        count = max(0, min(owed_out, len(eligible)))
        owed_out -= count
        weights = [_outflow_weight(people[i], month_start, programme) for i in eligible]
        for person_id in _weighted_sample(rng, eligible, weights, count):
            history = people[person_id]
            spell = history.spells[-1]
            spell.end = random_day(rng, month_start, month_end)
            spell.end_reason = _end_reason(rng, history, spell.end)
            leaving.add(person_id)
        total_out += len(leaving)
        open_ids = [i for i in open_ids if i not in leaving]
        former_ids.extend(sorted(leaving))

        # The caseload analysis counts the stock on its first day; newcomers start after it.
        first_start = month_start
        if month_start == CASELOAD_DATE < month_end:
            first_start += timedelta(days=1)
        for _ in range(quota_in):
            start = random_day(rng, first_start, month_end)
            returning = _pick_returning(rng, people, former_ids, month_start)
            if returning is None:
                people.append(_new_person(rng, start))
                open_ids.append(len(people) - 1)
            else:
                people[returning].spells.append(Spell(start=start))
                former_ids.remove(returning)
                open_ids.append(returning)

    _add_blips(rng, people, round(BLIP_SHARE * total_out), today)
    return people


def _pick_returning(
    rng: random.Random, people: list[BenefitHistory], former_ids: list[int], month_start: date
) -> int | None:
    """A former client who comes back this month, or None for a newcomer (most of the time).

    Only people who left at least MIN_RETURN_GAP_DAYS ago and are younger than 64
    (so not pensioners) can come back.
    """
    if not former_ids or rng.random() >= RETURN_SHARE:
        return None
    for _ in range(10):
        person_id = former_ids[rng.randrange(len(former_ids))]
        history = people[person_id]
        last = history.spells[-1]
        if (
            last.end is not None
            and (month_start - last.end).days >= MIN_RETURN_GAP_DAYS
            and years_between(history.birth_date, month_start) < 64
        ):
            return person_id
    return None


def _add_blips(rng: random.Random, people: list[BenefitHistory], count: int, today: date) -> None:
    """Split ``count`` periods in two with a gap of 2–28 days: people who return within 30 days.

    The first part ends with ``work`` (a short temporary job) or ``other``; the
    second part keeps the original end. Only periods with room for at least 60
    days on either side of the gap since 2016 are split, one per person.
    """
    chosen: set[int] = set()
    attempts = 0
    while len(chosen) < count and attempts < count * 50:
        attempts += 1
        person_id = rng.randrange(len(people))
        if person_id in chosen:
            continue
        history = people[person_id]
        spell_index = rng.randrange(len(history.spells))
        spell = history.spells[spell_index]
        gap = rng.randint(*BLIP_GAP_DAYS)
        first = max(spell.start, HISTORY_START) + timedelta(days=60)
        last = (spell.end or today) - timedelta(days=60 + gap)
        if first > last:
            continue
        split = random_day(rng, first, last)
        reason = "work" if rng.random() < 0.6 else "other"
        history.spells[spell_index : spell_index + 1] = [
            Spell(start=spell.start, end=split, end_reason=reason),
            Spell(start=split + timedelta(days=gap), end=spell.end, end_reason=spell.end_reason),
        ]
        chosen.add(person_id)
