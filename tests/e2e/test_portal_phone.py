"""A candidate uses the portal on a phone (390×844): every page passes axe-core (no serious or
critical violations) and fits the screen; they answer a proposal after an inline error,
withdraw a consent, send an anonymous idea and download their data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.candidates.api_clients import partner, team_inkomen
from tests.e2e.conftest import PHONE, axe_check
from tests.factories import TOTPDeviceFactory
from tests.panel.conftest import File, make_file
from werkpad.offers.models import Match
from werkpad.panel.models import Idea
from werkpad.privacy.models import Consent

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = [
    ("/portaal/", "Hallo Fatima"),
    ("/portaal/plan/", "Mijn plan"),
    ("/portaal/voorstellen/", "Mijn voorstellen"),
    ("/portaal/belemmeringen/", "Mijn belemmeringen"),
    ("/portaal/trede/", "Mijn trede op de participatieladder"),
    ("/portaal/toestemming/", "Mijn toestemmingen"),
    ("/portaal/toestemming/geven/", "Geef een nieuwe toestemming"),
    ("/portaal/wie-keek/", "Wie heeft mijn gegevens bekeken"),
    ("/portaal/mijn-gegevens/", "Al mijn gegevens"),
    ("/portaal/correctie/", "Vraag om een correctie"),
    ("/portaal/kandidatenpanel/", "Kandidatenpanel"),
    ("/portaal/kandidatenpanel/idee/", "Deel een idee"),
    ("/portaal/meldingen/", "E-mailinstellingen"),
]


@pytest.fixture
def own_file() -> File:
    own = make_file(team_inkomen(), partner("werkse"), first_name="Fatima", marker="Zonnebloem")
    TOTPDeviceFactory(user=own.account.user)
    return own


def fits_the_screen(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_the_portal_on_a_phone(signed_in_page: Callable[..., Page], own_file: File) -> None:
    page = signed_in_page(own_file.account.user, viewport=PHONE)
    expect(page).to_have_url(re.compile(r"/portaal/$"))

    for path, heading in PAGES:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        axe_check(page, context=path)
        assert fits_the_screen(page), f"{path} is wider than the phone"

    # The menu sits after the page on a phone; the link at the top leads to it.
    page.goto("/portaal/")
    page.get_by_role("link", name="Naar het menu van Mijn Werkpad").click()
    page.get_by_role("navigation", name="Mijn Werkpad").get_by_role(
        "link", name="Mijn voorstellen"
    ).click()
    page.get_by_role("link", name="Aanbod Zonnebloem").click()
    expect(page.get_by_role("heading", name="Waarom dit bij u kan passen")).to_be_visible()
    page.get_by_label("Liever niet").check()
    page.get_by_role("button", name="Verstuur mijn antwoord").click()
    expect(page.get_by_text("Vertel ons waarom niet.")).to_be_visible()
    expect(page.get_by_label("Waarom niet?")).to_have_attribute("aria-invalid", "true")
    axe_check(page, context="proposal with an error")
    page.get_by_label("Waarom niet?").fill("Ik werk liever buiten.")
    page.get_by_role("button", name="Verstuur mijn antwoord").click()
    expect(page.get_by_text("Dank u voor uw antwoord.")).to_be_visible()
    assert Match.objects.get(pk=own_file.match.pk).status == "candidate_declined"

    page.goto("/portaal/toestemming/")
    page.get_by_role("link", name=re.compile("Trek deze toestemming voor Werkse in")).first.click()
    axe_check(page, context="withdraw consent")
    page.get_by_role("button", name="Ja, trek mijn toestemming in").click()
    expect(page.get_by_text("Uw toestemming is ingetrokken.")).to_be_visible()
    axe_check(page, context="after withdrawing")
    assert Consent.objects.filter(candidate=own_file.candidate, revoked_on__isnull=False).exists()

    page.goto("/portaal/kandidatenpanel/idee/")
    page.get_by_label("Uw idee of tip").fill("Een koffie-uurtje voor nieuwe panelleden")
    page.get_by_label("Stuur zonder mijn naam").check()
    page.get_by_role("button", name="Verstuur mijn idee").click()
    expect(page.get_by_text("Dank u voor uw idee.")).to_be_visible()
    axe_check(page, context="panel after an idea")
    idea = Idea.objects.get(text="Een koffie-uurtje voor nieuwe panelleden")
    assert idea.author is None

    page.goto("/portaal/mijn-gegevens/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download mijn gegevens als bestand").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["sections"]["person"]["first_name"] == "Fatima"
