"""On bijstand, inflow, outflow and outflow to work by household and by age band, by hand.

Range: 2019. Ages are whole years on the day that matters.
- S1 single, born 1995-06-15: 2018-01-01 → 2019-06-30 work. 23 on 1 January 2019, 24 on
  leaving: younger than 27.
- S2 single, born 1992-03-01: 2019-02-01 → open. 26 on the start (inflow younger than 27),
  27 on 31 December 2019 (the end of the range).
- P1 single parent, born 1980-01-01: 2010-05-01 → 2019-03-31 moved. 39 at the start and end.
- C1 couple, born 1960-12-31: 2019-01-01 → open. 58 on both days.
- C2 couple, born 1975-07-01: 2019-01-01 → 2019-01-20 other, back 2019-02-05 (16 days);
  43 on the start, 44 at the end.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from tests.monitor.factories import person
from werkpad.monitor.indicators import groups_table, monthly_flows
from werkpad.monitor.periods import Granularity, Range
from werkpad.monitor.sql import Scope

D = dt.date


@pytest.fixture
def rows(db: None) -> dict[str, dict[str, object]]:
    person((D(2018, 1, 1), D(2019, 6, 30), "work"), household="single", birth_date=D(1995, 6, 15))
    person((D(2019, 2, 1), None, ""), household="single", birth_date=D(1992, 3, 1))
    person(
        (D(2010, 5, 1), D(2019, 3, 31), "moved"),
        household="single_parent",
        birth_date=D(1980, 1, 1),
    )
    person((D(2019, 1, 1), None, ""), household="couple", birth_date=D(1960, 12, 31))
    person(
        (D(2019, 1, 1), D(2019, 1, 20), "other"),
        (D(2019, 2, 5), None, ""),
        household="couple",
        birth_date=D(1975, 7, 1),
    )
    period_range = Range(D(2019, 1, 1), D(2019, 12, 31), Granularity.QUARTER)
    with translation.override("en"):
        table = groups_table(
            scope=Scope(),
            flows=monthly_flows(Scope()),
            period_range=period_range,
            today=D(2026, 1, 1),
        )
    return {str(row["group"]): row for row in table.rows}


def _figures(row: dict[str, object]) -> tuple[object, ...]:
    return tuple(row[key] for key in ("first", "inflow", "outflow", "to_work", "last"))


def test_by_household(rows: dict[str, dict[str, object]]) -> None:
    assert _figures(rows["Single"]) == (1, 1, 1, 1, 1)
    assert _figures(rows["Single parent"]) == (1, 0, 1, 0, 0)
    # C2's return after 16 days is neither outflow nor inflow.
    assert _figures(rows["Couple"]) == (2, 2, 0, 0, 2)


def test_by_age_on_the_day_that_matters(rows: dict[str, dict[str, object]]) -> None:
    assert _figures(rows["younger than 27"]) == (1, 1, 1, 1, 0)
    assert _figures(rows["27 to 34"]) == (0, 0, 0, 0, 1)
    assert _figures(rows["35 to 44"]) == (2, 1, 1, 0, 1)
    assert _figures(rows["45 to 54"]) == (0, 0, 0, 0, 0)
    assert _figures(rows["55 and older"]) == (1, 1, 0, 0, 1)
