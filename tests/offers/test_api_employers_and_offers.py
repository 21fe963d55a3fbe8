"""`/api/v1/employers/` and `/api/v1/offers/` (DESIGN.md §4): the same rules as the pages,
the error shape, and a stale version answering 409."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.candidates.api_clients import client_for, member_of
from tests.factories import OrganisationFactory
from tests.offers.factories import EmployerFactory, OfferFactory
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role


@pytest.fixture
def adviser_api(wsp: Organisation) -> APIClient:
    return client_for(member_of(wsp, Role.EMPLOYER_ADVISER))


@pytest.mark.django_db
def test_employers_are_listed_searched_and_registered(
    adviser_api: APIClient, django_assert_max_num_queries: object
) -> None:
    EmployerFactory(name="Bakkerij Van der Meer", kvk_number="27111111")
    EmployerFactory(name="Fietsenmaker Delft")

    with django_assert_max_num_queries(8):  # type: ignore[operator]
        listed = adviser_api.get("/api/v1/employers/", {"search": "bakker"})
    created = adviser_api.post(
        "/api/v1/employers/",
        {
            "name": "Zorgcentrum De Hof",
            "kvk_number": "27999999",
            "sector": "care",
            "size": "medium",
            "postcode": "2625ab",
        },
        format="json",
    )
    refused = adviser_api.post(
        "/api/v1/employers/",
        {
            "name": "X",
            "kvk_number": "123",
            "sector": "care",
            "size": "micro",
            "postcode": "2611 AA",
        },
        format="json",
    )

    assert listed.status_code == 200
    assert [e["name"] for e in listed.json()["results"]] == ["Bakkerij Van der Meer"]
    assert created.status_code == 201
    assert created.json()["postcode"] == "2625 AB"
    assert refused.status_code == 400
    assert "kvk_number" in refused.json()["errors"]


@pytest.mark.django_db
def test_employers_are_not_for_professionals() -> None:
    api = client_for(member_of(OrganisationFactory(), Role.PROFESSIONAL))

    assert api.get("/api/v1/employers/").status_code == 403


@pytest.mark.django_db
def test_an_employer_update_with_a_stale_version_answers_409(adviser_api: APIClient) -> None:
    employer = EmployerFactory()
    url = f"/api/v1/employers/{employer.pk}/"

    first = adviser_api.patch(url, {"city": "Den Hoorn", "version": 1}, format="json")
    stale = adviser_api.patch(url, {"city": "Rijswijk", "version": 1}, format="json")

    assert first.status_code == 200 and first.json()["version"] == 2
    assert stale.status_code == 409
    assert set(stale.json()) == {"detail", "errors"}


@pytest.mark.django_db
def test_offers_have_the_contract_fields(
    adviser_api: APIClient, django_assert_max_num_queries: object
) -> None:
    bakery = EmployerFactory()
    OfferFactory(title="Broodbakker", kind="paid_job", organisation=None, employer=bakery)
    OfferFactory(title="Koffie schenken", kind="volunteer")

    with django_assert_max_num_queries(8):  # type: ignore[operator]
        response = adviser_api.get("/api/v1/offers/", {"kind": "paid_job"})

    offer = response.json()["results"][0]
    assert response.json()["count"] == 1
    for name in (
        "id",
        "kind",
        "title",
        "provider",
        "postcode",
        "hours_min",
        "hours_max",
        "capacity",
    ):
        assert name in offer
    assert offer["provider"] == f"employer:{bakery.pk}"


@pytest.mark.django_db
def test_a_partner_publishes_and_changes_its_own_offer(organisation: Organisation) -> None:
    api = client_for(member_of(organisation, Role.PROFESSIONAL))

    created = api.post(
        "/api/v1/offers/",
        {
            "kind": "volunteer",
            "organisation": organisation.slug,
            "title": "Maatje bij de voedselbank",
            "postcode": "2622",
            "hours_min": 4,
            "hours_max": 8,
            "capacity": 4,
            "open_from": "2025-01-01",
        },
        format="json",
    )
    offer_id = created.json()["id"]
    changed = api.patch(f"/api/v1/offers/{offer_id}/", {"capacity": 6, "version": 1}, format="json")
    foreign = api.post(
        "/api/v1/offers/",
        {
            "kind": "volunteer",
            "organisation": OrganisationFactory().slug,
            "title": "Niet van ons",
            "postcode": "2622",
            "open_from": "2025-01-01",
        },
        format="json",
    )

    assert created.status_code == 201, created.json()
    assert created.json()["provider"] == f"organisation:{organisation.slug}"
    assert changed.status_code == 200 and changed.json()["capacity"] == 6
    assert foreign.status_code == 403
