"""Import of the benefit administration's export: candidates and their benefit periods.

The export is a CSV (UTF-8, comma or semicolon) or XLSX file with one row per person and the
column names in the first row (`COLUMNS`: the administration's Dutch names, English aliases are
accepted too). Every row is checked before anything is written; one invalid row and nothing is
imported, and every problem is reported by row and column. A person is recognised by their BSN
(through its keyed hash), so importing the same file again changes nothing; a benefit period is
recognised by its start date.

The work runs as a task on an `ImportJob` (`import_job_run(job_id=...)`): in the quick start in
a thread of the web process, later in a Celery worker, which needs nothing but the job's id.
"""

from __future__ import annotations

import base64
import csv
import io
import logging
import re
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import connections, transaction
from django.db.models import F, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from werkpad.candidates.codes import EndReason, Household
from werkpad.candidates.models import BenefitPeriod, Candidate, Correction, ImportJob
from werkpad.candidates.selectors import normalise_search_name
from werkpad.candidates.services import normalise_postcode, validate_bsn
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, LogAction
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.models import ProcessingLogEntry

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
# Only the first errors are kept on the job: enough to fix a file, small enough to show.
MAX_REPORTED_ERRORS = 500
BATCH_SIZE = 500
PROGRESS_EVERY = 500
IMPORT_ACTIVITY = "candidate_import"
COMMAND_LINE_LABEL = "werkpad import-candidates"
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
XLSX_MAGIC = b"PK\x03\x04"


class ImportFileError(Exception):
    """The file as a whole cannot be imported (wrong type, encoding, size or columns)."""

    def __init__(self, problem: ImportProblem) -> None:
        self.problem = problem
        super().__init__(problem.code)


class CellError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


# Problems are stored as codes and shown in the reader's language.
MESSAGES: dict[str, Promise] = {
    "row": gettext_lazy("Row %(row)s, column %(column)s: %(problem)s"),
    "required": gettext_lazy("this cell is empty, but it must be filled in"),
    "bsn": gettext_lazy("%(value)s is not a valid BSN"),
    "date": gettext_lazy("%(value)s is not a valid date (write it as 31-12-1980)"),
    "birth_date": gettext_lazy("%(value)s is not a possible date of birth"),
    "postcode": gettext_lazy("%(value)s is not a valid postcode (for example 2611 AB)"),
    "number": gettext_lazy("%(value)s is not a whole number from %(min)s to %(max)s"),
    "choice": gettext_lazy("%(value)s is not one of the allowed values: %(choices)s"),
    "email": gettext_lazy("%(value)s is not a valid e-mail address"),
    "too_long": gettext_lazy("%(value)s is longer than %(max)s characters"),
    "duplicate": gettext_lazy("this BSN is also on row %(other)s; give each person one row"),
    "end_before_start": gettext_lazy("%(value)s is before the start of the benefit"),
    "end_reason_missing": gettext_lazy("the benefit has ended, so fill in why"),
    "end_reason_without_end": gettext_lazy(
        "a reason is filled in, but the benefit has no end date (uitkering_einde)"
    ),
    "file_type": gettext_lazy(
        "%(value)s cannot be imported. Choose a CSV file or an Excel file (.xlsx)."
    ),
    "file_xls": gettext_lazy(
        "%(value)s is in the old Excel format. Save it as an Excel workbook (.xlsx) or as "
        "CSV UTF-8 and try again."
    ),
    "file_unreadable": gettext_lazy(
        "%(value)s cannot be read. Is it damaged, or protected with a password?"
    ),
    "file_encoding": gettext_lazy(
        "%(value)s is not saved as UTF-8. In Excel, choose “Save as” and then “CSV UTF-8”."
    ),
    "file_empty": gettext_lazy("%(value)s is empty."),
    "file_no_rows": gettext_lazy("%(value)s has column names, but no rows with people."),
    "file_too_big": gettext_lazy(
        "%(value)s is larger than %(max)s MB. Split it into smaller files."
    ),
    "file_too_many_rows": gettext_lazy(
        "%(value)s has more than %(max)s rows. Split it into smaller files."
    ),
    "columns_missing": gettext_lazy(
        "These columns are missing: %(columns)s. The first row must hold the column names."
    ),
    "column_twice": gettext_lazy("The column %(column)s appears more than once."),
    "unexpected": gettext_lazy(
        "Something went wrong while importing. Nothing was imported. Try again later or "
        "ask the administrator."
    ),
}


