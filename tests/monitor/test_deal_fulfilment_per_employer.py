"""BHAG Deal fulfilment per employer: by hand, and by the offers app's own rule.

Bakkerij De Korenbloem promised 2 paid jobs and 1 supported job in 2019. Three candidates
started on its paid job in 2019 (counted up to 2), one in 2020 (outside the deal).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.candidates.factories import CandidateFactory
from tests.offers.factories import (
    DealFactory,
    DealPromiseFactory,
    EmployerFactory,
    OfferFactory,
    PlacementFactory,
)
from werkpad.monitor.indicators import deals_table
from werkpad.monitor.periods import Granularity, Range
from werkpad.monitor.sql import Scope
from werkpad.offers.models import Deal
from werkpad.offers.selectors import deal_rows

D = dt.date
YEAR = Range(D(2019, 1, 1), D(2019, 12, 31), Granularity.QUARTER)


@pytest.fixture
def deal(db: None) -> Deal:
    bakery = EmployerFactory(name="Bakkerij De Korenbloem")
    deal = DealFactory(
        employer=bakery, signed_on=D(2018, 12, 1), starts_on=D(2019, 1, 1), ends_on=D(2019, 12, 31)
    )
    DealPromiseFactory(deal=deal, offer_kind="paid_job", places=2)
    DealPromiseFactory(deal=deal, offer_kind="supported_job", places=1)
    job = OfferFactory(kind="paid_job", employer=bakery, organisation=None)
    OfferFactory(kind="supported_job", employer=bakery, organisation=None)
    for day in (D(2019, 3, 1), D(2019, 6, 1), D(2019, 9, 1), D(2020, 2, 1)):
        PlacementFactory(candidate=CandidateFactory(), offer=job, start=day)
    EmployerFactory(name="Fietsenmaker zonder deal")
    return deal


def test_places_filled_up_to_the_promise(deal: Deal) -> None:
    (row,) = deals_table(scope=Scope(), period_range=YEAR).rows
    assert row == {
        "employer": "Bakkerij De Korenbloem",
        "deals": 1,
        "promised": 3,
        "placed": 2,
        "share_fulfilled": pytest.approx(2 / 3),
    }


def test_same_rule_as_the_deal_pages(deal: Deal) -> None:
    (offers_row,) = deal_rows([Deal.objects.prefetch_related("promises").get()])
    (row,) = deals_table(scope=Scope(), period_range=YEAR).rows
    assert (row["promised"], row["placed"]) == (offers_row.promised, offers_row.placed)


def test_deals_outside_the_chosen_time_are_left_out(deal: Deal) -> None:
    later = Range(D(2021, 1, 1), D(2021, 12, 31), Granularity.QUARTER)
    assert deals_table(scope=Scope(), period_range=later).rows == []
