"""Zeg JA Team figures per period of submission, by hand, and the same definitions as the
team's own "learning from cases" page (`werkpad.cases.selectors`).

- K1 2019-10-01, decided after 10 days, solved after 60; debts and housing.
- K2 2019-10-15, decided after 4 days; debts.
- K3 2019-11-01, decided after 20 days, solved after 60; health.
- K4 2019-12-01, not decided yet; other.
- K5 2020-01-10, decided after 3 days; debts.
"""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from django.utils import translation

from tests.cases.factories import CaseFactory
from werkpad.cases.models import Case
from werkpad.cases.selectors import learning_figures
from werkpad.monitor.indicators import zeg_ja_knelpunten_table, zeg_ja_table
from werkpad.monitor.periods import Granularity, Range
from werkpad.monitor.sql import Scope

D = dt.date


def case(submitted: dt.date, decided: int | None, solved: int | None, kinds: list[str]) -> None:
    CaseFactory(
        submitted_on=submitted,
        decided_on=submitted + dt.timedelta(days=decided) if decided is not None else None,
        solved_on=submitted + dt.timedelta(days=solved) if solved is not None else None,
        status="solved" if solved else ("decided" if decided is not None else "submitted"),
        knelpunt_kinds=kinds,
    )


@pytest.fixture
def cases(db: None) -> None:
    case(D(2019, 10, 1), 10, 60, ["debts", "housing"])
    case(D(2019, 10, 15), 4, None, ["debts"])
    case(D(2019, 11, 1), 20, 60, ["health"])
    case(D(2019, 12, 1), None, None, ["other"])
    case(D(2020, 1, 10), 3, None, ["debts"])


def test_per_quarter_of_submission(cases: None) -> None:
    period_range = Range(D(2019, 10, 1), D(2020, 3, 31), Granularity.QUARTER)
    q4, q1 = zeg_ja_table(scope=Scope(), period_range=period_range).rows
    assert (q4["submitted"], q4["decided"], q4["solved"], q4["share_solved"]) == (4, 3, 2, 0.5)
    assert (q4["median_days_to_decision"], q4["median_days_to_solution"]) == (10.0, 60.0)
    assert (q1["submitted"], q1["median_days_to_decision"], q1["median_days_to_solution"]) == (
        1,
        3.0,
        None,
    )


def test_a_median_of_an_even_number_is_the_mean_of_the_middle_two(cases: None) -> None:
    period_range = Range(D(2019, 10, 1), D(2019, 10, 31), Granularity.MONTH)
    (october,) = zeg_ja_table(scope=Scope(), period_range=period_range).rows
    assert october["median_days_to_decision"] == 7.0  # 4 and 10


def test_recurring_kinds_of_barrier_most_frequent_first(cases: None) -> None:
    period_range = Range(D(2019, 1, 1), D(2019, 12, 31), Granularity.QUARTER)
    with translation.override("en"):
        rows = zeg_ja_knelpunten_table(scope=Scope(), period_range=period_range).rows
    counted = [(r["kind"], r["cases"], r["solved"]) for r in rows if r["cases"]]
    assert counted[0] == ("Debts", 2, 1)
    assert sorted(counted[1:]) == [("Health", 1, 1), ("Housing", 1, 1), ("Other", 1, 0)]


def test_same_definitions_as_learning_from_cases(cases: None) -> None:
    """The team's page (Python over all cases) and the monitor (SQL per period) agree."""
    learning = learning_figures(exact=True)
    everything = Range(D(2019, 1, 1), D(2020, 12, 31), Granularity.QUARTER)
    rows = zeg_ja_table(scope=Scope(), period_range=everything).rows
    assert sum(int(r["submitted"]) for r in rows) == learning.total.value
    assert sum(int(r["solved"]) for r in rows) == learning.solved.value
    for row in rows:
        in_period = Case.objects.filter(
            submitted_on__gte=row["period_start"],
            submitted_on__lt=row["period_start"] + dt.timedelta(days=92),
        )
        days = [c.days_to_decision for c in in_period if c.days_to_decision is not None]
        expected = float(statistics.median(days)) if days else None
        assert row["median_days_to_decision"] == expected
