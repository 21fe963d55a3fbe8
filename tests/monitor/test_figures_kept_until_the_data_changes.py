"""Computed figures are kept until a counted table changes (on PostgreSQL), and never served
to a transaction that changed counted rows itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection

from tests.monitor.factories import person
from werkpad.monitor.cache import data_version, remember


def test_remember_computes_once_per_data_version(settings: Any) -> None:
    settings.MONITOR_CACHE_SECONDS = 60
    cache.clear()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert remember(7, "flows:all", compute) == 1
    assert remember(7, "flows:all", compute) == 1
    assert remember(8, "flows:all", compute) == 2
    assert remember(None, "flows:all", compute) == 3
    assert remember(None, "flows:all", compute) == 4


def test_no_cached_figures_for_a_transaction_that_wrote_counted_rows(
    db: None, settings: Any
) -> None:
    settings.MONITOR_CACHE_SECONDS = 60
    person((dt.date(2019, 1, 1), None, ""))
    assert data_version() is None


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_gives_a_new_data_version(settings: Any) -> None:
    settings.MONITOR_CACHE_SECONDS = 60
    if connection.vendor != "postgresql":
        assert data_version() is None  # SQLite, the quick start: always computed afresh
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
    before = data_version()
    person((dt.date(2019, 1, 1), None, ""))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
    after = data_version()
    assert before is not None and after is not None
    assert after > before


def test_no_cache_when_switched_off(db: None, settings: Any) -> None:
    settings.MONITOR_CACHE_SECONDS = 0
    assert data_version() is None
