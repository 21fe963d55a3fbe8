"""Barriers follow the Delft mix, have plausible owners and dates, and one is a tree."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from werkpad.demo.population import Population, generate_population
from werkpad.demo.population_records import (
    BARRIER_KINDS,
    HEALTH_BARRIER_KINDS,
    ORGANISATION_SLUGS,
    WORK_END_REASONS,
)

MOST_SEEN = {"physical", "psychological", "care_duties", "language", "debts"}
ALSO_SEEN = {"housing", "childcare"}
LESS_OFTEN = {"addiction", "transport", "digital_skills", "other"}


@pytest.fixture(scope="module")
def population() -> Population:
    return generate_population()


def test_most_people_have_one_to_four_barriers(population: Population) -> None:
    stock = [p for p in population.people if p.on_bijstand(date(2019, 1, 1))]
    counts = Counter(len(person.barriers) for person in stock)
    assert sum(counts[n] for n in range(1, 5)) / len(stock) > 0.85
    assert max(len(person.barriers) for person in population.people) <= 4
    for person in population.people:
        kinds = [barrier.kind for barrier in person.barriers]
        assert len(set(kinds)) == len(kinds), "one barrier per kind"


def test_the_most_seen_barriers_are_health_care_duties_language_and_debts(
    population: Population,
) -> None:
    kinds = Counter(b.kind for person in population.people for b in person.barriers)
    assert set(kinds) == set(BARRIER_KINDS)
    ranked = [kind for kind, _ in kinds.most_common()]
    assert set(ranked[:5]) == MOST_SEEN
    assert set(ranked[5:7]) == ALSO_SEEN
    assert set(ranked[7:]) == LESS_OFTEN


def test_exactly_one_man_has_only_an_overgrown_tree(population: Population) -> None:
    tree_people = [
        person
        for person in population.people
        if any("overwoekerde boom" in b.note.lower() for b in person.barriers)
    ]
    assert len(tree_people) == 1
    (person,) = tree_people
    assert person.gender == "m"
    assert [b.kind for b in person.barriers] == ["other"]
    assert person.barriers[0].note.startswith("Overwoekerde boom in de tuin")
    (zeg_ja,) = [c for c in person.consents if c.purpose == "zeg_ja_team"]
    tree = person.barriers[0]
    assert tree.status == "resolved", "the Zeg JA Team solved it"
    assert tree.resolved_on is not None and tree.resolved_on > zeg_ja.granted_on
    assert person.on_bijstand(population.caseload_date)
    period = next(p for p in person.benefit_periods if p.covers(population.caseload_date))
    assert (population.caseload_date - period.start).days >= 5 * 365.25, "long-term"


def test_childcare_is_only_a_barrier_with_children_under_12(population: Population) -> None:
    with_childcare = [
        p for p in population.people if any(b.kind == "childcare" for b in p.barriers)
    ]
    assert with_childcare
    assert all(person.children_under_12 > 0 for person in with_childcare)


def test_people_below_b1_mostly_have_a_language_barrier(population: Population) -> None:
    below = [p for p in population.people if p.dutch_level in {"none", "A1", "A2"}]
    with_language = sum(any(b.kind == "language" for b in p.barriers) for p in below)
    assert with_language / len(below) > 0.75


def test_status_fits_the_dates(population: Population) -> None:
    statuses: Counter[str] = Counter()
    for person in population.people:
        first_day = person.benefit_periods[0].start
        for barrier in person.barriers:
            statuses[barrier.status] += 1
            assert barrier.opened_on >= first_day
            assert barrier.opened_on <= population.today
            if barrier.status == "resolved":
                assert barrier.resolved_on is not None
                assert barrier.opened_on < barrier.resolved_on <= population.today
            else:
                assert barrier.status in {"open", "in_progress"}
                assert barrier.resolved_on is None
    assert all(statuses[status] > 0 for status in ("open", "in_progress", "resolved"))


def test_people_who_left_for_work_have_no_open_barrier_blocking_work(
    population: Population,
) -> None:
    for person in population.people:
        last = person.benefit_periods[-1]
        if last.end is not None and last.end_reason in WORK_END_REASONS:
            assert not any(b.blocks_work and b.status != "resolved" for b in person.barriers)


def test_owners_severity_and_notes_are_plausible(population: Population) -> None:
    for person in population.people:
        for barrier in person.barriers:
            assert barrier.owner_organisation in ORGANISATION_SLUGS
            assert barrier.severity in (1, 2, 3)
            assert barrier.note
            if barrier.kind in HEALTH_BARRIER_KINDS:
                assert barrier.note.endswith("(fictief)"), "health notes are marked synthetic"
            if barrier.kind == "psychological":
                assert barrier.owner_organisation.startswith("ggz-")
            if barrier.kind == "debts":
                assert barrier.owner_organisation in {"delft-support", "stichting-perspektief"}
            if barrier.kind == "language":
                assert barrier.owner_organisation in {"leerwerkmakelaar", "delft-voor-elkaar"}
            if barrier.kind in {"care_duties", "housing"}:
                assert barrier.owner_organisation in {"sociaal-team", "stichting-perspektief"}


def test_severe_barriers_block_work_more_often(population: Population) -> None:
    blocking: dict[int, list[bool]] = {1: [], 2: [], 3: []}
    for person in population.people:
        for barrier in person.barriers:
            blocking[barrier.severity].append(barrier.blocks_work)
    share = {severity: sum(flags) / len(flags) for severity, flags in blocking.items()}
    assert share[1] < share[2] < share[3]
