"""The offers: a list with filters by kind, status and provider and a search; one offer; and a
form with every field, whose rules (one provider, ranges, group minimum) are explained."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.offers.factories import EmployerFactory, OfferFactory
from werkpad.accounts.models import User
from werkpad.offers.models import Offer
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role

FORM = {
    "title": "Groenonderhoud in de Hof van Delft",
    "kind": "work_experience",
    "description": "Samen met een vaste ploeg de parken bijhouden.",
    "sector": "green",
    "status": "open",
    "pilot": "",
    "postcode": "2612",
    "hours_min": "8",
    "hours_max": "24",
    "schedule": "school_hours",
    "open_from": "2025-01-01",
    "open_until": "",
    "capacity": "6",
    "group_min": "3",
    "skills_required": ["green_maintenance", "horticulture"],
    "min_dutch_level": "A2",
    "physical_demand": "medium",
    "certificates": "",
    "ladder_min": "2",
    "ladder_max": "5",
    "job_coach": "on",
    "adjusted_hours": "on",
}


@pytest.mark.django_db
def test_the_list_filters_and_searches(
    client: Client, professional: User, django_assert_max_num_queries: object
) -> None:
    bakery = EmployerFactory(name="Bakkerij Van der Meer")
    OfferFactory(title="Broodbakker", kind="paid_job", organisation=None, employer=bakery)
    OfferFactory(title="Koffie schenken", kind="volunteer", status="closed")
    OfferFactory(title="Fietsen opknappen", kind="day_activity", postcode="2628")
    client.force_login(professional)
    url = reverse("offers:list")

    with django_assert_max_num_queries(12):  # type: ignore[operator]
        everything = client.get(url).content.decode()
    by_kind = client.get(url, {"kind": "volunteer"}).content.decode()
    by_status = client.get(url, {"status": "open"}).content.decode()
    by_provider = client.get(url, {"provider": f"employer:{bakery.pk}"}).content.decode()
    by_text = client.get(url, {"q": "bakkerij"}).content.decode()
    by_area = client.get(url, {"q": "2628"}).content.decode()

    assert all(t in everything for t in ("Broodbakker", "Koffie schenken", "Fietsen opknappen"))
    assert "Koffie schenken" in by_kind and "Broodbakker" not in by_kind
    assert "Koffie schenken" not in by_status and "Broodbakker" in by_status
    assert "Broodbakker" in by_provider and "Fietsen" not in by_provider
    assert "Broodbakker" in by_text and "Koffie" not in by_text
    assert "Fietsen opknappen" in by_area and "Broodbakker" not in by_area


@pytest.mark.django_db
def test_the_results_come_alone_for_htmx(client: Client, professional: User) -> None:
    OfferFactory(title="Koffie schenken")
    client.force_login(professional)

    response = client.get(
        reverse("offers:list"),
        {"q": "koffie"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="offer-results",
    )

    page = response.content.decode()
    assert "<html" not in page and "Koffie schenken" in page


@pytest.mark.django_db
def test_an_employer_adviser_publishes_a_group_offer(
    client: Client,
    employer_adviser: User,
    organisation: Organisation,
    django_assert_max_num_queries: object,
) -> None:
    client.force_login(employer_adviser)

    response = client.post(
        reverse("offers:create"), {**FORM, "organisation": organisation.pk, "is_group": "on"}
    )

    assert response.status_code == 302
    offer = Offer.objects.get()
    assert offer.is_group and offer.group_min == 3 and offer.capacity == 6
    assert offer.skills_required == ["green_maintenance", "horticulture"]
    assert offer.organisation == organisation
    with django_assert_max_num_queries(20):  # type: ignore[operator]
        detail = client.get(response["Location"]).content.decode()
    assert "Groenonderhoud in de Hof van Delft" in detail
    assert "Groenonderhoud, Tuinbouw" in detail
    assert "start samen met ten minste 3 mensen" in detail
    assert "6 vrij van 6" in detail


@pytest.mark.django_db
def test_the_form_explains_what_is_wrong(client: Client, employer_adviser: User) -> None:
    client.force_login(employer_adviser)
    bakery = EmployerFactory()

    response = client.post(
        reverse("offers:create"),
        {
            **FORM,
            "organisation": OrganisationFactory().pk,
            "employer": bakery.pk,
            "hours_min": "30",
            "is_group": "on",
            "group_min": "9",
            "postcode": "0000",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies de werkgever of de partnerorganisatie, niet allebei." in page
    assert "Het grootste aantal uren kan niet kleiner zijn dan het kleinste." in page
    assert "De kleinste groep kan niet groter zijn dan het aantal plekken." in page
    assert not Offer.objects.exists()


@pytest.mark.django_db
def test_a_partner_changes_only_its_own_offers(
    client: Client, user_with_role: Callable[..., User], organisation: Organisation
) -> None:
    partner = user_with_role(Role.PROFESSIONAL, organisation)
    own = OfferFactory(organisation=organisation)
    other = OfferFactory(organisation=OrganisationFactory())
    client.force_login(partner)

    assert client.get(reverse("offers:edit", kwargs={"offer_id": own.pk})).status_code == 200
    assert client.get(reverse("offers:edit", kwargs={"offer_id": other.pk})).status_code == 403
    changed = client.post(
        reverse("offers:edit", kwargs={"offer_id": own.pk}),
        {**FORM, "organisation": organisation.pk, "title": "Nieuwe titel", "version": own.version},
    )
    assert changed.status_code == 302
    own.refresh_from_db()
    assert own.title == "Nieuwe titel"


@pytest.mark.django_db
def test_the_board_reads_offers_but_does_not_add_them(
    client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.BOARD))

    assert client.get(reverse("offers:list")).status_code == 200
    assert client.get(reverse("offers:create")).status_code == 403
