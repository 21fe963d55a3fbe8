"""A professional signs in with password and code, sees their roles, switches language and
walks every page of the foundation; axe-core finds no serious accessibility problem on any."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import PHONE, axe_check, log_in
from tests.factories import MembershipFactory, OrganisationFactory, TOTPDeviceFactory
from werkpad.accounts.models import User
from werkpad.organisations.roles import OrganisationKind, Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def professional() -> User:
    werkse = OrganisationFactory(slug="werkse", name="Werkse!")
    wsp = OrganisationFactory(
        slug="wsp-delft", name="Werkgeversservicepunt Delft", kind=OrganisationKind.EMPLOYER_SERVICE
    )
    OrganisationFactory(
        slug="lekker-bezig", name="Lekker Bezig", kind=OrganisationKind.VOLUNTEERING
    )
    OrganisationFactory(slug="ggz-delfland", name="GGZ Delfland", kind=OrganisationKind.CARE)
    user = TOTPDeviceFactory(user__full_name="Noor Jansen").user
    MembershipFactory(user=user, organisation=werkse, role=Role.PROFESSIONAL)
    MembershipFactory(user=user, organisation=wsp, role=Role.ZEG_JA_MEMBER)
    return user


def test_sign_in_with_a_code_and_walk_the_pages(browser_page: Page, professional: User) -> None:
    page = browser_page

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkpad: samen naar werk")
    axe_check(page, context="welcome")
    page.get_by_role("link", name="Inloggen als professional").click()
    expect(page).to_have_url(re.compile(r"/accounts/inloggen/$"))
    expect(page).to_have_title(re.compile("Inloggen"))
    axe_check(page, context="login")

    page.get_by_label("E-mailadres").fill(professional.email)
    page.get_by_label("Wachtwoord").fill("not-the-password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("klopt niet")
    axe_check(page, context="login with an error")

    log_in(page, professional)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Noor")
    roles = page.get_by_role("table")
    expect(roles).to_contain_text("Werkse!")
    expect(roles).to_contain_text("Professional")
    expect(roles).to_contain_text("Werkgeversservicepunt Delft")
    expect(roles).to_contain_text("Lid Zeg JA Team (met mandaat)")
    axe_check(page, context="home")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text("Your organisations and roles")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe_check(page, context="home in English")
    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text("Jouw organisaties en rollen")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Organisaties"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisaties in het programma")
    expect(page.get_by_role("table")).to_contain_text("4 organisaties")
    axe_check(page, context="organisations")

    page.get_by_label("Zoek op naam").fill("bezig")
    expect(page.get_by_role("table")).to_contain_text("1 organisatie")
    expect(page.get_by_role("table")).to_contain_text("Lekker Bezig")
    expect(page.get_by_role("table")).not_to_contain_text("Werkse!")
    expect(page).to_have_url(re.compile(r"\?q=bezig"))
    axe_check(page, context="organisations after a search")
    page.get_by_label("Zoek op naam").fill("bestaat niet")
    expect(page.locator("#organisation-table")).to_contain_text("Geen organisatie heeft")
    axe_check(page, context="organisations, nothing found")

    page.goto("/accounts/wachtwoord-wijzigen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wijzig je wachtwoord")
    page.get_by_role("button", name="Nieuw wachtwoord opslaan").click()
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    axe_check(page, context="password change with errors")

    page.goto("/")
    page.get_by_role("link", name="Tweestapsverificatie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_role("img", name="QR-code")).to_be_visible()
    axe_check(page, context="two-step verification setup")

    page.goto("/accounts/api-token/")
    axe_check(page, context="API token")
    page.get_by_role("button", name="Maak een nieuw token").click()
    expect(page.get_by_test_id("api-token")).to_have_text(re.compile(r"^[0-9a-f]{40}$"))
    axe_check(page, context="API token made")

    page.goto("/bestaat-niet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    axe_check(page, context="page not found")

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/accounts/inloggen/$"))

    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wachtwoord vergeten?")
    axe_check(page, context="password reset")
    page.get_by_label("E-mailadres").fill(professional.email)
    page.get_by_role("button", name="Verstuur de e-mail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in je e-mail")
    axe_check(page, context="password reset sent")


def test_the_code_step_and_the_lockout_page_are_accessible(
    browser_page: Page, professional: User
) -> None:
    page = browser_page
    page.goto("/accounts/inloggen/")
    page.get_by_label("E-mailadres").fill(professional.email)
    page.get_by_label("Wachtwoord").fill("a-long-test-password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vul je code in")
    page.get_by_label("Code uit je app").fill("000000")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator("[aria-invalid=true]")).to_be_visible()
    axe_check(page, context="wrong code")

    for _ in range(5):
        page.goto("/accounts/inloggen/")
        page.get_by_label("E-mailadres").fill(professional.email)
        page.get_by_label("Wachtwoord").fill("wrong-password")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen tijdelijk geblokkeerd")
    expect(page.get_by_role("alert")).to_contain_text("30 minuten")
    axe_check(page, context="locked out")


def test_a_new_user_sets_up_the_app_during_the_first_login(
    browser_page: Page, user_with_role: Callable[..., User]
) -> None:
    user = user_with_role(Role.PROFESSIONAL)

    log_in(browser_page, user)

    expect(browser_page.get_by_role("heading", level=1)).to_contain_text("Welkom")


@pytest.mark.parametrize(
    "path",
    ["/", "/organisaties/", "/accounts/tweestapsverificatie/", "/accounts/wachtwoord-wijzigen/"],
)
def test_pages_fit_a_phone(
    signed_in_page: Callable[..., Page], professional: User, path: str
) -> None:
    page = signed_in_page(professional, viewport=PHONE, is_mobile=True, has_touch=True)

    page.goto(path)

    expect(page.locator("main")).to_be_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways on a phone by {overflow}px"
    axe_check(page, context=f"phone {path}")


def test_the_search_works_under_the_real_content_security_policy(
    signed_in_page: Callable[..., Page], professional: User
) -> None:
    page = signed_in_page(professional, bypass_csp=False)
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    page.goto("/organisaties/")
    page.get_by_label("Zoek op naam").fill("ggz")

    expect(page.get_by_role("table")).to_contain_text("GGZ Delfland")
    expect(page.get_by_role("table")).not_to_contain_text("Werkse!")
    page.goto("/")
    assert blocked == [], blocked
