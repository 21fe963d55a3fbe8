"""Factories for the dossier: candidates with valid synthetic BSNs, barriers, ladder, consent."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory
from faker import Faker

from tests.factories import OrganisationFactory
from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate, LadderScore, PlanGoal
from werkpad.candidates.selectors import normalise_search_name
from werkpad.organisations.roles import OrganisationKind
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.models import Consent

_faker = Faker("nl_NL")


def synthetic_bsn() -> str:
    """A BSN from Faker's generator: valid by the 11-test, never a real person's on purpose."""
    return str(_faker.unique.ssn())


class CandidateFactory(DjangoModelFactory[Candidate]):
    class Meta:
        model = Candidate

    bsn_encrypted = factory.LazyFunction(synthetic_bsn)
    bsn_hash = factory.LazyAttribute(lambda o: bsn_hash(o.bsn_encrypted))
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    search_name = factory.LazyAttribute(lambda o: normalise_search_name(o.first_name, o.last_name))
    birth_date = dt.date(1980, 5, 17)
    postcode = factory.Sequence(lambda n: f"26{11 + n % 18:02d} AB")
    house_number = factory.Sequence(lambda n: str(n + 1))
    household = "single"
    hours_available = 24
    lead_organisation = factory.SubFactory(
        OrganisationFactory,
        slug="team-inkomen",
        name="Team Inkomen",
        kind=OrganisationKind.MUNICIPALITY,
        has_legal_basis=True,
    )


class BenefitPeriodFactory(DjangoModelFactory[BenefitPeriod]):
    class Meta:
        model = BenefitPeriod

    candidate = factory.SubFactory(CandidateFactory)
    start = dt.date(2015, 3, 1)
    end = None
    end_reason = ""


class BarrierFactory(DjangoModelFactory[Barrier]):
    class Meta:
        model = Barrier
        exclude = ("kind",)

    candidate = factory.SubFactory(CandidateFactory)
    kind = "debts"
    category = factory.LazyAttribute(
        lambda o: "health" if o.kind in {"physical", "psychological", "addiction"} else o.kind
    )
    kind_encrypted = factory.LazyAttribute(lambda o: o.kind if o.category == "health" else "")
    severity = 2
    blocks_work = False
    status = "open"
    owner_organisation = factory.SubFactory(OrganisationFactory)
    opened_on = dt.date(2023, 1, 10)
    note = ""


class LadderScoreFactory(DjangoModelFactory[LadderScore]):
    class Meta:
        model = LadderScore

    candidate = factory.SubFactory(CandidateFactory)
    step = 3
    potential_step = 4
    assessed_on = dt.date(2024, 6, 1)


class PlanGoalFactory(DjangoModelFactory[PlanGoal]):
    class Meta:
        model = PlanGoal

    candidate = factory.SubFactory(CandidateFactory)
    title = "Elke week twee dagen vrijwilligerswerk"


class ConsentFactory(DjangoModelFactory[Consent]):
    class Meta:
        model = Consent

    candidate = factory.SubFactory(CandidateFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    purpose = "work_guidance"
    granted_on = dt.date(2024, 1, 1)
    expires_on = None
    revoked_on = None
