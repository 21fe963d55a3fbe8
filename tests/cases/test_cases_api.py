"""`/api/v1/cases/`, `cases/{id}/decision/`, `meetings/`, `actions/` (DESIGN.md §4): the same
access policy, rules and processing log as the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.cases.conftest import Team
from tests.cases.factories import ActionFactory
from werkpad.cases.models import Decision
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def ja(team: Team, **overrides: object) -> dict[str, object]:
    return {
        "outcome": "JA",
        "solution": "Vrijwilligers knappen de tuin op.",
        "rationale": "De tuin is het enige knelpunt.",
        "principles": ["P2", "P3"],
        "committed_organisations": ["delft-voor-elkaar"],
        "meeting": str(team.meeting.pk),
        "actions": [
            {
                "description": "Tuin snoeien",
                "owner_organisation": "delft-voor-elkaar",
                "owner_person": str(team.member.pk),
                "due_on": (timezone.localdate() + dt.timedelta(days=14)).isoformat(),
            }
        ],
        **overrides,
    }


def test_the_case_list_has_the_contract_fields_and_logs(team: Team) -> None:
    response = team.api_for(team.member).get("/api/v1/cases/")

    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    row = body["results"][0]
    assert {"id", "candidate", "question", "status"} <= set(row)
    assert row == {
        **row,
        "id": str(team.case.pk),
        "candidate": str(team.candidate.pk),
        "question": "Wie helpt de tuin op te knappen?",
        "status": "scheduled",
        "submitting_organisation": "werkse",
        "reference": team.case.reference,
    }
    assert ProcessingLogEntry.objects.filter(user_id=team.member.pk, action="list").count() == 1


def test_a_case_is_read_and_logged(team: Team) -> None:
    response = team.api_for(team.submitter).get(f"/api/v1/cases/{team.case.pk}/")

    assert response.status_code == 200
    assert response.json()["knelpunt_kinds"] == ["housing"]
    entry = ProcessingLogEntry.objects.get(user_id=team.submitter.pk, action="view")
    assert entry.activity == "zeg_ja_case"


def test_a_case_is_submitted_through_the_api(team: Team) -> None:
    response = team.api_for(team.submitter).post(
        "/api/v1/cases/",
        {
            "candidate": str(team.candidate.pk),
            "submitting_organisation": "werkse",
            "tried": "Schuldhulp aangevraagd.",
            "question": "Kan de schuldhulp sneller starten?",
            "knelpunt_kinds": ["debts"],
            "urgency": "urgent",
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["status"] == "submitted"
    assert response.json()["reference"] == f"ZJA-{team.case.number + 1:03d}"


def test_the_decision_is_recorded_and_read_with_principles_as_codes(team: Team) -> None:
    client = team.api_for(team.chair)

    created = client.post(f"/api/v1/cases/{team.case.pk}/decision/", ja(team), format="json")
    read = client.get(f"/api/v1/cases/{team.case.pk}/decision/")

    assert created.status_code == 201
    body = read.json()
    assert body["outcome"] == "JA"
    assert body["principles"] == ["P2", "P3"]
    assert body["committed_organisations"] == ["delft-voor-elkaar"]
    assert body["actions"][0]["description"] == "Tuin snoeien"
    assert body["actions"][0]["owner_organisation"] == "delft-voor-elkaar"
    assert body["actions"][0]["owner_person"] == str(team.member.pk)


def test_a_case_without_a_decision_answers_404_on_its_decision(team: Team) -> None:
    assert (
        team.api_for(team.chair).get(f"/api/v1/cases/{team.case.pk}/decision/").status_code == 404
    )


def test_unknown_principles_and_organisations_are_named(team: Team) -> None:
    client = team.api_for(team.chair)

    principles = client.post(
        f"/api/v1/cases/{team.case.pk}/decision/", ja(team, principles=["P99"]), format="json"
    )
    organisations = client.post(
        f"/api/v1/cases/{team.case.pk}/decision/",
        ja(team, committed_organisations=["bestaat-niet"]),
        format="json",
    )

    assert "P99" in principles.json()["errors"]["principles"][0]
    assert "committed_organisations" in organisations.json()["errors"]
    assert not Decision.objects.exists()


def test_only_the_chair_or_programme_lead_records_a_decision(team: Team) -> None:
    response = team.api_for(team.member).post(
        f"/api/v1/cases/{team.case.pk}/decision/", ja(team), format="json"
    )

    assert response.status_code == 400
    assert "Only the chair or the programme lead" in str(response.json()["errors"])
    assert not Decision.objects.exists()


def test_meetings_show_attendees_and_agenda(team: Team) -> None:
    body = team.api_for(team.member).get("/api/v1/meetings/").json()

    meeting = body["results"][0]
    assert meeting["id"] == str(team.meeting.pk)
    assert {(a["organisation"], a["role"]) for a in meeting["attendees"]} == {
        ("wsp-delft", "chair"),
        ("delft-voor-elkaar", "zeg_ja_member"),
    }
    assert meeting["agenda"] == [
        {
            "case": str(team.case.pk),
            "reference": team.case.reference,
            "position": 1,
            "time_box_minutes": 15,
        }
    ]


def test_actions_have_the_contract_fields_and_update_with_a_version(team: Team) -> None:
    action = ActionFactory(case=team.case, owner_organisation=team.member_org)
    client = team.api_for(team.member)

    listed = client.get("/api/v1/actions/", {"mine": "1"}).json()["results"][0]
    updated = client.patch(
        f"/api/v1/actions/{action.pk}/", {"status": "in_progress", "version": 1}, format="json"
    )
    stale = client.patch(
        f"/api/v1/actions/{action.pk}/", {"status": "done", "version": 1}, format="json"
    )

    assert {"case", "description", "owner_organisation", "due_on", "status"} <= set(listed)
    assert listed["owner_organisation"] == "delft-voor-elkaar"
    assert listed["overdue"] is False
    assert updated.status_code == 200
    assert updated.json()["status"] == "in_progress"
    assert stale.status_code == 409


def test_the_outsider_sees_no_actions_and_cannot_change_them(team: Team) -> None:
    action = ActionFactory(case=team.case, owner_organisation=team.member_org)
    client = team.api_for(team.outsider)

    assert client.get("/api/v1/actions/").json()["count"] == 0
    assert client.get(f"/api/v1/actions/{action.pk}/").status_code == 404
    assert (
        client.patch(
            f"/api/v1/actions/{action.pk}/", {"status": "done", "version": 1}, format="json"
        ).status_code
        == 404
    )


def test_malformed_ids_and_filters_answer_4xx(team: Team) -> None:
    client = team.api_for(team.member)

    assert client.get("/api/v1/cases/not-a-uuid/").status_code == 404
    assert client.get("/api/v1/actions/", {"case": "not-a-uuid"}).status_code == 400
    assert client.post("/api/v1/cases/", "{", content_type="application/json").status_code == 400
