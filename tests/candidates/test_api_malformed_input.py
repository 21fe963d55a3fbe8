"""No endpoint of the dossier API answers 500 to bad input: wrong types, too long strings,
invalid dates, ids that are not UUIDs, the wrong content type or malformed JSON all get a 4xx
in the error shape `{"detail", "errors"}`, and nothing is changed."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.candidates.api_clients import (
    API,
    assert_error_shape,
    client_for,
    member_of,
    team_inkomen,
    url,
)
from tests.candidates.factories import (
    BarrierFactory,
    CandidateFactory,
    ConsentFactory,
    synthetic_bsn,
)
from tests.factories import OrganisationFactory
from werkpad.candidates.models import Candidate
from werkpad.privacy.models import Consent

pytestmark = pytest.mark.django_db

LONG = "x" * 10_000


@dataclass(frozen=True)
class Dossier:
    candidate: Candidate
    barrier_id: str
    consent_id: str


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    address: Callable[[Dossier], str]
    valid: dict[str, Any]


ENDPOINTS = [
    Endpoint(
        "register candidate",
        "post",
        lambda d: API,
        {
            "bsn": "",  # filled in per test: a fresh synthetic BSN
            "first_name": "Noor",
            "last_name": "de Wit",
            "birth_date": "1990-04-02",
            "postcode": "2611 AB",
            "house_number": "3",
            "household": "single",
            "hours_available": 20,
            "languages": ["nl"],
            "preferred_offer_kinds": ["paid_job"],
        },
    ),
    Endpoint(
        "change candidate",
        "patch",
        lambda d: url(d.candidate),
        {
            "hours_available": 20,
            "postcode": "2612 CD",
            "birth_date": "1991-05-06",
            "languages": ["nl"],
            "version": 1,
        },
    ),
    Endpoint(
        "replace candidate",
        "put",
        lambda d: url(d.candidate),
        {
            "first_name": "Noor",
            "last_name": "de Wit",
            "birth_date": "1990-04-02",
            "postcode": "2611 AB",
            "house_number": "3",
            "household": "couple",
            "version": 1,
        },
    ),
    Endpoint(
        "record barrier",
        "post",
        lambda d: url(d.candidate, "barriers"),
        {
            "kind": "debts",
            "opened_on": "2024-01-01",
            "severity": 2,
            "blocks_work": False,
            "owner_organisation": "werkse",
            "note": "Kort",
        },
    ),
    Endpoint(
        "change barrier",
        "patch",
        lambda d: url(d.candidate, "barriers", d.barrier_id),
        {"status": "resolved", "resolved_on": "2024-06-01", "version": 1},
    ),
    Endpoint(
        "record ladder score",
        "post",
        lambda d: url(d.candidate, "ladder-scores"),
        {"step": 2, "potential_step": 4, "assessed_on": "2024-01-01", "note": "Kort"},
    ),
    Endpoint(
        "record consent",
        "post",
        lambda d: url(d.candidate, "consents"),
        {
            "organisation": "werkse",
            "purpose": "matching",
            "granted_on": "2024-01-01",
            "expires_on": "2025-01-01",
        },
    ),
    Endpoint(
        "record benefit period",
        "post",
        lambda d: url(d.candidate, "benefit-periods"),
        {"start": "2020-01-01", "end": "2021-01-01", "end_reason": "work"},
    ),
]


def bad_bodies(valid: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Keyword arguments for the client call, one set per kind of bad input."""

    def every_field(value: Any) -> dict[str, Any]:
        return {"data": json.dumps(dict.fromkeys(valid, value)), "content_type": JSON}

    return {
        "malformed json": {"data": '{"version": ', "content_type": JSON},
        "json nested too deep": {"data": "[" * 100_000, "content_type": JSON},
        "a list instead of an object": {"data": json.dumps([valid]), "content_type": JSON},
        "a string instead of an object": {"data": '"hello"', "content_type": JSON},
        "null": {"data": "null", "content_type": JSON},
        "plain text": {"data": "hello", "content_type": "text/plain"},
        "a form": {"data": "version=1", "content_type": "application/x-www-form-urlencoded"},
        "objects as values": every_field({"a": 1}),
        "lists as values": every_field([1, [2]]),
        "too long strings": every_field(LONG),
        "nul characters": every_field("a\x00b"),
        "huge numbers": every_field(10**30),
        "negative numbers": every_field(-1),
        "floats": every_field(1.5),
        "booleans": every_field(True),
        "invalid dates": every_field("2024-02-30"),
        "empty strings": every_field(""),
        "nulls": every_field(None),
        "dates in another format": {
            "data": json.dumps(
                {
                    key: "31-12-2024" if isinstance(value, str) and DATE.fullmatch(value) else value
                    for key, value in valid.items()
                }
            ),
            "content_type": JSON,
        },
    }


JSON = "application/json"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def with_fresh_bsn(body: dict[str, Any]) -> dict[str, Any]:
    return {**body, "bsn": synthetic_bsn()} if "bsn" in body else body


