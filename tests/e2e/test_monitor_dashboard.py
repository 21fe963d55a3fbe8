"""The programme lead opens the BHAG monitor, reads both goals, narrows the figures to one
organisation per month (htmx, under the real CSP), and visits the pilots and goals; axe-core
checks every page and every swapped-in state on the way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.conftest import DataVersion
from tests.e2e.conftest import axe_check
from tests.factories import MembershipFactory, OrganisationFactory, TOTPDeviceFactory
from tests.monitor.factories import GoalFactory, PilotFactory
from werkpad.accounts.models import User
from werkpad.demo.loading import population_load
from werkpad.demo.population import generate_population
from werkpad.demo.services import demo_partners_load
from werkpad.monitor.models import Goal, Pilot
from werkpad.organisations.roles import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
D = dt.date


@pytest.fixture
def programme_lead(settings: object) -> User:
    settings.MONITOR_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    Goal.objects.all().delete()  # the data migration's, when this database still has them
    Pilot.objects.all().delete()
    demo_partners_load()
    population_load(
        population=generate_population(candidates=120, seed=3, today=timezone.localdate())
    )
    GoalFactory(
        title="Bijstand halveren",
        baseline_value=120,
        baseline_date=D(2019, 1, 1),
        target_value=60,
        target_date=D(2023, 12, 31),
        position=1,
    )
    GoalFactory(
        title="2.000 mensen extra aan het werk",
        metric="extra_to_work",
        baseline_value=0,
        baseline_date=D(2019, 1, 1),
        target_value=70,
        target_date=D(2021, 12, 31),
        usual_outflow_per_year=17,
        position=2,
    )
    PilotFactory(name="Zeg JA Team", every_zeg_ja_case=True, starts_on=D(2019, 9, 1))
    user = TOTPDeviceFactory(user__full_name="Joost van der Meer").user
    wsp = OrganisationFactory(slug="wsp-delft")
    MembershipFactory(user=user, organisation=wsp, role=Role.PROGRAMME_LEAD)
    return user


def test_programme_lead_reads_the_monitor(
    programme_lead: User, signed_in_page: Callable[..., Page]
) -> None:
    page = signed_in_page(programme_lead)
    page.goto("/monitor/")
    expect(page.get_by_role("heading", level=1)).to_have_text("BHAG-monitor")
    expect(page.get_by_role("heading", name="Bijstand halveren")).to_be_visible()
    expect(page.get_by_role("heading", name="2.000 mensen extra aan het werk")).to_be_visible()
    expect(page.get_by_role("img", name="Bijstand halveren")).to_be_visible()
    axe_check(page, context="dashboard")

    page.get_by_label(re.compile("^Per")).select_option("month")
    page.get_by_label("Kandidaten van organisatie").select_option(
        label="Team Inkomen (gemeente Delft)"
    )
    page.get_by_role("button", name="Toon de cijfers").click()
    page.wait_for_url(re.compile(r"granularity=month"))
    expect(page.get_by_text("Alleen kandidaten met Team Inkomen (gemeente Delft)")).to_be_visible()
    expect(page.locator("#table-flows tbody tr").first).to_contain_text("2019-01")
    axe_check(page, context="dashboard per month for one organisation")

    page.get_by_role("link", name="Het overzicht van pilots: doelen, partners en lessen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pilots")
    expect(page.get_by_role("heading", name="Zeg JA Team")).to_be_visible()
    axe_check(page, context="pilots")

    page.get_by_role("navigation", name="BHAG-monitor").get_by_role("link", name="Doelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Doelen")
    axe_check(page, context="goals")
    page.get_by_role("link", name=re.compile("^Wijzig Bijstand halveren")).click()
    page.get_by_label("Doelwaarde").fill("")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".utrecht-form-field--invalid")).to_have_count(1)
    axe_check(page, context="goal form with an error")
    page.get_by_label("Doelwaarde").fill("55")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het doel is opgeslagen.")).to_be_visible()


def test_the_dashboard_shows_its_figures_by_itself_once_computed(
    programme_lead: User,
    signed_in_page: Callable[..., Page],
    kept_in_background: DataVersion,
) -> None:
    """As on PostgreSQL, figures never computed are prepared in the background while the page
    says so; htmx asks again and swaps the dashboard in when they are ready."""
    page = signed_in_page(programme_lead)
    page.goto("/monitor/?granularity=month")
    expect(page.get_by_role("status").filter(has_text="worden berekend")).to_be_visible()
    axe_check(page, context="dashboard, figures being computed")

    expect(page.get_by_role("heading", name="Bijstand halveren")).to_be_visible(timeout=30_000)
    expect(page.get_by_text(re.compile(r"^Cijfers berekend op"))).to_be_visible()
    axe_check(page, context="dashboard, figures computed in the background")


def test_a_file_never_computed_is_offered_once_made(
    programme_lead: User,
    signed_in_page: Callable[..., Page],
    kept_in_background: DataVersion,
) -> None:
    page = signed_in_page(programme_lead)
    page.goto("/monitor/export/monitor.xlsx?granularity=month")
    expect(page.get_by_role("heading", level=1)).to_have_text("Het bestand wordt gemaakt")
    axe_check(page, context="file being made")

    link = page.get_by_role("link", name="Download het bestand")
    expect(link).to_be_visible(timeout=30_000)
    axe_check(page, context="file ready")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".xlsx")
