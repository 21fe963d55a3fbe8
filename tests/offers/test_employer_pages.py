"""Employer advisers keep the employers: a list with search and pages, a detail page with the
BHAG Deals and how far they are filled, and a form that checks the KvK number."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.candidates.factories import CandidateFactory
from tests.offers.factories import (
    DealFactory,
    DealPromiseFactory,
    EmployerFactory,
    LeadFactory,
    OfferFactory,
    PlacementFactory,
)
from werkpad.accounts.models import User
from werkpad.offers.models import Employer, EmployerLead

FORM = {
    "name": "Bakkerij Van der Meer",
    "kvk_number": "27000123",
    "sector": "catering",
    "size": "small",
    "street": "Markt 12",
    "postcode": "2611gv",
    "city": "Delft",
    "contact_name": "Joost van der Meer",
    "contact_email": "joost@bakkerij.example",
    "contact_phone": "015 212 34 56",
    "account_manager": "",
}


@pytest.mark.django_db
def test_the_list_searches_by_name_kvk_and_sector(
    client: Client, employer_adviser: User, django_assert_max_num_queries: object
) -> None:
    EmployerFactory(name="Bakkerij Van der Meer", kvk_number="27111111", sector="catering")
    EmployerFactory(name="Fietsenmaker Delft", kvk_number="27222222", sector="retail")
    client.force_login(employer_adviser)
    url = reverse("offers:employer-list")

    with django_assert_max_num_queries(10):  # type: ignore[operator]
        everyone = client.get(url).content.decode()
    by_name = client.get(url, {"q": "bakker"}).content.decode()
    by_kvk = client.get(url, {"q": "2722"}).content.decode()
    by_sector = client.get(url, {"sector": "retail"}).content.decode()
    nobody = client.get(url, {"q": "zzz"}).content.decode()

    assert "Bakkerij Van der Meer" in everyone and "Fietsenmaker Delft" in everyone
    assert "Bakkerij" in by_name and "Fietsenmaker" not in by_name
    assert "Fietsenmaker" in by_kvk and "Bakkerij" not in by_kvk
    assert "Fietsenmaker" in by_sector and "Bakkerij" not in by_sector
    assert "Geen werkgever gevonden" in nobody


@pytest.mark.django_db
def test_the_list_has_pages(client: Client, employer_adviser: User) -> None:
    EmployerFactory.create_batch(30)
    client.force_login(employer_adviser)

    second = client.get(reverse("offers:employer-list"), {"page": 2}).content.decode()

    assert "pagina 2 van 2" in second


@pytest.mark.django_db
def test_a_deal_shows_placements_of_its_period_per_kind_as_three_of_five(
    client: Client, employer_adviser: User, django_assert_max_num_queries: object
) -> None:
    employer = EmployerFactory(name="Zorgcentrum De Hof")
    deal = DealFactory(
        employer=employer, starts_on=dt.date(2024, 1, 1), ends_on=dt.date(2025, 12, 31)
    )
    DealPromiseFactory(deal=deal, offer_kind="paid_job", places=5)
    DealPromiseFactory(deal=deal, offer_kind="work_experience", places=2)
    job = OfferFactory(organisation=None, employer=employer, kind="paid_job")
    for start in (dt.date(2024, 2, 1), dt.date(2024, 6, 1), dt.date(2025, 1, 1)):
        PlacementFactory(offer=job, candidate=CandidateFactory(), start=start)
    PlacementFactory(offer=job, candidate=CandidateFactory(), start=dt.date(2023, 6, 1))  # before
    client.force_login(employer_adviser)

    with django_assert_max_num_queries(15):  # type: ignore[operator]
        page = client.get(
            reverse("offers:employer-detail", kwargs={"employer_id": employer.pk})
        ).content.decode()

    assert "Betaalde baan: 3 van 5" in page
    assert "Werkervaringsplek: 0 van 2" in page
    assert "3 van 7" in page


@pytest.mark.django_db
def test_a_kvk_number_must_have_eight_digits(client: Client, employer_adviser: User) -> None:
    client.force_login(employer_adviser)

    response = client.post(reverse("offers:employer-create"), {**FORM, "kvk_number": "1234567"})

    assert response.status_code == 200
    assert "Een KvK-nummer heeft 8 cijfers" in response.content.decode()
    assert not Employer.objects.exists()


@pytest.mark.django_db
def test_registering_and_changing_an_employer(client: Client, employer_adviser: User) -> None:
    client.force_login(employer_adviser)

    created = client.post(reverse("offers:employer-create"), FORM)
    employer = Employer.objects.get()
    changed = client.post(
        reverse("offers:employer-edit", kwargs={"employer_id": employer.pk}),
        {**FORM, "name": "Bakkerij Van der Meer & Zn", "version": employer.version},
    )

    assert created.status_code == 302 and changed.status_code == 302
    employer.refresh_from_db()
    assert employer.postcode == "2611 GV"
    assert employer.name == "Bakkerij Van der Meer & Zn"
    assert employer.version == 2


@pytest.mark.django_db
def test_a_stale_change_is_refused_and_the_input_kept(
    client: Client, employer_adviser: User
) -> None:
    employer = EmployerFactory(kvk_number="27000123")
    client.force_login(employer_adviser)
    url = reverse("offers:employer-edit", kwargs={"employer_id": employer.pk})
    client.post(url, {**FORM, "name": "Eerste wijziging", "version": 1})

    stale = client.post(url, {**FORM, "name": "Tweede wijziging", "version": 1})

    page = stale.content.decode()
    assert stale.status_code == 200
    assert "iemand anders" in page.lower()
    assert "Tweede wijziging" in page
    employer.refresh_from_db()
    assert employer.name == "Eerste wijziging"


@pytest.mark.django_db
def test_a_lead_becomes_an_employer(client: Client, employer_adviser: User) -> None:
    lead = LeadFactory(company_name="Fietsenmakerij De Spaak", kvk_number="27555555")
    client.force_login(employer_adviser)

    form = client.get(reverse("offers:employer-create"), {"lead": lead.pk}).content.decode()
    saved = client.post(
        reverse("offers:employer-create") + f"?lead={lead.pk}",
        {**FORM, "name": "Fietsenmakerij De Spaak", "kvk_number": "27555555"},
    )

    assert 'value="Fietsenmakerij De Spaak"' in form
    assert saved.status_code == 302
    lead.refresh_from_db()
    assert lead.status == "converted"
    assert lead.employer == Employer.objects.get(kvk_number="27555555")
    assert lead.handled_by == employer_adviser


@pytest.mark.django_db
def test_lead_pages_count_their_queries(
    client: Client, employer_adviser: User, django_assert_max_num_queries: object
) -> None:
    leads = LeadFactory.create_batch(5)
    client.force_login(employer_adviser)

    with django_assert_max_num_queries(10):  # type: ignore[operator]
        listing = client.get(reverse("offers:lead-list"), {"status": "new"})
    with django_assert_max_num_queries(10):  # type: ignore[operator]
        detail = client.get(reverse("offers:lead-detail", kwargs={"lead_id": leads[0].pk}))
    contacted = client.post(
        reverse("offers:lead-detail", kwargs={"lead_id": leads[0].pk}),
        {"status": "contacted", "version": 1},
    )

    assert listing.status_code == detail.status_code == 200
    assert contacted.status_code == 302
    assert EmployerLead.objects.get(pk=leads[0].pk).status == "contacted"


@pytest.mark.django_db
def test_professionals_do_not_keep_employers(client: Client, professional: User) -> None:
    client.force_login(professional)

    assert client.get(reverse("offers:employer-list")).status_code == 403
    assert client.get(reverse("offers:lead-list")).status_code == 403