@pytest.fixture
def dossier() -> Dossier:
    OrganisationFactory(slug="werkse", name="Werkse!")
    candidate = CandidateFactory()
    barrier = BarrierFactory(candidate=candidate, kind="debts")
    consent = ConsentFactory(candidate=candidate, organisation=OrganisationFactory())
    return Dossier(candidate, str(barrier.pk), str(consent.pk))


@pytest.fixture
def client() -> APIClient:
    return client_for(member_of(team_inkomen()))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.name)
def test_the_valid_bodies_are_accepted(
    client: APIClient, dossier: Dossier, endpoint: Endpoint
) -> None:
    """The bad inputs below are variations of these, so they fail for the reason meant."""
    response = getattr(client, endpoint.method)(
        endpoint.address(dossier), with_fresh_bsn(endpoint.valid), format="json"
    )

    assert response.status_code in {200, 201}, response.content


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.name)
@pytest.mark.parametrize("kind", list(bad_bodies({"x": 1})))
def test_bad_bodies_get_a_4xx_in_the_error_shape(
    client: APIClient, dossier: Dossier, endpoint: Endpoint, kind: str
) -> None:
    valid = with_fresh_bsn(endpoint.valid)
    candidates_before = Candidate.objects.count()
    versions_before = (dossier.candidate.version, dossier.candidate.barriers.get().version)

    response = getattr(client, endpoint.method)(
        endpoint.address(dossier), **bad_bodies(valid)[kind]
    )

    assert 400 <= response.status_code < 500, response.content
    assert_error_shape(response, response.status_code)
    dossier.candidate.refresh_from_db()
    assert Candidate.objects.count() == candidates_before
    assert (dossier.candidate.version, dossier.candidate.barriers.get().version) == versions_before
    assert Consent.objects.filter(purpose="matching").count() == 0


BAD_IDS = ["not-a-uuid", "1", "0" * 33, "x" * 300, "%20", "12345678-1234-1234-1234-12345678901g"]


@pytest.mark.parametrize("bad_id", BAD_IDS)
def test_ids_that_are_not_uuids_answer_404(
    client: APIClient, dossier: Dossier, bad_id: str
) -> None:
    candidate = dossier.candidate
    addresses = [
        ("get", url(bad_id)),
        ("patch", url(bad_id)),
        ("get", url(bad_id, "barriers")),
        ("post", url(bad_id, "consents")),
        ("get", url(bad_id, "processing-log")),
        ("get", url(candidate, "barriers", bad_id)),
        ("patch", url(candidate, "barriers", bad_id)),
        ("get", url(candidate, "ladder-scores", bad_id)),
        ("post", url(candidate, "consents", bad_id, "revoke")),
    ]
    for method, address in addresses:
        response = getattr(client, method)(address, {"version": 1}, format="json")
        assert response.status_code == 404, (address, response.content)
        assert_error_shape(response, 404)


@pytest.mark.parametrize(
    "params",
    [
        {"ladder_step": "abc"},
        {"ladder_step": "9"},
        {"ladder_step": "1.5"},
        {"barrier_kind": "physical"},
        {"barrier_kind": "nonsense"},
        {"ordering": "bsn"},
        {"long_term": "perhaps"},
        {"organisation": "not a slug"},
        {"organisation": LONG},
        {"search": LONG},
        {"search": "a\x00b"},
        {"page": "abc"},
        {"page": "999"},
        {"page": "-1"},
    ],
    ids=lambda params: f"{next(iter(params))}={next(iter(params.values()))[:12]!r}",
)
def test_bad_query_parameters_get_a_4xx_in_the_error_shape(
    client: APIClient, dossier: Dossier, params: dict[str, str]
) -> None:
    response = client.get(API, params)

    assert 400 <= response.status_code < 500, response.content
    assert_error_shape(response, response.status_code)


@pytest.mark.parametrize(
    "lists",
    [
        {"languages": ["nl"] * 21},
        {"skills": ["x"] * 51},
        {"preferred_offer_kinds": ["paid_job", "unknown"]},
        {"languages": ["x" * 41]},
    ],
)
def test_lists_of_a_candidate_are_bounded(
    client: APIClient, dossier: Dossier, lists: dict[str, list[str]]
) -> None:
    response = client.patch(url(dossier.candidate), {**lists, "version": 1}, format="json")

    assert set(assert_error_shape(response, 400)["errors"]) == set(lists)


def test_a_page_size_that_is_not_a_number_falls_back_to_the_default(
    client: APIClient, dossier: Dossier
) -> None:
    assert client.get(API, {"page_size": "many"}).status_code == 200
    assert (
        client.get(url(dossier.candidate, "processing-log"), {"page_size": "-3"}).status_code == 200
    )


def test_an_unknown_method_answers_405_in_the_error_shape(
    client: APIClient, dossier: Dossier
) -> None:
    assert_error_shape(client.delete(url(dossier.candidate)), 405)
    assert_error_shape(client.put(url(dossier.candidate, "barriers"), {}, format="json"), 405)
