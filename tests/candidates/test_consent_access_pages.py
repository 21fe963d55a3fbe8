"""Acceptance, tried on the pages: without consent a partner does not find the candidate and the
dossier answers 404; once the lead organisation records consent the candidate is there; after
revocation it is 404 again at once."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.candidates.factories import CandidateFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.privacy.models import Consent

pytestmark = pytest.mark.django_db

LIST = reverse("candidates:list")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def finds(client: Client, candidate: Candidate) -> bool:
    """Whether the candidate shows up in the list, by name, by BSN or by postcode."""
    searches = [{}, {"q": candidate.last_name}, {"q": candidate.bsn}, {"q": candidate.postcode}]
    found = [
        candidate in client.get(LIST, search).context["page"].object_list for search in searches
    ]
    assert len(set(found)) == 1, f"list and search disagree: {found}"
    return found[0]


def dossier(candidate: Candidate) -> str:
    return reverse("candidates:detail", kwargs={"candidate_id": candidate.pk})


def consent_page(candidate: Candidate, name: str, **kwargs: object) -> str:
    return reverse(f"candidates:{name}", kwargs={"candidate_id": candidate.pk, **kwargs})


def test_consent_opens_the_dossier_and_revocation_closes_it_at_once() -> None:
    candidate = CandidateFactory(last_name="Bakker", lead_organisation=team_inkomen())
    werkse = partner("werkse")
    professional = signed_in(member_of(werkse))
    lead = signed_in(member_of(team_inkomen()))

    assert not finds(professional, candidate)
    assert professional.get(dossier(candidate)).status_code == 404

    recorded = lead.post(
        consent_page(candidate, "consent-create"),
        {"organisation": werkse.pk, "purpose": "work_guidance", "granted_on": "2024-01-15"},
    )
    assert recorded.status_code == 302

    assert finds(professional, candidate)
    assert professional.get(dossier(candidate)).status_code == 200

    consent = Consent.objects.get(organisation=werkse)
    revoke = consent_page(candidate, "consent-revoke", consent_id=consent.pk)
    confirmation = lead.get(revoke).content.decode()
    assert "Ja, trek de toestemming in" in confirmation
    assert Consent.objects.get(pk=consent.pk).revoked_on is None  # asking is not revoking

    lead.post(revoke)

    assert professional.get(dossier(candidate)).status_code == 404
    assert not finds(professional, candidate)


def test_revoking_your_own_access_sends_you_back_to_the_list() -> None:
    werkse = partner("werkse")
    candidate = CandidateFactory(lead_organisation=werkse)
    consent = Consent.objects.create(
        candidate=candidate, organisation=werkse, purpose="work_guidance", granted_on="2024-01-01"
    )
    client = signed_in(member_of(werkse))

    response = client.post(
        consent_page(candidate, "consent-revoke", consent_id=consent.pk), follow=True
    )

    assert response.redirect_chain[-1][0] == LIST
    assert "geen toegang meer" in response.content.decode()
    assert client.get(dossier(candidate)).status_code == 404


def test_a_partner_cannot_revoke_consent_it_does_not_manage() -> None:
    werkse = partner("werkse")
    candidate = CandidateFactory(lead_organisation=team_inkomen())
    consent = Consent.objects.create(
        candidate=candidate, organisation=werkse, purpose="work_guidance", granted_on="2024-01-01"
    )

    response = signed_in(member_of(werkse)).post(
        consent_page(candidate, "consent-revoke", consent_id=consent.pk)
    )

    assert response.status_code == 403
    assert Consent.objects.get(pk=consent.pk).revoked_on is None
