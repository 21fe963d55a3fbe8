"""Build export files of the benefit administration for the import tests and benchmark."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from openpyxl import Workbook

from tests.candidates.factories import synthetic_bsn
from tests.factories import OrganisationFactory
from werkpad.candidates.importing import import_job_create, import_job_problems, import_job_run
from werkpad.candidates.models import ImportJob
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind

HEADER = [
    "bsn",
    "voornaam",
    "achternaam",
    "geboortedatum",
    "postcode",
    "huisnummer",
    "huishouden",
    "kinderen_onder_12",
    "uren_beschikbaar",
    "uitkering_start",
    "uitkering_einde",
    "reden_einde",
]
FIRST_NAMES = ("Fatima", "Jan", "Anouk", "Mohamed", "Sanne", "Piotr", "Ayşe", "Kees")
LAST_NAMES = ("de Vries", "Jansen", "El Amrani", "Bakker", "Kowalski", "Yılmaz", "van Dijk")
HOUSEHOLDS = ("alleenstaand", "alleenstaande ouder", "samenwonend")


def export_rows(count: int) -> list[dict[str, str]]:
    """`count` valid rows of invented people, every fifth with an ended benefit."""
    rows = []
    for index in range(count):
        ended = index % 5 == 0
        start = date(2016, 1, 4) + timedelta(days=index % 2000)
        rows.append(
            {
                "bsn": synthetic_bsn(),
                "voornaam": FIRST_NAMES[index % len(FIRST_NAMES)],
                "achternaam": LAST_NAMES[index % len(LAST_NAMES)],
                "geboortedatum": (date(1960, 1, 1) + timedelta(days=index * 3 % 15000)).strftime(
                    "%d-%m-%Y"
                ),
                "postcode": f"26{11 + index % 18:02d} {'ABCDEGHJ'[index % 8]}K",
                "huisnummer": str(index % 250 + 1),
                "huishouden": HOUSEHOLDS[index % 3],
                "kinderen_onder_12": str(index % 3),
                "uren_beschikbaar": str(index % 9 * 4),
                "uitkering_start": start.isoformat(),
                "uitkering_einde": (start + timedelta(days=400)).isoformat() if ended else "",
                "reden_einde": "werk" if ended else "",
            }
        )
    return rows


def export_csv(rows: list[dict[str, str]], *, delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(rows[0]) if rows else HEADER, delimiter=delimiter
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def export_xlsx(rows: list[dict[str, object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    header = list(rows[0])
    sheet.append(header)
    for row in rows:
        sheet.append([row[name] for name in header])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def team_inkomen() -> Organisation:
    return OrganisationFactory(
        slug="team-inkomen",
        name="Team Inkomen",
        kind=OrganisationKind.MUNICIPALITY,
        has_legal_basis=True,
    )


def run_import(
    data: bytes, *, file_name: str = "export.csv", organisation: Organisation | None = None
) -> ImportJob:
    """Import `data` as the command line does: create the job and run it at once."""
    job = import_job_create(
        acting_user=None,
        organisation=organisation or team_inkomen(),
        file_name=file_name,
        data=data,
    )
    return import_job_run(job_id=job.pk)


def messages_of(job: ImportJob) -> list[str]:
    return [problem.message() for problem in import_job_problems(job)]