@dataclass(frozen=True)
class ImportProblem:
    """One reason not to import: for a row and column, or for the whole file (row None)."""

    code: str
    row: int | None = None
    column: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """What is wrong, without the row and column."""
        return str(MESSAGES[self.code]) % self.params

    def message(self) -> str:
        if self.row is None:
            return self.text()
        return str(MESSAGES["row"]) % {
            "row": self.row,
            "column": self.column,
            "problem": self.text(),
        }

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "code": self.code, "params": self.params}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportProblem:
        return cls(code=data["code"], row=data["row"], column=data["column"], params=data["params"])


Cell = str | date


def _shown(value: Cell) -> str:
    text = value.strftime("%d-%m-%Y") if isinstance(value, date) else value
    return text if len(text) <= 40 else f"{text[:37]}..."


def _text(cell: Cell) -> str:
    return cell.isoformat() if isinstance(cell, date) else cell


DATE_PATTERNS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})"),
)


def _parse_date(cell: Cell) -> date:
    """A date from an Excel date cell, `1980-12-31` or the Dutch `31-12-1980` (also / and .)."""
    if isinstance(cell, date):
        return cell
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(cell)
        if match:
            try:
                return date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                break
    raise CellError("date", value=_shown(cell))


def _parse_birth_date(cell: Cell) -> date:
    day = _parse_date(cell)
    if not EARLIEST_BIRTH_DATE <= day <= timezone.localdate():
        raise CellError("birth_date", value=_shown(cell))
    return day


def _parse_bsn(cell: Cell) -> str:
    try:
        return validate_bsn(_text(cell))
    except ValidationError as error:
        raise CellError("bsn", value=_shown(cell)) from error


def _parse_postcode(cell: Cell) -> str:
    try:
        return normalise_postcode(_text(cell))
    except ValidationError as error:
        raise CellError("postcode", value=_shown(cell)) from error


def _parse_email(cell: Cell) -> str:
    text = _text(cell)
    try:
        validate_email(text)
    except ValidationError as error:
        raise CellError("email", value=_shown(cell)) from error
    return text


def _number(lowest: int, highest: int) -> Callable[[Cell], int]:
    def parse(cell: Cell) -> int:
        text = _text(cell)
        if not text.isdigit() or not lowest <= int(text) <= highest:
            raise CellError("number", value=_shown(cell), min=lowest, max=highest)
        return int(text)

    return parse


def _limited(length: int) -> Callable[[Cell], str]:
    def parse(cell: Cell) -> str:
        text = _text(cell)
        if len(text) > length:
            raise CellError("too_long", value=_shown(cell), max=length)
        return text

    return parse


def _choice(words: Mapping[str, str], codes: Iterable[str]) -> Callable[[Cell], str]:
    """A code from the administration's Dutch word or from our English code."""
    values = {**words, **{code: code for code in codes}}
    allowed = ", ".join(word.replace("_", " ") for word in words)

    def parse(cell: Cell) -> str:
        key = re.sub(r"[\s-]+", "_", _text(cell).casefold())
        if key not in values:
            raise CellError("choice", value=_shown(cell), choices=allowed)
        return values[key]

    return parse


HOUSEHOLD_WORDS = {
    "alleenstaand": Household.SINGLE,
    "alleenstaande_ouder": Household.SINGLE_PARENT,
    "eenoudergezin": Household.SINGLE_PARENT,
    "samenwonend": Household.COUPLE,
    "gehuwd": Household.COUPLE,
}
END_REASON_WORDS = {
    "werk": EndReason.WORK,
    "werk_met_ondersteuning": EndReason.WORK_WITH_SUPPORT,
    "ander_inkomen": EndReason.OTHER_INCOME,
    "verhuisd": EndReason.MOVED,
    "anders": EndReason.OTHER,
}


