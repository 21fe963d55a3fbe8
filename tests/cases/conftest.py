"""A Zeg JA Team at work: a submitting partner, a candidate who consented, a meeting with a
chair and a member with mandate, and a case on its agenda. Plus an outsider who may see nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.candidates.factories import BarrierFactory, CandidateFactory, ConsentFactory
from tests.cases.factories import AttendanceFactory, MeetingFactory
from tests.factories import OrganisationFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.cases.models import Case, Meeting
from werkpad.cases.services import ActionInput, case_submit
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role


@dataclass
class Team:
    """Everyone in one scenario; `client_for(user)` signs a browser in as them."""

    submitting: Organisation
    submitter: User
    candidate: Candidate
    chair_org: Organisation
    chair: User
    member_org: Organisation
    member: User
    meeting: Meeting
    case: Case
    outsider: User
    programme_lead: User
    board: User

    def client_for(self, user: User) -> Client:
        """A signed-in browser that reads English, so tests can name the msgids."""
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(user)
        return client

    def api_for(self, user: User) -> APIClient:
        client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
        client.force_authenticate(user)
        return client

    def action(self, organisation: Organisation | None = None, **kwargs: Any) -> ActionInput:
        return ActionInput(
            description=kwargs.pop("description", "Tuin snoeien met vrijwilligers"),
            owner_organisation=organisation or self.member_org,
            due_on=kwargs.pop("due_on", dt.date.today() + dt.timedelta(days=14)),  # noqa: DTZ011
            **kwargs,
        )


@pytest.fixture
def team(db: None, user_with_role: Callable[..., User]) -> Team:
    submitting = OrganisationFactory(slug="werkse", name="Werkse!")
    chair_org = OrganisationFactory(
        slug="wsp-delft", name="Werkgeversservicepunt Delft", kind=OrganisationKind.EMPLOYER_SERVICE
    )
    member_org = OrganisationFactory(
        slug="delft-voor-elkaar", name="Delft voor Elkaar", kind=OrganisationKind.VOLUNTEERING
    )
    submitter = user_with_role(Role.PROFESSIONAL, submitting)
    chair = user_with_role(Role.CHAIR, chair_org)
    member = user_with_role(Role.ZEG_JA_MEMBER, member_org)
    outsider = user_with_role(
        Role.ZEG_JA_MEMBER, OrganisationFactory(slug="impegno", name="Impegno")
    )
    programme_lead = user_with_role(Role.PROGRAMME_LEAD, chair_org)
    board = user_with_role(Role.BOARD, OrganisationFactory(slug="bestuur", name="Bestuur"))
    candidate = CandidateFactory(first_name="Mohammed", last_name="El Amrani")
    BarrierFactory(candidate=candidate, kind="housing", owner_organisation=member_org)
    ConsentFactory(candidate=candidate, organisation=submitting, purpose="zeg_ja_team")
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, user=chair, organisation=chair_org, role=Role.CHAIR)
    AttendanceFactory(meeting=meeting, user=member, organisation=member_org)
    case = case_submit(
        acting_user=submitter,
        candidate_view=candidate_get_unlogged(user=submitter, candidate_id=candidate.pk),
        organisation=submitting,
        barriers=list(candidate.barriers.all()),
        barrier_description="De tuin is overwoekerd; de boom neemt al het licht weg.",
        tried="Gesprekken met de woningcorporatie.",
        question="Wie helpt de tuin op te knappen?",
        meeting=meeting,
    )
    return Team(
        submitting=submitting,
        submitter=submitter,
        candidate=candidate,
        chair_org=chair_org,
        chair=chair,
        member_org=member_org,
        member=member,
        meeting=meeting,
        case=case,
        outsider=outsider,
        programme_lead=programme_lead,
        board=board,
    )


def decision_form_data(
    team: Team,
    *,
    outcome: str = "JA",
    principles: tuple[str, ...] = ("P2",),
    actions: int = 1,
    punt: int | None = None,
    **fields: str,
) -> dict[str, Any]:
    """What the decision form posts: a JA for the garden with `actions` filled-in rows."""
    data: dict[str, Any] = {
        "besluit-outcome": outcome,
        "besluit-solution": "Vrijwilligers van Delft voor Elkaar knappen de tuin op.",
        "besluit-condition": "",
        "besluit-escalated_to": "",
        "besluit-escalation_reason": "",
        "besluit-rationale": "De tuin is het enige dat hem van werk weerhoudt.",
        "besluit-principles": list(principles),
        "besluit-deviation_rule": "",
        "besluit-deviation_reason": "",
        "besluit-committed_organisations": [team.member_org.slug],
        "besluit-acties-TOTAL_FORMS": "3",
        "besluit-acties-INITIAL_FORMS": "0",
        "besluit-acties-MIN_NUM_FORMS": "0",
        "besluit-acties-MAX_NUM_FORMS": "10",
    }
    due = (dt.date.today() + dt.timedelta(days=21)).isoformat()  # noqa: DTZ011
    for index in range(actions):
        data[f"besluit-acties-{index}-description"] = f"Tuin snoeien, ronde {index + 1}"
        data[f"besluit-acties-{index}-owner_organisation"] = str(team.member_org.pk)
        data[f"besluit-acties-{index}-due_on"] = due
    if punt is not None:
        data["punt"] = str(punt)
    data.update({f"besluit-{name}": value for name, value in fields.items()})
    return data
