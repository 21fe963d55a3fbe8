"""The demo's offers: about 1,000 offers with 2,000 places in and around Delft, employers with
BHAG Deals and round tables, interested employers, and placements replayed through the flow.

One test, because loading a population and its offers takes a while."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from werkpad.demo.offers_demo import DELFT_PC4, NEIGHBOUR_PC4, demo_offers_load
from werkpad.demo.services import demo_partners_load, demo_population_load, demo_users_load
from werkpad.offers.models import (
    Deal,
    Employer,
    EmployerLead,
    EmployerMeeting,
    Match,
    MatchTransition,
    Offer,
    Placement,
)


@pytest.mark.django_db
def test_the_demo_loads_offers_employers_and_placements_once() -> None:
    demo_users_load(organisations=demo_partners_load())
    demo_population_load(candidates=600, seed=3)

    loaded = demo_offers_load()

    assert loaded == Offer.objects.count() == 1000
    assert Offer.objects.aggregate(places=Sum("capacity"))["places"] == 2000
    assert Offer.objects.filter(is_group=True, group_min__gte=3).count() >= 30
    areas = {postcode[:4] for postcode in Offer.objects.values_list("postcode", flat=True)}
    assert areas <= set(DELFT_PC4) | set(NEIGHBOUR_PC4)
    assert len(set(Offer.objects.values_list("kind", flat=True))) == 6

    assert Employer.objects.count() == 160
    assert len(set(Employer.objects.values_list("kvk_number", flat=True))) == 160
    assert Deal.objects.count() == 36
    assert all(deal.promises.exists() for deal in Deal.objects.prefetch_related("promises"))
    assert EmployerMeeting.objects.count() == 8
    assert EmployerLead.objects.count() == 12

    placed = Match.objects.filter(status__in=["placed", "ended"])
    assert Placement.objects.count() >= 10
    assert placed.count() == Placement.objects.count()
    assert Placement.objects.exclude(end=None).exists()
    assert (
        MatchTransition.objects.filter(match__in=placed, target="placed").count() == placed.count()
    )
    assert Match.objects.filter(status="proposed").exists()

    assert demo_offers_load() == 0
    assert Offer.objects.count() == 1000
