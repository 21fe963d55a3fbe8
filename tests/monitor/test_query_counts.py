"""The monitor's pages run a fixed number of queries, however many people they count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.candidates.factories import LadderScoreFactory
from tests.cases.factories import CaseFactory
from tests.monitor.factories import PilotFactory, person
from tests.offers.factories import OfferFactory, PlacementFactory
from werkpad.accounts.models import User
from werkpad.organisations.roles import Role

D = dt.date


def _more_people(count: int) -> None:
    offer = OfferFactory()
    pilot = PilotFactory()
    pilot.offers.add(offer)
    for index in range(count):
        candidate = person(
            (D(2015 + index % 5, 1, 1), D(2019, 1 + index % 12, 15), "work"),
            (D(2020, 2, 1), None, ""),
        )
        LadderScoreFactory(candidate=candidate, assessed_on=D(2019, 5, 1))
        CaseFactory(candidate=candidate, submitted_on=D(2020, 3, 1))
        PlacementFactory(candidate=candidate, offer=offer, start=D(2020, 4, 1))


def _queries(client: Client, url: str, query: dict[str, str] | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, query or {}).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("role", [Role.PROGRAMME_LEAD, Role.BOARD])
def test_dashboard_queries_do_not_grow_with_the_data(
    role: Role,
    client: Client,
    user_with_role: Callable[..., User],
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    client.force_login(user_with_role(role))
    _more_people(2)
    few = _queries(client, "/monitor/", {"granularity": "month"})
    _more_people(10)
    with django_assert_max_num_queries(few):  # type: ignore[operator]
        assert client.get("/monitor/", {"granularity": "month"}).status_code == 200
    with django_assert_max_num_queries(40):  # type: ignore[operator]
        assert client.get("/monitor/").status_code == 200


def test_register_and_goal_pages_query_counts(
    client: Client,
    user_with_role: Callable[..., User],
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    _more_people(5)
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    with django_assert_max_num_queries(18):  # type: ignore[operator]
        assert client.get("/monitor/pilots/").status_code == 200
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        assert client.get("/monitor/doelen/").status_code == 200
