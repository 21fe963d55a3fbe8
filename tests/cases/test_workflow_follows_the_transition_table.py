"""The case workflow is an explicit table: submitted → scheduled → discussed → decided → in
execution → solved, or escalated → decided again or closed. Every step is recorded with who
and when and shown as a timeline; a step the table does not allow is refused clearly."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.cases.conftest import Team
from werkpad.cases.workflow import (
    TRANSITIONS,
    Actor,
    CaseStatus,
    TransitionError,
    check_transition,
)

pytestmark = pytest.mark.django_db


def test_the_table_is_the_designed_workflow() -> None:
    pairs = {(t.source.value, t.target.value) for t in TRANSITIONS}

    assert {
        ("submitted", "scheduled"),
        ("scheduled", "discussed"),
        ("discussed", "decided"),
        ("decided", "in_execution"),
        ("in_execution", "solved"),
        ("discussed", "escalated"),
        ("escalated", "decided"),
        ("escalated", "closed"),
    } <= pairs
    assert not {(s, t) for s, t in pairs if s in {"solved", "closed"}}


def test_a_step_outside_the_table_is_refused_with_the_possible_steps() -> None:
    with pytest.raises(TransitionError) as refused:
        check_transition(source="submitted", target="solved", actors=frozenset(Actor))

    message = refused.value.messages[0]
    assert "A case that is “Submitted” cannot become “Solved”." in message
    assert "“On the agenda”" in message


def test_a_finished_case_says_so() -> None:
    with pytest.raises(TransitionError) as refused:
        check_transition(source="closed", target="decided", actors=frozenset(Actor))

    assert "This case is finished." in refused.value.messages[0]


def test_a_step_by_someone_not_allowed_is_refused_with_who_may() -> None:
    with pytest.raises(TransitionError) as refused:
        check_transition(
            source="scheduled", target="discussed", actors=frozenset({Actor.SUBMITTER})
        )

    assert "Only the chair or the programme lead may" in refused.value.messages[0]


def test_the_page_refuses_a_forged_transition_and_keeps_the_status(team: Team) -> None:
    response = team.client_for(team.submitter).post(
        reverse("cases:transition", kwargs={"case_id": team.case.pk}),
        {"target": "solved", "version": team.case.version, "confirmed": "on"},
    )

    assert response.status_code == 400
    assert "cannot become “Solved”" in response.content.decode()
    team.case.refresh_from_db()
    assert team.case.status == CaseStatus.SCHEDULED


def test_a_stale_version_is_a_conflict(team: Team) -> None:
    response = team.client_for(team.chair).post(
        reverse("cases:transition", kwargs={"case_id": team.case.pk}),
        {"target": "discussed", "version": team.case.version - 1 or 99},
    )

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()


def test_every_step_is_recorded_and_shown_on_the_timeline(team: Team) -> None:
    client = team.client_for(team.chair)
    client.post(
        reverse("cases:transition", kwargs={"case_id": team.case.pk}),
        {"target": "discussed", "version": team.case.version},
    )

    steps = list(team.case.transitions.values_list("target", "by_user", "by_organisation"))
    assert steps == [
        ("submitted", team.submitter.pk, team.submitting.pk),
        ("scheduled", team.submitter.pk, team.submitting.pk),
        ("discussed", team.chair.pk, team.chair_org.pk),
    ]
    page = client.get(reverse("cases:detail", kwargs={"case_id": team.case.pk})).content.decode()
    timeline = page.split('id="timeline"')[1]
    assert (
        timeline.index("Submitted")
        < timeline.index("On the agenda")
        < timeline.index("Being discussed")
    )
    assert str(team.chair) in timeline
    assert "<time datetime=" in timeline


def test_an_escalated_case_can_be_closed(team: Team) -> None:
    team.api_for(team.chair).post(
        f"/api/v1/cases/{team.case.pk}/decision/",
        {
            "outcome": "ESCALATED",
            "rationale": "Alleen het college kan dit besluiten.",
            "escalated_to": "College van B&W",
            "escalation_reason": "Vraagt een beleidswijziging.",
            "principles": ["P2"],
            "meeting": str(team.meeting.pk),
        },
        format="json",
    )
    team.case.refresh_from_db()

    response = team.api_for(team.chair).post(
        f"/api/v1/cases/{team.case.pk}/transitions/",
        {"target": "closed", "version": team.case.version, "note": "Besluit van het college."},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()[-1]["target"] == "closed"
    assert response.json()[-1]["note"] == "Besluit van het college."
