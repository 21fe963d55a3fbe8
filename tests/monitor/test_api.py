"""The monitor's API (DESIGN.md §4 `monitor/`): goal progress and indicators as JSON, with the
same audiences as the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.candidates.api_clients import client_for, member_of, partner, team_inkomen
from tests.monitor.factories import person
from werkpad.organisations.roles import Role

D = dt.date
API = "/api/v1/monitor/"
YEAR_2019 = {"start": "2019-01", "end": "2019-12"}


@pytest.fixture
def city(db: None) -> None:
    inkomen = team_inkomen()
    for _ in range(6):
        person((D(2015, 1, 1), None, ""), lead_organisation=inkomen)
    person((D(2018, 1, 1), D(2019, 2, 10), "work"), lead_organisation=inkomen)
    person((D(2016, 1, 1), None, ""), lead_organisation=partner())


def test_goal_progress_for_the_programme_lead(city: None) -> None:
    client = client_for(member_of(partner("wsp-delft"), Role.PROGRAMME_LEAD))
    response = client.get(f"{API}goals/", {"end": "2019-06"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    halving = body["results"][0]
    assert halving["metric"] == "on_bijstand"
    assert halving["baseline"] == {"date": "2019-01-01", "value": 3500}
    assert halving["target"] == {"date": "2023-12-31", "value": 1750}
    assert halving["current"] == {"date": "2019-06-30", "value": 7}
    assert halving["series"][0] == {"date": "2019-01-01", "value": 8}
    assert halving["projection"]["date"] == "2023-12-31"
    assert halving["finished"] is False
    extra = body["results"][1]
    assert extra["metric"] == "extra_to_work"
    assert extra["usual_outflow_to_work_per_year"] is None  # no outflow before 2019 here


def test_indicators_listed_and_one_as_a_table(city: None) -> None:
    client = client_for(member_of(partner("wsp-delft"), Role.PROGRAMME_LEAD))
    listing = client.get(f"{API}indicators/").json()
    assert "flows" in [item["code"] for item in listing["results"]]
    flows = client.get(f"{API}indicators/flows/", YEAR_2019).json()
    assert flows["code"] == "flows"
    assert flows["suppressed"] is False
    assert flows["columns"][1] == {
        "key": "on_bijstand",
        "label": flows["columns"][1]["label"],
        "kind": "count",
    }
    assert [row["on_bijstand"] for row in flows["rows"]] == [8, 7, 7, 7]
    assert flows["rows"][0]["to_work"] == 1


def test_the_board_gets_aggregates_with_less_than_five(city: None) -> None:
    client = client_for(member_of(partner("wsp-delft"), Role.BOARD))
    flows = client.get(f"{API}indicators/flows/", YEAR_2019).json()
    assert flows["suppressed"] is True
    assert flows["rows"][0]["to_work"] == "< 5"
    assert flows["rows"][0]["on_bijstand"] == 8
    goals = client.get(f"{API}goals/", {"end": "2019-06"}).json()["results"]
    assert goals[1]["current"]["value"] == "< 5"  # one extra to work so far


def test_professionals_count_their_own_candidates_and_get_no_city_goals(city: None) -> None:
    client = client_for(member_of(team_inkomen()))
    flows = client.get(f"{API}indicators/flows/", YEAR_2019).json()
    assert [row["on_bijstand"] for row in flows["rows"]] == [7, 6, 6, 6]
    assert client.get(f"{API}goals/").status_code == 404


def test_bad_filters_answer_400_and_unknown_indicators_404(city: None) -> None:
    client = client_for(member_of(partner("wsp-delft"), Role.PROGRAMME_LEAD))
    response = client.get(f"{API}indicators/flows/", {"start": "2019-13", "end": "x"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"start", "end"}
    reversed_months = client.get(f"{API}indicators/flows/", {"start": "2020-01", "end": "2019-01"})
    assert reversed_months.status_code == 400
    assert client.get(f"{API}indicators/everyone/").status_code == 404


def test_no_monitor_without_a_role_for_it(city: None) -> None:
    client = client_for(member_of(partner(), Role.ADMIN))
    assert client.get(f"{API}indicators/").status_code == 403
    assert client.get(f"{API}indicators/flows/").status_code == 403
