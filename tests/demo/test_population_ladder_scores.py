"""Ladder scores are dated, fit the caseload segment, and end high for people who found work."""

from __future__ import annotations

from collections import Counter

import pytest

from werkpad.demo.population import Population, generate_population
from werkpad.demo.population_records import WORK_END_REASONS

#: The steps each segment mostly stands on at the July 2019 caseload analysis.
SEGMENT_STEPS = {
    "unable": {1, 2},
    "volunteer_parttime": {2, 3, 4},
    "focus": {3, 4, 5},
    "regular": {4, 5},
}


@pytest.fixture(scope="module")
def population() -> Population:
    return generate_population()


def test_everyone_has_one_to_four_scores_oldest_first(population: Population) -> None:
    counts = Counter(len(person.ladder_scores) for person in population.people)
    assert set(counts) == {1, 2, 3, 4}
    for person in population.people:
        days = [score.assessed_on for score in person.ladder_scores]
        assert days == sorted(days)
        assert len(set(days)) == len(days)
        assert days[0] >= person.benefit_periods[0].start
        assert days[-1] <= population.today


def test_potential_step_is_at_least_the_step(population: Population) -> None:
    for person in population.people:
        for score in person.ladder_scores:
            assert 1 <= score.step <= score.potential_step <= 6
            assert score.note


def test_caseload_scores_fit_the_segment(population: Population) -> None:
    day = population.caseload_date
    for segment, steps in SEGMENT_STEPS.items():
        stock = [p for p in population.people if p.segment == segment and p.on_bijstand(day)]
        latest = [
            [s for s in person.ladder_scores if s.assessed_on <= day][-1].step for person in stock
        ]
        assert sum(step in steps for step in latest) / len(latest) > 0.9, segment


def test_segments_climb_the_ladder_in_order(population: Population) -> None:
    day = population.caseload_date
    average = {}
    for segment in SEGMENT_STEPS:
        steps = [
            [s for s in p.ladder_scores if s.assessed_on <= day][-1].step
            for p in population.people
            if p.segment == segment and p.on_bijstand(day)
        ]
        average[segment] = sum(steps) / len(steps)
    assert average["unable"] < average["volunteer_parttime"] < average["focus"]
    assert average["focus"] < average["regular"]


def test_people_who_left_for_work_end_on_step_5_or_6(population: Population) -> None:
    leavers = [
        person
        for person in population.people
        if person.benefit_periods[-1].end is not None
        and person.benefit_periods[-1].end_reason in WORK_END_REASONS
    ]
    assert leavers
    for person in leavers:
        last = person.ladder_scores[-1]
        assert last.step in (5, 6)
        assert last.assessed_on == person.benefit_periods[-1].end
