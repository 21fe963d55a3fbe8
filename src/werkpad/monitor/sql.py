"""The few SQL pieces that differ between PostgreSQL and SQLite, and whose rows are counted.

The monitor's aggregates use window functions (LAG/LEAD, ROW_NUMBER), which both databases
have; only date arithmetic is spelled differently. Every function returns SQL text for use in
a query that is executed with parameters, so a literal percent sign is written `%%`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.db import connection, transaction
from django.db.models import Q, QuerySet

from werkpad.candidates.models import Candidate
from werkpad.organisations.models import Organisation

#: Stands in for "no end yet" when comparing dates.
OPEN_END = "9999-12-31"


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def month_start(expression: str) -> str:
    """The first day of the month `expression` falls in, as a date (text on SQLite)."""
    if is_postgresql():  # date arithmetic: date_trunc on a date would go through the time zone
        return f"({expression} - (CAST(date_part('day', {expression}) AS integer) - 1))"
    return f"strftime('%%Y-%%m-01', {expression})"


def quarter_start(expression: str) -> str:
    """The first day of the quarter `expression` falls in."""
    if is_postgresql():
        return f"CAST(date_trunc('quarter', CAST({expression} AS timestamp)) AS date)"
    month = f"((CAST(strftime('%%m', {expression}) AS INTEGER) - 1) / 3) * 3 + 1"
    return f"(strftime('%%Y-', {expression}) || printf('%%02d', {month}) || '-01')"


def add_days(expression: str, days: int) -> str:
    if is_postgresql():
        return f"({expression} + {int(days)})"
    return f"date({expression}, '{int(days):+d} days')"


def add_years(expression: str, years: int) -> str:
    """The same day `years` later (29 February: 28 February on PostgreSQL, 1 March on SQLite)."""
    if is_postgresql():
        return f"CAST({expression} + INTERVAL '{int(years)} years' AS date)"
    return f"date({expression}, '+{int(years)} years')"


def days_between(first: str, last: str) -> str:
    """Whole days from `first` to `last`."""
    if is_postgresql():
        return f"({last} - {first})"
    return f"CAST(julianday({last}) - julianday({first}) AS INTEGER)"


def year_of(expression: str) -> str:
    if is_postgresql():
        return f"CAST(EXTRACT(YEAR FROM {expression}) AS integer)"
    return f"CAST(strftime('%%Y', {expression}) AS INTEGER)"


def later_of(first: str, second: str) -> str:
    return f"{'GREATEST' if is_postgresql() else 'MAX'}({first}, {second})"


def earlier_of(first: str, second: str) -> str:
    return f"{'LEAST' if is_postgresql() else 'MIN'}({first}, {second})"


def open_end(expression: str) -> str:
    """`expression`, or the far future when it is NULL (a period without an end)."""
    literal = f"DATE '{OPEN_END}'" if is_postgresql() else f"'{OPEN_END}'"
    return f"COALESCE({expression}, {literal})"


def as_date(value: Any) -> date:
    """A date from the database: a date on PostgreSQL, ISO text on SQLite."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


#: For the monitor's few large aggregates on PostgreSQL: no JIT (compiling costs more than it
#: saves on a query that runs in about a second) and room to sort and hash in memory.
POSTGRESQL_SETTINGS = ("SET LOCAL jit = off", "SET LOCAL work_mem = '64MB'")

P = ParamSpec("P")
R = TypeVar("R")


def analytic_queries(function: Callable[P, R]) -> Callable[P, R]:
    """Run a view's aggregates in one transaction with the settings above (PostgreSQL)."""

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not is_postgresql():
            return function(*args, **kwargs)
        with transaction.atomic(), connection.cursor() as cursor:
            for setting in POSTGRESQL_SETTINGS:
                cursor.execute(setting)
            return function(*args, **kwargs)

    return wrapper


def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return list(cursor.fetchall())


@dataclass(frozen=True)
class Scope:
    """Whose rows the indicators count.

    `candidates` None counts everyone, erased candidates included (the statistics purpose:
    only aggregates leave the database). A professional's scope is `visible_candidates(user)`.
    `organisation` keeps the candidates whose lead organisation it is.
    """

    candidates: QuerySet[Candidate] | None = None
    organisation: Organisation | None = None

    @property
    def is_everyone(self) -> bool:
        return self.candidates is None and self.organisation is None

    def _queryset(self) -> QuerySet[Candidate, Any] | None:
        if self.is_everyone:
            return None
        queryset = self.candidates if self.candidates is not None else Candidate.objects.all()
        if self.organisation is not None:
            queryset = queryset.filter(lead_organisation_id=self.organisation.pk)
        return queryset.order_by().values("pk")

    def sql(self, column: str) -> tuple[str, list[Any]]:
        """` AND <column> IN (...)` with its parameters, or nothing for everyone."""
        queryset = self._queryset()
        if queryset is None:
            return "", []
        sql, params = queryset.query.sql_with_params()
        return f" AND {column} IN ({sql})", list(params)

    def q(self, path: str) -> Q:
        """The same restriction for the ORM: `path` leads to the candidate's id."""
        queryset = self._queryset()
        return Q() if queryset is None else Q(**{f"{path}__in": queryset})
