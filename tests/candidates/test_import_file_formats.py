"""CSV (comma or semicolon) and Excel files import alike; a file that cannot be read gets a clear
message and imports nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.candidates.import_files import export_csv, export_rows, export_xlsx, run_import
from werkpad.candidates.importing import import_job_problems
from werkpad.candidates.models import Candidate, ImportJob

pytestmark = pytest.mark.django_db


def file_problem(job: ImportJob) -> str:
    assert job.status == ImportJob.Status.REJECTED
    [problem] = import_job_problems(job)
    assert problem.row is None
    return problem.code


def test_an_excel_file_with_date_cells_and_numeric_bsns_imports() -> None:
    rows: list[dict[str, object]] = [dict(row) for row in export_rows(3)]
    rows[0]["geboortedatum"] = dt.date(1979, 3, 14)  # read back as a datetime cell
    rows[0]["bsn"] = int(str(rows[0]["bsn"]))
    rows[0]["uren_beschikbaar"] = 16.0

    job = run_import(export_xlsx(rows), file_name="export.xlsx")

    assert (job.status, job.created_count) == (ImportJob.Status.DONE, 3)
    candidate = Candidate.objects.get(birth_date=dt.date(1979, 3, 14))
    assert candidate.hours_available == 16


def test_a_comma_separated_file_with_english_column_names_imports() -> None:
    english = {
        "bsn": "bsn",
        "voornaam": "first_name",
        "achternaam": "Last name",
        "geboortedatum": "date_of_birth",
        "postcode": "postal_code",
        "huisnummer": "house number",
        "huishouden": "household",
        "kinderen_onder_12": "children_under_12",
        "uren_beschikbaar": "hours_available",
        "uitkering_start": "benefit_start",
        "uitkering_einde": "benefit_end",
        "reden_einde": "end_reason",
    }
    rows = [{english[k]: v for k, v in row.items()} for row in export_rows(5)]
    rows[0]["household"] = "single_parent"

    job = run_import(export_csv(rows, delimiter=","))

    assert (job.status, job.created_count) == (ImportJob.Status.DONE, 5)
    assert Candidate.objects.filter(household="single_parent").count() == 3


def test_a_file_that_is_not_csv_or_excel_is_refused() -> None:
    assert file_problem(run_import(b"%PDF-1.7 ...", file_name="export.pdf")) == "file_type"


def test_an_old_excel_file_is_refused_with_advice() -> None:
    assert file_problem(run_import(b"\xd0\xcf\x11\xe0", file_name="export.xls")) == "file_xls"


def test_a_damaged_excel_file_is_refused() -> None:
    assert file_problem(run_import(b"PK\x03\x04 broken", file_name="export.xlsx")) == (
        "file_unreadable"
    )
    assert file_problem(run_import(b"bsn;voornaam", file_name="export.xlsx")) == "file_unreadable"


def test_a_file_in_another_encoding_is_refused_with_advice() -> None:
    data = export_csv(export_rows(2)).decode("utf-8").replace("Kees", "Renée").encode("cp1252")
    data = data.replace(b"Jansen", "Müller".encode("cp1252"))

    assert file_problem(run_import(data)) == "file_encoding"


def test_an_empty_file_and_a_file_without_rows_are_refused() -> None:
    assert file_problem(run_import(b"")) == "file_empty"
    assert file_problem(run_import(b"\n\n")) == "file_empty"
    assert file_problem(run_import(export_csv([]))) == "file_no_rows"


def test_a_huge_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("werkpad.candidates.importing.MAX_FILE_BYTES", 1000)
    assert file_problem(run_import(export_csv(export_rows(20)))) == "file_too_big"


def test_too_many_rows_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("werkpad.candidates.importing.MAX_ROWS", 10)
    assert file_problem(run_import(export_csv(export_rows(11)))) == "file_too_many_rows"
    assert Candidate.objects.count() == 0


def test_a_column_given_twice_is_refused() -> None:
    data = export_csv(export_rows(1)).replace(b"voornaam", b"first_name", 1)
    data = data.replace(b"achternaam", b"voornaam", 1)

    assert file_problem(run_import(data)) == "column_twice"


def test_rows_are_numbered_as_excel_shows_them_also_after_empty_rows() -> None:
    rows: list[dict[str, object]] = [dict(row) for row in export_rows(3)]
    rows.insert(1, dict.fromkeys(rows[0], None))
    rows[3]["postcode"] = "onbekend"

    job = run_import(export_xlsx(rows), file_name="export.xlsx")

    assert [(p.row, p.column) for p in import_job_problems(job)] == [(5, "postcode")]


def test_too_many_rows_in_an_excel_file_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("werkpad.candidates.importing.MAX_ROWS", 10)
    data = export_xlsx([dict(row) for row in export_rows(12)])

    assert file_problem(run_import(data, file_name="export.xlsx")) == "file_too_many_rows"