@dataclass(frozen=True)
class Column:
    """A column of the export: its Dutch name, aliases, and the field it fills."""

    name: str
    field: str
    parse: Callable[[Cell], Any]
    required: bool
    description: Promise
    example: str
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column(
        "bsn",
        "bsn",
        _parse_bsn,
        True,
        gettext_lazy("Citizen service number: 9 digits that pass the eleven test."),
        "123456782",
        ("burgerservicenummer",),
    ),
    Column(
        "voornaam",
        "first_name",
        _limited(100),
        True,
        gettext_lazy("First name."),
        "Fatima",
        ("first_name",),
    ),
    Column(
        "achternaam",
        "last_name",
        _limited(150),
        True,
        gettext_lazy("Last name, with prefixes such as “de” or “van der”."),
        "de Vries",
        ("last_name", "surname"),
    ),
    Column(
        "geboortedatum",
        "birth_date",
        _parse_birth_date,
        True,
        gettext_lazy("Date of birth: 31-12-1980 or 1980-12-31."),
        "14-03-1979",
        ("birth_date", "date_of_birth"),
    ),
    Column(
        "postcode",
        "postcode",
        _parse_postcode,
        True,
        gettext_lazy("Dutch postcode."),
        "2624 AB",
        ("postal_code",),
    ),
    Column(
        "huisnummer",
        "house_number",
        _limited(10),
        True,
        gettext_lazy("House number, with a letter or addition if there is one."),
        "12a",
        ("house_number",),
    ),
    Column(
        "huishouden",
        "household",
        _choice(HOUSEHOLD_WORDS, Household.values),
        True,
        gettext_lazy("alleenstaand, alleenstaande ouder or samenwonend."),
        "alleenstaande ouder",
        ("household",),
    ),
    Column(
        "kinderen_onder_12",
        "children_under_12",
        _number(0, 20),
        False,
        gettext_lazy("Number of children under 12 in the household."),
        "2",
        ("children_under_12",),
    ),
    Column(
        "uren_beschikbaar",
        "hours_available",
        _number(0, 60),
        False,
        gettext_lazy("Hours a week the person can work, 0 to 60."),
        "16",
        ("hours_available",),
    ),
    Column(
        "email",
        "email",
        _parse_email,
        False,
        gettext_lazy("E-mail address."),
        "fatima@example.org",
        ("e_mail",),
    ),
    Column(
        "telefoon",
        "phone",
        _limited(30),
        False,
        gettext_lazy("Telephone number."),
        "06-12345678",
        ("phone", "telefoonnummer"),
    ),
    Column(
        "uitkering_start",
        "benefit_start",
        _parse_date,
        True,
        gettext_lazy("First day of the benefit period."),
        "01-02-2017",
        ("benefit_start",),
    ),
    Column(
        "uitkering_einde",
        "benefit_end",
        _parse_date,
        False,
        gettext_lazy("Last day of the benefit period; empty while it runs."),
        "",
        ("benefit_end",),
    ),
    Column(
        "reden_einde",
        "end_reason",
        _choice(END_REASON_WORDS, EndReason.values),
        False,
        gettext_lazy(
            "Why the benefit ended: werk, werk met ondersteuning, ander inkomen, verhuisd or "
            "anders. Only with an end date."
        ),
        "",
        ("end_reason",),
    ),
)
CANDIDATE_COLUMNS = frozenset(
    {
        "first_name",
        "last_name",
        "birth_date",
        "postcode",
        "house_number",
        "household",
        "children_under_12",
        "hours_available",
        "email",
        "phone",
    }
)


def _header_key(text: str) -> str:
    return re.sub(r"[\s.\-]+", "_", text.strip().lstrip("\ufeff").casefold())


COLUMN_BY_HEADER: dict[str, Column] = {
    _header_key(alias): column for column in COLUMNS for alias in (column.name, *column.aliases)
}


@dataclass(frozen=True)
class Sheet:
    """The rows of the file, as cells, with the row number the user sees in Excel."""

    header: list[str]
    rows: list[tuple[int, list[Cell]]]


