"""The Zeg JA Team answers JA, JA MITS or ESCALATED. "No" cannot be recorded: not by tampering
with the form, not through the API, not even straight into the database."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.cases.conftest import Team, decision_form_data
from werkpad.cases.models import Decision, Outcome

pytestmark = pytest.mark.django_db


def chair_url(team: Team) -> str:
    return reverse("cases:chair", kwargs={"meeting_id": team.meeting.pk})


def test_the_only_outcomes_are_ja_ja_mits_and_escalated() -> None:
    assert Outcome.values == ["JA", "JA_MITS", "ESCALATED"]


def test_a_tampered_form_with_nee_is_refused_with_a_clear_message(team: Team) -> None:
    client = team.client_for(team.chair)

    response = client.post(chair_url(team), decision_form_data(team, outcome="NEE", punt=1))

    assert response.status_code == 400
    assert "“No” is not an answer in the Zeg JA Team" in response.content.decode()
    assert not Decision.objects.exists()
    team.case.refresh_from_db()
    assert team.case.status == "scheduled"


def test_the_decision_page_refuses_nee_too(team: Team) -> None:
    client = team.client_for(team.chair)

    response = client.post(
        reverse("cases:decision", kwargs={"case_id": team.case.pk}),
        decision_form_data(team, outcome="NEE"),
    )

    assert response.status_code == 400
    assert "Choose JA, JA MITS or Escalated" in response.content.decode()
    assert not Decision.objects.exists()


def test_the_api_refuses_nee_with_400_and_errors_outcome(team: Team) -> None:
    response = team.api_for(team.chair).post(
        f"/api/v1/cases/{team.case.pk}/decision/",
        {
            "outcome": "NEE",
            "rationale": "Past niet in de regels.",
            "principles": ["P1"],
            "actions": [],
        },
        format="json",
    )

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert "“No” is not an answer" in body["errors"]["outcome"][0]
    assert not Decision.objects.exists()


def test_the_database_itself_refuses_another_outcome(team: Team) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            case=team.case,
            outcome="NEE",
            rationale="Geen mogelijkheden.",
            decided_on=timezone.localdate(),
        )


def test_the_form_offers_only_the_three_outcomes(team: Team) -> None:
    page = team.client_for(team.chair).get(chair_url(team)).content.decode()

    offered = {
        value for value in ("JA", "JA_MITS", "ESCALATED", "NEE") if f'value="{value}"' in page
    }
    assert offered == {"JA", "JA_MITS", "ESCALATED"}
