"""Factories for the portal and the panel: candidate accounts, invitations, ideas, sessions."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.candidates.factories import CandidateFactory
from tests.factories import UserFactory
from werkpad.panel.codes import AccountOrigin, CorrectionSubject, IdeaSource
from werkpad.panel.models import (
    CandidateAccount,
    CorrectionRequest,
    Idea,
    NotificationPreference,
    PanelMember,
    PanelSession,
)


class CandidateAccountFactory(DjangoModelFactory[CandidateAccount]):
    """A candidate with their own login (no Membership), and default e-mail settings."""

    class Meta:
        model = CandidateAccount
        skip_postgeneration_save = True

    user = factory.SubFactory(
        UserFactory, email=factory.Sequence(lambda n: f"kandidaat{n}@example.nl")
    )
    candidate = factory.SubFactory(CandidateFactory)
    origin = AccountOrigin.INVITATION
    preference = factory.RelatedFactory(
        "tests.panel.factories.NotificationPreferenceFactory", factory_related_name="account"
    )


class NotificationPreferenceFactory(DjangoModelFactory[NotificationPreference]):
    class Meta:
        model = NotificationPreference


class PanelMemberFactory(DjangoModelFactory[PanelMember]):
    class Meta:
        model = PanelMember

    candidate = factory.SubFactory(CandidateFactory)
    joined_on = dt.date(2024, 1, 15)


class PanelSessionFactory(DjangoModelFactory[PanelSession]):
    class Meta:
        model = PanelSession

    held_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=10))
    topic = factory.Sequence(lambda n: f"Wat helpt bij de eerste werkdag? ({n})")
    location = "Stadskantoor Delft"


class IdeaFactory(DjangoModelFactory[Idea]):
    class Meta:
        model = Idea

    text = factory.Sequence(lambda n: f"Een vast aanspreekpunt bij de gemeente ({n})")
    source = IdeaSource.PORTAL
    received_on = dt.date(2024, 3, 1)


class CorrectionRequestFactory(DjangoModelFactory[CorrectionRequest]):
    class Meta:
        model = CorrectionRequest

    candidate = factory.SubFactory(CandidateFactory)
    organisation = factory.LazyAttribute(lambda o: o.candidate.lead_organisation)
    subject = CorrectionSubject.PERSONAL
    description = "Mijn huisnummer klopt niet: het is 12a."
