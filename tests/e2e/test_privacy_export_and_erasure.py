"""A Team Inkomen professional hands a candidate their data and, on request, erases them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import axe_check
from tests.factories import TOTPDeviceFactory
from tests.privacy.avg_helpers import HEALTH_NOTE, full_dossier
from werkpad.candidates.models import Candidate
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_export_page_download_and_erasure(signed_in_page: Callable[..., Page]) -> None:
    dossier = full_dossier()
    TOTPDeviceFactory(user=dossier.professional)
    candidate_id = dossier.candidate.pk
    page = signed_in_page(dossier.professional)

    page.goto(f"/privacy/kandidaten/{candidate_id}/export/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle gegevens van Zoë van den Berg")
    expect(page.get_by_role("heading", name="Wie uw gegevens heeft gebruikt")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(HEALTH_NOTE)
    axe_check(page, context="export page")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Downloaden als bestand")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".json")
    body = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert body["sections"]["person"]["first_name"] == "Zoë"

    page.goto(f"/privacy/kandidaten/{candidate_id}/wissen/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zoë van den Berg")
    axe_check(page, context="erasure confirmation")
    page.get_by_role("button", name="Voorgoed wissen").click()
    expect(page.get_by_text("Kies de wettelijke grond voor het wissen.")).to_be_visible()
    expect(page.get_by_text("Vink het vakje aan")).to_be_visible()
    axe_check(page, context="erasure confirmation with errors")
    assert Candidate.objects.get(pk=candidate_id).erased_at is None

    page.get_by_label(re.compile("De kandidaat vroeg om wissen")).check()
    page.get_by_label(re.compile("Ik begrijp dat")).check()
    page.get_by_role("button", name="Voorgoed wissen").click()
    expect(
        page.get_by_text("De persoonsgegevens van Zoë van den Berg zijn gewist.")
    ).to_be_visible()
    axe_check(page, context="after the erasure")

    assert Candidate.objects.get(pk=candidate_id).erased_at is not None
    assert (
        ProcessingLogEntry.objects.filter(candidate_id=candidate_id, action="export").count() == 2
    )
    assert ProcessingLogEntry.objects.get(candidate_id=candidate_id, action="erase").purpose == (
        "avg17_request"
    )
