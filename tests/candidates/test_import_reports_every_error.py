"""Every row is checked before anything is saved, and every problem is named by row and column."""

from __future__ import annotations

import pytest

from tests.candidates.import_files import export_csv, export_rows, run_import
from werkpad.candidates.importing import import_job_problems
from werkpad.candidates.models import Candidate, ImportJob

pytestmark = pytest.mark.django_db


def problems(job: ImportJob) -> list[tuple[int | None, str, str]]:
    return [(p.row, p.column, p.code) for p in import_job_problems(job)]


def test_every_invalid_cell_is_reported_with_its_row_and_column() -> None:
    rows = export_rows(12)
    rows[0]["bsn"] = "123456789"  # fails the eleven test
    rows[1]["voornaam"] = ""
    rows[2]["geboortedatum"] = "1980-13-01"
    rows[3]["postcode"] = "2611"
    rows[4]["huishouden"] = "woongroep"
    rows[5]["uren_beschikbaar"] = "61"
    rows[6]["kinderen_onder_12"] = "twee"
    rows[7]["uitkering_start"] = "2020-05-01"
    rows[7]["uitkering_einde"] = "2020-04-30"
    rows[7]["reden_einde"] = "werk"
    rows[8]["uitkering_einde"] = "2021-01-31"
    rows[8]["reden_einde"] = ""
    rows[9]["uitkering_einde"] = ""
    rows[9]["reden_einde"] = "verhuisd"
    rows[10]["bsn"] = rows[11]["bsn"]
    rows[11]["geboortedatum"] = "01-01-2999"

    job = run_import(export_csv(rows))

    assert job.status == ImportJob.Status.REJECTED
    assert problems(job) == [
        (2, "bsn", "bsn"),
        (3, "voornaam", "required"),
        (4, "geboortedatum", "date"),
        (5, "postcode", "postcode"),
        (6, "huishouden", "choice"),
        (7, "uren_beschikbaar", "number"),
        (8, "kinderen_onder_12", "number"),
        (9, "uitkering_einde", "end_before_start"),
        (10, "reden_einde", "end_reason_missing"),
        (11, "reden_einde", "end_reason_without_end"),
        (13, "geboortedatum", "birth_date"),
        (13, "bsn", "duplicate"),
    ]
    assert job.error_count == 12
    assert Candidate.objects.count() == 0


def test_a_missing_required_column_is_named_before_any_row_is_checked() -> None:
    rows = [
        {k: v for k, v in row.items() if k not in {"geboortedatum", "postcode"}}
        for row in export_rows(3)
    ]

    job = run_import(export_csv(rows))

    assert problems(job) == [(None, "", "columns_missing")]
    assert import_job_problems(job)[0].params == {"columns": "geboortedatum, postcode"}


def test_the_messages_say_what_is_wrong_with_the_value() -> None:
    rows = export_rows(2)
    rows[1]["huishouden"] = "woongroep"

    job = run_import(export_csv(rows))

    [problem] = import_job_problems(job)
    assert problem.message() == (
        "Rij 3, kolom huishouden: woongroep is geen van de toegestane waarden: alleenstaand, "
        "alleenstaande ouder, eenoudergezin, samenwonend, gehuwd"
    )


def test_only_the_first_errors_are_kept_but_all_are_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("werkpad.candidates.importing.MAX_REPORTED_ERRORS", 5)
    rows = export_rows(8)
    for row in rows:
        row["postcode"] = "onbekend"

    job = run_import(export_csv(rows))

    assert job.error_count == 8
    assert [p.row for p in import_job_problems(job)] == [2, 3, 4, 5, 6]
