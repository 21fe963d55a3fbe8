"""The flow of a match follows its transition table: proposal → candidate agrees → provider
accepts → placement → end. Every step records who and when and writes the processing log; a
step the table does not allow is refused with a clear message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.candidates.factories import BenefitPeriodFactory
from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory, candidate_for_matching
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.matching.services import (
    match_propose,
    match_transition,
    placement_benefit_end,
    placement_end,
    placement_ladder_update,
    placement_start,
)
from werkpad.offers.models import Match, Offer
from werkpad.offers.workflow import TransitionError
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role
from werkpad.privacy.models import ProcessingLogEntry

ROLES = {Role.PROFESSIONAL}


@pytest.fixture
def caseworker(user_with_role: Callable[..., User], organisation: Organisation) -> User:
    return user_with_role(Role.PROFESSIONAL, organisation)


@pytest.fixture
def candidate(organisation: Organisation) -> Candidate:
    return candidate_for_matching(organisation)


@pytest.fixture
def offer(organisation: Organisation) -> Offer:
    """An offer of the caseworker's own organisation: they speak for the provider too."""
    return OfferFactory(organisation=organisation, capacity=1)


def _step(user: User, match: Match, target: str, reason: str = "") -> Match:
    match.refresh_from_db()
    return match_transition(
        acting_user=user,
        roles=ROLES,
        match_id=match.pk,
        target=target,
        expected_version=match.version,
        reason=reason,
    )


@pytest.mark.django_db
def test_the_whole_flow_records_every_step(
    caseworker: User, candidate: Candidate, offer: Offer
) -> None:
    match = match_propose(acting_user=caseworker, candidate_id=candidate.pk, offer_id=offer.pk)
    _step(caseworker, match, "candidate_agreed")
    _step(caseworker, match, "provider_accepted")
    match.refresh_from_db()
    placement = placement_start(
        acting_user=caseworker,
        roles=ROLES,
        match_id=match.pk,
        expected_version=match.version,
        start=dt.date(2025, 3, 1),
        hours=16,
        kind="day_activity",
    )
    placement_end(
        acting_user=caseworker,
        roles=ROLES,
        placement_id=placement.pk,
        expected_version=placement.version,
        end=dt.date(2025, 9, 1),
        outcome="next_step",
    )

    match.refresh_from_db()
    assert match.status == "ended"
    steps = list(match.transitions.values_list("source", "target", "acting_user"))
    assert steps == [
        ("", "proposed", caseworker.pk),
        ("proposed", "candidate_agreed", caseworker.pk),
        ("candidate_agreed", "provider_accepted", caseworker.pk),
        ("provider_accepted", "placed", caseworker.pk),
        ("placed", "ended", caseworker.pk),
    ]
    logged = ProcessingLogEntry.objects.filter(candidate=candidate, activity="matching")
    assert logged.filter(object_type="match").count() == 5
    assert logged.filter(object_type="placement").count() == 2
    assert set(logged.values_list("purpose", flat=True)) == {"matching"}


@pytest.mark.django_db
def test_a_step_outside_the_table_is_refused_clearly(
    caseworker: User, candidate: Candidate, offer: Offer
) -> None:
    match = match_propose(acting_user=caseworker, candidate_id=candidate.pk, offer_id=offer.pk)

    with pytest.raises(TransitionError) as refused:
        _step(caseworker, match, "provider_accepted")

    assert "kan niet “Aanbieder accepteert” worden" in refused.value.messages[0]
    assert "Kandidaat stemt in" in refused.value.messages[0]
    match.refresh_from_db()
    assert match.status == "proposed"


@pytest.mark.django_db
def test_declining_needs_a_reason_which_is_kept(
    caseworker: User, candidate: Candidate, offer: Offer
) -> None:
    match = match_propose(acting_user=caseworker, candidate_id=candidate.pk, offer_id=offer.pk)

    with pytest.raises(ValidationError) as refused:
        _step(caseworker, match, "candidate_declined")
    assert "reason" in refused.value.message_dict

    declined = _step(caseworker, match, "candidate_declined", reason="Te ver van huis met de bus")
    assert declined.status == "candidate_declined"
    assert declined.decline_reason == "Te ver van huis met de bus"


