"""Every read and write through the API leaves its trace in the processing log, and the
candidate's log reads newest first, read-only, with the fields of DESIGN.md §4."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

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
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

FIELDS = {
    "timestamp",
    "user",
    "organisation",
    "action",
    "activity",
    "purpose",
    "object_type",
    "object_id",
}


@pytest.fixture
def inkomen_user() -> User:
    return member_of(team_inkomen())


@pytest.fixture
def candidate() -> Candidate:
    return CandidateFactory()


def entries(candidate: Candidate) -> list[tuple[str, str, str]]:
    """(action, object_type, purpose) of the candidate's entries, oldest first."""
    return list(
        ProcessingLogEntry.objects.filter(candidate=candidate)
        .order_by("timestamp", "id")
        .values_list("action", "object_type", "purpose")
    )


def test_the_log_reads_newest_first_with_the_contract_fields(
    candidate: Candidate, inkomen_user: User
) -> None:
    now = timezone.now()
    for days_ago, action in [(30, "create"), (10, "update"), (20, "view")]:
        ProcessingLogEntry.objects.create(
            timestamp=now - dt.timedelta(days=days_ago),
            user_label="sam@example.nl",
            organisation="team-inkomen",
            action=action,
            activity="candidate_dossier",
            purpose="legal_basis",
            object_type="candidate",
            object_id=str(candidate.pk),
            candidate=candidate,
        )
    client = client_for(inkomen_user)

    results = client.get(url(candidate, "processing-log")).json()["results"]

    assert all(set(row) == FIELDS for row in results)
    assert [row["action"] for row in results] == ["view", "update", "view", "create"]
    timestamps = [row["timestamp"] for row in results]
    assert timestamps == sorted(timestamps, reverse=True)
    newest = results[0]  # reading the log is itself recorded
    assert newest == newest | {
        "user": inkomen_user.email,
        "organisation": "team-inkomen",
        "action": "view",
        "activity": "candidate_dossier",
        "purpose": "legal_basis",
        "object_type": "processinglogentry",
        "object_id": str(candidate.pk),
    }


def test_the_log_is_read_only(candidate: Candidate, inkomen_user: User) -> None:
    client = client_for(inkomen_user)
    log = url(candidate, "processing-log")

    assert_error_shape(client.post(log, {}, format="json"), 405)
    assert_error_shape(client.delete(log), 405)
    assert_error_shape(client.put(log, {}, format="json"), 405)


def test_opening_a_dossier_adds_exactly_one_view_entry(
    candidate: Candidate, inkomen_user: User
) -> None:
    client_for(inkomen_user).get(url(candidate))

    entry = ProcessingLogEntry.objects.get(candidate=candidate)
    assert (entry.user_label, entry.organisation, entry.action, entry.purpose) == (
        inkomen_user.email,
        "team-inkomen",
        "view",
        "legal_basis",
    )
    assert (entry.object_type, entry.object_id) == ("candidate", str(candidate.pk))


def test_a_list_adds_one_list_entry_per_candidate_returned(inkomen_user: User) -> None:
    shown = CandidateFactory.create_batch(3)
    werkse = partner()
    not_visible = CandidateFactory(lead_organisation=werkse)
    client = client_for(inkomen_user)

    response = client.get(API, {"page_size": 2})

    returned = {row["id"] for row in response.json()["results"]}
    logged = set(
        ProcessingLogEntry.objects.filter(action="list").values_list("object_id", flat=True)
    )
    assert len(returned) == 2
    assert logged == returned
    assert returned <= {str(c.pk) for c in shown}
    assert not ProcessingLogEntry.objects.filter(candidate=not_visible).exists()


@pytest.mark.parametrize(
    ("part", "object_type"),
    [
        ("barriers", "barrier"),
        ("ladder-scores", "ladderscore"),
        ("consents", "consent"),
        ("benefit-periods", "benefitperiod"),
        ("processing-log", "processinglogentry"),
    ],
)
def test_reading_a_part_of_the_dossier_adds_one_view_entry_naming_it(
    candidate: Candidate, inkomen_user: User, part: str, object_type: str
) -> None:
    client_for(inkomen_user).get(url(candidate, part))

    assert entries(candidate) == [("view", object_type, "legal_basis")]


def test_reading_one_barrier_names_that_barrier(candidate: Candidate, inkomen_user: User) -> None:
    barrier = BarrierFactory(candidate=candidate)

    client_for(inkomen_user).get(url(candidate, "barriers", barrier.pk))

    entry = ProcessingLogEntry.objects.get(candidate=candidate)
    assert (entry.action, entry.object_type, entry.object_id) == (
        "view",
        "barrier",
        str(barrier.pk),
    )


def test_writes_are_logged_with_the_purpose_of_the_writer(candidate: Candidate) -> None:
    werkse_org = partner()
    ConsentFactory(candidate=candidate, organisation=werkse_org, purpose="debt_help")
    werkse = client_for(member_of(werkse_org))

    werkse.post(
        url(candidate, "barriers"), {"kind": "debts", "opened_on": "2024-02-01"}, format="json"
    )
    werkse.post(
        url(candidate, "ladder-scores"),
        {"step": 2, "potential_step": 4, "assessed_on": "2024-02-01"},
        format="json",
    )
    werkse.patch(url(candidate), {"hours_available": 12, "version": 1}, format="json")

    assert entries(candidate) == [
        ("create", "barrier", "debt_help"),
        ("create", "ladderscore", "debt_help"),
        ("update", "candidate", "debt_help"),
    ]


def test_a_refused_read_leaves_no_entry(candidate: Candidate) -> None:
    client_for(member_of(partner())).get(url(candidate, "barriers"))

    assert not ProcessingLogEntry.objects.exists()
