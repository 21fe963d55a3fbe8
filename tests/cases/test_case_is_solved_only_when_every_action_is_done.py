"""A case becomes solved only when every action is done and someone confirms it. The first
action started puts a decided case in execution."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.cases.conftest import Team
from werkpad.cases.models import Action
from werkpad.cases.selectors import case_get_unlogged
from werkpad.cases.services import action_set_status, decision_record

pytestmark = pytest.mark.django_db


def decide(team: Team, actions: int = 2) -> list[Action]:
    view = case_get_unlogged(user=team.chair, case_id=team.case.pk)
    decision = decision_record(
        acting_user=team.chair,
        view=view,
        meeting=team.meeting,
        outcome="JA",
        solution="Vrijwilligers knappen de tuin op.",
        rationale="De tuin is het enige knelpunt.",
        principle_codes=["P2"],
        committed_organisations=[team.member_org],
        actions=[team.action(description=f"Stap {n}") for n in range(actions)],
    )
    return list(decision.actions.order_by("description"))


def set_status(team: Team, action: Action, status: str) -> Action:
    action.refresh_from_db()
    return action_set_status(
        acting_user=team.member, action=action, status=status, expected_version=action.version
    )


def solve(team: Team, *, confirmed: bool = True, client: Client | None = None):
    team.case.refresh_from_db()
    data = {"target": "solved", "version": team.case.version}
    if confirmed:
        data["confirmed"] = "on"
    return (client or team.client_for(team.submitter)).post(
        reverse("cases:transition", kwargs={"case_id": team.case.pk}), data
    )


def test_starting_an_action_puts_the_case_in_execution(team: Team) -> None:
    first, _ = decide(team)

    set_status(team, first, "in_progress")

    team.case.refresh_from_db()
    assert team.case.status == "in_execution"
    assert team.case.transitions.last().by_user == team.member


def test_a_case_cannot_become_solved_while_an_action_is_open(team: Team) -> None:
    first, second = decide(team)
    set_status(team, first, "done")

    response = solve(team)

    assert response.status_code == 400
    page = response.content.decode()
    assert "cannot be solved while actions are still open: Stap 1" in page
    team.case.refresh_from_db()
    assert team.case.status == "in_execution"
    assert team.case.solved_on is None


def test_the_api_refuses_solving_with_an_open_action_too(team: Team) -> None:
    first, _ = decide(team)
    set_status(team, first, "done")
    team.case.refresh_from_db()

    response = team.api_for(team.submitter).post(
        f"/api/v1/cases/{team.case.pk}/transitions/",
        {"target": "solved", "version": team.case.version, "confirmed": True},
        format="json",
    )

    assert response.status_code == 400
    assert "still open" in response.json()["errors"]["non_field_errors"][0]


def test_solving_needs_a_confirmation(team: Team) -> None:
    for action in decide(team):
        set_status(team, action, "done")

    response = solve(team, confirmed=False)

    assert response.status_code == 400
    assert "Confirm that the situation is solved." in response.content.decode()
    team.case.refresh_from_db()
    assert team.case.status == "in_execution"


def test_with_every_action_done_and_confirmed_the_case_is_solved(team: Team) -> None:
    for action in decide(team):
        set_status(team, action, "done")

    client = team.client_for(team.submitter)
    response = solve(team, client=client)

    assert response.status_code == 302
    team.case.refresh_from_db()
    assert team.case.status == "solved"
    assert team.case.solved_on is not None
    assert team.case.days_to_solution == (team.case.solved_on - team.case.submitted_on).days
    page = client.get(response["Location"]).content.decode()
    assert "The status of the case is changed." in page
