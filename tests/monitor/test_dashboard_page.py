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


def test_filters_swap_the_figures_in_place_with_htmx(
    city: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    response = client.get(
        "/monitor/",
        {"start": "2019-01", "end": "2019-03", "granularity": "month"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="monitor-body">')
    assert "<html" not in html
    assert [row["period"] for row in response.context["tables"]["flows"].rows] == [
        "2019-01",
        "2019-02",
        "2019-03",
    ]


def test_a_wrong_month_is_explained_and_the_default_time_shown(
    city: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    response = client.get("/monitor/", {"start": "2019-13", "end": "2018-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef een maand als jaar-maand, bijvoorbeeld 2019-01." in html
    assert 'aria-invalid="true"' in html
    assert response.context["tables"]["flows"].rows[0]["period_start"] == D(2019, 1, 1)


def test_an_empty_time_says_what_to_do(
    city: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    response = client.get("/monitor/", {"start": "2019-01", "end": "2019-12"})
    assert "Nog niets te tellen in deze tijd." in response.content.decode()  # no deals, no cases


def test_the_board_does_not_see_a_goal_value_resting_on_fewer_than_five(
    city: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.BOARD))
    response = client.get("/monitor/", {"end": "2019-06"})
    extra = next(
        card
        for card in response.context["goal_cards"]
        if card.progress.goal.metric == "extra_to_work"
    )
    assert extra.progress.current.people == 2  # B and D left for work in February
    assert extra.current == "< 5"
    assert not extra.shows_progress
    assert "Trend" not in str(extra.chart.legend)
    assert all(value == "< 5" for _day, value in extra.points[1:])
