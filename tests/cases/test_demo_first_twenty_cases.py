"""The demo loads the Zeg JA Team's first twenty cases across meetings, with decisions,
actions in every state and one escalation, for candidates of the population who consented."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from tests.candidates.factories import BarrierFactory, BenefitPeriodFactory, CandidateFactory
from werkpad.cases.models import Action, Case, Decision, Meeting
from werkpad.cases.services import has_zeg_ja_basis
from werkpad.demo.cases_demo import demo_cases_load
from werkpad.demo.services import demo_partners_load, demo_users_load
from werkpad.organisations.models import Organisation

pytestmark = pytest.mark.django_db

MIXES = [
    ("debts", "childcare"),
    ("language", "care_duties"),
    ("housing",),
    ("debts", "housing"),
    ("physical", "debts"),
    ("transport",),
    ("digital_skills", "language"),
    ("childcare",),
    ("care_duties",),
    ("psychological", "housing"),
    ("debts", "transport"),
    ("childcare", "language"),
    ("housing", "care_duties"),
    (),
]


@pytest.fixture
def population(db: None) -> None:
    organisations = demo_partners_load()
    demo_users_load(organisations=organisations)
    owner = Organisation.objects.get(slug="sociaal-team")
    for index, mix in zip(range(30), itertools.cycle(MIXES), strict=False):
        candidate = CandidateFactory()
        BenefitPeriodFactory(candidate=candidate, start=dt.date(2012 + index % 10, 3, 1))
        for kind in mix:
            BarrierFactory(candidate=candidate, kind=kind, owner_organisation=owner)


@pytest.fixture
def loaded(population: None) -> int:
    return demo_cases_load()


def test_twenty_cases_across_meetings(loaded: int) -> None:
    assert loaded == 20
    assert Case.objects.count() == 20
    used = Meeting.objects.filter(agenda_items__isnull=False).distinct()
    assert used.count() == 8
    assert Meeting.objects.filter(held_on__gt=timezone.localdate()).exists()
    assert Meeting.objects.filter(held_on=timezone.localdate(), agenda_items__isnull=False).exists()


def test_decisions_actions_in_every_state_and_one_escalation(loaded: int) -> None:
    today = timezone.localdate()
    statuses = set(Case.objects.values_list("status", flat=True))
    assert {"solved", "in_execution", "decided", "escalated", "scheduled", "submitted"} <= statuses
    assert Decision.objects.filter(outcome="ESCALATED").count() == 1
    assert {"JA", "JA_MITS"} <= set(Decision.objects.values_list("outcome", flat=True))
    assert set(Action.objects.values_list("status", flat=True)) == {"open", "in_progress", "done"}
    overdue = [a for a in Action.objects.all() if a.is_overdue(today)]
    assert overdue
    for case in Case.objects.filter(status="solved"):
        assert not case.actions.exclude(status="done").exists()
        assert case.solved_on <= today


def test_the_overgrown_garden_is_among_them(loaded: int) -> None:
    garden = Case.objects.get(number=1)

    assert "overwoekerd" in garden.barrier_description
    assert garden.status == "solved"
    assert garden.decisions.get().goes_beyond_rules


def test_every_candidate_consented_to_the_zeg_ja_team(loaded: int) -> None:
    for case in Case.objects.select_related("candidate", "submitting_organisation"):
        assert has_zeg_ja_basis(candidate=case.candidate, organisation=case.submitting_organisation)


def test_the_cases_fit_the_candidates_barriers(loaded: int) -> None:
    mixed = Case.objects.get(number=2)  # debts plus childcare
    kinds = set(mixed.candidate.barriers.values_list("category", flat=True))

    assert {"debts", "childcare"} <= kinds
    assert set(mixed.barriers.values_list("category", flat=True)) == {"debts", "childcare"}


def test_loading_twice_adds_nothing(loaded: int) -> None:
    assert demo_cases_load() == 0
    assert Case.objects.count() == 20


def test_without_a_population_nothing_is_loaded(db: None) -> None:
    organisations = demo_partners_load()
    demo_users_load(organisations=organisations)

    assert demo_cases_load() == 0
