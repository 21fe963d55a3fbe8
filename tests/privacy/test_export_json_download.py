"""The export as a download (JSON) and as a readable page, at /privacy/kandidaten/<id>/export/."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.privacy.avg_helpers import HEALTH_NOTE, full_dossier, member_of
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_the_download_is_an_utf8_json_attachment_with_iso_dates(
    client: Client, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    dossier = full_dossier()
    client.force_login(dossier.professional)
    url = reverse("privacy:candidate-export-json", args=[dossier.candidate.pk])

    # +10: other apps register export sections, one query each: the candidate panel five
    # (panel.registry, panel.avg), the Zeg JA Team three (cases.avg), offers two (offers.avg).
    with django_assert_max_num_queries(29):
        response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.json"')
    assert "no-store" in response["Cache-Control"]
    assert "Zoë".encode() in response.content
    body = json.loads(response.content.decode("utf-8"))
    assert body["format"] == "werkpad-avg-export"
    assert body["sections"]["person"]["birth_date"] == "1984-07-23"
    assert body["sections"]["benefit_periods"][0]["start"] == "2012-02-01"
    assert dt.datetime.fromisoformat(body["exported_at"]).tzinfo is not None
    assert HEALTH_NOTE in response.content.decode("utf-8")


def test_each_download_is_one_export_entry_in_the_log(client: Client) -> None:
    dossier = full_dossier()
    client.force_login(dossier.professional)

    client.get(reverse("privacy:candidate-export-json", args=[dossier.candidate.pk]))

    assert ProcessingLogEntry.objects.filter(action="export").count() == 1


def test_the_readable_page_shows_every_part_of_the_dossier(
    client: Client, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    dossier = full_dossier()
    client.force_login(dossier.professional)
    url = reverse("privacy:candidate-export", args=[dossier.candidate.pk])

    # +10: other apps register export sections, one query each: the candidate panel five
    # (panel.registry, panel.avg), the Zeg JA Team three (cases.avg), offers two (offers.avg).
    with django_assert_max_num_queries(30):
        response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Zoë" in page and "van den Berg" in page
    for title in ("Persoonsgegevens", "Uitkeringsperiodes", "Belemmeringen", "Wie uw gegevens"):
        assert title in page
    assert HEALTH_NOTE in page
    assert reverse("privacy:candidate-export-json", args=[dossier.candidate.pk]) in page


def test_a_professional_who_may_not_see_the_candidate_gets_404_on_both(client: Client) -> None:
    dossier = full_dossier()
    client.force_login(member_of(OrganisationFactory(slug="impegno")))

    for name in ("privacy:candidate-export", "privacy:candidate-export-json"):
        assert client.get(reverse(name, args=[dossier.candidate.pk])).status_code == 404


def test_a_partner_with_consent_who_is_not_the_lead_gets_403(client: Client) -> None:
    dossier = full_dossier()
    client.force_login(member_of(OrganisationFactory(slug="werkse")))

    response = client.get(reverse("privacy:candidate-export-json", args=[dossier.candidate.pk]))

    assert response.status_code == 403


def test_signed_out_visitors_are_sent_to_the_login(client: Client) -> None:
    dossier = full_dossier()

    response = client.get(reverse("privacy:candidate-export-json", args=[dossier.candidate.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