@pytest.mark.django_db
def test_only_who_speaks_for_the_provider_accepts(
    user_with_role: Callable[..., User], candidate: Candidate, organisation: Organisation
) -> None:
    other_provider = OfferFactory(organisation=OrganisationFactory(), capacity=1)
    caseworker = user_with_role(Role.PROFESSIONAL, organisation)
    match = match_propose(
        acting_user=caseworker, candidate_id=candidate.pk, offer_id=other_provider.pk
    )
    _step(caseworker, match, "candidate_agreed")

    with pytest.raises(TransitionError, match="namens de aanbieder"):
        _step(caseworker, match, "provider_accepted")


@pytest.mark.django_db
def test_a_full_offer_cannot_accept_another_candidate(
    caseworker: User, organisation: Organisation, offer: Offer
) -> None:
    first, second = candidate_for_matching(organisation), candidate_for_matching(organisation)
    a = match_propose(acting_user=caseworker, candidate_id=first.pk, offer_id=offer.pk)
    b = match_propose(acting_user=caseworker, candidate_id=second.pk, offer_id=offer.pk)
    for match in (a, b):
        _step(caseworker, match, "candidate_agreed")
    _step(caseworker, a, "provider_accepted")

    with pytest.raises(ValidationError, match="geen vrije plek"):
        _step(caseworker, b, "provider_accepted")


@pytest.mark.django_db
def test_a_candidate_without_consent_for_matching_cannot_be_proposed(
    caseworker: User, organisation: Organisation, offer: Offer
) -> None:
    guided_only = candidate_for_matching(organisation, purposes=("work_guidance",))

    from django.http import Http404

    with pytest.raises(Http404):
        match_propose(acting_user=caseworker, candidate_id=guided_only.pk, offer_id=offer.pk)


@pytest.mark.django_db
def test_a_paid_job_ends_the_benefit_with_reason_work_after_confirmation(
    user_with_role: Callable[..., User],
) -> None:
    team = OrganisationFactory(
        slug="team-inkomen", kind=OrganisationKind.MUNICIPALITY, has_legal_basis=True
    )
    adviser = user_with_role(Role.EMPLOYER_ADVISER, team)
    candidate = candidate_for_matching(team, purposes=())
    period = BenefitPeriodFactory(candidate=candidate, start=dt.date(2019, 1, 1))
    from tests.offers.factories import EmployerFactory

    job = OfferFactory(
        organisation=None, employer=EmployerFactory(), kind="paid_job", ladder_min=3, capacity=1
    )
    match = match_propose(acting_user=adviser, candidate_id=candidate.pk, offer_id=job.pk)
    roles = {Role.EMPLOYER_ADVISER}
    for target in ("candidate_agreed", "provider_accepted"):
        match.refresh_from_db()
        match_transition(
            acting_user=adviser,
            roles=roles,
            match_id=match.pk,
            target=target,
            expected_version=match.version,
        )
    match.refresh_from_db()
    placement = placement_start(
        acting_user=adviser,
        roles=roles,
        match_id=match.pk,
        expected_version=match.version,
        start=dt.date(2025, 4, 1),
        hours=32,
        kind="paid_job",
        job_coach=True,
        end_benefit=True,
    )

    period.refresh_from_db()
    assert period.end == dt.date(2025, 4, 1)
    assert period.end_reason == "work_with_support"
    assert (
        placement_benefit_end(
            acting_user=adviser, placement_id=placement.pk, end=dt.date(2025, 4, 1), reason="work"
        )
        is None
    )  # nothing open any more

    score = placement_ladder_update(
        acting_user=adviser,
        placement_id=placement.pk,
        step=6,
        potential_step=6,
        assessed_on=dt.date(2025, 4, 2),
    )
    assert candidate.ladder_scores.order_by("-assessed_on").first() == score


@pytest.mark.django_db
def test_the_match_page_offers_only_the_allowed_steps(
    client: Client,
    caseworker: User,
    candidate: Candidate,
    offer: Offer,
    django_assert_max_num_queries: object,
) -> None:
    match = match_propose(acting_user=caseworker, candidate_id=candidate.pk, offer_id=offer.pk)
    client.force_login(caseworker)

    with django_assert_max_num_queries(20):  # type: ignore[operator]
        page = client.get(reverse("matching:match-detail", kwargs={"match_id": match.pk}))
    text = page.content.decode()
    assert "De kandidaat stemt in" in text
    assert "De aanbieder accepteert" not in text

    refused = client.post(
        reverse("matching:match-transition", kwargs={"match_id": match.pk}),
        {"target": "placed", "version": match.version},
    )
    assert refused.status_code == 400
    assert "kan niet “Geplaatst” worden" in refused.content.decode()
