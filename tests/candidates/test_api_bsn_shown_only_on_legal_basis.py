"""The BSN goes out only to the municipality's teams working on the legal basis; partners
working on the candidate's consent get null, in the list and in the dossier."""

from __future__ import annotations

import pytest

from tests.candidates.api_clients import API, client_for, member_of, partner, team_inkomen, url
from tests.candidates.factories import CandidateFactory, ConsentFactory

pytestmark = pytest.mark.django_db


def test_team_inkomen_sees_the_bsn_of_its_client() -> None:
    candidate = CandidateFactory()
    client = client_for(member_of(team_inkomen()))

    assert client.get(url(candidate)).json()["bsn"] == candidate.bsn
    assert client.get(API).json()["results"][0]["bsn"] == candidate.bsn


def test_a_partner_on_consent_gets_null_even_with_care_consent() -> None:
    werkse = partner()
    candidate = CandidateFactory()
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="care")
    client = client_for(member_of(werkse))

    assert client.get(url(candidate)).json()["bsn"] is None
    assert client.get(API).json()["results"][0]["bsn"] is None
    assert candidate.bsn not in client.get(url(candidate)).content.decode()


def test_the_bsn_cannot_be_changed_through_an_update() -> None:
    candidate = CandidateFactory()
    original = candidate.bsn
    client = client_for(member_of(team_inkomen()))

    response = client.patch(url(candidate), {"bsn": "111222333", "version": 1}, format="json")

    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.bsn == original
