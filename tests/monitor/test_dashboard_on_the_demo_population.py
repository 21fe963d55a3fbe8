"""Acceptance on the demo data: the dashboard starts at the 2019 stock (here the demo at a
tenth of Delft's size: 350 people on 2019-01-01), shows both goal lines, and its stock equals an
independent count from the raw benefit periods."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import translation

from werkpad.accounts.models import User
from werkpad.candidates.models import BenefitPeriod
from werkpad.demo.loading import population_load
from werkpad.demo.population import generate_population
from werkpad.demo.services import demo_partners_load
from werkpad.monitor.periods import months_from
from werkpad.organisations.roles import Role

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def demo(db: None) -> None:
    demo_partners_load()
    population_load(population=generate_population(candidates=350, seed=7, today=TODAY))


def _independent_stock(day: dt.date) -> int:
    """People with a benefit period covering `day`, counted in Python from the raw rows."""
    periods = defaultdict(list)
    for candidate_id, start, end in BenefitPeriod.objects.values_list(
        "candidate_id", "start", "end"
    ):
        periods[candidate_id].append((start, end))
    return sum(
        1
        for spans in periods.values()
        if any(start <= day and (end is None or end >= day) for start, end in spans)
    )


def test_dashboard_stock_equals_a_count_of_the_raw_benefit_periods(
    demo: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    response = client.get(
        "/monitor/", {"start": "2019-01", "end": "2023-12", "granularity": "month"}
    )
    assert response.status_code == 200
    rows = response.context["tables"]["flows"].rows
    assert [row["period_start"] for row in rows] == months_from(D(2019, 1, 1), D(2023, 12, 1))
    assert rows[0]["on_bijstand"] == 350  # the demo's stock on 1 January 2019
    for row in rows:
        assert row["on_bijstand"] == _independent_stock(row["period_start"]), row["period"]


def test_dashboard_shows_both_goals_with_their_goal_lines(
    demo: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    with translation.override("en"):
        response = client.get("/monitor/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    cards = response.context["goal_cards"]
    assert [card.progress.goal.metric for card in cards] == ["on_bijstand", "extra_to_work"]
    assert html.count('role="img"') >= 2
    assert html.count("Goal line: from the start to the target") == 2
    halving = cards[0].progress
    assert halving.series[0].day == D(2019, 1, 1)
    assert halving.series[0].value == _independent_stock(D(2019, 1, 1))
    assert halving.current.day == D(2023, 12, 31)
    assert halving.current.value == _independent_stock(D(2023, 12, 31))
