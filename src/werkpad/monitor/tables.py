"""Indicator tables as one shape for every output: the page, the API, CSV, XLSX, PDF, open data.

A table has typed columns; counts of people (and of anything else) are suppressed for audiences
outside the programme team: 1 to 4 shows as "< 5". A share or median based on fewer than five
shows nothing, and a figure derived from a suppressed count is suppressed with it. That way
no cell anywhere outside the programme team shows a count between 1 and 4.

A total and its parts in one row (a column with `parts`) could give a hidden part away: total
minus the parts shown. So where exactly one of them would be hidden, the smallest other part
that is not 0 is hidden too ("—"), and again until no total and parts have a single hidden
cell (secondary suppression). Totals over rows, or across tables, are not covered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise

SUPPRESS_BELOW = 5
SUPPRESSED = "< 5"


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"
    COUNT = "count"  # a whole number of people or things: suppressed below 5
    NUMBER = "number"  # a decimal (extra to work, a goal's value); a whole 1 to 4 is suppressed
    SHARE = "share"  # 0..1, shown as a percentage
    DAYS = "days"  # a median number of days


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    kind: Kind = Kind.COUNT
    # For NUMBER, SHARE and DAYS: the counts the figure is computed from. For an audience that
    # sees suppressed figures it is hidden when one of them is hidden.
    bases: tuple[str, ...] = ()
    # For a COUNT: the counts in the same row that add up to it.
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    code: str
    title: str | Promise
    description: str | Promise
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    suppressed: bool = False

    def _also_hidden(self, row: dict[str, Any]) -> frozenset[str]:
        return also_hidden(self.columns, row) if self.suppressed else frozenset()

    def cell(self, column: Column, row: dict[str, Any]) -> Cell:
        return cell(column, row, suppressed=self.suppressed, also=self._also_hidden(row))

    def cells(self, row: dict[str, Any]) -> list[Cell]:
        also = self._also_hidden(row)
        return [cell(c, row, suppressed=self.suppressed, also=also) for c in self.columns]

    def plain_values(self, row: dict[str, Any]) -> list[Any]:
        """The row for a machine-readable file, in column order (see `plain_value`)."""
        return [plain_value(shown) for shown in self.cells(row)]

    @property
    def row_cells(self) -> list[list[Cell]]:
        return [self.cells(row) for row in self.rows]

    def for_audience(self, *, suppressed: bool) -> Table:
        return replace(self, suppressed=suppressed)


@dataclass(frozen=True)
class Cell:
    """One value as an audience may see it: `value` is None when it is hidden or suppressed."""

    value: Any
    text: str
    kind: Kind
    numeric: bool


def _is_small(value: Any) -> bool:
    return isinstance(value, int) and 0 < value < SUPPRESS_BELOW


def also_hidden(columns: Sequence[Column], row: dict[str, Any]) -> frozenset[str]:
    """The counts of `row` a suppressed view hides so that no hidden count can be worked out
    from a total and its other parts (see the module's docstring)."""
    hidden = {key for key, value in row.items() if _is_small(value)}
    extra: set[str] = set()
    groups = [(column.key, *column.parts) for column in columns if column.parts]
    changed = True
    while changed:
        changed = False
        for group in groups:
            if sum(1 for key in group if key in hidden and row.get(key)) != 1:
                continue
            shown = [key for key in group[1:] if key not in hidden and row.get(key)]
            if shown:
                smallest = min(shown, key=lambda key: row[key])
                hidden.add(smallest)
                extra.add(smallest)
                changed = True
    return frozenset(extra)


def _format(kind: Kind, value: Any) -> str:
    if value is None:
        return "—"
    if kind == Kind.COUNT:
        return number_format(value, force_grouping=True)
    if kind == Kind.SHARE:
        return f"{number_format(round(value * 100, 1), decimal_pos=1)}%"
    if kind in (Kind.NUMBER, Kind.DAYS):
        return number_format(value, decimal_pos=1, force_grouping=True)
    if kind == Kind.DATE and isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def cell(
    column: Column, row: dict[str, Any], *, suppressed: bool, also: frozenset[str] = frozenset()
) -> Cell:
    """`column` of `row` as an audience sees it; `also`: the row's counts hidden to protect
    another (`also_hidden`)."""
    value = row.get(column.key)
    numeric = column.kind not in (Kind.TEXT, Kind.DATE)
    if suppressed and numeric:
        if column.kind in (Kind.COUNT, Kind.NUMBER) and _is_small(value):
            return Cell(None, SUPPRESSED, column.kind, numeric)
        if column.key in also or any(
            _is_small(row.get(base)) or base in also for base in column.bases
        ):
            return Cell(None, "—", column.kind, numeric)
    return Cell(value, _format(column.kind, value), column.kind, numeric)


def figure_text(value: float | None) -> str:
    """A single figure: "< 5" when suppressed (None), whole numbers grouped, else one decimal."""
    if value is None:
        return SUPPRESSED
    return _format(Kind.COUNT if isinstance(value, int) else Kind.NUMBER, value)


def plain_value(shown: Cell) -> Any:
    """A cell for a machine-readable file: a number, "< 5", or empty when hidden."""
    if shown.value is None:
        return SUPPRESSED if shown.text == SUPPRESSED else ""
    if shown.kind in (Kind.NUMBER, Kind.DAYS):
        return round(float(shown.value), 1)
    if shown.kind == Kind.SHARE:
        return round(float(shown.value), 4)
    if isinstance(shown.value, date):
        return shown.value.isoformat()
    return shown.value


def header(columns: Sequence[Column]) -> list[str]:
    return [str(column.label) for column in columns]
