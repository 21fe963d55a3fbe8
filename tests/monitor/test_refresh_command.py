"""`werkpad monitor_refresh` computes the city-wide figures ahead of the first visitor."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from tests.conftest import DataVersion
from tests.monitor.factories import person
from werkpad.monitor.cache import remember


def test_refresh_computes_every_goal_and_table(db: None) -> None:
    person((dt.date(2015, 1, 1), None, ""))
    output = io.StringIO()
    call_command("monitor_refresh", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[0].startswith("2 goals and 13 tables per quarter in ")
    assert lines[1].startswith("2 goals and 13 tables per month in ")


@pytest.mark.django_db(transaction=True)
def test_after_a_change_the_refresh_leaves_new_figures_kept(
    kept_in_background: DataVersion,
) -> None:
    """With figures kept from before the nightly import, the command waits for the new ones."""
    person((dt.date(2015, 1, 1), None, ""))
    call_command("monitor_refresh", stdout=io.StringIO())
    person((dt.date(2016, 1, 1), None, ""))
    kept_in_background.number = 2

    call_command("monitor_refresh", stdout=io.StringIO())

    kept = remember(2, "flows:all", lambda: pytest.fail("the refresh should have kept them"))
    assert not kept.stale
    assert kept.value.stock_on(dt.date(2019, 1, 1)) == 2
