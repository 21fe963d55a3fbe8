"""A professional of Team Inkomen uploads the benefit administration's export: a file with an
error is refused with the row and column named; the fixed file imports while the page follows
its progress by itself; axe-core checks every page on the way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.candidates.import_files import export_csv, export_rows, team_inkomen
from tests.e2e.conftest import axe_check
from tests.factories import MembershipFactory, TOTPDeviceFactory
from werkpad.candidates.models import Candidate
from werkpad.organisations.roles import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_bad_file_is_refused_and_the_fixed_file_imports(
    signed_in_page: Callable[..., Page], tmp_path: Path
) -> None:
    user = TOTPDeviceFactory().user
    MembershipFactory(user=user, organisation=team_inkomen(), role=Role.PROFESSIONAL)
    rows = export_rows(200)
    good_postcode = rows[40]["postcode"]
    rows[40]["postcode"] = "2611"
    bad = tmp_path / "uitkeringen.csv"
    bad.write_bytes(export_csv(rows))
    page = signed_in_page(user)

    page.goto("/kandidaten/importeren/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidaten importeren")
    axe_check(page, context="upload page")
    page.get_by_label("Export van de uitkeringsadministratie").set_input_files(bad)
    page.locator("main button[type=submit]").click()

    errors = page.get_by_role("table", name="Fouten per rij en kolom")
    expect(errors).to_contain_text("42")
    expect(errors).to_contain_text("postcode")
    axe_check(page, context="refused import")
    assert Candidate.objects.count() == 0

    rows[40]["postcode"] = good_postcode
    bad.write_bytes(export_csv(rows))
    page.goto("/kandidaten/importeren/")
    page.get_by_label("Export van de uitkeringsadministratie").set_input_files(bad)
    page.locator("main button[type=submit]").click()

    expect(page.locator("#import-status")).to_contain_text("200 kandidaten toegevoegd")
    axe_check(page, context="finished import")
    assert Candidate.objects.count() == 200
