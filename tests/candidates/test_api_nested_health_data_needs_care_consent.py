"""Health barriers and free-text notes are special-category data: through the API only a
caller with the candidate's consent for `care` (or the municipality's legal basis) sees or
writes them. Others do not see health barriers at all and get null for notes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from tests.candidates.api_clients import (
    assert_error_shape,
    client_for,
    member_of,
    partner,
    team_inkomen,
    url,
)
from tests.candidates.factories import (
    BarrierFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
)
from werkpad.candidates.models import Barrier, Candidate
from werkpad.privacy.codes import Confidentiality
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate() -> Candidate:
    candidate = CandidateFactory()
    werkse = partner("werkse")
    ggz = partner("ggz-delfland")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")
    ConsentFactory(candidate=candidate, organisation=ggz, purpose="care", evidence_note="Getekend")
    BarrierFactory(
        candidate=candidate, kind="psychological", note="Angstklachten", owner_organisation=ggz
    )
    BarrierFactory(candidate=candidate, kind="debts", note="Schuld bij de energieleverancier")
    LadderScoreFactory(candidate=candidate, note="Gaat vooruit")
    return candidate


def health_barrier(candidate: Candidate) -> Barrier:
    return candidate.barriers.get(category="health")


def test_without_care_consent_health_barriers_are_absent_and_notes_null(
    candidate: Candidate,
) -> None:
    werkse = client_for(member_of(partner("werkse")))

    barriers = werkse.get(url(candidate, "barriers")).json()["results"]
    scores = werkse.get(url(candidate, "ladder-scores")).json()["results"]

    assert [(b["kind"], b["note"]) for b in barriers] == [("debts", None)]
    assert [s["note"] for s in scores] == [None]
    assert_error_shape(werkse.get(url(candidate, "barriers", health_barrier(candidate).pk)), 404)


def test_with_care_consent_the_health_barrier_and_notes_are_shown(candidate: Candidate) -> None:
    ggz = client_for(member_of(partner("ggz-delfland")))

    barriers = ggz.get(url(candidate, "barriers")).json()["results"]
    one = ggz.get(url(candidate, "barriers", health_barrier(candidate).pk))

    assert sorted((b["kind"], b["note"]) for b in barriers) == [
        ("debts", "Schuld bij de energieleverancier"),
        ("psychological", "Angstklachten"),
    ]
    assert one.status_code == 200
    assert one.json()["note"] == "Angstklachten"
    assert ggz.get(url(candidate, "ladder-scores")).json()["results"][0]["note"] == "Gaat vooruit"


def test_the_legal_basis_sees_health_data(candidate: Candidate) -> None:
    inkomen = client_for(member_of(team_inkomen()))

    kinds = {b["kind"] for b in inkomen.get(url(candidate, "barriers")).json()["results"]}

    assert kinds == {"debts", "psychological"}


def test_without_care_consent_health_data_cannot_be_written(candidate: Candidate) -> None:
    werkse = client_for(member_of(partner("werkse")))
    debts = candidate.barriers.get(category="debts")

    health = werkse.post(
        url(candidate, "barriers"), {"kind": "addiction", "opened_on": "2024-03-01"}, format="json"
    )
    noted = werkse.post(
        url(candidate, "barriers"),
        {"kind": "housing", "opened_on": "2024-03-01", "note": "Huur achterstand"},
        format="json",
    )
    overwrite = werkse.patch(
        url(candidate, "barriers", debts.pk), {"note": "", "version": 1}, format="json"
    )
    scored = werkse.post(
        url(candidate, "ladder-scores"),
        {"step": 2, "potential_step": 3, "assessed_on": "2024-03-01", "note": "Zorgen"},
        format="json",
    )

    assert "kind" in assert_error_shape(health, 400)["errors"]
    assert "note" in assert_error_shape(noted, 400)["errors"]
    assert "note" in assert_error_shape(overwrite, 400)["errors"]
    assert "note" in assert_error_shape(scored, 400)["errors"]
    debts.refresh_from_db()
    assert debts.note == "Schuld bij de energieleverancier"
    assert candidate.barriers.count() == 2


def test_without_care_consent_a_barrier_without_note_can_be_recorded(
    candidate: Candidate,
) -> None:
    werkse = client_for(member_of(partner("werkse")))

    response = werkse.post(
        url(candidate, "barriers"),
        {"kind": "transport", "opened_on": "2024-03-01", "blocks_work": True},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json() | {"id": "", "version": 0} == {
        "id": "",
        "kind": "transport",
        "status": "open",
        "blocks_work": True,
        "note": None,
        "severity": 2,
        "owner_organisation": "werkse",
        "opened_on": "2024-03-01",
        "resolved_on": None,
        "version": 0,
    }


def test_with_care_consent_a_health_barrier_is_recorded_encrypted(candidate: Candidate) -> None:
    ggz = client_for(member_of(partner("ggz-delfland")))

    response = ggz.post(
        url(candidate, "barriers"),
        {"kind": "physical", "opened_on": "2024-03-01", "note": "Rugklachten", "severity": 3},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert (response.json()["kind"], response.json()["note"]) == ("physical", "Rugklachten")
    with connection.cursor() as cursor:
        table = Barrier._meta.db_table  # a model's table name, not input
        cursor.execute(f"SELECT category, kind_encrypted, note FROM {table}")  # noqa: S608
        stored = cursor.fetchall()
    assert ("health", "physical", "Rugklachten") not in stored
    assert sum(category == "health" for category, _, _ in stored) == 2
    assert not any("Rugklachten" in note or kind == "physical" for _, kind, note in stored)


def test_care_consents_and_evidence_notes_are_hidden_without_care_consent(
    candidate: Candidate,
) -> None:
    werkse = client_for(member_of(partner("werkse")))
    ggz = client_for(member_of(partner("ggz-delfland")))

    seen_by_werkse = werkse.get(url(candidate, "consents")).json()["results"]
    seen_by_ggz = ggz.get(url(candidate, "consents")).json()["results"]

    assert [(c["organisation"], c["purpose"], c["evidence_note"]) for c in seen_by_werkse] == [
        ("werkse", "work_guidance", None)
    ]
    assert ("ggz-delfland", "care", "Getekend") in {
        (c["organisation"], c["purpose"], c["evidence_note"]) for c in seen_by_ggz
    }


def test_processing_log_entries_about_health_data_are_hidden_without_care_consent(
    candidate: Candidate,
) -> None:
    ggz = client_for(member_of(partner("ggz-delfland")))
    werkse = client_for(member_of(partner("werkse")))
    ggz.get(url(candidate, "barriers", health_barrier(candidate).pk))
    assert ProcessingLogEntry.objects.filter(purpose="care").exists()
    assert ProcessingLogEntry.objects.filter(confidentiality=Confidentiality.SPECIAL).exists()

    entries = werkse.get(url(candidate, "processing-log")).json()["results"]

    assert entries
    assert all(entry["organisation"] == "werkse" for entry in entries)
    assert {entry["purpose"] for entry in entries} == {"work_guidance"}


def test_an_expired_care_consent_hides_health_data_again(candidate: Candidate) -> None:
    candidate.consents.filter(purpose="care").update(expires_on=dt.date(2024, 2, 1))
    ConsentFactory(
        candidate=candidate, organisation=partner("ggz-delfland"), purpose="work_guidance"
    )
    ggz = client_for(member_of(partner("ggz-delfland")))

    kinds = {b["kind"] for b in ggz.get(url(candidate, "barriers")).json()["results"]}

    assert kinds == {"debts"}
