"""The candidate's export holds what the other apps know of them — their Zeg JA Team cases with
decisions and actions, the offers proposed to them with why and their answer, their placements
and their portal account — and the erasure blanks those free texts while everything the monitor
counts stays."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.cases.factories import ActionFactory, CaseFactory, MeetingFactory, PrincipleFactory
from tests.offers.factories import MatchFactory, OfferFactory, PlacementFactory
from tests.panel.factories import CandidateAccountFactory
from tests.privacy.avg_helpers import Dossier, full_dossier
from werkpad.cases.avg import ERASED_TEXT
from werkpad.cases.models import Action, Case, CaseTransition, Decision
from werkpad.cases.workflow import CaseStatus
from werkpad.matching.models import PlanProposal, PlanRun
from werkpad.offers.models import Match, MatchTransition, Placement
from werkpad.privacy.avg import candidate_erase

pytestmark = pytest.mark.django_db

QUESTION = "Kan iemand de overwoekerde tuin met haar opknappen, zodat ze weer aan werk denkt?"
TRIED = "Twee keer gebeld met de woningcorporatie, zonder resultaat."
SOLUTION = "Delft voor Elkaar snoeit de tuin met vrijwilligers"
RATIONALE = "De tuin houdt Zoë thuis; dit is snel en goedkoop op te lossen."
ACTION = "Tuin snoeien met drie vrijwilligers op zaterdag"
DECLINE_REASON = "Zoë werkt liever in de ochtend, als de kinderen op school zijn."
EXPLANATION = {
    "eligible": True,
    "score": 0.8,
    "components": {"skills": 0.6, "travel": 0.9},
    "passed": ["hours"],
    "failed": [],
    "checks": [
        {"code": "hours", "passed": True, "values": {"hours_available": 16, "hours_min": 8}}
    ],
}


@dataclass
class Everything:
    dossier: Dossier
    case: Case
    decision: Decision
    match: Match
    placement: Placement


@pytest.fixture
def everything() -> Everything:
    """Zoë (full_dossier, ended her benefit long ago) with a decided case, a declined proposal,
    a placement that ended in paid work, a plan run's proposal and a portal account."""
    dossier = full_dossier()
    candidate = dossier.candidate
    organisation = candidate.lead_organisation
    case = CaseFactory(
        candidate=candidate,
        submitting_organisation=organisation,
        question=QUESTION,
        tried=TRIED,
        barrier_description="Overwoekerde tuin",
        status=CaseStatus.IN_EXECUTION,
        decided_on=dt.date(2024, 3, 20),
        submitted_on=dt.date(2024, 3, 1),
    )
    CaseTransition.objects.create(
        case=case,
        source="",
        target=CaseStatus.SUBMITTED,
        at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC),
        note="Besproken met Zoë en haar buurvrouw",
    )
    decision = Decision.objects.create(
        case=case,
        meeting=MeetingFactory(held_on=dt.date(2024, 3, 20)),
        outcome="JA",
        solution=SOLUTION,
        rationale=RATIONALE,
        decided_on=dt.date(2024, 3, 20),
    )
    decision.principles.add(PrincipleFactory(code="B1"))
    ActionFactory(case=case, decision=decision, description=ACTION, owner_organisation=organisation)
    offer = OfferFactory(title="Koffie schenken in het buurthuis", kind="volunteer")
    match = MatchFactory(
        candidate=candidate,
        offer=offer,
        explanation=EXPLANATION,
        status="candidate_declined",
        decline_reason=DECLINE_REASON,
    )
    MatchTransition.objects.create(match=match, source="", target="proposed")
    MatchTransition.objects.create(match=match, source="proposed", target="candidate_declined")
    placement = PlacementFactory(
        candidate=candidate,
        offer=OfferFactory(
            title="Werkervaringsplek in de fietsenwerkplaats", kind="work_experience"
        ),
        start=dt.date(2024, 5, 1),
        end=dt.date(2024, 11, 1),
        outcome="paid_work",
    )
    PlanProposal.objects.create(
        plan_run=PlanRun.objects.create(),
        candidate=candidate,
        offer=offer,
        score=0.8,
        explanation=EXPLANATION,
    )
    CandidateAccountFactory(candidate=candidate, user__email="zoe@example.nl")
    return Everything(dossier, case, decision, match, placement)


