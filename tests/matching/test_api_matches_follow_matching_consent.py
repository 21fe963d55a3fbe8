"""`/api/v1/matches/?candidate=ID` and `?offer=ID`, and `/api/v1/placements/`: only candidates
the caller may see under `matching` (404 or empty otherwise), every one returned logged."""

from __future__ import annotations

import pytest

from tests.candidates.api_clients import client_for, member_of
from tests.candidates.factories import BarrierFactory
from tests.factories import OrganisationFactory
from tests.offers.factories import (
    MatchFactory,
    OfferFactory,
    PlacementFactory,
    candidate_for_matching,
)
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.models import ProcessingLogEntry


@pytest.mark.django_db
def test_matches_of_a_visible_candidate_with_their_explanation(
    organisation: Organisation, django_assert_max_num_queries: object
) -> None:
    user = member_of(organisation)
    api = client_for(user)
    candidate = candidate_for_matching(organisation)
    match = MatchFactory(candidate=candidate, explanation={"score": 0.75, "checks": []})

    with django_assert_max_num_queries(15):  # type: ignore[operator]
        response = api.get("/api/v1/matches/", {"candidate": str(candidate.pk)})

    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row["candidate"] == str(candidate.pk)
    assert row["offer"] == str(match.offer_id)
    assert row["score"] == 0.75 and row["explanation"]["score"] == 0.75
    assert ProcessingLogEntry.objects.filter(
        candidate=candidate, action="list", activity="matching", user_id=user.pk
    ).exists()


@pytest.mark.django_db
def test_a_candidate_without_consent_for_matching_answers_404(organisation: Organisation) -> None:
    api = client_for(member_of(organisation))
    guided = candidate_for_matching(organisation, purposes=("work_guidance",))
    MatchFactory(candidate=guided)

    assert api.get("/api/v1/matches/", {"candidate": str(guided.pk)}).status_code == 404


@pytest.mark.django_db
def test_matches_on_an_offer_list_only_visible_candidates(organisation: Organisation) -> None:
    api = client_for(member_of(organisation))
    offer = OfferFactory()
    visible = candidate_for_matching(organisation)
    MatchFactory(offer=offer, candidate=visible)
    MatchFactory(offer=offer, candidate=candidate_for_matching(OrganisationFactory()))

    response = api.get("/api/v1/matches/", {"offer": str(offer.pk)})

    assert [m["candidate"] for m in response.json()["results"]] == [str(visible.pk)]


@pytest.mark.django_db
def test_proposing_and_a_refused_step_through_the_api(organisation: Organisation) -> None:
    api = client_for(member_of(organisation))
    candidate = candidate_for_matching(organisation)
    BarrierFactory(candidate=candidate, kind="addiction", blocks_work=True)
    offer = OfferFactory(organisation=organisation, kind="work_experience", job_coach=True)

    created = api.post(
        "/api/v1/matches/", {"candidate": str(candidate.pk), "offer": str(offer.pk)}, format="json"
    )
    match = created.json()
    refused = api.post(
        f"/api/v1/matches/{match['id']}/transition/",
        {"target": "placed", "version": match["version"]},
        format="json",
    )
    agreed = api.post(
        f"/api/v1/matches/{match['id']}/transition/",
        {"target": "candidate_agreed", "version": match["version"]},
        format="json",
    )

    assert created.status_code == 201
    codes = [check["code"] for check in match["explanation"]["checks"]]
    assert "barrier:health" in codes and "barrier:addiction" not in codes
    assert refused.status_code == 400
    assert agreed.status_code == 200 and agreed.json()["status"] == "candidate_agreed"


@pytest.mark.django_db
def test_placements_of_visible_candidates_only(organisation: Organisation) -> None:
    api = client_for(member_of(organisation))
    mine = PlacementFactory(candidate=candidate_for_matching(organisation))
    other = PlacementFactory(candidate=candidate_for_matching(OrganisationFactory()))

    listed = api.get("/api/v1/placements/")

    assert [p["id"] for p in listed.json()["results"]] == [str(mine.pk)]
    assert api.get(f"/api/v1/placements/{other.pk}/").status_code == 404
    assert api.get(f"/api/v1/placements/{mine.pk}/").status_code == 200
    assert api.get("/api/v1/placements/not-an-id/").status_code == 404


@pytest.mark.django_db
def test_the_employer_adviser_sees_matches_only_with_consent_for_their_organisation() -> None:
    wsp = OrganisationFactory(slug="wsp-delft")
    api = client_for(member_of(wsp, Role.EMPLOYER_ADVISER))
    candidate = candidate_for_matching(OrganisationFactory(slug="werkse"))
    MatchFactory(candidate=candidate)

    assert api.get("/api/v1/matches/").json()["count"] == 0
