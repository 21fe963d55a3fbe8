"""The chair takes the Zeg JA Team through today's agenda: records a JA with an action without
leaving the page, is told clearly when a JA lacks an action, and ends on the minutes. axe-core
checks every page and every swapped-in state on the way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.candidates.factories import CandidateFactory, ConsentFactory
from tests.cases.factories import AttendanceFactory, MeetingFactory, PrincipleFactory
from tests.e2e.conftest import axe_check
from tests.factories import MembershipFactory, OrganisationFactory, TOTPDeviceFactory
from werkpad.accounts.models import User
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.cases.models import Decision, Meeting
from werkpad.cases.services import case_submit
from werkpad.organisations.roles import OrganisationKind, Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chair() -> User:
    wsp = OrganisationFactory(
        slug="wsp-delft", name="Werkgeversservicepunt Delft", kind=OrganisationKind.EMPLOYER_SERVICE
    )
    user = TOTPDeviceFactory(user__full_name="Marieke de Voorzitter").user
    MembershipFactory(user=user, organisation=wsp, role=Role.CHAIR)
    return user


@pytest.fixture
def meeting(chair: User) -> Meeting:
    werkse = OrganisationFactory(slug="werkse", name="Werkse!")
    volunteers = OrganisationFactory(slug="delft-voor-elkaar", name="Delft voor Elkaar")
    submitter = MembershipFactory(organisation=werkse, role=Role.PROFESSIONAL).user
    member = MembershipFactory(organisation=volunteers, role=Role.ZEG_JA_MEMBER).user
    # The seeded principles come from a data migration, which a transactional test before this
    # one on the same worker may have flushed away: make sure the one the chair cites is there.
    PrincipleFactory(code="P2", title="Bureaucratie is geen lastpak maar je beste vriend")
    meeting = MeetingFactory(held_on=timezone.localdate())
    AttendanceFactory(
        meeting=meeting,
        user=chair,
        organisation=chair.memberships.get().organisation,
        role=Role.CHAIR,
    )
    AttendanceFactory(meeting=meeting, user=member, organisation=volunteers)
    for first, last, question in (
        ("Sander", "Bakker", "Wie helpt de overwoekerde tuin op te knappen?"),
        ("Yasmina", "Haddou", "Kan de kinderopvang starten voordat de toeslag er is?"),
    ):
        candidate = CandidateFactory(first_name=first, last_name=last)
        ConsentFactory(candidate=candidate, organisation=werkse, purpose="zeg_ja_team")
        case_submit(
            acting_user=submitter,
            candidate_view=candidate_get_unlogged(user=submitter, candidate_id=candidate.pk),
            organisation=werkse,
            knelpunt_kinds=["other"],
            barrier_description="Zie de vraag.",
            tried="Gesprekken met de verhuurder en de opvang.",
            question=question,
            meeting=meeting,
        )
    return meeting


def fill_ja(page: Page, *, with_action: bool) -> None:
    panel = page.locator("#chair-panel")
    panel.get_by_label("Ja", exact=True).check()
    panel.get_by_label("De oplossing (bij JA en JA MITS)").fill(
        "Vrijwilligers van Delft voor Elkaar knappen de tuin op."
    )
    panel.get_by_label("Onderbouwing").fill("De tuin is het enige dat hem van werk weerhoudt.")
    panel.get_by_label(re.compile("^P2 — ")).check()
    panel.get_by_label("Delft voor Elkaar").check()
    if with_action:
        action = panel.get_by_role("group", name="Actie 1")
        action.get_by_label("Wat").fill("Tuinploeg inplannen")
        action.get_by_label("Organisatie").select_option(label="Delft voor Elkaar")
        action.get_by_label("Klaar op").fill(
            (timezone.localdate() + dt.timedelta(days=14)).isoformat()
        )


def test_the_chair_records_decisions_in_place_and_reads_the_minutes(
    signed_in_page: Callable[..., Page], chair: User, meeting: Meeting
) -> None:
    page = signed_in_page(chair)

    page.goto(f"/zeg-ja/bijeenkomsten/{meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bijeenkomst van")
    axe_check(page, context="meeting page")

    page.get_by_role("link", name="Voorzittersscherm").click()
    panel = page.locator("#chair-panel")
    expect(panel.get_by_role("heading", level=2)).to_contain_text("Casus 1 van 2")
    expect(panel).to_contain_text("Sander Bakker")
    axe_check(page, context="chair's view, first case")

    page.evaluate("window.stillTheSamePage = true")
    fill_ja(page, with_action=True)
    panel.get_by_role("button", name="Vastleggen en naar de volgende casus").click()

    expect(panel.get_by_role("status")).to_contain_text("Besluit vastgelegd voor ZJA-001")
    expect(panel.get_by_role("heading", level=2)).to_contain_text("Casus 2 van 2")
    expect(panel).to_contain_text("Yasmina Haddou")
    expect(page.locator("#chair-agenda")).to_contain_text("besloten")
    assert page.evaluate("window.stillTheSamePage === true")
    axe_check(page, context="chair's view after recording a decision")

    fill_ja(page, with_action=False)
    panel.get_by_role("button", name="Vastleggen en naar de volgende casus").click()

    expect(panel.get_by_role("alert")).to_contain_text(
        "Bij een JA of JA MITS hoort minstens één actie"
    )
    assert page.evaluate("window.stillTheSamePage === true")
    assert Decision.objects.count() == 1
    axe_check(page, context="chair's view with a refused decision")

    page.goto(f"/zeg-ja/bijeenkomsten/{meeting.pk}/verslag/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verslag van het Zeg JA Team")
    expect(page.locator("main")).to_contain_text("Sander Bakker — Ja")
    axe_check(page, context="minutes")

    page.goto(f"/zeg-ja/bijeenkomsten/{meeting.pk}/verslag/pseudoniem/")
    expect(page.locator("main")).to_contain_text("ZJA-001 (S.B.) — Ja")
    expect(page.locator("main")).not_to_contain_text("Bakker")
    axe_check(page, context="pseudonymised minutes")

    page.goto("/zeg-ja/")
    page.get_by_role("link", name="ZJA-001").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Casus ZJA-001: Sander Bakker")
    expect(page.locator("#timeline + ol")).to_contain_text("Besloten")
    axe_check(page, context="case page")
