"""Each pilot's results, counted over its participants.

- The Zeg JA Team pilot (every case, from 2019-09-01): Z1's case is solved and Z1 left for work
  on 2019-12-15; Z2's case is decided.
- Lekker Bezig (from 2019-01-01): L1 placed on its linked offer, moved on to paid work and left
  bijstand for work on 2020-03-01; L2 placed on an offer whose "pilot" field says "lekker
  bezig", left for work but came back within 30 days; L3's placement is linked one by one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cases.factories import CaseFactory
from tests.monitor.factories import PilotFactory, person
from tests.offers.factories import OfferFactory, PlacementFactory
from werkpad.monitor.indicators import pilots_table
from werkpad.monitor.models import Pilot
from werkpad.monitor.sql import Scope

D = dt.date


@pytest.fixture
def pilots(no_seeded_goals: None) -> None:
    zeg_ja = PilotFactory(name="Zeg JA Team", starts_on=D(2019, 9, 1), every_zeg_ja_case=True)
    z1 = person((D(2012, 1, 1), D(2019, 12, 15), "work"))
    z2 = person((D(2013, 1, 1), None, ""))
    CaseFactory(candidate=z1, status="solved", submitted_on=D(2019, 10, 1))
    CaseFactory(candidate=z2, status="decided", submitted_on=D(2019, 10, 2))
    lekker = PilotFactory(name="Lekker Bezig", starts_on=D(2019, 1, 1))
    linked_offer = OfferFactory(kind="volunteer")
    named_offer = OfferFactory(kind="volunteer", pilot="lekker bezig")
    lekker.offers.add(linked_offer)
    l1 = person((D(2018, 1, 1), D(2020, 3, 1), "work"))
    l2 = person((D(2018, 1, 1), D(2019, 6, 1), "work"), (D(2019, 6, 20), None, ""))
    l3 = person((D(2018, 1, 1), None, ""))
    PlacementFactory(candidate=l1, offer=linked_offer, start=D(2019, 2, 1), outcome="paid_work")
    PlacementFactory(candidate=l2, offer=named_offer, start=D(2019, 2, 1))
    lekker.placements.add(PlacementFactory(candidate=l3, start=D(2019, 3, 1)))
    assert zeg_ja.pk and lekker.pk


def test_results_per_pilot(pilots: None) -> None:
    rows = {row["pilot"]: row for row in pilots_table(scope=Scope(), today=D(2026, 1, 1)).rows}
    keys = ("participants", "cases", "solved", "placements", "paid_work", "to_work")
    assert {name: tuple(row[k] for k in keys) for name, row in rows.items()} == {
        "Zeg JA Team": (2, 2, 1, 0, 0, 1),
        "Lekker Bezig": (3, 0, 0, 3, 1, 1),
    }
    assert rows["Lekker Bezig"]["share_to_work"] == pytest.approx(1 / 3)


def test_outflow_after_the_pilot_ended_does_not_count(pilots: None) -> None:
    Pilot.objects.filter(name="Lekker Bezig").update(ends_on=D(2019, 12, 31))
    rows = {row["pilot"]: row for row in pilots_table(scope=Scope(), today=D(2026, 1, 1)).rows}
    assert rows["Lekker Bezig"]["to_work"] == 0
