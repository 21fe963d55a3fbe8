"""The dashboard for the programme lead and the board: goals, figures, filters, downloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from tests.monitor.factories import GoalFactory, person
from werkpad.accounts.models import User
from werkpad.organisations.roles import Role

D = dt.date


@pytest.fixture
def city(db: None) -> None:
    for _ in range(6):
        person((D(2015, 3, 1), None, ""))
    person((D(2018, 6, 15), D(2019, 2, 10), "work"))
    person((D(2019, 2, 1), D(2019, 2, 28), "work_with_support"), (D(2019, 4, 15), None, ""))


def test_programme_lead_sees_goals_and_figures(
    city: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    GoalFactory(title="Bijstand halveren", baseline_value=7, target_value=3)
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    response = client.get("/monitor/", {"start": "2019-01", "end": "2019-12"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bijstand halveren" in html
    assert "<svg" in html
