"""The processing log is append-only: no change or removal, through the ORM or the database."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from tests.candidates.factories import CandidateFactory
from werkpad.privacy.codes import LogAction
from werkpad.privacy.models import AppendOnlyError, ProcessingLogEntry
from werkpad.privacy.services import processing_log_write

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry() -> ProcessingLogEntry:
    return processing_log_write(
        user=None,
        organisation=None,
        purpose="legal_basis",
        action=LogAction.VIEW,
        activity="candidate_dossier",
        object_type="candidate",
        candidate=CandidateFactory(),
    )


def test_saving_a_changed_entry_is_refused(entry: ProcessingLogEntry) -> None:
    entry.action = LogAction.ERASE

    with pytest.raises(AppendOnlyError):
        entry.save()


def test_deleting_an_entry_is_refused(entry: ProcessingLogEntry) -> None:
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_bulk_update_and_delete_are_refused(entry: ProcessingLogEntry) -> None:
    with pytest.raises(AppendOnlyError):
        ProcessingLogEntry.objects.filter(pk=entry.pk).update(action=LogAction.ERASE)
    with pytest.raises(AppendOnlyError):
        ProcessingLogEntry.objects.all().delete()

    assert ProcessingLogEntry.objects.get(pk=entry.pk).action == LogAction.VIEW


def test_the_database_refuses_a_raw_update_and_delete(entry: ProcessingLogEntry) -> None:
    """On PostgreSQL a trigger refuses raw SQL; SQLite (quick start) relies on the ORM guard."""
    table = ProcessingLogEntry._meta.db_table
    if connection.vendor == "postgresql":
        for statement in (
            f"UPDATE {table} SET action = 'erase' WHERE id = %s",  # noqa: S608 - fixed table
            f"DELETE FROM {table} WHERE id = %s",  # noqa: S608 - fixed table
        ):
            with (
                pytest.raises(DatabaseError, match="append-only"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(statement, [entry.pk])
    else:
        with pytest.raises(AppendOnlyError):
            ProcessingLogEntry.objects.filter(pk=entry.pk).update(action=LogAction.ERASE)
        with pytest.raises(AppendOnlyError):
            ProcessingLogEntry.objects.filter(pk=entry.pk).delete()

    assert ProcessingLogEntry.objects.get(pk=entry.pk).action == LogAction.VIEW
