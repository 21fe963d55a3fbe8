"""The programme lead answers a candidate's anonymous idea on the panel pages; a panel member
reads the answer on a phone. axe-core checks every page on the way."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.e2e.conftest import PHONE, axe_check
from tests.factories import OrganisationFactory, TOTPDeviceFactory
from tests.panel.conftest import make_file
from tests.panel.factories import IdeaFactory, PanelSessionFactory
from werkpad.organisations.roles import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

IDEA = "Een vaste contactpersoon die je kunt appen"
ANSWER = "Elk team heeft nu een vast aanspreekpunt, ook via de app."


def test_an_answered_idea_reaches_the_panel(signed_in_page: Callable[..., Page]) -> None:
    member = make_file(team_inkomen(), partner("werkse"), first_name="Fatima", marker="Roos")
    TOTPDeviceFactory(user=member.account.user)
    IdeaFactory(text=IDEA, anonymous=True)
    PanelSessionFactory(topic="Reizen naar werk")
    lead = member_of(OrganisationFactory(slug="wsp-delft", name="WSP Delft"), Role.PROGRAMME_LEAD)
    TOTPDeviceFactory(user=lead)

    page = signed_in_page(lead)
    page.goto("/portaal/ideeen/")
    expect(page.get_by_role("heading", name="Geven we antwoord, en hoe snel?")).to_be_visible()
    axe_check(page, context="ideas")
    page.get_by_role("listitem").filter(has_text=IDEA).get_by_role(
        "link", name=re.compile("Beantwoord of wijzig dit idee")
    ).click()
    axe_check(page, context="idea form")
    page.get_by_label("Status").select_option(label="We gaan het doen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Schrijf het antwoord")).to_be_visible()
    axe_check(page, context="idea form with an error")
    page.get_by_label("Wat we ermee deden (openbaar antwoord)").fill(ANSWER)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het idee is bewaard.")).to_be_visible()
    page.goto("/portaal/sessies/")
    axe_check(page, context="sessions")
    page.get_by_role("link", name="Reizen naar werk").click()
    axe_check(page, context="session")

    phone = signed_in_page(member.account.user, viewport=PHONE)
    phone.goto("/portaal/kandidatenpanel/")
    idea = phone.get_by_role("listitem").filter(has_text=IDEA)
    expect(idea).to_contain_text(ANSWER)
    expect(idea).to_contain_text("Zonder naam gestuurd")
    axe_check(phone, context="panel on a phone")
