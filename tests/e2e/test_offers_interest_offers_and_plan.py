"""Browser walks through the offers part, with axe-core on every page: an employer leaves their
interest on the public page; an employer adviser filters the offers and opens one; the programme
lead watches a city-wide plan run finish and reviews it before anything goes out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import axe_check
from tests.factories import MembershipFactory, OrganisationFactory, TOTPDeviceFactory
from tests.offers.factories import EmployerFactory, OfferFactory, candidate_for_matching
from werkpad.accounts.models import User
from werkpad.matching.models import PlanRun
from werkpad.matching.services import plan_run_execute
from werkpad.offers.models import EmployerLead, Match
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def wsp() -> Organisation:
    return OrganisationFactory(
        slug="wsp-delft", name="Werkgeversservicepunt Delft", kind=OrganisationKind.EMPLOYER_SERVICE
    )


def _member(organisation: Organisation, role: Role, name: str) -> User:
    user = TOTPDeviceFactory(user__full_name=name).user
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def test_an_employer_leaves_their_interest(browser_page: Page) -> None:
    page = browser_page
    page.goto("/aanbod/belangstelling/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Belangstelling als werkgever")
    axe_check(page, context="interest form")

    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_label("Naam van het bedrijf")).to_have_attribute("aria-invalid", "true")
    axe_check(page, context="interest form with errors")

    page.get_by_label("Naam van het bedrijf").fill("Fietsenmakerij De Spaak")
    page.get_by_label("Uw naam").fill("Fatima de Boer")
    page.get_by_label("E-mailadres").fill("fatima@despaak.example")
    page.get_by_role("button", name="Versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw belangstelling")
    axe_check(page, context="thank-you page")
    assert EmployerLead.objects.get().company_name == "Fietsenmakerij De Spaak"


def test_an_employer_adviser_filters_the_offers(signed_in_page, wsp: Organisation) -> None:  # type: ignore[no-untyped-def]
    adviser = _member(wsp, Role.EMPLOYER_ADVISER, "Sam de Wit")
    bakery = EmployerFactory(name="Bakkerij Van der Meer")
    OfferFactory(title="Broodbakker", kind="paid_job", organisation=None, employer=bakery)
    OfferFactory(title="Koffie schenken in de bieb", kind="volunteer", organisation=wsp)
    candidate_for_matching(wsp, first_name="Noor", last_name="Visser")
    page: Page = signed_in_page(adviser)

    page.goto("/aanbod/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanbod")
    expect(page.get_by_role("table")).to_contain_text("Broodbakker")
    axe_check(page, context="offers list")

    page.get_by_label("Soort").select_option("volunteer")
    expect(page.get_by_role("table")).not_to_contain_text("Broodbakker")
    expect(page.get_by_role("table")).to_contain_text("Koffie schenken in de bieb")
    expect(page).to_have_url(re.compile(r"kind=volunteer"))
    axe_check(page, context="offers list filtered")

    page.get_by_role("link", name="Koffie schenken in de bieb").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koffie schenken in de bieb")
    expect(page.locator("#offer-suggestions")).to_contain_text("Noor Visser")
    axe_check(page, context="offer with suggested candidates")

    page.goto("/aanbod/werkgevers/")
    expect(page.get_by_role("table")).to_contain_text("Bakkerij Van der Meer")
    axe_check(page, context="employers")


def test_the_programme_lead_reviews_a_plan_before_it_goes_out(  # type: ignore[no-untyped-def]
    signed_in_page, wsp: Organisation
) -> None:
    lead = _member(wsp, Role.PROGRAMME_LEAD, "Mila Bos")
    werkse = OrganisationFactory(slug="werkse", name="Werkse!")
    OfferFactory(title="Fietsen opknappen", organisation=werkse, capacity=3)
    for _ in range(5):
        candidate_for_matching(werkse)
    run = PlanRun.objects.create(started_by=lead)
    page: Page = signed_in_page(lead)

    page.goto(f"/matching/plan/{run.pk}/")
    expect(page.locator("#plan-progress-bar")).to_be_visible()
    axe_check(page, context="plan run in progress")

    plan_run_execute(run_id=run.pk)
    expect(page.get_by_role("heading", name="Totalen")).to_be_visible(timeout=15_000)
    expect(page.get_by_role("table")).to_contain_text("Fietsen opknappen")
    expect(page.get_by_role("table")).to_contain_text("niet zichtbaar voor jou")
    assert not Match.objects.exists()
    axe_check(page, context="plan review")

    page.get_by_role("button", name="Voorstellen versturen").click()
    expect(page.get_by_text("Vink het vakje aan")).to_be_visible()
    axe_check(page, context="plan review with an error")
    page.get_by_label("Ja, stuur deze voorstellen").check()
    page.get_by_role("button", name="Voorstellen versturen").click()
    expect(page.get_by_role("status").first).to_contain_text("3 voorstellen zijn verstuurd")
    axe_check(page, context="plan sent")
    assert Match.objects.filter(status="proposed").count() == 3