def test_the_json_export_holds_the_case_the_match_and_the_placement(
    client: Client, everything: Everything
) -> None:
    candidate = everything.dossier.candidate
    client.force_login(everything.dossier.professional)

    response = client.get(reverse("privacy:candidate-export-json", args=[candidate.pk]))

    sections = json.loads(response.content.decode("utf-8"))["sections"]
    (case,) = sections["zeg_ja_team_cases"]
    assert (case["reference"], case["question"], case["tried"]) == (
        everything.case.reference,
        QUESTION,
        TRIED,
    )
    assert case["status"] == "in_execution" and case["history"][0]["to"] == "submitted"
    (decision,) = sections["zeg_ja_team_decisions"]
    assert (decision["outcome"], decision["solution"], decision["rationale"]) == (
        "JA",
        SOLUTION,
        RATIONALE,
    )
    assert decision["principles"] == [str(everything.decision.principles.get())]
    assert sections["zeg_ja_team_actions"][0]["description"] == ACTION
    (match,) = sections["matches"]
    assert match["offer"] == "Koffie schenken in het buurthuis"
    assert (match["answer"], match["reason"]) == ("candidate_declined", DECLINE_REASON)
    assert match["explanation"] == EXPLANATION
    assert any("16" in sentence for sentence in match["why"])
    (placement,) = sections["placements"]
    assert (placement["offer"], placement["start"], placement["end"], placement["outcome"]) == (
        "Werkervaringsplek in de fietsenwerkplaats",
        "2024-05-01",
        "2024-11-01",
        "paid_work",
    )
    assert sections["portal_account"][0]["email"] == "zoe@example.nl"


def test_the_readable_export_shows_those_parts_in_dutch(
    client: Client, everything: Everything
) -> None:
    client.force_login(everything.dossier.professional)

    page = client.get(
        reverse("privacy:candidate-export", args=[everything.dossier.candidate.pk])
    ).content.decode()

    for text in (
        "Uw casussen bij het Zeg JA Team",
        "Besluiten van het Zeg JA Team",
        "Aanbod dat u is voorgesteld",
        "Uw plaatsingen",
        "Uw account voor het portaal",
        "De uren passen",  # why this match, in words
        DECLINE_REASON,
        QUESTION,
    ):
        assert text in page, text


def test_erasure_blanks_the_free_texts_and_keeps_what_the_monitor_counts(
    everything: Everything,
) -> None:
    dossier = everything.dossier
    counted = {
        model: model.objects.count()
        for model in (Case, Decision, Action, Match, Placement, PlanProposal, CaseTransition)
    }

    candidate_erase(
        acting_user=dossier.professional, candidate=dossier.candidate, reason="avg17_request"
    )

    assert {model: model.objects.count() for model in counted} == counted
    case = Case.objects.get(pk=everything.case.pk)
    assert (case.question, case.tried, case.barrier_description) == ("", "", "")
    assert (case.status, case.submitted_on, case.decided_on, case.knelpunt_kinds) == (
        "in_execution",
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 20),
        ["other"],
    )
    decision = Decision.objects.get(pk=everything.decision.pk)
    assert (decision.outcome, decision.decided_on) == ("JA", dt.date(2024, 3, 20))
    assert (decision.solution, decision.rationale) == (ERASED_TEXT, ERASED_TEXT)
    assert decision.condition == "" and decision.principles.count() == 1
    action = Action.objects.get(case=case)
    assert action.description == "" and action.status == "open"
    match = Match.objects.get(pk=everything.match.pk)
    assert (match.status, match.decline_reason) == ("candidate_declined", "")
    assert match.explanation == {
        "eligible": True,
        "score": 0.8,
        "components": {"skills": 0.6, "travel": 0.9},
    }
    assert set(PlanProposal.objects.get().explanation) == {"eligible", "score", "components"}
    placement = Placement.objects.get(pk=everything.placement.pk)
    assert (placement.kind, placement.start, placement.end, placement.outcome) == (
        "work_experience",
        dt.date(2024, 5, 1),
        dt.date(2024, 11, 1),
        "paid_work",
    )


def test_nothing_of_the_case_texts_is_left_in_the_database(everything: Everything) -> None:
    dossier = everything.dossier

    candidate_erase(
        acting_user=dossier.professional, candidate=dossier.candidate, reason="avg17_request"
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT question, tried FROM cases_case WHERE number = %s", [everything.case.number]
        )
        assert cursor.fetchone() == ("", "")
        cursor.execute("SELECT note FROM cases_casetransition")
        assert cursor.fetchall() == [("",)]
