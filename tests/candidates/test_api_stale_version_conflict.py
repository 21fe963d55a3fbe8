"""Two professionals save the same candidate from the same version: the second gets 409 with a
clear message and nothing of the first one's change is overwritten."""

from __future__ import annotations

import pytest

from tests.candidates.api_clients import (
    assert_error_shape,
    client_for,
    member_of,
    partner,
    team_inkomen,
    url,
)
from tests.candidates.factories import BarrierFactory, CandidateFactory, ConsentFactory
from werkpad.candidates.models import Candidate, Correction
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate() -> Candidate:
    candidate = CandidateFactory(first_name="Fatima", hours_available=8)
    ConsentFactory(candidate=candidate, organisation=partner(), purpose="work_guidance")
    return candidate


def test_the_second_save_from_the_same_version_gets_a_conflict(candidate: Candidate) -> None:
    inkomen = client_for(member_of(team_inkomen()))
    werkse = client_for(member_of(partner()))
    read_by_inkomen = inkomen.get(url(candidate)).json()
    read_by_werkse = werkse.get(url(candidate)).json()
    assert read_by_inkomen["version"] == read_by_werkse["version"] == 1

    first = inkomen.patch(url(candidate), {"hours_available": 16, "version": 1}, format="json")
    second = werkse.patch(
        url(candidate), {"hours_available": 32, "first_name": "Fatma", "version": 1}, format="json"
    )

    assert first.status_code == 200
    assert first.json()["version"] == 2
    body = assert_error_shape(second, 409)
    assert "versie 2" in body["detail"]  # Dutch by default
    candidate.refresh_from_db()
    assert (candidate.hours_available, candidate.first_name, candidate.version) == (16, "Fatima", 2)
    assert list(Correction.objects.values_list("field", "new_value")) == [("hours_available", "16")]
    assert ProcessingLogEntry.objects.filter(action="update").count() == 1


def test_the_conflict_message_is_dutch_by_default_and_english_on_request(
    candidate: Candidate,
) -> None:
    inkomen = client_for(member_of(team_inkomen()))
    inkomen.patch(url(candidate), {"hours_available": 16, "version": 1}, format="json")

    dutch = inkomen.patch(url(candidate), {"hours_available": 20, "version": 1}, format="json")
    english = inkomen.patch(
        url(candidate),
        {"hours_available": 20, "version": 1},
        format="json",
        headers={"accept-language": "en"},
    )

    assert "iemand anders" in assert_error_shape(dutch, 409)["detail"].lower()
    assert "someone else" in assert_error_shape(english, 409)["detail"].lower()


def test_a_full_update_from_a_stale_version_is_refused_too(candidate: Candidate) -> None:
    inkomen = client_for(member_of(team_inkomen()))
    current = inkomen.get(url(candidate)).json()
    inkomen.patch(url(candidate), {"postcode": "2611 AB", "version": 1}, format="json")
    writable = {
        key: value
        for key, value in current.items()
        if key not in {"id", "bsn", "lead_organisation"}
    }

    stale = inkomen.put(url(candidate), {**writable, "last_name": "Bakker"}, format="json")
    fresh = inkomen.put(url(candidate), {**writable, "version": 2}, format="json")

    assert_error_shape(stale, 409)
    assert fresh.status_code == 200, fresh.content
    assert fresh.json()["version"] == 3


def test_an_update_without_a_version_is_refused(candidate: Candidate) -> None:
    inkomen = client_for(member_of(team_inkomen()))

    response = inkomen.patch(url(candidate), {"hours_available": 16}, format="json")

    assert "version" in assert_error_shape(response, 400)["errors"]
    candidate.refresh_from_db()
    assert candidate.hours_available == 8


def test_barriers_are_protected_the_same_way(candidate: Candidate) -> None:
    barrier = BarrierFactory(candidate=candidate, kind="debts", severity=2)
    inkomen = client_for(member_of(team_inkomen()))
    werkse = client_for(member_of(partner()))

    first = werkse.patch(
        url(candidate, "barriers", barrier.pk), {"severity": 3, "version": 1}, format="json"
    )
    second = inkomen.patch(
        url(candidate, "barriers", barrier.pk),
        {"status": "resolved", "resolved_on": "2024-05-01", "version": 1},
        format="json",
    )

    assert first.status_code == 200, first.content
    assert first.json()["version"] == 2
    assert_error_shape(second, 409)
    barrier.refresh_from_db()
    assert (barrier.severity, barrier.status) == (3, "open")
