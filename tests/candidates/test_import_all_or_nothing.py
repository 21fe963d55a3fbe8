"""Acceptance: 10,000 rows with one bad row import nothing and name the row and column; the
fixed file imports all; importing it again adds nobody twice."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.candidates.import_files import export_csv, export_rows, team_inkomen
from werkpad.candidates.models import BenefitPeriod, Candidate
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def import_file(path: Path) -> str:
    out = StringIO()
    call_command("import_candidates", str(path), stdout=out, stderr=out)
    return out.getvalue()


def test_one_bad_row_in_ten_thousand_imports_nothing_then_the_fixed_file_imports_all(
    tmp_path: Path,
) -> None:
    team_inkomen()
    rows = export_rows(10_000)
    good_birth_date = rows[15]["geboortedatum"]
    rows[15]["geboortedatum"] = "31-02-1980"  # row 17 in Excel: the header is row 1
    path = tmp_path / "uitkeringen.csv"
    path.write_bytes(export_csv(rows))
    errors = StringIO()

    with pytest.raises(CommandError, match="Er is niets geïmporteerd"):
        call_command("import_candidates", str(path), stdout=StringIO(), stderr=errors)

    assert errors.getvalue().splitlines() == [
        "Rij 17, kolom geboortedatum: 31-02-1980 is geen geldige datum "
        "(schrijf bijvoorbeeld 31-12-1980)"
    ]
    assert Candidate.objects.count() == 0
    assert BenefitPeriod.objects.count() == 0
    assert ProcessingLogEntry.objects.count() == 0

    rows[15]["geboortedatum"] = good_birth_date
    path.write_bytes(export_csv(rows))
    first = import_file(path)

    assert "10000 kandidaten toegevoegd" in first
    assert Candidate.objects.count() == 10_000
    assert BenefitPeriod.objects.count() == 10_000
    assert ProcessingLogEntry.objects.filter(activity="candidate_import").count() == 10_000

    again = import_file(path)

    assert "0 kandidaten toegevoegd, 0 gewijzigd, 10000 ongewijzigd" in again
    assert Candidate.objects.count() == 10_000
    assert BenefitPeriod.objects.count() == 10_000
    assert ProcessingLogEntry.objects.filter(activity="candidate_import").count() == 10_000
