"""Stock, inflow, outflow, outflow to work and long-term figures agree with a hand count.

The people (periods as start → end, reason):
- A 2015-03-01 → open: long-term from 2020-03-01.
- B 2018-06-15 → 2019-02-10 work.
- C 2019-01-01 → 2019-03-31 other, back on 2019-04-20 (20 days): neither outflow nor inflow.
- D 2019-02-01 → 2019-02-28 work with support, back on 2019-04-15 (46 days): both count.
- E 2013-05-01 → 2019-05-31 work: long-term outflow.
- F 2019-03-05 → 2019-03-20 moved.
- G 2019-06-01 → 2019-06-10 other, back exactly 30 days later on 2019-07-10: neither.
- H 2019-06-01 → 2019-06-10 other, back 31 days later on 2019-07-11: both count.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from tests.monitor.factories import person
from werkpad.monitor.indicators import flows_table, monthly_flows
from werkpad.monitor.periods import Granularity, Range
from werkpad.monitor.sql import Scope

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def history(db: None) -> None:
    person((D(2015, 3, 1), None, ""))
    person((D(2018, 6, 15), D(2019, 2, 10), "work"))
    person((D(2019, 1, 1), D(2019, 3, 31), "other"), (D(2019, 4, 20), None, ""))
    person((D(2019, 2, 1), D(2019, 2, 28), "work_with_support"), (D(2019, 4, 15), None, ""))
    person((D(2013, 5, 1), D(2019, 5, 31), "work"))
    person((D(2019, 3, 5), D(2019, 3, 20), "moved"))
    person((D(2019, 6, 1), D(2019, 6, 10), "other"), (D(2019, 7, 10), None, ""))
    person((D(2019, 6, 1), D(2019, 6, 10), "other"), (D(2019, 7, 11), None, ""))


def _rows(granularity: Granularity) -> dict[str, dict[str, object]]:
    with translation.override("en"):
        return _table_rows(granularity)


def _table_rows(granularity: Granularity) -> dict[str, dict[str, object]]:
    table = flows_table(
        flows=monthly_flows(Scope()),
        period_range=Range(D(2019, 1, 1), D(2019, 8, 31), granularity),
        usual=None,
        today=TODAY,
    )
    return {str(row["period"]): row for row in table.rows}


def test_monthly_stock_is_counted_on_the_first_day(history: None) -> None:
    rows = _rows(Granularity.MONTH)
    stock = [rows[f"2019-{m:02d}"]["on_bijstand"] for m in range(1, 9)]
    assert stock == [4, 5, 3, 2, 4, 5, 3, 5]


def test_leaving_and_returning_within_30_days_is_neither_outflow_nor_inflow(
    history: None,
) -> None:
    """C (back after 20 days) and G (back after exactly 30) count in neither month; H (back
    after 31 days) counts as outflow in June and inflow in July."""
    rows = _rows(Granularity.MONTH)
    assert (rows["2019-03"]["outflow"], rows["2019-04"]["inflow"]) == (1, 1)  # F out, D in
    assert rows["2019-06"]["outflow"] == 1  # H only, not G
    assert rows["2019-07"]["inflow"] == 1  # H only, not G


def test_monthly_flows_follow_the_30_day_rule(history: None) -> None:
    rows = _rows(Granularity.MONTH)
    inflow = [rows[f"2019-{m:02d}"]["inflow"] for m in range(1, 8)]
    outflow = [rows[f"2019-{m:02d}"]["outflow"] for m in range(1, 8)]
    assert inflow == [1, 1, 1, 1, 0, 2, 1]
    assert outflow == [0, 2, 1, 0, 1, 1, 0]


def test_outflow_to_work_with_and_without_support(history: None) -> None:
    rows = _rows(Granularity.MONTH)
    february, may = rows["2019-02"], rows["2019-05"]
    assert (february["to_work"], february["to_work_with_support"]) == (2, 1)
    assert february["to_work_without_support"] == 1
    assert (may["to_work"], may["to_work_without_support"]) == (1, 1)


def test_long_term_stock_and_outflow(history: None) -> None:
    rows = _rows(Granularity.MONTH)
    assert [rows[f"2019-{m:02d}"]["long_term"] for m in range(1, 8)] == [1, 1, 1, 1, 1, 0, 0]
    assert rows["2019-05"]["long_term_outflow"] == 1
    assert sum(int(r["long_term_outflow"]) for r in rows.values()) == 1
    later = flows_table(
        flows=monthly_flows(Scope()),
        period_range=Range(D(2020, 2, 1), D(2020, 3, 31), Granularity.MONTH),
        usual=None,
        today=TODAY,
    )
    assert [row["long_term"] for row in later.rows] == [0, 1]


def test_quarters_add_up_their_months(history: None) -> None:
    rows = _rows(Granularity.QUARTER)
    first, second, third = rows["2019 Q1"], rows["2019 Q2"], rows["2019 Q3"]
    assert (first["on_bijstand"], first["inflow"], first["outflow"]) == (4, 3, 3)
    assert (first["to_work"], first["to_work_with_support"]) == (2, 1)
    assert (second["on_bijstand"], second["inflow"], second["outflow"]) == (2, 3, 2)
    assert (second["to_work"], second["long_term_outflow"]) == (1, 1)
    assert (third["on_bijstand"], third["inflow"], third["outflow"]) == (3, 1, 0)


def test_a_period_in_the_future_has_no_stock(history: None) -> None:
    table = flows_table(
        flows=monthly_flows(Scope()),
        period_range=Range(D(2019, 1, 1), D(2019, 3, 31), Granularity.MONTH),
        usual=None,
        today=D(2019, 2, 15),
    )
    assert [row["on_bijstand"] for row in table.rows] == [4, 5, None]
