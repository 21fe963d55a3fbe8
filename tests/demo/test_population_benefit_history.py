"""The benefit history reproduces the Delft stock and flows of DESIGN.md §1."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from werkpad.demo.population import PersonRecord, Population, generate_population
from werkpad.demo.population_records import END_REASONS, SEGMENTS, WORK_END_REASONS

CBS_RETURN_DAYS = 30
#: The brief's tolerance on the figures of DESIGN.md §1.
TOLERANCE = 0.05


@pytest.fixture(scope="module")
def population() -> Population:
    return generate_population()


def _stock(population: Population, day: date) -> list[PersonRecord]:
    return [person for person in population.people if person.on_bijstand(day)]


def _cbs_flows(population: Population) -> tuple[Counter[int], Counter[int], Counter[int]]:
    """Inflow, outflow and outflow to work per year; a return within 30 days counts as neither."""
    inflow: Counter[int] = Counter()
    outflow: Counter[int] = Counter()
    to_work: Counter[int] = Counter()
    for person in population.people:
        periods = person.benefit_periods
        for index, period in enumerate(periods):
            previous = periods[index - 1] if index else None
            returned_soon = (
                previous is not None
                and previous.end is not None
                and (period.start - previous.end).days <= CBS_RETURN_DAYS
            )
            if not returned_soon and period.start >= population.history_start:
                inflow[period.start.year] += 1
            following = periods[index + 1] if index + 1 < len(periods) else None
            leaves_for_good = following is None or (
                period.end is not None and (following.start - period.end).days > CBS_RETURN_DAYS
            )
            if period.end is not None and leaves_for_good:
                outflow[period.end.year] += 1
                if period.end_reason in WORK_END_REASONS:
                    to_work[period.end.year] += 1
    return inflow, outflow, to_work


def test_stock_is_about_3500_on_2016_and_2019_new_year(population: Population) -> None:
    assert len(_stock(population, date(2016, 1, 1))) == pytest.approx(3500, rel=TOLERANCE)
    assert len(_stock(population, date(2019, 1, 1))) == pytest.approx(3500, rel=TOLERANCE)


def test_stock_at_caseload_analysis_has_the_july_2019_split(population: Population) -> None:
    stock = _stock(population, date(2019, 7, 1))
    assert len(stock) == pytest.approx(3398, rel=TOLERANCE)
    segments = Counter(person.segment for person in stock)
    assert segments["regular"] == pytest.approx(1160, rel=TOLERANCE)
    assert segments["unable"] == pytest.approx(365, rel=TOLERANCE)
    assert segments["volunteer_parttime"] == pytest.approx(1252, rel=TOLERANCE)
    assert segments["focus"] == pytest.approx(621, rel=TOLERANCE)


def test_stock_falls_to_2600_to_2900_by_end_2023_then_stays_flat(population: Population) -> None:
    end_2023 = len(_stock(population, date(2023, 12, 31)))
    assert 2600 <= end_2023 <= 2900
    assert len(_stock(population, population.today)) == pytest.approx(end_2023, rel=TOLERANCE)


def test_business_as_usual_is_about_500_in_and_500_out_a_year(population: Population) -> None:
    inflow, outflow, _ = _cbs_flows(population)
    for year in (2016, 2017, 2018):
        assert inflow[year] == pytest.approx(500, rel=TOLERANCE)
        assert outflow[year] == pytest.approx(500, rel=TOLERANCE)


def test_programme_years_have_more_outflow_than_inflow(population: Population) -> None:
    inflow, outflow, to_work = _cbs_flows(population)
    usual_to_work = sum(to_work[year] for year in (2016, 2017, 2018)) / 3
    for year in range(2019, 2024):
        assert outflow[year] > inflow[year] + 30
        assert to_work[year] > usual_to_work


def test_40_to_50_percent_of_2019_stock_is_long_term(population: Population) -> None:
    day = population.programme_start
    long_term = 0
    stock = _stock(population, day)
    for person in stock:
        period = next(p for p in person.benefit_periods if p.covers(day))
        long_term += (day - period.start).days >= 5 * 365.25
    assert 0.40 <= long_term / len(stock) <= 0.50


def test_regular_and_focus_leave_mostly_for_work_the_others_mostly_not(
    population: Population,
) -> None:
    reasons: dict[str, Counter[str | None]] = {segment: Counter() for segment in SEGMENTS}
    for person in population.people:
        for period in person.benefit_periods:
            if period.end is not None and period.end >= population.caseload_date:
                reasons[person.segment][period.end_reason] += 1
    for segment in SEGMENTS:
        total = sum(reasons[segment].values())
        work = sum(reasons[segment][reason] for reason in WORK_END_REASONS)
        if segment in ("regular", "focus"):
            assert work / total > 0.6
        else:
            assert work / total < 0.4


def test_about_one_percent_of_outflows_return_within_30_days(population: Population) -> None:
    _, outflow, _ = _cbs_flows(population)
    quick_returns = later_returns = 0
    for person in population.people:
        for before, after in zip(person.benefit_periods, person.benefit_periods[1:], strict=False):
            assert before.end is not None
            gap = (after.start - before.end).days
            assert gap >= 1
            if gap <= CBS_RETURN_DAYS:
                quick_returns += 1
            else:
                later_returns += 1
    assert quick_returns == pytest.approx(0.01 * sum(outflow.values()), rel=0.3)
    assert later_returns > 0


def test_periods_are_ordered_closed_with_a_reason_and_not_in_the_future(
    population: Population,
) -> None:
    for person in population.people:
        periods = person.benefit_periods
        assert periods, person.bsn
        assert periods[-1].end is None or periods[-1].end <= population.today
        assert any(p.end is None or p.end >= population.history_start for p in periods), (
            "everyone was on bijstand at some time since 2016"
        )
        for period in periods:
            assert period.start <= population.today
            assert (period.end is None) == (period.end_reason is None)
            assert period.end is None or period.end >= period.start
            assert period.end_reason is None or period.end_reason in END_REASONS
        assert all(p.end is not None for p in periods[:-1])
