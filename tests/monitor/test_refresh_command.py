"""`werkpad monitor_refresh` computes the city-wide figures ahead of the first visitor."""

from __future__ import annotations

import datetime as dt
import io

from django.core.management import call_command

from tests.monitor.factories import person


def test_refresh_computes_every_goal_and_table(db: None) -> None:
    person((dt.date(2015, 1, 1), None, ""))
    output = io.StringIO()
    call_command("monitor_refresh", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[0].startswith("2 goals and 13 tables per quarter in ")
    assert lines[1].startswith("2 goals and 13 tables per month in ")
