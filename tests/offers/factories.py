"""Factories for offers, employers and the flow of matches: synthetic Delft companies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from factory.django import DjangoModelFactory

from tests.candidates.factories import CandidateFactory, ConsentFactory, LadderScoreFactory
from tests.factories import OrganisationFactory
from werkpad.candidates.models import Candidate
from werkpad.offers.models import (
    Deal,
    DealPromise,
    Employer,
    EmployerLead,
    EmployerMeeting,
    FollowUp,
    Match,
    Offer,
    Placement,
)
from werkpad.organisations.models import Organisation


class EmployerFactory(DjangoModelFactory[Employer]):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"Bakkerij Delft {n}")
    kvk_number = factory.Sequence(lambda n: f"{27000000 + n:08d}")
    sector = "catering"
    size = "small"
    postcode = "2611 AB"
    city = "Delft"


class DealFactory(DjangoModelFactory[Deal]):
    class Meta:
        model = Deal

    employer = factory.SubFactory(EmployerFactory)
    signed_on = dt.date(2024, 1, 15)
    starts_on = dt.date(2024, 2, 1)
    ends_on = dt.date(2026, 12, 31)


class DealPromiseFactory(DjangoModelFactory[DealPromise]):
    class Meta:
        model = DealPromise

    deal = factory.SubFactory(DealFactory)
    offer_kind = "paid_job"
    places = 5


class MeetingFactory(DjangoModelFactory[EmployerMeeting]):
    class Meta:
        model = EmployerMeeting

    held_on = dt.date(2024, 3, 12)
    title = factory.Sequence(lambda n: f"Ondernemerstafel {n}")
    location = "Stadhuis Delft"


class FollowUpFactory(DjangoModelFactory[FollowUp]):
    class Meta:
        model = FollowUp

    meeting = factory.SubFactory(MeetingFactory)
    description = "Bel over een werkervaringsplek"
    due_on = dt.date(2024, 4, 1)


class LeadFactory(DjangoModelFactory[EmployerLead]):
    class Meta:
        model = EmployerLead

    company_name = factory.Sequence(lambda n: f"Fietsenmaker {n}")
    contact_name = "Fatima de Boer"
    email = factory.Sequence(lambda n: f"info{n}@fietsen.example")


class OfferFactory(DjangoModelFactory[Offer]):
    """An open day activity of a partner, in Delft, for ladder steps 1 to 6."""

    class Meta:
        model = Offer

    kind = "day_activity"
    organisation = factory.SubFactory(OrganisationFactory)
    employer = None
    title = factory.Sequence(lambda n: f"Tuinieren bij de stadsboerderij {n}")
    postcode = "2613"
    hours_min = 4
    hours_max = 16
    schedule = "daytime"
    capacity = 3
    open_from = dt.date(2024, 1, 1)
    status = "open"


class MatchFactory(DjangoModelFactory[Match]):
    class Meta:
        model = Match

    offer = factory.SubFactory(OfferFactory)
    score = 0.75
    explanation = factory.LazyFunction(dict)
    status = "proposed"


class PlacementFactory(DjangoModelFactory[Placement]):
    class Meta:
        model = Placement

    offer = factory.SubFactory(OfferFactory)
    kind = factory.LazyAttribute(lambda o: o.offer.kind)
    start = dt.date(2024, 5, 1)
    hours = 12


def candidate_for_matching(
    organisation: Organisation,
    *,
    step: int = 3,
    purposes: tuple[str, ...] = ("matching",),
    **fields: Any,
) -> Candidate:
    """A candidate in Delft on a ladder step, with consent for `organisation` (for matching)."""
    candidate = CandidateFactory(**{"postcode": "2613 AB", "hours_available": 24, **fields})
    LadderScoreFactory(candidate=candidate, step=step, potential_step=max(step, 4))
    for purpose in purposes:
        ConsentFactory(candidate=candidate, organisation=organisation, purpose=purpose)
    return candidate
