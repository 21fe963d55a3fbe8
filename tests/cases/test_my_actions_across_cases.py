"""Every professional sees the actions for them or their organisation across cases, with the
overdue ones flagged, and updates their status in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.cases.conftest import Team
from tests.cases.factories import ActionFactory
from werkpad.accounts.models import User
from werkpad.cases.models import Action
from werkpad.organisations.roles import Role
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

MY_ACTIONS = reverse("cases:my-actions")


@pytest.fixture
def actions(team: Team) -> dict[str, Action]:
    today = timezone.localdate()
    team.case.status = "decided"
    team.case.save()
    return {
        "late": ActionFactory(
            case=team.case,
            description="Container bestellen",
            owner_organisation=team.member_org,
            due_on=today - dt.timedelta(days=3),
        ),
        "mine": ActionFactory(
            case=team.case,
            description="Bellen met de verhuurder",
            owner_organisation=team.chair_org,
            owner_person=team.member,
            due_on=today + dt.timedelta(days=5),
        ),
        "other": ActionFactory(
            case=team.case,
            description="Budgetplan maken",
            owner_organisation=team.submitting,
            due_on=today + dt.timedelta(days=9),
        ),
    }


def test_my_actions_lists_mine_and_my_organisations_with_overdue_flagged(
    team: Team, actions: dict[str, Action]
) -> None:
    page = team.client_for(team.member).get(MY_ACTIONS).content.decode()

    assert page.index("Container bestellen") < page.index("Bellen met de verhuurder")
    assert "Budgetplan maken" not in page
    late_row = page.split('id="action-')[1]
    assert "Container bestellen" in late_row and "Overdue" in late_row
    assert page.count(">Overdue<") == 1


def test_only_overdue_and_only_personal_filters(team: Team, actions: dict[str, Action]) -> None:
    client = team.client_for(team.member)

    overdue = client.get(MY_ACTIONS, {"overdue": "1"}).content.decode()
    personal = client.get(MY_ACTIONS, {"mine": "1"}).content.decode()

    assert "Container bestellen" in overdue and "Bellen met de verhuurder" not in overdue
    assert "Bellen met de verhuurder" in personal and "Container bestellen" not in personal


def test_the_status_is_updated_in_place(team: Team, actions: dict[str, Action]) -> None:
    action = actions["late"]

    response = team.client_for(team.member).post(
        reverse("cases:action-status", kwargs={"action_id": action.pk}),
        {"status": "done", "version": action.version, "context": "mine"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert (
        response.content.decode()
        .lstrip()
        .startswith(f'<tr class="utrecht-table__row" id="action-{action.pk}"')
    )
    action.refresh_from_db()
    assert (action.status, action.done_on) == ("done", timezone.localdate())
    team.case.refresh_from_db()
    assert team.case.status == "in_execution"
    assert ProcessingLogEntry.objects.filter(
        user_id=team.member.pk, action="update", activity="zeg_ja_action"
    ).exists()


def test_a_stale_status_update_is_a_conflict(team: Team, actions: dict[str, Action]) -> None:
    action = actions["late"]
    client = team.client_for(team.member)
    url = reverse("cases:action-status", kwargs={"action_id": action.pk})
    client.post(url, {"status": "in_progress", "version": action.version}, HTTP_HX_REQUEST="true")

    response = client.post(
        url, {"status": "done", "version": action.version}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_someone_else_cannot_update_an_action(
    team: Team, actions: dict[str, Action], user_with_role: Callable[..., User]
) -> None:
    stranger = user_with_role(Role.PROFESSIONAL)
    action = actions["late"]

    response = team.client_for(stranger).post(
        reverse("cases:action-status", kwargs={"action_id": action.pk}),
        {"status": "done", "version": action.version},
    )

    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == "open"


def test_an_owner_without_access_to_the_case_sees_the_number_not_the_name(
    team: Team, actions: dict[str, Action], user_with_role: Callable[..., User]
) -> None:
    colleague = user_with_role(Role.PROFESSIONAL, team.member_org)

    page = team.client_for(colleague).get(MY_ACTIONS).content.decode()

    assert "Container bestellen" in page
    assert f"{team.case.reference} (M.E.)" in page
    assert "El Amrani" not in page
    entry = ProcessingLogEntry.objects.get(user_id=colleague.pk)
    assert (entry.action, entry.activity, entry.purpose, entry.organisation) == (
        "list",
        "zeg_ja_action",
        "zeg_ja_team",
        "delft-voor-elkaar",
    )


def test_the_case_page_flags_overdue_actions(team: Team, actions: dict[str, Action]) -> None:
    page = (
        team.client_for(team.chair)
        .get(reverse("cases:detail", kwargs={"case_id": team.case.pk}))
        .content.decode()
    )

    assert page.count(">Overdue<") == 1


def test_an_empty_list_says_what_to_expect(team: Team) -> None:
    page = team.client_for(team.outsider).get(MY_ACTIONS).content.decode()

    assert "You have no actions here." in page
