"""A professional of Team Inkomen signs in, searches a candidate, opens the dossier, walks its
tabs and adds a barrier after fixing an inline error; axe-core checks every page on the way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.candidates.factories import (
    BarrierFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
    PlanGoalFactory,
)
from tests.e2e.conftest import axe_check
from tests.factories import MembershipFactory, OrganisationFactory, TOTPDeviceFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Barrier, Candidate
from werkpad.organisations.roles import OrganisationKind, Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TAB_HEADINGS = {
    "Overzicht": "Overzicht",
    "Belemmeringen": "Belemmeringen",
    "Participatieladder": "Participatieladder",
    "Plan van aanpak": "Plan van aanpak",
    "Toestemming": "Toestemming",
    "Uitkeringsperiodes": "Uitkeringsperiodes",
    "Correcties": "Correcties",
}


@pytest.fixture
def municipal_professional() -> User:
    team = OrganisationFactory(
        slug="team-inkomen",
        name="Team Inkomen",
        kind=OrganisationKind.MUNICIPALITY,
        has_legal_basis=True,
    )
    user = TOTPDeviceFactory(user__full_name="Fatima el Amrani").user
    MembershipFactory(user=user, organisation=team, role=Role.PROFESSIONAL)
    return user


@pytest.fixture
def candidate(municipal_professional: User) -> Candidate:
    werkse = OrganisationFactory(slug="werkse", name="Werkse!")
    noor = CandidateFactory(first_name="Noor", last_name="Hendriks", postcode="2611 AB")
    CandidateFactory.create_batch(3)
    BarrierFactory(candidate=noor, kind="care_duties", owner_organisation=werkse)
    LadderScoreFactory(candidate=noor, step=2, potential_step=4, assessed_on=dt.date(2023, 3, 1))
    LadderScoreFactory(candidate=noor, step=3, potential_step=4, assessed_on=dt.date(2024, 3, 12))
    PlanGoalFactory(candidate=noor)
    ConsentFactory(candidate=noor, organisation=werkse)
    return noor


def test_search_open_the_dossier_walk_the_tabs_and_add_a_barrier(
    signed_in_page: Callable[..., Page], municipal_professional: User, candidate: Candidate
) -> None:
    page = signed_in_page(municipal_professional)

    page.goto("/kandidaten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidaten")
    expect(page.get_by_role("status")).to_contain_text("4 kandidaten gevonden")
    axe_check(page, context="candidate list")

    page.get_by_role("searchbox", name=re.compile("^Zoeken")).fill("hendriks")
    expect(page.get_by_role("status")).to_contain_text("1 kandidaat gevonden")
    expect(page).to_have_url(re.compile(r"q=hendriks"))
    results = page.get_by_role("table")
    expect(results).to_contain_text("Hendriks, Noor")
    axe_check(page, context="candidate list after a live search")

    results.get_by_role("link", name="Hendriks, Noor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noor Hendriks")
    expect(page.get_by_text(candidate.bsn)).to_have_count(0)
    axe_check(page, context="dossier overview")

    page.get_by_role("link", name="BSN tonen").click()
    expect(page.locator("#candidate-bsn")).to_have_text(candidate.bsn)

    tabs = page.get_by_role("navigation", name="Onderdelen van het dossier")
    for tab, heading in TAB_HEADINGS.items():
        tabs.get_by_role("link", name=tab, exact=True).click()
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
        expect(tabs.get_by_role("link", name=tab, exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        axe_check(page, context=f"dossier tab {tab}")

    tabs.get_by_role("link", name="Participatieladder").click()
    expect(page.get_by_role("table")).to_contain_text("Van 2 naar 3 op 12-03-2024")

    tabs.get_by_role("link", name="Belemmeringen").click()
    page.get_by_role("link", name="Belemmering toevoegen").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Belemmering toevoegen")
    axe_check(page, context="barrier form")

    page.get_by_label("Soort belemmering").select_option(label="Schulden")
    page.get_by_label("Status").select_option(label="Opgelost")
    page.get_by_label("Gemeld op").fill("2024-02-01")
    page.get_by_label("Notitie").fill("Schuldhulp loopt via Delft Support")
    page.get_by_role("button", name="Opslaan").click()
    resolved_on = page.get_by_label("Opgelost op")
    expect(page.get_by_text("Vul in wanneer de belemmering is opgelost.")).to_be_visible()
    expect(resolved_on).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Notitie")).to_have_value("Schuldhulp loopt via Delft Support")
    axe_check(page, context="barrier form with an inline error")

    resolved_on.fill("2024-03-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De belemmering is toegevoegd.")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Schuldhulp loopt via Delft Support")
    axe_check(page, context="barriers after adding one")
    assert Barrier.objects.filter(candidate=candidate, category="debts").count() == 1
