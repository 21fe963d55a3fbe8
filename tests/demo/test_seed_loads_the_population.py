"""`werkpad seed` loads the generated population row for row, the same people for the same seed,
and only into an empty candidate table."""

from __future__ import annotations

import functools
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.candidates.factories import CandidateFactory
from werkpad.candidates.models import (
    Barrier,
    BenefitPeriod,
    Candidate,
    LadderScore,
    PlanGoal,
    PlanStep,
)
from werkpad.demo.management.commands import demo as demo_command
from werkpad.demo.population import generate_population
from werkpad.demo.services import demo_partners_load, demo_population_load, demo_users_load
from werkpad.privacy.access import visible_candidates
from werkpad.privacy.models import Consent

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)
SMALL = 40


def seed(*args: str) -> str:
    out = StringIO()
    call_command(
        "seed", "--candidates", str(SMALL), "--today", TODAY.isoformat(), *args, stdout=out
    )
    return out.getvalue()


def people_in_database() -> set[tuple[str, str, str, date]]:
    return {(c.bsn, c.first_name, c.last_name, c.birth_date) for c in Candidate.objects.all()}


@pytest.fixture
def demo_mode(settings: Any) -> None:
    settings.DEMO_MODE = True


def test_the_rows_match_the_generated_population_one_to_one() -> None:
    population = generate_population(candidates=SMALL, seed=5, today=TODAY)

    seed("--seed", "5")

    people = population.people
    assert people_in_database() == {
        (p.bsn, p.first_name, p.last_name, p.birth_date) for p in people
    }
    assert BenefitPeriod.objects.count() == sum(len(p.benefit_periods) for p in people)
    assert Barrier.objects.count() == sum(len(p.barriers) for p in people)
    assert LadderScore.objects.count() == sum(len(p.ladder_scores) for p in people)
    assert Consent.objects.count() == sum(len(p.consents) for p in people)
    assert PlanGoal.objects.count() == sum(len(p.plan_goals) for p in people)
    assert PlanStep.objects.count() == sum(len(g.steps) for p in people for g in p.plan_goals)
    assert sorted(b.kind for b in Barrier.objects.all()) == sorted(
        b.kind for p in people for b in p.barriers
    )
    assert PlanStep.objects.filter(done_on__isnull=False).count() == sum(
        s.done for p in people for g in p.plan_goals for s in g.steps
    )


def test_health_barriers_keep_only_the_category_in_plain_text() -> None:
    seed("--seed", "5")

    health = Barrier.objects.filter(category="health")
    assert health.exists()
    assert {b.kind for b in health} <= {"physical", "psychological", "addiction"}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind_encrypted, note FROM {Barrier._meta.db_table} WHERE category = 'health'"  # noqa: S608
        )
        stored = cursor.fetchall()
    plain = {b.kind for b in health} | {b.note for b in health}
    assert stored
    assert not plain & {value for row in stored for value in row}


@pytest.mark.usefixtures("demo_mode")
def test_seeding_again_with_the_same_seed_gives_the_same_people() -> None:
    seed("--seed", "3")
    first = people_in_database()

    seed("--seed", "3", "--replace")

    assert people_in_database() == first
    seed("--seed", "4", "--replace")
    assert len(people_in_database() & first) < len(first) / 10


def test_seed_refuses_a_database_that_already_has_candidates() -> None:
    CandidateFactory()

    with pytest.raises(CommandError, match="already 1 candidates"):
        seed()

    assert Candidate.objects.count() == 1


def test_replace_works_only_in_demo_mode(settings: Any) -> None:
    settings.DEMO_MODE = False
    CandidateFactory()

    with pytest.raises(CommandError, match="only in demo mode"):
        seed("--replace")

    assert Candidate.objects.count() == 1


def test_each_demo_professional_manages_candidates_they_may_see() -> None:
    demo_users_load(organisations=demo_partners_load())

    demo_population_load(candidates=200, seed=2, today=TODAY)

    managed = Candidate.objects.filter(case_manager__isnull=False).select_related("case_manager")
    managers = {candidate.case_manager for candidate in managed}
    assert len(managers) >= 10
    for manager in managers:
        theirs = Candidate.objects.filter(case_manager=manager)
        assert 0 < theirs.count() <= 25
        assert visible_candidates(manager).filter(pk__in=theirs).count() == theirs.count()


@pytest.mark.usefixtures("demo_mode")
def test_werkpad_demo_loads_the_population_into_an_empty_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        demo_command,
        "demo_population_load",
        functools.partial(demo_population_load, candidates=SMALL, today=TODAY),
    )
    out = StringIO()

    call_command("demo", "--no-serve", stdout=out)
    call_command("demo", "--no-serve", stdout=out)

    assert Candidate.objects.count() == len(
        generate_population(candidates=SMALL, seed=1, today=TODAY).people
    )
    assert Candidate.objects.filter(case_manager__isnull=False).exists()
    assert out.getvalue().count("Loading the synthetic Delft population") == 1
