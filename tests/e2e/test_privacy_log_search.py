"""The programme lead searches the processing log for one candidate and downloads the result."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import axe_check
from tests.factories import MembershipFactory, OrganisationFactory, TOTPDeviceFactory
from tests.privacy.avg_helpers import full_dossier
from werkpad.candidates.selectors import candidate_get
from werkpad.organisations.roles import OrganisationKind, Role
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_programme_lead_finds_who_opened_a_dossier(signed_in_page: Callable[..., Page]) -> None:
    dossier = full_dossier()
    candidate_get(user=dossier.professional, candidate_id=dossier.candidate.pk)
    wsp = OrganisationFactory(
        slug="wsp-delft", name="WSP Delft", kind=OrganisationKind.EMPLOYER_SERVICE
    )
    lead = TOTPDeviceFactory(user__full_name="Ilse de Lead").user
    MembershipFactory(user=lead, organisation=wsp, role=Role.PROGRAMME_LEAD)
    page = signed_in_page(lead)

    page.goto("/")
    page.get_by_role("link", name="Verwerkingenlog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwerkingenlog")
    axe_check(page, context="log search")

    page.get_by_label("BSN van de kandidaat").fill("123456789")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("Dit is geen geldig BSN")).to_be_visible()
    axe_check(page, context="log search with an error")

    page.get_by_label("BSN van de kandidaat").fill(dossier.candidate.bsn)
    page.get_by_label("Handeling").select_option("view")
    page.get_by_role("button", name="Zoeken").click()
    table = page.get_by_role("table")
    expect(table).to_contain_text(dossier.professional.email)
    expect(table).to_contain_text("Team Inkomen")
    expect(table).to_contain_text("Werken aan het dossier van de kandidaat")
    axe_check(page, context="log search result")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("spreadsheet")).click()
    csv_text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert str(dossier.candidate.pk) in csv_text
    assert (
        ProcessingLogEntry.objects.filter(
            activity="processing_log_search", candidate=dossier.candidate
        ).count()
        == 2
    )
