"""Consent is recorded and revoked through the API by the candidate's lead organisation only:
a partner cannot widen its own access. Benefit periods come from the municipality's benefit
administration (legal basis) only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.candidates.api_clients import (
    assert_error_shape,
    client_for,
    member_of,
    partner,
    team_inkomen,
    url,
)
from tests.candidates.factories import CandidateFactory, ConsentFactory
from werkpad.candidates.models import Candidate
from werkpad.organisations.models import Organisation
from werkpad.privacy.models import Consent, ProcessingLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkse() -> Organisation:
    return partner()


@pytest.fixture
def candidate(werkse: Organisation) -> Candidate:
    candidate = CandidateFactory()
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")
    return candidate


def test_a_partner_cannot_give_itself_more_access(
    candidate: Candidate, werkse: Organisation
) -> None:
    client = client_for(member_of(werkse))

    response = client.post(
        url(candidate, "consents"), {"organisation": "werkse", "purpose": "care"}, format="json"
    )

    assert_error_shape(response, 403)
    assert not Consent.objects.filter(purpose="care").exists()


def test_a_partner_cannot_revoke_another_partners_consent(
    candidate: Candidate, werkse: Organisation
) -> None:
    other = ConsentFactory(candidate=candidate, organisation=partner("015now"))

    response = client_for(member_of(werkse)).post(url(candidate, "consents", other.pk, "revoke"))

    assert_error_shape(response, 403)
    other.refresh_from_db()
    assert other.revoked_on is None


def test_the_lead_organisation_records_consent_from_today_by_default(
    candidate: Candidate,
) -> None:
    partner("ggz-delfland")
    user = member_of(team_inkomen())

    response = client_for(user).post(
        url(candidate, "consents"),
        {"organisation": "ggz-delfland", "purpose": "care", "evidence_note": "Formulier"},
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body | {"id": ""} == {
        "id": "",
        "organisation": "ggz-delfland",
        "purpose": "care",
        "granted_on": timezone.localdate().isoformat(),
        "expires_on": None,
        "revoked_on": None,
        "evidence_note": "Formulier",
        "active": True,
    }
    consent = Consent.objects.get(pk=body["id"])
    assert consent.recorded_by == user
    assert ProcessingLogEntry.objects.filter(
        object_type="consent", object_id=str(consent.pk), action="create"
    ).exists()


def test_a_consent_ending_before_it_starts_is_refused(candidate: Candidate) -> None:
    response = client_for(member_of(team_inkomen())).post(
        url(candidate, "consents"),
        {
            "organisation": "werkse",
            "purpose": "matching",
            "granted_on": "2024-05-01",
            "expires_on": "2024-04-01",
        },
        format="json",
    )

    assert "expires_on" in assert_error_shape(response, 400)["errors"]


def test_revoking_twice_is_refused(candidate: Candidate) -> None:
    consent = candidate.consents.get()
    client = client_for(member_of(team_inkomen()))

    first = client.post(url(candidate, "consents", consent.pk, "revoke"))
    second = client.post(url(candidate, "consents", consent.pk, "revoke"))

    assert first.status_code == 200
    assert first.json()["revoked_on"] == timezone.localdate().isoformat()
    assert_error_shape(second, 400)


def test_the_lead_organisation_records_benefit_periods(candidate: Candidate) -> None:
    client = client_for(member_of(team_inkomen()))

    created = client.post(
        url(candidate, "benefit-periods"),
        {"start": "2016-03-01", "end": "2019-06-30", "end_reason": "work"},
        format="json",
    )
    listed = client.get(url(candidate, "benefit-periods"))

    assert created.status_code == 201, created.content
    assert created.json() | {"id": ""} == {
        "id": "",
        "start": "2016-03-01",
        "end": "2019-06-30",
        "end_reason": "work",
    }
    assert [row["start"] for row in listed.json()["results"]] == ["2016-03-01"]


def test_a_benefit_period_that_ends_needs_a_reason(candidate: Candidate) -> None:
    response = client_for(member_of(team_inkomen())).post(
        url(candidate, "benefit-periods"),
        {"start": "2016-03-01", "end": str(dt.date(2019, 6, 30))},
        format="json",
    )

    assert "end_reason" in assert_error_shape(response, 400)["errors"]


def test_a_partner_cannot_record_benefit_periods(
    candidate: Candidate, werkse: Organisation
) -> None:
    response = client_for(member_of(werkse)).post(
        url(candidate, "benefit-periods"), {"start": "2016-03-01"}, format="json"
    )

    assert_error_shape(response, 403)
    assert not candidate.benefit_periods.exists()
