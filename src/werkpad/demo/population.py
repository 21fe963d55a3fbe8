"""Synthetic Delft population for the Werkpad demo (pure Python, no Django).

``generate_population(candidates=3500, seed=1)`` returns everyone on bijstand in
Delft at some time since 2016-01-01, with the shapes of DESIGN.md §1: about
``candidates`` people on bijstand on 2019-01-01 and on 2016-01-01, 3,398 (scaled)
at the July 2019 caseload analysis split into its four segments, a fall to about
2,750 by the end of 2023 and a flat line after. Each person carries a dossier:
barriers, ladder scores, consents and a plan. The same (candidates, seed, today)
always gives the same population; the Django loader turns it into rows.

How the flows work is in :mod:`werkpad.demo.population_flows`; the dossier
rules in :mod:`werkpad.demo.population_dossier`; the Dutch texts and name lists
in :mod:`werkpad.demo.population_texts`.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date

from faker import Faker
from stdnum.nl import bsn as bsn_number

from werkpad.demo.population_dossier import (
    DossierFacts,
    make_barriers,
    make_consents,
    make_ladder_scores,
    make_plan_goals,
)
from werkpad.demo.population_flows import (
    CASELOAD_DATE,
    FLOWS_PER_YEAR,
    HISTORY_START,
    PROGRAMME_END,
    PROGRAMME_START,
    REFERENCE_CANDIDATES,
    SEGMENT_WEIGHTS,
    BenefitHistory,
    simulate_benefit_histories,
    weighted_choice,
    years_between,
)
from werkpad.demo.population_records import (
    SKILLS,
    WORK_END_REASONS,
    BarrierRecord,
    BenefitPeriodRecord,
    ConsentRecord,
    LadderScoreRecord,
    PersonRecord,
    PlanGoalRecord,
    PlanStepRecord,
)
from werkpad.demo.population_texts import (
    COUNTRIES,
    FAKER_LOCALES,
    LANGUAGE_PROFILES,
    NAMES,
    NO_RECENT_WORK,
    WORK_ABROAD,
    WORK_EXPERIENCES,
)

__all__ = [
    "CASELOAD_DATE",
    "DEFAULT_TODAY",
    "FLOWS_PER_YEAR",
    "HISTORY_START",
    "PROGRAMME_END",
    "PROGRAMME_START",
    "REFERENCE_CANDIDATES",
    "SEGMENT_WEIGHTS",
    "SKILLS",
    "BarrierRecord",
    "BenefitPeriodRecord",
    "ConsentRecord",
    "LadderScoreRecord",
    "PersonRecord",
    "PlanGoalRecord",
    "PlanStepRecord",
    "Population",
    "generate_population",
]

DEFAULT_TODAY = date(2026, 11, 23)

#: Delft's four-digit postcodes (2611–2629) with weights leaning to the neighbourhoods
#: with more people on bijstand (Buitenhof, Voorhof, Tanthof, Poptahof).
DELFT_PC4_WEIGHTS: dict[str, float] = {
    "2611": 6,
    "2612": 5,
    "2613": 8,
    "2614": 7,
    "2616": 5,
    "2622": 9,
    "2623": 8,
    "2624": 12,
    "2625": 10,
    "2626": 12,
    "2627": 5,
    "2628": 4,
    "2629": 6,
}
#: Letters used in Dutch postcodes; the pairs SA, SD and SS are never issued.
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
POSTCODE_PAIRS_NOT_ISSUED = frozenset({"SA", "SD", "SS"})

HOUSEHOLD_WEIGHTS: dict[str, float] = {"single": 0.58, "single_parent": 0.24, "couple": 0.18}
#: Share of households with children under 12 (for people aged 20–50).
YOUNG_CHILDREN_SHARE: dict[str, float] = {"single": 0.0, "single_parent": 0.75, "couple": 0.55}

#: Highest education completed; regular trajectories lean higher, ``unable`` lower.
EDUCATION_WEIGHTS: dict[str, float] = {
    "none": 5,
    "primary": 11,
    "vmbo": 20,
    "mbo1": 8,
    "mbo2": 16,
    "mbo3": 9,
    "mbo4": 11,
    "havo": 6,
    "vwo": 3,
    "hbo": 7,
    "wo": 4,
}
_HIGHER_EDUCATION = frozenset({"mbo3", "mbo4", "havo", "vwo", "hbo", "wo"})

#: Hours a week available, per segment: (fewest, most); multiples of four.
HOURS_BY_SEGMENT: dict[str, tuple[int, int]] = {
    "unable": (0, 8),
    "volunteer_parttime": (8, 24),
    "focus": (12, 32),
    "regular": (20, 40),
}
#: Chance that a segment wants an offer kind; the first kind is the most wanted.
OFFER_PREFERENCES: dict[str, dict[str, float]] = {
    "regular": {"paid_job": 1.0, "learning": 0.3, "work_experience": 0.15},
    "focus": {
        "paid_job": 0.6,
        "supported_job": 0.5,
        "work_experience": 0.5,
        "learning": 0.35,
        "volunteer": 0.15,
    },
    "volunteer_parttime": {
        "volunteer": 0.75,
        "work_experience": 0.35,
        "paid_job": 0.3,
        "learning": 0.25,
        "day_activity": 0.1,
    },
    "unable": {"day_activity": 0.7, "volunteer": 0.45, "learning": 0.1},
}
TRAVEL_KM_WEIGHTS: dict[int, float] = {3: 15, 5: 25, 8: 20, 10: 20, 15: 12, 25: 8}
#: Share led by the Sociaal Team rather than Team Inkomen, per segment.
SOCIAAL_TEAM_LEAD_SHARE: dict[str, float] = {
    "regular": 0.05,
    "focus": 0.12,
    "volunteer_parttime": 0.18,
    "unable": 0.35,
}
DRIVING_LICENCE_SHARE = 0.25
EMAIL_DOMAINS: dict[str, float] = {"example.org": 0.7, "example.net": 0.3}


@dataclass(frozen=True, slots=True)
class Population:
    """A generated population and the dates and size it was made for."""

    candidates: int
    seed: int
    today: date
    scale: float
    people: tuple[PersonRecord, ...]
    history_start: date = HISTORY_START
    programme_start: date = PROGRAMME_START
    caseload_date: date = CASELOAD_DATE
    programme_end: date = PROGRAMME_END

    def stock_on(self, day: date) -> int:
        """Number of people on bijstand on ``day`` (a benefit period covers it)."""
        return sum(1 for person in self.people if person.on_bijstand(day))


def generate_population(
    *, candidates: int = REFERENCE_CANDIDATES, seed: int = 1, today: date = DEFAULT_TODAY
) -> Population:
    """The synthetic Delft population: ``candidates`` on bijstand on 2019-01-01, all else scaled.

    Deterministic: the same arguments give an equal population, another seed
    other people. Raises ValueError for a negative size or a ``today`` before
    the history starts.
    """
    if candidates < 0:
        raise ValueError("candidates must be zero or more")
    if today < HISTORY_START:
        raise ValueError(f"today must be on or after {HISTORY_START.isoformat()}")
    scale = candidates / REFERENCE_CANDIDATES
    # A seeded Random is what we want here: reproducible demo data, not secrets.
    flows_rng = random.Random(f"{seed}:flows")  # noqa: S311
    histories = simulate_benefit_histories(rng=flows_rng, scale=scale, today=today)
    tree_rng = random.Random(f"{seed}:tree")  # noqa: S311
    tree_index = _pick_tree_person(tree_rng, histories)
    names = _NameMaker(seed)
    people = []
    for index, history in enumerate(histories):
        rng = random.Random(f"{seed}:person:{index}")  # noqa: S311
        people.append(_make_person(rng, names, history, today, has_tree=index == tree_index))
    return Population(
        candidates=candidates, seed=seed, today=today, scale=scale, people=tuple(people)
    )


def _pick_tree_person(rng: random.Random, histories: list[BenefitHistory]) -> int | None:
    """The man whose only barrier was a tree: long-term, in the focus group, later at work.

    Falls back to anyone in the July 2019 stock, then anyone, for small populations.
    """

    def long_term(history: BenefitHistory) -> bool:
        return any(
            spell.start <= CASELOAD_DATE
            and (spell.end is None or spell.end >= CASELOAD_DATE)
            and years_between(spell.start, CASELOAD_DATE) >= 5
            for spell in history.spells
        )

    def left_to_work_later(history: BenefitHistory) -> bool:
        last = history.spells[-1]
        return (
            last.end is not None
            and last.end >= date(2020, 1, 1)
            and last.end_reason in WORK_END_REASONS
        )

    preferences = (
        lambda h: (
            h.in_caseload
            and h.segment == "focus"
            and len(h.spells) == 1
            and long_term(h)
            and left_to_work_later(h)
        ),
        lambda h: h.in_caseload and long_term(h),
        lambda h: h.in_caseload,
        lambda h: True,
    )
    for wanted in preferences:
        matches = [index for index, history in enumerate(histories) if wanted(history)]
        if matches:
            return rng.choice(matches)
    return None


class _NameMaker:
    """Names, BSNs and e-mail addresses, unique within one population.

    Faker keeps its own random state per locale, seeded from the population seed,
    and is called in person order, so the names are deterministic too.
    """

    def __init__(self, seed: int) -> None:
        self._fakers: dict[str, Faker] = {}
        for offset, locale in enumerate(sorted(set(FAKER_LOCALES.values()))):
            fake = Faker(locale)
            fake.seed_instance(seed * 31 + offset)
            self._fakers[locale] = fake
        self._bsns: set[str] = set()
        self._emails: set[str] = set()

    def bsn(self) -> str:
        """A valid BSN (eleven test) not given to anyone else in this population."""
        fake = self._fakers["nl_NL"]
        while True:
            number = fake.ssn()
            if number not in self._bsns and bsn_number.is_valid(number):
                self._bsns.add(number)
                return number

    def name(self, rng: random.Random, mother_tongue: str, gender: str) -> tuple[str, str]:
        """(first name, last name) fitting the mother tongue and gender (``x`` picks either)."""
        female = gender == "f" or (gender == "x" and rng.random() < 0.5)
        if mother_tongue in NAMES:
            females, males, last_names = NAMES[mother_tongue]
            return rng.choice(females if female else males), rng.choice(last_names)
        locale = FAKER_LOCALES.get(mother_tongue, "nl_NL")
        fake = self._fakers[locale]
        first = fake.first_name_female() if female else fake.first_name_male()
        if locale == "pl_PL":  # Polish surnames have a female and a male form
            last = fake.last_name_female() if female else fake.last_name_male()
        else:
            last = fake.last_name()
        return first, last

    def email(self, rng: random.Random, first_name: str, last_name: str) -> str:
        """first.last@example.org (or .net), with a number when the address is taken."""
        local = f"{_ascii_slug(first_name)}.{_ascii_slug(last_name)}"
        domain = weighted_choice(rng, EMAIL_DOMAINS)
        address = f"{local}@{domain}"
        number = 1
        while address in self._emails:
            number += 1
            address = f"{local}{number}@{domain}"
        self._emails.add(address)
        return address


def _ascii_slug(text: str) -> str:
    """Lower-case ASCII letters only: 'van der Bergh' → 'vanderbergh', 'Yılmaz' → 'ylmaz'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


