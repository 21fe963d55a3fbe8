"""Registering a candidate through the API: the municipality's teams register, the BSN is
checked with the 11-test and may exist once, and the registration is logged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.candidates.api_clients import (
    API,
    assert_error_shape,
    client_for,
    member_of,
    partner,
    team_inkomen,
)
from tests.candidates.factories import CandidateFactory, synthetic_bsn
from tests.factories import MembershipFactory
from werkpad.candidates.models import Candidate
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def person(**changes: Any) -> dict[str, Any]:
    return {
        "bsn": synthetic_bsn(),
        "first_name": "Noor",
        "last_name": "de Wit",
        "birth_date": "1990-04-02",
        "postcode": "2611ab",
        "house_number": "3",
        "household": "single_parent",
        "children_under_12": 2,
        "languages": ["nl", "ar"],
        "dutch_level": "B1",
        "education": "mbo2",
        "skills": ["cleaning"],
        "hours_available": 20,
        "preferred_offer_kinds": ["paid_job", "learning"],
        "max_travel_km": 15,
        **changes,
    }


def test_a_team_inkomen_professional_registers_a_candidate() -> None:
    user = member_of(team_inkomen())
    body = person()

    response = client_for(user).post(API, body, format="json")

    assert response.status_code == 201, response.content
    created = response.json()
    assert created | {"id": "", "email": "", "phone": "", "work_experience": ""} == {
        **body,
        "id": "",
        "postcode": "2611 AB",
        "lead_organisation": "team-inkomen",
        "email": "",
        "phone": "",
        "work_experience": "",
        "version": 1,
    }
    candidate = Candidate.objects.get(pk=created["id"])
    entry = ProcessingLogEntry.objects.get(candidate=candidate)
    assert (entry.action, entry.activity, entry.organisation, entry.user_label) == (
        "create",
        "candidate_registration",
        "team-inkomen",
        user.email,
    )


@pytest.mark.parametrize("bsn", ["123456789", "12345678", "abcdefghi", "1234567890"])
def test_a_bsn_that_fails_the_11_test_is_refused(bsn: str) -> None:
    response = client_for(member_of(team_inkomen())).post(API, person(bsn=bsn), format="json")

    assert "bsn" in assert_error_shape(response, 400)["errors"]
    assert not Candidate.objects.exists()


def test_a_bsn_is_registered_only_once() -> None:
    existing = CandidateFactory()

    response = client_for(member_of(team_inkomen())).post(
        API, person(bsn=existing.bsn), format="json"
    )

    assert "bsn" in assert_error_shape(response, 400)["errors"]
    assert Candidate.objects.count() == 1


def test_a_partner_cannot_register_candidates() -> None:
    response = client_for(member_of(partner())).post(API, person(), format="json")

    assert_error_shape(response, 403)
    assert not Candidate.objects.exists()


def test_a_professional_of_two_teams_chooses_the_lead_organisation() -> None:
    sociaal_team = partner("sociaal-team")
    sociaal_team.has_legal_basis = True
    sociaal_team.save()
    user = member_of(team_inkomen())
    MembershipFactory(user=user, organisation=sociaal_team)
    client = client_for(user)

    unchosen = client.post(API, person(), format="json")
    chosen = client.post(API, person(lead_organisation="sociaal-team"), format="json")

    assert "lead_organisation" in assert_error_shape(unchosen, 400)["errors"]
    assert chosen.status_code == 201
    assert chosen.json()["lead_organisation"] == "sociaal-team"


def test_a_team_cannot_register_for_a_team_it_does_not_work_for() -> None:
    partner("sociaal-team")

    response = client_for(member_of(team_inkomen())).post(
        API, person(lead_organisation="sociaal-team"), format="json"
    )

    assert "lead_organisation" in assert_error_shape(response, 400)["errors"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("postcode", "0123 AB"),
        ("postcode", "2611"),
        ("birth_date", "2999-01-01"),
        ("household", "commune"),
        ("hours_available", 61),
        ("first_name", ""),
        ("preferred_offer_kinds", ["space_travel"]),
    ],
)
def test_invalid_details_are_named_by_field(field: str, value: Any) -> None:
    response = client_for(member_of(team_inkomen())).post(
        API, person(**{field: value}), format="json"
    )

    assert list(assert_error_shape(response, 400)["errors"]) == [field]
