"""Suggested candidates on an offer and the "Passend aanbod" panel show only candidates the user
may see under consent purpose `matching`; anyone else answers 404, and what is shown is logged.
Health barriers are named only to who may see special-category data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.candidates.factories import BarrierFactory
from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory, candidate_for_matching
from werkpad.accounts.models import User
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.models import ProcessingLogEntry


@pytest.fixture
def caseworker(user_with_role: Callable[..., User], organisation: Organisation) -> User:
    return user_with_role(Role.PROFESSIONAL, organisation)


@pytest.mark.django_db
def test_only_candidates_with_consent_for_matching_are_suggested(
    client: Client,
    caseworker: User,
    organisation: Organisation,
    django_assert_max_num_queries: object,
) -> None:
    offer = OfferFactory(organisation=organisation, title="Fietsen opknappen")
    shown = candidate_for_matching(organisation, first_name="Noor", last_name="Visser")
    candidate_for_matching(
        organisation, first_name="Daan", last_name="Jansen", purposes=("work_guidance",)
    )
    candidate_for_matching(OrganisationFactory(), first_name="Eva", last_name="Smit")
    client.force_login(caseworker)
    url = reverse("matching:offer-suggestions", kwargs={"offer_id": offer.pk})

    with django_assert_max_num_queries(20):  # type: ignore[operator]
        page = client.get(url, HTTP_HX_REQUEST="true").content.decode()

    assert "Noor Visser" in page
    assert "Daan Jansen" not in page and "Eva Smit" not in page
    logged = ProcessingLogEntry.objects.filter(action="list", activity="matching")
    assert list(logged.values_list("candidate_id", flat=True)) == [shown.pk]


@pytest.mark.django_db
def test_the_panel_of_a_candidate_without_consent_for_matching_is_not_found(
    client: Client, caseworker: User, organisation: Organisation
) -> None:
    guided = candidate_for_matching(organisation, purposes=("work_guidance",))
    client.force_login(caseworker)

    response = client.get(
        reverse("matching:candidate-suggestions", kwargs={"candidate_id": guided.pk})
    )

    assert response.status_code == 404


@pytest.mark.django_db
def test_the_offer_page_lists_matches_of_visible_candidates_only(
    client: Client,
    caseworker: User,
    organisation: Organisation,
    django_assert_max_num_queries: object,
) -> None:
    from tests.offers.factories import MatchFactory

    offer = OfferFactory(organisation=organisation)
    visible = candidate_for_matching(organisation, first_name="Noor", last_name="Visser")
    hidden = candidate_for_matching(OrganisationFactory(), first_name="Eva", last_name="Smit")
    MatchFactory(offer=offer, candidate=visible)
    MatchFactory(offer=offer, candidate=hidden)
    client.force_login(caseworker)

    with django_assert_max_num_queries(20):  # type: ignore[operator]
        page = client.get(reverse("offers:detail", kwargs={"offer_id": offer.pk})).content.decode()

    assert "Noor Visser" in page and "Eva Smit" not in page


@pytest.mark.django_db
def test_a_health_barrier_is_not_named_without_consent_for_care(
    client: Client, caseworker: User, organisation: Organisation
) -> None:
    candidate = candidate_for_matching(organisation)
    BarrierFactory(candidate=candidate, kind="psychological", blocks_work=True)
    job = OfferFactory(organisation=organisation, kind="paid_job", title="Inpakker")
    client.force_login(caseworker)

    page = client.get(
        reverse("matching:candidate-suggestions", kwargs={"candidate_id": candidate.pk}),
        {"offer": str(job.pk)},
    ).content.decode()

    assert "belemmering in de gezondheid" in page
    assert "Psychische klachten" not in page


@pytest.mark.django_db
def test_with_consent_for_care_the_health_barrier_is_named(
    client: Client, caseworker: User, organisation: Organisation
) -> None:
    candidate = candidate_for_matching(organisation, purposes=("matching", "care"))
    BarrierFactory(candidate=candidate, kind="psychological", blocks_work=True)
    job = OfferFactory(organisation=organisation, kind="paid_job", title="Inpakker")
    client.force_login(caseworker)

    page = client.get(
        reverse("matching:candidate-suggestions", kwargs={"candidate_id": candidate.pk}),
        {"offer": str(job.pk)},
    ).content.decode()

    assert "Psychische klachten (open, staat werk nu in de weg)" in page