def sheet_read(*, file_name: str, data: bytes) -> Sheet:
    """Read a CSV or XLSX file; any file that cannot be read raises ImportFileError."""
    shown = _shown(file_name)
    if not data:
        raise ImportFileError(ImportProblem("file_empty", params={"value": shown}))
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            ImportProblem(
                "file_too_big", params={"value": shown, "max": MAX_FILE_BYTES // 1024 // 1024}
            )
        )
    extension = file_name.rsplit(".", 1)[-1].casefold() if "." in file_name else ""
    if extension == "xls":
        raise ImportFileError(ImportProblem("file_xls", params={"value": shown}))
    if data.startswith(XLSX_MAGIC):
        lines = _xlsx_lines(data, shown)
    elif extension == "xlsx":
        raise ImportFileError(ImportProblem("file_unreadable", params={"value": shown}))
    elif extension in {"csv", "txt"}:
        lines = _csv_lines(data, shown)
    else:
        raise ImportFileError(ImportProblem("file_type", params={"value": shown}))
    return _sheet(lines, shown)


def _sheet(lines: Iterator[list[Cell]], shown: str) -> Sheet:
    header = [_text(cell) for cell in next(lines, [])]
    if not any(header):
        raise ImportFileError(ImportProblem("file_empty", params={"value": shown}))
    rows: list[tuple[int, list[Cell]]] = []
    for number, cells in enumerate(lines, start=2):
        if any(cells):
            if len(rows) == MAX_ROWS:
                raise ImportFileError(
                    ImportProblem("file_too_many_rows", params={"value": shown, "max": MAX_ROWS})
                )
            rows.append((number, cells))
    if not rows:
        raise ImportFileError(ImportProblem("file_no_rows", params={"value": shown}))
    return Sheet(header=header, rows=rows)


