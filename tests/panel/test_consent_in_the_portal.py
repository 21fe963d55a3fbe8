"""Acceptance: revoking a consent in the portal removes that organisation's access at once (its
professional gets 404 on the dossier). Granting works the same way round."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.candidates.api_clients import member_of, partner
from tests.candidates.factories import CandidateFactory
from tests.panel.conftest import Portal
from tests.panel.factories import CandidateAccountFactory
from werkpad.privacy.models import Consent, ProcessingLogEntry

pytestmark = pytest.mark.django_db


def dossier(candidate_id: object) -> str:
    return reverse("candidates:detail", kwargs={"candidate_id": candidate_id})


def test_withdrawing_consent_closes_the_dossier_at_once() -> None:
    werkse = partner("werkse")
    candidate = CandidateFactory(lead_organisation=partner("stichting-perspektief"))
    account = CandidateAccountFactory(candidate=candidate)
    consent = Consent.objects.create(
        candidate=candidate, organisation=werkse, purpose="work_guidance", granted_on="2024-01-01"
    )
    professional = member_of(werkse)
    from django.test import Client

    werkse_client = Client()
    werkse_client.force_login(professional)
    assert werkse_client.get(dossier(candidate.pk)).status_code == 200

    portal = Client()
    portal.force_login(account.user)
    revoke = reverse("panel:consent-revoke", kwargs={"consent_id": consent.pk})
    confirmation = portal.get(revoke)
    assert "Ja, trek mijn toestemming in" in confirmation.content.decode()
    assert werkse_client.get(dossier(candidate.pk)).status_code == 200  # asking is not revoking

    response = portal.post(revoke)
    assert response.status_code == 302
    assert werkse_client.get(dossier(candidate.pk)).status_code == 404
    consent.refresh_from_db()
    assert consent.revoked_on is not None
    entry = ProcessingLogEntry.objects.filter(object_id=str(consent.pk), action="update").get()
    assert (entry.purpose, entry.organisation, entry.user_id) == (
        "candidate_self",
        "",
        account.user.pk,
    )


def test_granting_consent_opens_the_dossier(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    ggz = partner("ggz-delfland")
    response = client.post(
        reverse("panel:consent-grant"), {"organisation": ggz.pk, "purpose": "care"}
    )
    assert response.status_code == 302
    consent = Consent.objects.get(candidate=portal.own.candidate, organisation=ggz)
    assert consent.is_active() and consent.recorded_by == portal.own.account.user
    ggz_client = portal.client_for(member_of(ggz))
    assert ggz_client.get(dossier(portal.own.candidate.pk)).status_code == 200

    twice = client.post(reverse("panel:consent-grant"), {"organisation": ggz.pk, "purpose": "care"})
    assert twice.status_code == 400
    assert "heeft al uw toestemming" in twice.content.decode()


def test_the_grant_form_explains_what_is_missing(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    response = client.post(reverse("panel:consent-grant"), {"expires_on": "2001-01-01"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies een organisatie." in body
    assert "Kies waar de toestemming voor is." in body
    assert "Kies een datum vanaf vandaag." in body
    assert 'aria-invalid="true"' in body


def test_the_consent_page_lists_the_candidates_own_consents(portal: Portal) -> None:
    body = portal.client_for(portal.own.account.user).get(reverse("panel:consents")).content
    assert "Werkse" in body.decode()
    assert "Trek deze toestemming voor Werkse in" in body.decode()
