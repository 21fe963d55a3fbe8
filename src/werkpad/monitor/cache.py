"""Keeping computed figures until the data they count changes.

On a city of 100,000 candidates the aggregates take seconds; the dashboard must answer in half
a second. So the monitor keeps what it computed in Django's cache, under a key that holds a
*data version*: on PostgreSQL the number of rows ever inserted, updated or deleted in the tables
the monitor counts (`pg_stat_user_tables`, which also sees bulk loads and imports). Any write
gives a new version, so a figure is never older than the data, except for the moment
PostgreSQL takes to publish its statistics (normally within a second, at most about ten).

Not cached: on SQLite (the quick start, small data), inside a transaction that has itself
written counted rows (it would see data no other request sees), and when the setting
`MONITOR_CACHE_SECONDS` is 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models
from django.utils.translation import get_language

from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate, LadderScore
from werkpad.cases.models import Case
from werkpad.monitor.models import Goal, Pilot
from werkpad.offers.models import Deal, DealPromise, Employer, Offer, Placement
from werkpad.organisations.models import Membership, Organisation
from werkpad.privacy.models import Consent

T = TypeVar("T")
DEFAULT_SECONDS = 900

COUNTED_MODELS: tuple[type[models.Model], ...] = (
    BenefitPeriod,
    Candidate,
    LadderScore,
    Barrier,
    Placement,
    Offer,
    Employer,
    Deal,
    DealPromise,
    Case,
    Goal,
    Pilot,
    Pilot.partners.through,
    Pilot.offers.through,
    Pilot.cases.through,
    Pilot.placements.through,
    # Who sees which candidates (a professional's figures) and the organisation filter.
    Consent,
    Membership,
    Organisation,
)


def cache_seconds() -> int:
    return int(getattr(settings, "MONITOR_CACHE_SECONDS", DEFAULT_SECONDS))


def data_version() -> int | None:
    """A number that changes with every write to a table the monitor counts; None: no cache."""
    if connection.vendor != "postgresql" or cache_seconds() <= 0:
        return None
    tables = [model._meta.db_table for model in COUNTED_MODELS]
    changes = "COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0)"
    where = "schemaname = current_schema() AND relname = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT {changes} FROM pg_stat_user_tables WHERE {where}),"  # noqa: S608 - fixed text
            f" (SELECT {changes} FROM pg_stat_xact_user_tables WHERE {where})",
            [tables, tables],
        )
        committed, in_this_transaction = cursor.fetchone()
    return None if in_this_transaction else int(committed)


def remember(version: int | None, key: str, compute: Callable[[], T]) -> T:
    """The cached value for `key` at this data version, computed (and kept) when missing."""
    if version is None:
        return compute()
    full_key = f"monitor:{version}:{get_language()}:{key}"
    found: Any = cache.get(full_key)
    if found is None:
        found = compute()
        cache.set(full_key, found, cache_seconds())
    return found
