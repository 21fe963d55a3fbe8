"""Health barriers, notes and BSNs are never stored as plain text in the database."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.privacy.avg_helpers import EVIDENCE_NOTE, HEALTH_NOTE, LADDER_NOTE, full_dossier
from werkpad.candidates.models import Barrier, Candidate, Correction, LadderScore
from werkpad.privacy.models import Consent

pytestmark = pytest.mark.django_db


def raw_rows(model: type) -> str:
    """Every column of every row of the model's table, as the database hands them out."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - table name from the model
        return repr(cursor.fetchall())


def test_no_plain_note_bsn_or_health_kind_in_any_table() -> None:
    dossier = full_dossier()
    dump = "".join(raw_rows(m) for m in (Candidate, Barrier, LadderScore, Consent, Correction))

    for secret in (
        dossier.candidate.bsn,
        HEALTH_NOTE,
        "Eerste melding",
        LADDER_NOTE,
        EVIDENCE_NOTE,
        "physical",
    ):
        assert secret not in dump
    assert "health" in dump  # only the category of a health barrier is readable


def test_the_application_reads_the_encrypted_values_back() -> None:
    dossier = full_dossier()

    barrier = Barrier.objects.get(pk=dossier.health_barrier.pk)

    assert (barrier.kind, barrier.note) == ("physical", HEALTH_NOTE)
    assert Candidate.objects.get(pk=dossier.candidate.pk).bsn == dossier.candidate.bsn
