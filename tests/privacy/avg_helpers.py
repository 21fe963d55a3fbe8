"""Builders shared by the AVG tests: the lead organisation's professional and a full dossier."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from tests.candidates.factories import (
    BenefitPeriodFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
)
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Barrier, Candidate
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.candidates.services import (
    barrier_create,
    barrier_update,
    candidate_update,
    plan_goal_create,
    plan_step_create,
)
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role

HEALTH_NOTE = "Rugklachten na val van de trap; fysiotherapie twee keer per week"
LADDER_NOTE = "Gaat graag naar de moestuin van Lekker Bezig"
EVIDENCE_NOTE = "Toestemming mondeling gegeven in gesprek met klantmanager"


def team_inkomen() -> Organisation:
    return OrganisationFactory(
        slug="team-inkomen",
        name="Team Inkomen",
        kind=OrganisationKind.MUNICIPALITY,
        has_legal_basis=True,
    )


def member_of(organisation: Organisation, role: Role = Role.PROFESSIONAL) -> User:
    user = UserFactory()
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def years_ago(years: int, *, days: int = 0) -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=days)


@dataclass
class Dossier:
    candidate: Candidate
    professional: User
    health_barrier: Barrier
    debts_barrier: Barrier


def full_dossier(*, benefit_ended_on: dt.date | None = None, first_name: str = "Zoë") -> Dossier:
    """A candidate of Team Inkomen with something in every part of the dossier.

    The benefit period is open, or ended on `benefit_ended_on`. Details are changed through the
    services, so the corrections history and the processing log fill as in real use.
    """
    organisation = team_inkomen()
    professional = member_of(organisation)
    candidate = CandidateFactory(
        lead_organisation=organisation,
        first_name=first_name,
        last_name="van den Berg",
        birth_date=dt.date(1984, 7, 23),
        postcode="2611 AB",
        house_number="12a",
        email="zoe.vandenberg@example.nl",
        phone="06 12345678",
        work_experience="Vakkenvuller bij de Albert Heijn",
        languages=["nl", "ar"],
        skills=["kassa", "voorraadbeheer"],
    )
    BenefitPeriodFactory(
        candidate=candidate,
        start=dt.date(2012, 2, 1),
        end=benefit_ended_on,
        end_reason="work" if benefit_ended_on else "",
    )
    ConsentFactory(
        candidate=candidate,
        organisation=OrganisationFactory(slug="werkse", name="Werkse!"),
        purpose="work_guidance",
        evidence_note=EVIDENCE_NOTE,
    )
    LadderScoreFactory(candidate=candidate, step=2, potential_step=4, note=LADDER_NOTE)
    view = candidate_get_unlogged(user=professional, candidate_id=candidate.pk)
    health = barrier_create(
        acting_user=professional,
        view=view,
        kind="physical",
        owner_organisation=organisation,
        opened_on=dt.date(2023, 3, 1),
        note="Eerste melding",
    )
    health = barrier_update(
        acting_user=professional,
        view=view,
        barrier=health,
        expected_version=health.version,
        fields={"note": HEALTH_NOTE},
    )
    debts = barrier_create(
        acting_user=professional,
        view=view,
        kind="debts",
        owner_organisation=organisation,
        opened_on=dt.date(2023, 4, 1),
    )
    goal = plan_goal_create(acting_user=professional, view=view, title="Werken in de zorg")
    plan_step_create(
        acting_user=professional,
        view=view,
        goal=goal,
        description="Proefplaatsing bij Fonteynenburg",
        owner_organisation=organisation,
        due_on=dt.date(2024, 9, 1),
    )
    candidate = candidate_update(
        acting_user=professional,
        view=view,
        expected_version=candidate.version,
        fields={"hours_available": 16},
    )
    return Dossier(candidate, professional, health, debts)
