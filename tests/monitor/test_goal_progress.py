"""Progress towards a goal: the measured series, the value now or on the target date, and
where the trend of the last 12 months (least squares) leads by the target date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest

from tests.monitor.factories import GoalFactory, person
from werkpad.monitor.indicators import monthly_flows
from werkpad.monitor.models import Goal
from werkpad.monitor.periods import add_months
from werkpad.monitor.selectors import goal_progress
from werkpad.monitor.sql import Scope

D = dt.date


@pytest.fixture
def one_leaves_each_month(db: None) -> None:
    """24 people on bijstand since 2018; the i-th leaves on the last day of month i of 2019."""
    for i in range(24):
        last_day = add_months(D(2019, 1, 1), i + 1) - dt.timedelta(days=1)
        person((D(2018, 1, 1), last_day, "other"))


def test_stock_goal_measured_on_the_first_day_of_each_month_and_on_the_day(
    one_leaves_each_month: None,
) -> None:
    goal = GoalFactory(
        baseline_value=24, baseline_date=D(2019, 1, 1), target_value=5, target_date=D(2020, 6, 30)
    )
    progress = goal_progress(goal=goal, flows=monthly_flows(Scope()), as_of=D(2019, 12, 15))
    assert [p.value for p in progress.series[:12]] == list(range(24, 12, -1))
    assert progress.current.day == D(2019, 12, 15)
    assert progress.current.value == 13  # 11 have left by 15 December
    assert progress.series[-1] == progress.current
    assert not progress.finished


def test_trend_is_least_squares_on_the_last_12_values(one_leaves_each_month: None) -> None:
    goal = GoalFactory(
        baseline_value=24, baseline_date=D(2019, 1, 1), target_value=5, target_date=D(2020, 6, 30)
    )
    progress = goal_progress(goal=goal, flows=monthly_flows(Scope()), as_of=D(2019, 12, 15))
    last = progress.series[-12:]
    slope, intercept = np.polyfit([p.day.toordinal() for p in last], [p.value for p in last], deg=1)
    assert progress.projection is not None
    assert progress.projection.day == D(2020, 6, 30)
    assert progress.projection.value == pytest.approx(
        slope * D(2020, 6, 30).toordinal() + intercept
    )
    assert progress.on_track is False  # about 6.5 left by the target date, target 5


def test_a_finished_goal_is_judged_on_its_target_date(one_leaves_each_month: None) -> None:
    goal = GoalFactory(
        baseline_value=24, baseline_date=D(2019, 1, 1), target_value=14, target_date=D(2019, 10, 1)
    )
    progress = goal_progress(goal=goal, flows=monthly_flows(Scope()), as_of=D(2026, 1, 1))
    assert progress.finished
    assert progress.current == progress.series[-1]
    assert (progress.current.day, progress.current.value) == (D(2019, 10, 1), 15)
    assert progress.projection is None
    assert progress.reached is False
    assert progress.share_done == pytest.approx(0.9)


@pytest.fixture
def outflow_to_work(db: None) -> None:
    """Before 2019: 4 outflows, 1 to work (a usual share of 0.25). In 2019: 1 to work a month."""
    for end, reason in (
        (D(2016, 5, 31), "work"),
        (D(2017, 3, 31), "moved"),
        (D(2017, 9, 30), "other"),
        (D(2018, 2, 28), "other_income"),
        (D(2019, 1, 31), "work"),
        (D(2019, 2, 28), "work_with_support"),
        (D(2019, 3, 31), "work"),
    ):
        person((D(2015, 1, 1), end, reason))


def _extra_to_work(**changes: object) -> Goal:
    return GoalFactory(
        metric="extra_to_work",
        baseline_value=0,
        baseline_date=D(2019, 1, 1),
        target_value=10,
        target_date=D(2021, 12, 31),
        usual_outflow_per_year=12,
        **changes,
    )


def test_extra_to_work_above_the_measured_usual_share(outflow_to_work: None) -> None:
    goal = _extra_to_work()
    progress = goal_progress(goal=goal, flows=monthly_flows(Scope()), as_of=D(2019, 4, 10))
    assert progress.usual is not None
    assert (progress.usual.share, progress.usual.share_measured) == (0.25, True)
    # 12 a year × 0.25 = 0.25 a month above which outflow to work is extra
    assert [(p.day, p.value) for p in progress.series] == [
        (D(2019, 1, 31), 0.75),
        (D(2019, 2, 28), 1.5),
        (D(2019, 3, 31), 2.25),
    ]
    assert progress.current.value == 2.25


def test_extra_to_work_above_a_configured_usual_share(outflow_to_work: None) -> None:
    goal = _extra_to_work(usual_share_to_work=Decimal("0.5"))
    progress = goal_progress(goal=goal, flows=monthly_flows(Scope()), as_of=D(2019, 4, 10))
    assert progress.current.value == 1.5


def test_outflow_to_work_counted_from_the_starting_date(outflow_to_work: None) -> None:
    goal = GoalFactory(
        metric="outflow_to_work",
        baseline_value=0,
        baseline_date=D(2019, 2, 1),
        target_value=2,
        target_date=D(2019, 12, 31),
    )
    progress = goal_progress(goal=goal, flows=monthly_flows(Scope()), as_of=D(2026, 1, 1))
    assert progress.current.value == 2
    assert progress.reached
