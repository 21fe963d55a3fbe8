"""The candidate list of the API searches and filters like the page: name, exact BSN and
postcode; barrier kind, ladder step, organisation, five years or more on bijstand; sorting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.candidates.api_clients import API, client_for, member_of, partner, team_inkomen
from tests.candidates.factories import (
    BarrierFactory,
    BenefitPeriodFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
)
from werkpad.candidates.models import Candidate

pytestmark = pytest.mark.django_db


@pytest.fixture
def people() -> dict[str, Candidate]:
    ans = CandidateFactory(first_name="Ans", last_name="Bakker", postcode="2611 AB")
    bram = CandidateFactory(first_name="Bram", last_name="de Groot", postcode="2624 CD")
    cor = CandidateFactory(first_name="Cor", last_name="Aalders", postcode="2611 XY")
    BarrierFactory(candidate=ans, kind="debts")
    BarrierFactory(candidate=bram, kind="debts", status="resolved", resolved_on=dt.date(2024, 1, 1))
    BarrierFactory(candidate=cor, kind="physical")
    LadderScoreFactory(candidate=ans, step=2, potential_step=3, assessed_on=dt.date(2023, 1, 1))
    LadderScoreFactory(candidate=ans, step=4, potential_step=5, assessed_on=dt.date(2024, 1, 1))
    LadderScoreFactory(candidate=bram, step=2, potential_step=2)
    BenefitPeriodFactory(candidate=ans, start=dt.date(2012, 1, 1))
    BenefitPeriodFactory(candidate=bram, start=timezone.localdate() - dt.timedelta(days=400))
    ConsentFactory(candidate=bram, organisation=partner("werkse"))
    return {"ans": ans, "bram": bram, "cor": cor}


@pytest.fixture
def client() -> APIClient:
    return client_for(member_of(team_inkomen()))


def names(client: APIClient, **params: object) -> list[str]:
    response = client.get(API, params)
    assert response.status_code == 200, response.content
    return [row["first_name"] for row in response.json()["results"]]


def test_search_by_name_bsn_and_postcode(client: APIClient, people: dict[str, Candidate]) -> None:
    assert names(client, search="de groot") == ["Bram"]
    assert names(client, search=people["cor"].bsn) == ["Cor"]
    assert names(client, search="2611 XY") == ["Cor"]
    assert names(client, search="2611ab") == ["Ans"]
    assert names(client, search="nobody") == []


def test_filters(client: APIClient, people: dict[str, Candidate]) -> None:
    assert names(client, barrier_kind="debts") == ["Ans"]
    assert names(client, barrier_kind="health") == ["Cor"]
    assert names(client, ladder_step=4) == ["Ans"]
    assert names(client, ladder_step=2) == ["Bram"]
    assert names(client, organisation="werkse") == ["Bram"]
    assert names(client, long_term="true") == ["Ans"]


def test_the_health_filter_finds_nothing_without_care_consent(
    people: dict[str, Candidate],
) -> None:
    werkse = partner("werkse")
    ConsentFactory(candidate=people["cor"], organisation=werkse, purpose="work_guidance")
    client = client_for(member_of(werkse))

    assert sorted(names(client)) == ["Bram", "Cor"]
    assert names(client, barrier_kind="health") == []


def test_ordering(client: APIClient, people: dict[str, Candidate]) -> None:
    assert names(client) == ["Cor", "Ans", "Bram"]  # by last name
    assert names(client, ordering="-name") == ["Bram", "Ans", "Cor"]
    assert names(client, ordering="postcode") == ["Ans", "Cor", "Bram"]


def test_pagination_shape(client: APIClient, people: dict[str, Candidate]) -> None:
    first = client.get(API, {"page_size": 2}).json()
    second = client.get(first["next"]).json()

    assert set(first) == {"count", "next", "previous", "results"}
    assert first["count"] == 3
    assert [len(first["results"]), len(second["results"])] == [2, 1]
    assert second["next"] is None
    assert second["previous"] is not None
