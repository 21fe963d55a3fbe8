"""Plans exist for people in the programme; every step has an owner that may see the person."""

from __future__ import annotations

import pytest

from werkpad.demo.population import Population, generate_population
from werkpad.demo.population_records import MUNICIPAL_ORGANISATIONS, ORGANISATION_SLUGS


@pytest.fixture(scope="module")
def population() -> Population:
    return generate_population()


def test_people_in_the_programme_have_a_plan_the_others_none(population: Population) -> None:
    for person in population.people:
        last_end = person.benefit_periods[-1].end
        if last_end is not None and last_end < population.programme_start:
            assert person.plan_goals == ()
        else:
            assert 1 <= len(person.plan_goals) <= 3


def test_step_owners_have_a_consent_or_a_legal_basis(population: Population) -> None:
    for person in population.people:
        consented = {consent.organisation for consent in person.consents}
        for goal in person.plan_goals:
            assert goal.title
            assert goal.steps
            for step in goal.steps:
                assert step.description
                assert step.owner_organisation in ORGANISATION_SLUGS
                assert (
                    step.owner_organisation in consented
                    or step.owner_organisation in MUNICIPAL_ORGANISATIONS
                )


def test_steps_are_due_in_order_and_done_only_when_due(population: Population) -> None:
    done = 0
    for person in population.people:
        for goal in person.plan_goals:
            due = [step.due_on for step in goal.steps]
            assert due == sorted(due)
            assert due[0] >= population.programme_start
            for step in goal.steps:
                if step.done:
                    done += 1
                    assert step.due_on <= population.today
    assert done > 0


def test_the_tree_plan_goes_through_the_zeg_ja_team(population: Population) -> None:
    (person,) = [p for p in population.people if any("boom" in b.note.lower() for b in p.barriers)]
    titles = [goal.title for goal in person.plan_goals]
    assert "De boom in de tuin laten kappen" in titles