def _postcode(rng: random.Random) -> str:
    """A Delft postcode like '2624 AB'."""
    pc4 = weighted_choice(rng, DELFT_PC4_WEIGHTS)
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in POSTCODE_PAIRS_NOT_ISSUED:
            return f"{pc4} {letters}"


def _house_number(rng: random.Random) -> str:
    """A house number, now and then with a letter: '12', '117a'."""
    number = str(rng.randint(1, 60) if rng.random() < 0.7 else rng.randint(61, 250))
    return number + rng.choice("abc") if rng.random() < 0.12 else number


def _work_experience(rng: random.Random, languages: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Short Dutch work history and the skills it shows (skills in vocabulary order).

    Newcomers without Dutch mostly worked in their country of origin and often
    not yet in the Netherlands; the others have one or two jobs here, or none recently.
    """
    experiences: list[tuple[str, tuple[str, ...]]] = []
    if "nl" not in languages and languages[0] in COUNTRIES:
        text, shown = rng.choice(WORK_ABROAD)
        experiences.append((text.format(country=rng.choice(COUNTRIES[languages[0]])), shown))
        if rng.random() < 0.6:
            experiences.append(("in Nederland nog geen betaald werk", ()))
        else:
            experiences.append(rng.choice(WORK_EXPERIENCES))
    elif rng.random() < 0.15:
        experiences.append((rng.choice(NO_RECENT_WORK), ()))
    else:
        experiences.extend(rng.sample(WORK_EXPERIENCES, rng.choice((1, 1, 2))))
    skills = {skill for _, shown in experiences for skill in shown}
    if rng.random() < DRIVING_LICENCE_SHARE:
        skills.add("driving_licence_b")
    if rng.random() < 0.3:
        skills.add(rng.choice(SKILLS))
    texts = [text for text, _ in experiences]
    history = "; ".join(texts[:1] + [text[0].lower() + text[1:] for text in texts[1:]])
    return history, tuple(skill for skill in SKILLS if skill in skills)


def _education(rng: random.Random, segment: str) -> str:
    """Highest education, leaning higher for regular and lower for unable."""
    factor = {"regular": 1.6, "unable": 0.6}.get(segment, 1.0)
    weights = {
        level: weight * (factor if level in _HIGHER_EDUCATION else 1.0)
        for level, weight in EDUCATION_WEIGHTS.items()
    }
    return weighted_choice(rng, weights)


def _hours_available(rng: random.Random, segment: str, children_under_12: int) -> int:
    """Hours a week in multiples of four within the segment's range; fewer with young children."""
    fewest, most = HOURS_BY_SEGMENT[segment]
    hours = rng.randrange(fewest, most + 1, 4)
    if children_under_12:
        hours = max(fewest, hours - 8)
    return hours


def _preferred_offer_kinds(rng: random.Random, segment: str) -> tuple[str, ...]:
    """Offer kinds wanted, most wanted first; at least one."""
    preferences = OFFER_PREFERENCES[segment]
    kinds = tuple(kind for kind, chance in preferences.items() if rng.random() < chance)
    return kinds or (next(iter(preferences)),)


def _make_person(
    rng: random.Random,
    names: _NameMaker,
    history: BenefitHistory,
    today: date,
    *,
    has_tree: bool,
) -> PersonRecord:
    """One person: personal details drawn to fit the segment, then the dossier."""
    periods = tuple(
        BenefitPeriodRecord(start=s.start, end=s.end, end_reason=s.end_reason)
        for s in history.spells
    )
    segment = history.segment
    reference_day = max(periods[0].start, HISTORY_START)
    age = years_between(history.birth_date, reference_day)
    household = "single" if has_tree else weighted_choice(rng, HOUSEHOLD_WEIGHTS)
    children = 0
    if 20 <= age <= 50 and rng.random() < YOUNG_CHILDREN_SHARE[household]:
        children = rng.choices((1, 2, 3), weights=(0.5, 0.35, 0.15))[0]
    if has_tree:
        gender = "m"
    elif household == "single_parent":
        gender = weighted_choice(rng, {"f": 0.85, "m": 0.14, "x": 0.01})
    else:
        gender = weighted_choice(rng, {"f": 0.47, "m": 0.52, "x": 0.01})
    _, languages, levels = rng.choices(
        LANGUAGE_PROFILES, weights=[weight for weight, _, _ in LANGUAGE_PROFILES]
    )[0]
    dutch_level = weighted_choice(rng, levels)
    first_name, last_name = names.name(rng, languages[0], gender)
    work_experience, skills = _work_experience(rng, languages)
    preferred = _preferred_offer_kinds(rng, segment)
    travel = weighted_choice(rng, TRAVEL_KM_WEIGHTS)
    max_travel_km = travel * (2 if "driving_licence_b" in skills else 1)
    lead = "sociaal-team" if rng.random() < SOCIAAL_TEAM_LEAD_SHARE[segment] else "team-inkomen"
    facts = DossierFacts(
        periods=periods,
        segment=segment,
        in_caseload=history.in_caseload,
        household=household,
        children_under_12=children,
        dutch_level=dutch_level,
        preferred_offer_kinds=preferred,
        lead_organisation=lead,
        today=today,
        has_tree=has_tree,
    )
    barriers = make_barriers(rng, facts)
    consents = make_consents(rng, facts, barriers)
    return PersonRecord(
        bsn=names.bsn(),
        first_name=first_name,
        last_name=last_name,
        birth_date=history.birth_date,
        gender=gender,
        email=names.email(rng, first_name, last_name),
        phone=f"06-{rng.randint(10_000_000, 69_999_999)}",
        postcode=_postcode(rng),
        house_number=_house_number(rng),
        household=household,
        children_under_12=children,
        languages=languages,
        dutch_level=dutch_level,
        education=_education(rng, segment),
        work_experience=work_experience,
        skills=skills,
        hours_available=_hours_available(rng, segment, children),
        preferred_offer_kinds=preferred,
        max_travel_km=max_travel_km,
        lead_organisation=lead,
        segment=segment,
        benefit_periods=periods,
        barriers=barriers,
        ladder_scores=make_ladder_scores(rng, facts),
        consents=consents,
        plan_goals=make_plan_goals(rng, facts, barriers, consents),
    )
