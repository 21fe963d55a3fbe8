"""A partner sees a candidate through the API only while the candidate's consent is in force.

Without consent the candidate is not in the list or a search, and the dossier and all its parts
answer 404 (not 403: existence does not leak); after consent is recorded the candidate is
visible; after revocation it answers 404 again at once.
"""

from __future__ import annotations

import uuid

import pytest

from tests.candidates.api_clients import (
    API,
    assert_error_shape,
    client_for,
    member_of,
    partner,
    team_inkomen,
    url,
)
from tests.candidates.factories import BarrierFactory, CandidateFactory, ConsentFactory
from werkpad.organisations.roles import Role

pytestmark = pytest.mark.django_db

PARTS = ["barriers", "ladder-scores", "consents", "processing-log", "benefit-periods"]


def listed_ids(client, **params) -> set[str]:
    response = client.get(API, params)
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


def test_without_consent_the_candidate_is_not_found_anywhere() -> None:
    candidate = CandidateFactory(last_name="Jansen")
    werkse = client_for(member_of(partner()))

    assert listed_ids(werkse) == set()
    assert listed_ids(werkse, search=candidate.bsn) == set()
    assert listed_ids(werkse, search="jansen") == set()
    assert_error_shape(werkse.get(url(candidate)), 404)
    assert_error_shape(werkse.patch(url(candidate), {"version": 1}, format="json"), 404)
    for part in PARTS:
        assert_error_shape(werkse.get(url(candidate, part)), 404)
    assert_error_shape(werkse.post(url(candidate, "barriers"), {}, format="json"), 404)


def test_recorded_consent_opens_the_dossier_and_revocation_closes_it_at_once() -> None:
    candidate = CandidateFactory()
    werkse_org = partner()
    werkse = client_for(member_of(werkse_org))
    inkomen = client_for(member_of(team_inkomen()))

    recorded = inkomen.post(
        url(candidate, "consents"),
        {"organisation": "werkse", "purpose": "work_guidance", "granted_on": "2024-01-01"},
        format="json",
    )
    assert recorded.status_code == 201, recorded.content

    assert listed_ids(werkse) == {str(candidate.pk)}
    assert werkse.get(url(candidate)).status_code == 200
    for part in PARTS:
        assert werkse.get(url(candidate, part)).status_code == 200

    revoked = inkomen.post(url(candidate, "consents", recorded.json()["id"], "revoke"))
    assert revoked.status_code == 200
    assert revoked.json()["revoked_on"] is not None
    assert revoked.json()["active"] is False

    assert listed_ids(werkse) == set()
    assert_error_shape(werkse.get(url(candidate)), 404)
    assert_error_shape(werkse.get(url(candidate, "barriers")), 404)


def test_an_expired_consent_no_longer_opens_the_dossier() -> None:
    werkse_org = partner()
    candidate = CandidateFactory()
    ConsentFactory(candidate=candidate, organisation=werkse_org, expires_on="2024-02-01")

    assert_error_shape(client_for(member_of(werkse_org)).get(url(candidate)), 404)


def test_ids_of_objects_of_another_candidate_answer_404() -> None:
    werkse_org = partner()
    mine, other = CandidateFactory(), CandidateFactory()
    ConsentFactory(candidate=mine, organisation=werkse_org)
    others_barrier = BarrierFactory(candidate=other, kind="debts")
    werkse = client_for(member_of(werkse_org))

    assert werkse.get(url(mine, "barriers")).status_code == 200
    assert_error_shape(werkse.get(url(mine, "barriers", others_barrier.pk)), 404)
    assert_error_shape(
        werkse.patch(url(mine, "barriers", others_barrier.pk), {"version": 1}, format="json"),
        404,
    )
    assert_error_shape(werkse.get(url(mine, "barriers", uuid.uuid4())), 404)
    assert_error_shape(werkse.get(url(mine, "ladder-scores", uuid.uuid4())), 404)
    assert_error_shape(werkse.post(url(mine, "consents", uuid.uuid4(), "revoke")), 404)


def test_the_legal_basis_covers_only_the_teams_own_clients() -> None:
    sociaal_team = partner("sociaal-team")
    sociaal_team.has_legal_basis = True
    sociaal_team.save()
    own = CandidateFactory(lead_organisation=sociaal_team)
    inkomen_client = CandidateFactory()  # lead: Team Inkomen
    social = client_for(member_of(sociaal_team))

    assert listed_ids(social) == {str(own.pk)}
    assert social.get(url(own)).status_code == 200
    assert_error_shape(social.get(url(inkomen_client)), 404)


@pytest.mark.parametrize("role", [Role.BOARD, Role.ADMIN])
def test_roles_without_casework_see_no_candidate(role: Role) -> None:
    candidate = CandidateFactory()
    client = client_for(member_of(team_inkomen(), role))

    assert listed_ids(client) == set()
    assert_error_shape(client.get(url(candidate)), 404)


def test_anonymous_callers_get_401(api_client) -> None:
    candidate = CandidateFactory()

    assert_error_shape(api_client.get(API), 401)
    assert_error_shape(api_client.get(url(candidate, "barriers")), 401)


def test_session_login_reaches_the_api(client) -> None:
    candidate = CandidateFactory()
    client.force_login(member_of(team_inkomen()))

    assert client.get(url(candidate)).status_code == 200
