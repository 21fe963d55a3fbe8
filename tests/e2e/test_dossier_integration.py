"""A professional of Team Inkomen opens a dossier and finds what the other apps hold for this
candidate: the case at the Zeg JA Team, a placement, and the "Passend aanbod" panel, which loads
into the overview on request. axe-core checks the page before and after the panel loads; the
links lead to pages that open."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.candidates.api_clients import team_inkomen
from tests.candidates.factories import CandidateFactory, LadderScoreFactory
from tests.cases.factories import CaseFactory
from tests.e2e.conftest import axe_check
from tests.factories import MembershipFactory, OrganisationFactory, TOTPDeviceFactory
from tests.offers.factories import OfferFactory, PlacementFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.cases.models import Case
from werkpad.organisations.roles import Role
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def municipal_professional() -> User:
    user = TOTPDeviceFactory(user__full_name="Fatima el Amrani").user
    MembershipFactory(user=user, organisation=team_inkomen(), role=Role.PROFESSIONAL)
    return user


@pytest.fixture
def candidate(municipal_professional: User) -> Candidate:
    team = team_inkomen()
    noor = CandidateFactory(
        first_name="Noor", last_name="Hendriks", postcode="2611 AB", lead_organisation=team
    )
    LadderScoreFactory(candidate=noor, step=3, potential_step=4)
    provider = OrganisationFactory(slug="lekker-bezig", name="Lekker Bezig")
    OfferFactory(organisation=provider, title="Moestuin van Lekker Bezig", postcode="2613")
    PlacementFactory(
        candidate=noor,
        offer=OfferFactory(organisation=provider, title="Fietsenwerkplaats van Lekker Bezig"),
    )
    CaseFactory(candidate=noor, submitting_organisation=team)
    return noor


def test_open_the_dossier_and_load_the_fitting_offers(
    signed_in_page: Callable[..., Page], municipal_professional: User, candidate: Candidate
) -> None:
    page = signed_in_page(municipal_professional)
    entries_before = ProcessingLogEntry.objects.count()

    page.goto(f"/kandidaten/{candidate.pk}/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Noor Hendriks")
    for link in ("Gegevens exporteren", "Gegevens wissen", "Inbrengen bij het Zeg JA Team"):
        expect(page.get_by_role("link", name=link)).to_be_visible()
    case = Case.objects.get()
    expect(page.get_by_role("table", name=re.compile("Casussen"))).to_contain_text(case.reference)
    expect(page.get_by_role("table", name=re.compile("Aanbod waarmee"))).to_contain_text(
        "Fietsenwerkplaats van Lekker Bezig"
    )
    assert ProcessingLogEntry.objects.count() == entries_before + 1
    axe_check(page, context="dossier overview with the other apps' links")

    offers = page.get_by_role("region", name="Passend aanbod")
    expect(offers.get_by_role("heading", level=2, name="Passend aanbod")).to_be_visible()
    offers.get_by_text("Passend aanbod en matches tonen").click()
    expect(offers.get_by_role("heading", level=3, name="Matches")).to_be_visible()
    expect(offers.get_by_role("heading", name="Moestuin van Lekker Bezig")).to_be_visible()
    expect(
        offers.get_by_role("button", name=re.compile("Stel dit aanbod voor.*Moestuin"))
    ).to_be_visible()
    expect(offers.get_by_role("heading", level=2)).to_have_count(1)
    logged = ProcessingLogEntry.objects.filter(activity="matching", candidate=candidate)
    assert logged.count() == 1
    axe_check(page, context="dossier overview with Passend aanbod loaded")

    page.get_by_role("link", name="Inbrengen bij het Zeg JA Team").click()
    expect(page.get_by_text("Noor Hendriks").first).to_be_visible()
    assert "kandidaat=" in page.url
    axe_check(page, context="new case with the candidate chosen")
