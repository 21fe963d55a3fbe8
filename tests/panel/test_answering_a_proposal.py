"""A proposal from matching shows its reasons in Dutch; the candidate answers "ja, graag" or
"liever niet" with a reason, once, through the match flow's transition table."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.panel.conftest import Portal
from werkpad.offers.models import Match, MatchTransition
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def proposal_url(match: Match) -> str:
    return reverse("panel:proposal", kwargs={"match_id": match.pk})


def test_the_reasons_are_shown_in_dutch(portal: Portal) -> None:
    body = portal.client_for(portal.own.account.user).get(proposal_url(portal.own.match))
    text = body.content.decode()
    assert "Waarom dit bij u kan passen" in text
    assert "De uren passen" in text
    assert "ja, graag" in text.lower()


def test_yes_please_moves_the_match_along_the_flow(portal: Portal) -> None:
    match = portal.own.match
    client = portal.client_for(portal.own.account.user)
    response = client.post(proposal_url(match), {"answer": "yes", "version": match.version})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == "candidate_agreed"
    step = MatchTransition.objects.get(match=match)
    assert (step.source, step.target, step.acting_user) == (
        "proposed",
        "candidate_agreed",
        portal.own.account.user,
    )
    assert ProcessingLogEntry.objects.filter(
        object_id=str(match.pk), action="update", purpose="candidate_self"
    ).exists()

    again = client.post(
        proposal_url(match), {"answer": "no", "reason": "x", "version": match.version}
    )
    assert again.status_code == 400
    match.refresh_from_db()
    assert match.status == "candidate_agreed"


def test_rather_not_needs_a_reason(portal: Portal) -> None:
    match = portal.own.match
    client = portal.client_for(portal.own.account.user)
    missing = client.post(proposal_url(match), {"answer": "no", "version": match.version})
    assert missing.status_code == 400
    assert "Vertel ons waarom niet" in missing.content.decode()
    response = client.post(
        proposal_url(match),
        {"answer": "no", "reason": "Ik kan niet op woensdag", "version": match.version},
    )
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.status, match.decline_reason) == ("candidate_declined", "Ik kan niet op woensdag")


def test_a_stale_answer_is_a_conflict(portal: Portal) -> None:
    match = portal.own.match
    Match.objects.filter(pk=match.pk).update(version=match.version + 1)
    response = portal.client_for(portal.own.account.user).post(
        proposal_url(match), {"answer": "yes", "version": match.version}
    )
    assert response.status_code == 409
    assert "iemand anders" in response.content.decode().lower()
