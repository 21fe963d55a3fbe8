"""The public page "Belangstelling als werkgever": a valid post becomes a lead for the employer
advisers; a filled honeypot and the 21st post in a minute from one address are refused."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from werkpad.accounts.models import User
from werkpad.offers.models import EmployerLead

VALID = {
    "company_name": "Fietsenmakerij De Spaak",
    "contact_name": "Fatima de Boer",
    "email": "fatima@despaak.example",
    "phone": "015 123 45 67",
    "kvk_number": "27123456",
    "sector": "retail",
    "message": "Wij zoeken iemand voor twee dagen per week.",
    "website": "",
}


@pytest.mark.django_db
def test_the_form_is_open_to_everyone_without_logging_in(client: Client) -> None:
    response = client.get(reverse("offers:interest"))

    assert response.status_code == 200
    assert "Belangstelling als werkgever" in response.content.decode()


@pytest.mark.django_db
def test_a_valid_post_becomes_a_lead_the_employer_adviser_sees(
    client: Client, employer_adviser: User
) -> None:
    response = client.post(reverse("offers:interest"), VALID)

    assert response.status_code == 302
    assert response["Location"] == reverse("offers:interest-thanks")
    thanks = client.get(response["Location"])
    assert "Bedankt voor uw belangstelling" in thanks.content.decode()
    lead = EmployerLead.objects.get()
    assert lead.company_name == "Fietsenmakerij De Spaak"
    assert lead.status == "new"

    client.force_login(employer_adviser)
    leads = client.get(reverse("offers:lead-list"))
    assert "Fietsenmakerij De Spaak" in leads.content.decode()


@pytest.mark.django_db
def test_a_filled_honeypot_is_refused_and_nothing_is_stored(client: Client) -> None:
    response = client.post(reverse("offers:interest"), {**VALID, "website": "http://spam.example"})

    assert response.status_code == 400
    assert "automatisch" in response.content.decode()
    assert not EmployerLead.objects.exists()


@pytest.mark.django_db
def test_the_21st_post_in_a_minute_from_one_address_is_refused(client: Client) -> None:
    for number in range(20):
        response = client.post(
            reverse("offers:interest"),
            {**VALID, "company_name": f"Bedrijf {number}"},
            REMOTE_ADDR="192.0.2.7",
        )
        assert response.status_code == 302

    refused = client.post(reverse("offers:interest"), VALID, REMOTE_ADDR="192.0.2.7")
    other_address = client.post(reverse("offers:interest"), VALID, REMOTE_ADDR="192.0.2.8")

    assert refused.status_code == 429
    assert "Wacht een minuut" in refused.content.decode()
    assert EmployerLead.objects.count() == 21  # 20 from the first address, 1 from the other
    assert other_address.status_code == 302


@pytest.mark.django_db
def test_invalid_input_is_shown_with_the_input_kept(client: Client) -> None:
    response = client.post(
        reverse("offers:interest"), {**VALID, "email": "geen-adres", "kvk_number": "123"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in page
    assert "Fietsenmakerij De Spaak" in page
    assert "8 cijfers" in page
    assert not EmployerLead.objects.exists()
