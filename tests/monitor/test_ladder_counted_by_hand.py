"""Ladder steps per period and progress per cohort, by hand.

- P1 on bijstand from 2019-01-01. Scores: 2018-06-01 step 2; 2019-03-15 step 3 and, recorded
  later the same day, step 4; 2019-06-01 step 5.
- P2 on bijstand 2019-02-01 → 2019-05-31. Scores: 2019-01-10 step 1, 2019-04-01 step 2,
  2020-01-05 step 6 (after the chosen time).
- P3 on bijstand from 2019-01-01, never assessed.
- P4 (not on bijstand): 2019-02-01 step 4, 2019-08-01 step 3. P5: 2019-05-05 step 3.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.candidates.factories import LadderScoreFactory
from tests.monitor.factories import person
from werkpad.monitor.indicators import (
    ladder_step_intervals,
    ladder_steps_table,
    ladder_transitions,
    monthly_flows,
)
from werkpad.monitor.periods import Granularity, Range
from werkpad.monitor.sql import Scope

D = dt.date
TODAY = D(2026, 1, 1)


def score(candidate: object, day: dt.date, step: int) -> None:
    LadderScoreFactory(candidate=candidate, assessed_on=day, step=step, potential_step=6)


@pytest.fixture
def people(db: None) -> None:
    p1 = person((D(2019, 1, 1), None, ""))
    for day, step in ((D(2018, 6, 1), 2), (D(2019, 3, 15), 3), (D(2019, 3, 15), 4)):
        score(p1, day, step)
    score(p1, D(2019, 6, 1), 5)
    p2 = person((D(2019, 2, 1), D(2019, 5, 31), "other"))
    for day, step in ((D(2019, 1, 10), 1), (D(2019, 4, 1), 2), (D(2020, 1, 5), 6)):
        score(p2, day, step)
    person((D(2019, 1, 1), None, ""))
    p4 = person()
    score(p4, D(2019, 2, 1), 4)
    score(p4, D(2019, 8, 1), 3)
    score(person(), D(2019, 5, 5), 3)


def test_steps_of_the_people_on_bijstand_on_each_first_day(people: None) -> None:
    period_range = Range(D(2019, 1, 1), D(2019, 6, 30), Granularity.MONTH)
    table = ladder_steps_table(
        steps=ladder_step_intervals(Scope()),
        flows=monthly_flows(Scope()),
        period_range=period_range,
        today=TODAY,
    )
    found = [
        (row["on_bijstand"], [row[f"step_{s}"] for s in range(1, 7)], row["not_assessed"])
        for row in table.rows
    ]
    assert found == [
        (2, [0, 1, 0, 0, 0, 0], 1),
        (3, [1, 1, 0, 0, 0, 0], 1),
        (3, [1, 1, 0, 0, 0, 0], 1),
        (3, [0, 1, 0, 1, 0, 0], 1),  # P1's later score that day counts: step 4
        (3, [0, 1, 0, 1, 0, 0], 1),
        (2, [0, 0, 0, 0, 1, 0], 1),
    ]


def test_progress_per_cohort_from_first_to_last_step(people: None) -> None:
    period_range = Range(D(2018, 1, 1), D(2019, 12, 31), Granularity.QUARTER)
    found = ladder_transitions(scope=Scope(), period_range=period_range, today=TODAY)
    cohorts = {row["cohort"]: row for row in found.cohorts.rows}
    assert {c: (r["candidates"], r["up"], r["same"], r["down"]) for c, r in cohorts.items()} == {
        "2018": (1, 1, 0, 0),
        "2019": (3, 1, 1, 1),
    }
    assert cohorts["2019"]["share_up"] == pytest.approx(1 / 3)
    moves = {
        (row["cohort"], str(row["from"])[:1]): [row[f"to_{s}"] for s in range(1, 7)]
        for row in found.transitions.rows
    }
    assert moves == {
        ("2018", "2"): [0, 0, 0, 0, 1, 0],
        ("2019", "1"): [0, 1, 0, 0, 0, 0],
        ("2019", "3"): [0, 0, 1, 0, 0, 0],
        ("2019", "4"): [0, 0, 1, 0, 0, 0],
    }


def test_cohorts_start_in_the_chosen_time(people: None) -> None:
    period_range = Range(D(2019, 1, 1), D(2019, 12, 31), Granularity.QUARTER)
    found = ladder_transitions(scope=Scope(), period_range=period_range, today=TODAY)
    assert [row["cohort"] for row in found.cohorts.rows] == ["2019"]
