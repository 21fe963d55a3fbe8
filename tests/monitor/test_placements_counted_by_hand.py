"""Placements by kind per period, by organisation and by the barriers open on the first day.

- A: paid job at an employer, 2019-02-10, ended in paid work. Debts open since 2019-01-01; a
  psychological complaint resolved on 2019-01-15 (before the start: not counted).
- B: volunteer place at Lekker Bezig, 2019-02-20. A physical complaint open since 2018; debts
  noted only on 2019-03-01 (after the start).
- C: day activity at Werkse!, 2019-05-05, no barriers.
- D: paid job at the employer, 2020-01-01 (outside 2019).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from tests.candidates.factories import BarrierFactory, CandidateFactory
from tests.factories import OrganisationFactory
from tests.offers.factories import EmployerFactory, OfferFactory, PlacementFactory
from werkpad.monitor.indicators import (
    placements_barrier_table,
    placements_by_barrier,
    placements_kind_table,
    placements_organisation_table,
)
from werkpad.monitor.periods import Granularity, Range
from werkpad.monitor.sql import Scope

D = dt.date
YEAR = Range(D(2019, 1, 1), D(2019, 12, 31), Granularity.QUARTER)


@pytest.fixture
def placements(db: None) -> None:
    job = OfferFactory(kind="paid_job", employer=EmployerFactory(), organisation=None)
    volunteer = OfferFactory(
        kind="volunteer", organisation=OrganisationFactory(slug="lekker-bezig", name="Lekker Bezig")
    )
    activity = OfferFactory(
        kind="day_activity", organisation=OrganisationFactory(slug="werkse", name="Werkse!")
    )
    a, b, c = CandidateFactory(), CandidateFactory(), CandidateFactory()
    BarrierFactory(candidate=a, kind="debts", opened_on=D(2019, 1, 1))
    BarrierFactory(
        candidate=a,
        kind="psychological",
        opened_on=D(2018, 5, 1),
        resolved_on=D(2019, 1, 15),
        status="resolved",
    )
    BarrierFactory(candidate=b, kind="physical", opened_on=D(2018, 3, 1))
    BarrierFactory(candidate=b, kind="debts", opened_on=D(2019, 3, 1))
    PlacementFactory(
        candidate=a, offer=job, start=D(2019, 2, 10), end=D(2019, 8, 1), outcome="paid_work"
    )
    PlacementFactory(candidate=b, offer=volunteer, start=D(2019, 2, 20))
    PlacementFactory(candidate=c, offer=activity, start=D(2019, 5, 5))
    PlacementFactory(candidate=c, offer=job, start=D(2020, 1, 1))


def test_by_kind_per_quarter(placements: None) -> None:
    rows = placements_kind_table(scope=Scope(), period_range=YEAR).rows
    assert [(r["paid_job"], r["volunteer"], r["day_activity"], r["total"]) for r in rows] == [
        (1, 1, 0, 2),
        (0, 0, 1, 1),
        (0, 0, 0, 0),
        (0, 0, 0, 0),
    ]


def test_by_organisation_with_employers_together(placements: None) -> None:
    with translation.override("en"):
        rows = placements_organisation_table(scope=Scope(), period_range=YEAR).rows
    assert {r["organisation"]: (r["placements"], r["ended"], r["paid_work"]) for r in rows} == {
        "Employers": (1, 1, 1),
        "Lekker Bezig": (1, 0, 0),
        "Werkse!": (1, 0, 0),
    }


def test_by_the_barriers_open_on_the_first_day(placements: None) -> None:
    with translation.override("en"):
        rows = placements_barrier_table(
            counts=placements_by_barrier(Scope()), period_range=YEAR
        ).rows
    assert {r["barrier"]: (r["placements"], r["paid_work"]) for r in rows} == {
        "Debts": (1, 1),
        "Health": (1, 0),
        "No open barrier": (1, 0),
    }
