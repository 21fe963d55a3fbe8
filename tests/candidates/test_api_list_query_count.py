"""The number of queries of the dossier API does not grow with the number of rows: a page of
50 candidates costs as many queries as a page of 5, and every list and detail stays within a
small fixed budget."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.candidates.api_clients import API, client_for, member_of, partner, team_inkomen, url
from tests.candidates.factories import (
    BarrierFactory,
    BenefitPeriodFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
)
from tests.factories import MembershipFactory
from werkpad.candidates.models import Candidate
from werkpad.organisations.models import Organisation

pytestmark = pytest.mark.django_db

# Token, count, page, access (2), processing log (access 2 + insert), savepoints.
LIST_BUDGET = 12
DETAIL_BUDGET = 10


@pytest.fixture
def werkse() -> Organisation:
    return partner()


@pytest.fixture
def candidates(werkse: Organisation) -> list[Candidate]:
    """60 candidates seen by one user: some on the legal basis, some on consent (one for care)."""
    on_consent = CandidateFactory.create_batch(30, lead_organisation=partner("delft-support"))
    for index, candidate in enumerate(on_consent):
        ConsentFactory(
            candidate=candidate,
            organisation=werkse,
            purpose="care" if index % 3 == 0 else "work_guidance",
        )
    return on_consent + CandidateFactory.create_batch(30)  # lead: Team Inkomen


@pytest.fixture
def client(werkse: Organisation) -> APIClient:
    """A professional at both a partner and Team Inkomen: sees every candidate, on two bases."""
    user = member_of(werkse)
    MembershipFactory(user=user, organisation=team_inkomen())
    return client_for(user)


def queries_for(client: APIClient, address: str, **params: object) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address, params)
    assert response.status_code == 200, response.content
    return len(captured.captured_queries)


def test_a_page_of_50_costs_as_many_queries_as_a_page_of_5(
    client: APIClient, candidates: list[Candidate]
) -> None:
    small = queries_for(client, API, page_size=5)
    large = queries_for(client, API, page_size=50)

    assert client.get(API, {"page_size": 50}).json()["count"] == 60
    assert small == large
    assert large <= LIST_BUDGET


@pytest.mark.parametrize(
    "params",
    [{"search": "a"}, {"barrier_kind": "debts"}, {"ladder_step": 3}, {"long_term": "true"}],
    ids=lambda params: next(iter(params)),
)
def test_filters_do_not_add_queries_per_row(
    client: APIClient, candidates: list[Candidate], params: dict[str, object]
) -> None:
    for candidate in candidates:
        BarrierFactory(candidate=candidate, kind="debts")
        LadderScoreFactory(candidate=candidate, step=3)
        BenefitPeriodFactory(candidate=candidate, start="2010-01-01")

    small = queries_for(client, API, page_size=5, **params)
    large = queries_for(client, API, page_size=50, **params)

    assert small == large


@pytest.mark.parametrize(
    "part", ["barriers", "ladder-scores", "consents", "processing-log", "benefit-periods"]
)
def test_the_parts_of_a_dossier_cost_a_fixed_number_of_queries(
    client: APIClient, candidates: list[Candidate], part: str
) -> None:
    few, many = candidates[0], candidates[1]
    BarrierFactory(candidate=few)
    LadderScoreFactory(candidate=few)
    BenefitPeriodFactory(candidate=few)
    for _ in range(20):
        BarrierFactory(candidate=many, kind="language")
        LadderScoreFactory(candidate=many)
        BenefitPeriodFactory(candidate=many)
        ConsentFactory(candidate=many, organisation=partner("stichting-stunt"))
    client.get(url(many))  # a few entries for the processing log

    assert queries_for(client, url(few, part)) == queries_for(client, url(many, part))
    assert queries_for(client, url(many, part)) <= DETAIL_BUDGET


def test_a_dossier_is_opened_within_budget(
    client: APIClient, candidates: list[Candidate], django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(DETAIL_BUDGET):
        assert client.get(url(candidates[0])).status_code == 200
