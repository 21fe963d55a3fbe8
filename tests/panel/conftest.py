"""Two candidates with a portal account and a full file each, their professionals, and the
programme lead. Tests sign in as one candidate and try the other's ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.candidates.factories import (
    BarrierFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
    PlanGoalFactory,
)
from tests.cases.factories import ActionFactory, CaseFactory
from tests.factories import OrganisationFactory
from tests.offers.factories import MatchFactory, OfferFactory
from tests.panel.factories import (
    CandidateAccountFactory,
    CorrectionRequestFactory,
    IdeaFactory,
    PanelMemberFactory,
    PanelSessionFactory,
)
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate, PlanStep
from werkpad.offers.models import Match
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role
from werkpad.panel.models import CandidateAccount, CorrectionRequest, Idea, PanelSession
from werkpad.privacy.models import Consent

EXPLANATION = {
    "eligible": True,
    "score": 0.82,
    "components": {"skills": 0.7, "preferences": 1.0, "support": 0.8, "travel": 0.9},
    "checks": [
        {"code": "hours", "passed": True, "values": {"hours_available": 24, "hours_min": 4}},
        {"code": "distance", "passed": True, "values": {"distance_km": 2.5, "max_travel_km": 10}},
    ],
}
PROFESSIONAL_NOTE = "Interne notitie: schuld bij de energieleverancier, let op bij gesprek"


@dataclass
class File:
    """One candidate with an account and something in every part of their file."""

    account: CandidateAccount
    candidate: Candidate
    consent: Consent
    match: Match
    correction: CorrectionRequest
    idea: Idea
    marker: str  # a word only this candidate's pages show


@dataclass
class Portal:
    lead: Organisation
    werkse: Organisation
    lead_professional: User
    werkse_professional: User
    programme_lead: User
    own: File
    other: File
    session: PanelSession
    extra: dict[str, Any] = field(default_factory=dict)

    def client_for(self, user: User, language: str = "nl") -> Client:
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(user)
        return client


def make_file(lead: Organisation, werkse: Organisation, *, first_name: str, marker: str) -> File:
    candidate = CandidateFactory(
        first_name=first_name, last_name="Jansen", lead_organisation=lead, email=""
    )
    account = CandidateAccountFactory(candidate=candidate)
    consent = ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="matching")
    BarrierFactory(
        candidate=candidate, kind="debts", owner_organisation=werkse, note=PROFESSIONAL_NOTE
    )
    BarrierFactory(candidate=candidate, kind="psychological", owner_organisation=werkse)
    LadderScoreFactory(
        candidate=candidate, step=2, potential_step=4, assessed_on=dt.date(2023, 5, 1)
    )
    LadderScoreFactory(
        candidate=candidate, step=3, potential_step=4, assessed_on=dt.date(2024, 6, 1)
    )
    goal = PlanGoalFactory(candidate=candidate, title=f"Doel {marker}")
    PlanStep.objects.create(
        goal=goal,
        description=f"Stap {marker}",
        owner_organisation=werkse,
        due_on=dt.date(2030, 1, 1),
    )
    case = CaseFactory(candidate=candidate, submitting_organisation=werkse)
    ActionFactory(case=case, owner_organisation=werkse, description=f"Actie {marker}")
    offer = OfferFactory(organisation=werkse, title=f"Aanbod {marker}")
    match = MatchFactory(candidate=candidate, offer=offer, explanation=EXPLANATION)
    correction = CorrectionRequestFactory(candidate=candidate, description=f"Correctie {marker}")
    PanelMemberFactory(candidate=candidate)
    # Shared with the other panel members by the author's choice: no marker in it.
    idea = IdeaFactory(author=candidate, text=f"Een buddy voor de eerste werkweek ({first_name})")
    return File(
        account=account,
        candidate=candidate,
        consent=consent,
        match=match,
        correction=correction,
        idea=idea,
        marker=marker,
    )


@pytest.fixture
def portal(db: None) -> Portal:
    lead = team_inkomen()
    werkse = partner("werkse")
    wsp = OrganisationFactory(slug="wsp-delft", name="Werkgeversservicepunt Delft")
    own = make_file(lead, werkse, first_name="Fatima", marker="Zonnebloem")
    other = make_file(lead, werkse, first_name="Henk", marker="Paardenbloem")
    session = PanelSessionFactory()
    return Portal(
        lead=lead,
        werkse=werkse,
        lead_professional=member_of(lead),
        werkse_professional=member_of(werkse),
        programme_lead=member_of(wsp, Role.PROGRAMME_LEAD),
        own=own,
        other=other,
        session=session,
    )
