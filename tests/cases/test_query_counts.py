"""The list and detail pages run a fixed number of queries, however many cases there are."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.candidates.factories import ConsentFactory
from tests.cases.conftest import Team
from tests.cases.factories import ActionFactory, AgendaItemFactory, CaseFactory

pytestmark = pytest.mark.django_db


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_cases(team: Team, count: int) -> None:
    for _ in range(count):
        case = CaseFactory(submitting_organisation=team.submitting, status="decided")
        ConsentFactory(
            candidate=case.candidate, organisation=team.submitting, purpose="zeg_ja_team"
        )
        AgendaItemFactory(meeting=team.meeting, case=case)
        ActionFactory(case=case, owner_organisation=team.member_org)


@pytest.mark.parametrize(
    "url_name",
    ["cases:list", "cases:my-actions", "cases:meetings"],
)
def test_lists_run_a_fixed_number_of_queries(
    team: Team, url_name: str, django_assert_max_num_queries
) -> None:
    client = team.client_for(team.member)
    add_cases(team, 1)
    few = count_queries(client, reverse(url_name))
    add_cases(team, 12)

    with django_assert_max_num_queries(30):
        many = count_queries(client, reverse(url_name))

    assert many == few


@pytest.mark.parametrize(
    "url_name",
    ["cases:meeting", "cases:chair", "cases:minutes"],
)
def test_meeting_pages_run_a_fixed_number_of_queries(
    team: Team, url_name: str, django_assert_max_num_queries
) -> None:
    client = team.client_for(team.chair)
    url = reverse(url_name, kwargs={"meeting_id": team.meeting.pk})
    few = count_queries(client, url)
    add_cases(team, 12)

    with django_assert_max_num_queries(60):
        many = count_queries(client, url)

    assert many == few


def test_the_case_page_runs_a_fixed_number_of_queries(
    team: Team, django_assert_max_num_queries
) -> None:
    client = team.client_for(team.chair)
    url = reverse("cases:detail", kwargs={"case_id": team.case.pk})
    ActionFactory(case=team.case, owner_organisation=team.member_org)
    few = count_queries(client, url)
    for _ in range(8):
        ActionFactory(case=team.case, owner_organisation=team.member_org)

    with django_assert_max_num_queries(40):
        many = count_queries(client, url)

    assert many == few


def test_the_api_case_list_runs_a_fixed_number_of_queries(
    team: Team, django_assert_max_num_queries
) -> None:
    client = team.api_for(team.member)
    few = count_queries(client, "/api/v1/cases/")
    add_cases(team, 12)

    with django_assert_max_num_queries(15):
        many = count_queries(client, "/api/v1/cases/")

    assert many == few