def _csv_lines(data: bytes, shown: str) -> Iterator[list[Cell]]:
    if b"\x00" in data:
        raise ImportFileError(ImportProblem("file_type", params={"value": shown}))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(ImportProblem("file_encoding", params={"value": shown})) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        lines: list[list[Cell]] = [
            [cell.strip() for cell in cells]
            for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise ImportFileError(ImportProblem("file_unreadable", params={"value": shown})) from error
    return iter(lines)


def _xlsx_lines(data: bytes, shown: str) -> Iterator[list[Cell]]:
    """The first sheet of the workbook, read as a stream; reading stops after too many rows."""
    lines: list[list[Cell]] = []
    filled = 0
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            cells = [_xlsx_cell(value) for value in values]
            lines.append(cells)  # empty rows too: they keep the row numbers Excel shows
            filled += any(cells)
            if filled > MAX_ROWS + 1:  # the header and one row too many
                break
        workbook.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as error:
        raise ImportFileError(ImportProblem("file_unreadable", params={"value": shown})) from error
    return iter(lines)


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass(frozen=True)
class ImportRow:
    """One valid row: the person's details (only the filled-in cells) and their benefit."""

    bsn: str
    candidate: dict[str, Any]
    benefit_start: date
    benefit_end: date | None
    end_reason: str


def _columns_of(header: list[str]) -> list[tuple[int, Column]]:
    found: dict[str, tuple[int, Column]] = {}
    for index, text in enumerate(header):
        column = COLUMN_BY_HEADER.get(_header_key(text))
        if column is None:
            continue
        if column.name in found:
            raise ImportFileError(ImportProblem("column_twice", params={"column": column.name}))
        found[column.name] = (index, column)
    missing = [column.name for column in COLUMNS if column.required and column.name not in found]
    if missing:
        raise ImportFileError(
            ImportProblem("columns_missing", params={"columns": ", ".join(missing)})
        )
    return list(found.values())


def rows_validate(
    sheet: Sheet, *, progress: Callable[[int], None] | None = None
) -> tuple[list[ImportRow], list[ImportProblem]]:
    """Check every row; return the valid rows and every problem, by row and column."""
    columns = _columns_of(sheet.header)
    rows: list[ImportRow] = []
    problems: list[ImportProblem] = []
    first_row_of_bsn: dict[str, int] = {}
    for count, (number, cells) in enumerate(sheet.rows, start=1):
        values: dict[str, Any] = {}
        row_problems: list[ImportProblem] = []
        for index, column in columns:
            cell = cells[index] if index < len(cells) else ""
            if cell == "":
                if column.required:
                    row_problems.append(ImportProblem("required", number, column.name))
                continue
            try:
                values[column.field] = column.parse(cell)
            except CellError as error:
                row_problems.append(ImportProblem(error.code, number, column.name, error.params))
        failed = {problem.column for problem in row_problems}
        row_problems.extend(_row_consistency(number, values, failed, first_row_of_bsn))
        if row_problems:
            problems.extend(row_problems)
        else:
            rows.append(
                ImportRow(
                    bsn=values["bsn"],
                    candidate={k: v for k, v in values.items() if k in CANDIDATE_COLUMNS},
                    benefit_start=values["benefit_start"],
                    benefit_end=values.get("benefit_end"),
                    end_reason=values.get("end_reason", ""),
                )
            )
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    return rows, problems


def _row_consistency(
    number: int, values: dict[str, Any], failed: set[str], first_row_of_bsn: dict[str, int]
) -> Iterator[ImportProblem]:
    """Checks across the cells of a row (that are valid by themselves), and the BSN against
    earlier rows."""
    if "bsn" in values:
        other = first_row_of_bsn.setdefault(values["bsn"], number)
        if other != number:
            yield ImportProblem("duplicate", number, "bsn", {"other": other})
    start, end = values.get("benefit_start"), values.get("benefit_end")
    if start and end and end < start:
        yield ImportProblem("end_before_start", number, "uitkering_einde", {"value": _shown(end)})
    if end and "end_reason" not in values and "reden_einde" not in failed:
        yield ImportProblem("end_reason_missing", number, "reden_einde")
    if "end_reason" in values and not end and "uitkering_einde" not in failed:
        yield ImportProblem("end_reason_without_end", number, "reden_einde")


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _chunks(items: Sequence[Any], size: int = 1000) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Saver:
    """Writes valid rows in bulk: candidates by BSN hash, benefit periods by start date.

    Changed values are kept as corrections and every candidate added or changed gets one
    processing-log entry, all in the caller's transaction.
    """

    def __init__(self, *, organisation: Organisation, acting_user: Any) -> None:
        self.organisation = organisation
        self.user = acting_user if getattr(acting_user, "is_authenticated", False) else None
        self.now = timezone.now()
        self.corrections: list[Correction] = []

    def save(self, rows: list[ImportRow]) -> ImportCounts:
        hashes = [bsn_hash(row.bsn) for row in rows]
        existing: dict[str, Candidate] = {}
        for chunk in _chunks(hashes):
            existing.update(
                (candidate.bsn_hash, candidate)
                for candidate in Candidate.objects.filter(bsn_hash__in=chunk).defer("bsn_encrypted")
            )
        created: list[Candidate] = []
        changed: list[Candidate] = []
        changed_fields: set[str] = set()
        candidates: list[Candidate] = []
        for row, key in zip(rows, hashes, strict=True):
            candidate = existing.get(key)
            if candidate is None:
                candidate = self._new_candidate(row, key)
                created.append(candidate)
            else:
                fields = self._apply_changes(candidate, row.candidate)
                if fields:
                    changed.append(candidate)
                    changed_fields.update(fields)
            candidates.append(candidate)
        Candidate.objects.bulk_create(created, batch_size=BATCH_SIZE)
        if changed:
            Candidate.objects.bulk_update(
                changed,
                sorted(changed_fields | {"search_name", "version", "updated_at"}),
                batch_size=BATCH_SIZE,
            )
        periods_changed = self._save_benefit_periods(rows, candidates, existing=existing)
        Correction.objects.bulk_create(self.corrections, batch_size=BATCH_SIZE)
        new_ids = {candidate.pk for candidate in created}
        changed_ids = {candidate.pk for candidate in changed} | periods_changed
        updated = [
            candidate
            for candidate in candidates
            if candidate.pk in changed_ids and candidate.pk not in new_ids
        ]
        self._log(created, LogAction.CREATE)
        self._log(updated, LogAction.UPDATE)
        return ImportCounts(
            created=len(created),
            updated=len(updated),
            unchanged=len(candidates) - len(created) - len(updated),
        )

    def _new_candidate(self, row: ImportRow, key: str) -> Candidate:
        return Candidate(
            bsn_encrypted=row.bsn,
            bsn_hash=key,
            lead_organisation=self.organisation,
            search_name=normalise_search_name(
                row.candidate["first_name"], row.candidate["last_name"]
            ),
            **row.candidate,
        )

    def _apply_changes(self, candidate: Candidate, values: dict[str, Any]) -> list[str]:
        fields = [name for name, value in values.items() if getattr(candidate, name) != value]
        for name in fields:
            self._correct(candidate, candidate, name, values[name])
            setattr(candidate, name, values[name])
        if fields:
            candidate.search_name = normalise_search_name(candidate.first_name, candidate.last_name)
            candidate.version = F("version") + 1
            candidate.updated_at = self.now
        return fields

    def _correct(self, candidate: Candidate, obj: Any, name: str, new_value: Any) -> None:
        old_value = getattr(obj, name)
        self.corrections.append(
            Correction(
                candidate=candidate,
                object_type=obj._meta.model_name,
                object_id=obj.pk,
                field=name,
                old_value="" if old_value is None else str(old_value),
                new_value="" if new_value is None else str(new_value),
                changed_by=self.user,
                organisation=self.organisation,
            )
        )

    def _save_benefit_periods(
        self, rows: list[ImportRow], candidates: list[Candidate], *, existing: dict[str, Candidate]
    ) -> set[UUID]:
        """Match each row's period on the candidate's start date; return who had a change."""
        periods: dict[tuple[UUID, date], BenefitPeriod] = {}
        known_ids = [candidate.pk for candidate in existing.values()]
        for chunk in _chunks(known_ids):
            periods.update(
                ((period.candidate_id, period.start), period)
                for period in BenefitPeriod.objects.filter(candidate_id__in=chunk)
            )
        new_periods: list[BenefitPeriod] = []
        ended: list[BenefitPeriod] = []
        touched: set[UUID] = set()
        for row, candidate in zip(rows, candidates, strict=True):
            period = periods.get((candidate.pk, row.benefit_start))
            if period is None:
                new_periods.append(
                    BenefitPeriod(
                        candidate=candidate,
                        start=row.benefit_start,
                        end=row.benefit_end,
                        end_reason=row.end_reason,
                    )
                )
                touched.add(candidate.pk)
                continue
            new_values = {"end": row.benefit_end, "end_reason": row.end_reason}
            fields = [name for name, value in new_values.items() if getattr(period, name) != value]
            for name in fields:
                self._correct(candidate, period, name, new_values[name])
                setattr(period, name, new_values[name])
            if fields:
                period.version = F("version") + 1
                period.updated_at = self.now
                ended.append(period)
                touched.add(candidate.pk)
        BenefitPeriod.objects.bulk_create(new_periods, batch_size=BATCH_SIZE)
        BenefitPeriod.objects.bulk_update(
            ended, ["end", "end_reason", "version", "updated_at"], batch_size=BATCH_SIZE
        )
        return touched

    def _log(self, candidates: Iterable[Candidate], action: LogAction) -> None:
        ProcessingLogEntry.objects.bulk_create(
            (
                ProcessingLogEntry(
                    timestamp=self.now,
                    user_id=self.user.pk if self.user else None,
                    user_label=self.user.email if self.user else COMMAND_LINE_LABEL,
                    organisation=self.organisation.slug,
                    action=action,
                    activity=IMPORT_ACTIVITY,
                    purpose=LEGAL_BASIS_PURPOSE,
                    object_type="candidate",
                    object_id=str(candidate.pk),
                    candidate=candidate,
                )
                for candidate in candidates
            ),
            batch_size=BATCH_SIZE,
        )


# --- Who may import ------------------------------------------------------------------------


def import_organisations(*, user: Any) -> QuerySet[Organisation]:
    """Organisations `user` may import for: professionals of a team with a legal basis
    (Team Inkomen, Sociaal Team) import for their team; administrators for any such team."""
    legal = Organisation.objects.filter(has_legal_basis=True).order_by("name")
    if not getattr(user, "is_authenticated", False):
        return legal.none()
    memberships = Membership.objects.filter(user_id=user.pk)
    if user.is_superuser or memberships.filter(role=Role.ADMIN).exists():
        return legal
    return legal.filter(id__in=memberships.filter(role=Role.PROFESSIONAL).values("organisation_id"))


def import_job_get(*, user: Any, job_id: UUID | str) -> ImportJob:
    """An import started by `user`; any other answers 404."""
    job = (
        ImportJob.objects.select_related("organisation")
        .filter(pk=job_id, created_by_id=user.pk)
        .first()
    )
    if job is None:
        raise Http404
    return job


def import_job_list(*, user: Any, limit: int = 10) -> list[ImportJob]:
    return list(ImportJob.objects.filter(created_by_id=user.pk).order_by("-created_at")[:limit])


# --- The task ------------------------------------------------------------------------------


@transaction.atomic
def import_job_create(
    *, acting_user: Any, organisation: Organisation, file_name: str, data: bytes
) -> ImportJob:
    """Queue an import for `organisation`; the file is kept encrypted until it has run."""
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    allowed = (
        organisation.has_legal_basis
        if user is None  # the command line, run by whoever operates the server
        else import_organisations(user=user).filter(pk=organisation.pk).exists()
    )
    if not allowed:
        raise PermissionDenied(_("Only Team Inkomen and the Sociaal Team can import candidates."))
    return ImportJob.objects.create(
        file_name=file_name[:255],
        organisation=organisation,
        created_by=user,
        upload=base64.b64encode(data).decode("ascii"),
    )


def import_job_enqueue(*, job: ImportJob) -> None:
    """Start the import once the job is committed: in a thread of this process (quick start).

    With `WERKPAD_TASKS_EAGER` it runs at once in the caller (tests). A Celery task would call
    `import_job_run(job_id=...)` the same way.
    """
    job_id = job.pk
    if getattr(settings, "WERKPAD_TASKS_EAGER", False):
        transaction.on_commit(lambda: import_job_run(job_id=job_id))
        return

    def run() -> None:
        try:
            import_job_run(job_id=job_id)
        finally:
            connections.close_all()

    transaction.on_commit(
        lambda: threading.Thread(target=run, name=f"import-{job_id}", daemon=True).start()
    )


def import_job_run(*, job_id: UUID | str) -> ImportJob:
    """Run a queued import: read, check every row, then save all rows or none."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.VALIDATING, updated_at=timezone.now()
    )
    job = ImportJob.objects.select_related("organisation", "created_by").get(pk=job_id)
    if not claimed:  # another worker has it, or it has run
        return job
    try:
        data = base64.b64decode(job.upload)
        sheet = sheet_read(file_name=job.file_name, data=data)
        _job_update(job, total_rows=len(sheet.rows))
        rows, problems = rows_validate(
            sheet, progress=lambda done: _job_update(job, done_rows=done)
        )
        if problems:
            return _job_finish(job, status=ImportJob.Status.REJECTED, problems=problems)
        _job_update(job, status=ImportJob.Status.SAVING, done_rows=len(sheet.rows))
        with transaction.atomic():
            counts = _Saver(organisation=job.organisation, acting_user=job.created_by).save(rows)
            return _job_finish(job, status=ImportJob.Status.DONE, counts=counts)
    except ImportFileError as error:
        return _job_finish(job, status=ImportJob.Status.REJECTED, problems=[error.problem])
    except Exception:
        logger.exception("Import %s failed", job_id)
        return _job_finish(
            job, status=ImportJob.Status.FAILED, problems=[ImportProblem("unexpected")]
        )


def _job_update(job: ImportJob, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**fields, updated_at=timezone.now())


def _job_finish(
    job: ImportJob,
    *,
    status: ImportJob.Status,
    problems: Sequence[ImportProblem] = (),
    counts: ImportCounts | None = None,
) -> ImportJob:
    counts = counts or ImportCounts()
    job.status = status
    job.errors = [problem.as_json() for problem in problems[:MAX_REPORTED_ERRORS]]
    job.error_count = len(problems)
    job.created_count = counts.created
    job.updated_count = counts.updated
    job.unchanged_count = counts.unchanged
    job.done_rows = job.total_rows
    job.finished_at = timezone.now()
    job.upload = ""
    job.save()
    return job


def import_job_problems(job: ImportJob) -> list[ImportProblem]:
    return [ImportProblem.from_json(data) for data in job.errors]


def import_template_csv() -> str:
    """An empty export with every column name, to fill in."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow([column.name for column in COLUMNS])
    return buffer.getvalue()
