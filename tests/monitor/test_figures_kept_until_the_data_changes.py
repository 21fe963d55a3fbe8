"""Computed figures are kept until a counted table changes (on PostgreSQL), and never served
to a transaction that changed counted rows itself. After a change the kept figures are served
at once, marked stale, while a background thread computes the new ones."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from tests.conftest import DataVersion
from tests.monitor.factories import person
from werkpad.accounts.models import User
from werkpad.monitor.cache import data_version, refreshes_wait, remember
from werkpad.monitor.checks import cache_warnings
from werkpad.organisations.roles import Role


def test_remember_computes_once_per_data_version(settings: Any) -> None:
    settings.MONITOR_CACHE_SECONDS = 60
    cache.clear()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert remember(7, "flows:all", compute).value == 1
    assert remember(7, "flows:all", compute).value == 1
    assert remember(8, "flows:all", compute).value == 2
    assert remember(None, "flows:all", compute).value == 3
    assert remember(None, "flows:all", compute).value == 4


def test_after_a_change_the_kept_figure_is_served_while_a_new_one_is_computed(
    transactional_db: None, settings: Any
) -> None:
    settings.MONITOR_CACHE_SECONDS = 60
    settings.MONITOR_REFRESH_IN_BACKGROUND = True
    cache.clear()
    calls: list[int] = []
    may_finish = threading.Event()

    def compute() -> int:
        calls.append(1)
        if len(calls) > 1:
            may_finish.wait(timeout=10)
        return len(calls)

    first = remember(7, "flows:all", compute)
    assert (first.value, first.stale) == (1, False)

    while_computing = remember(8, "flows:all", compute)
    again = remember(8, "flows:all", compute)
    assert (while_computing.value, while_computing.stale) == (1, True)
    assert while_computing.computed_at == first.computed_at
    assert (again.value, again.stale) == (1, True)

    may_finish.set()
    refreshes_wait()
    new = remember(8, "flows:all", compute)
    assert (new.value, new.stale) == (2, False)
    assert len(calls) == 2, "two requests during the computation start it once"


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


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_says_when_its_figures_are_being_computed_anew(
    kept_in_background: DataVersion, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    for _ in range(3):
        person((dt.date(2018, 3, 1), None, ""))
    filters = {"start": "2019-01", "end": "2019-03", "granularity": "month"}

    def stock_in_january() -> tuple[object, str]:
        response = client.get("/monitor/", filters)
        assert response.status_code == 200
        return response.context["tables"]["flows"].rows[0]["on_bijstand"], response.content.decode()

    first = client.get("/monitor/", filters)
    assert "De cijfers voor deze keuze worden berekend" in first.content.decode()
    refreshes_wait()
    assert stock_in_january()[0] == 3
    person((dt.date(2018, 5, 1), None, ""))
    kept_in_background.number = 2

    stock, html = stock_in_january()
    assert stock == 3
    assert "De nieuwe cijfers worden nu berekend" in html

    refreshes_wait()
    stock, html = stock_in_january()
    assert stock == 4
    assert "De nieuwe cijfers worden nu berekend" not in html
    assert "Cijfers berekend op" in html


def test_a_deployment_on_postgresql_without_a_shared_cache_is_warned() -> None:
    postgresql = "django.db.backends.postgresql"
    local = "django.core.cache.backends.locmem.LocMemCache"
    redis = "django.core.cache.backends.redis.RedisCache"
    warned = cache_warnings(database_engine=postgresql, cache_backend=local, cache_seconds=60)
    assert [message.id for message in warned] == ["werkpad_monitor.W001"]
    assert cache_warnings(database_engine=postgresql, cache_backend=redis, cache_seconds=60) == []
    sqlite = "django.db.backends.sqlite3"
    assert cache_warnings(database_engine=sqlite, cache_backend=local, cache_seconds=60) == []


@pytest.mark.django_db(transaction=True)
def test_figures_never_computed_are_prepared_in_the_background_while_the_page_waits(
    kept_in_background: DataVersion, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.BOARD))
    person((dt.date(2018, 3, 1), None, ""))
    filters = {"start": "2019-01", "end": "2019-03", "granularity": "month"}

    waiting = client.get("/monitor/", filters)
    html = waiting.content.decode()
    assert waiting.status_code == 200
    assert "De cijfers voor deze keuze worden berekend" in html
    assert 'hx-trigger="load delay:2s"' in html  # the page asks again by itself
    assert "Kijk opnieuw" in html  # and without JavaScript, a link does

    refreshes_wait()
    polled = client.get("/monitor/", filters, HTTP_HX_REQUEST="true")
    assert polled.content.decode().startswith('<div id="monitor-body">')
    assert [row["period"] for row in polled.context["tables"]["flows"].rows] == [
        "2019-01",
        "2019-02",
        "2019-03",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_file_never_computed_is_made_in_the_background_and_then_offered(
    kept_in_background: DataVersion, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.BOARD))
    person((dt.date(2018, 3, 1), None, ""))
    url = "/monitor/rapportage.pdf?kwartaal=2019-1"

    waiting = client.get(url)
    html = waiting.content.decode()
    assert waiting.status_code == 202
    assert "Het bestand wordt gemaakt" in html
    assert 'hx-trigger="load delay:2s"' in html
    assert "Probeer opnieuw te downloaden" in html  # without JavaScript

    refreshes_wait()
    offered = client.get(url, HTTP_HX_REQUEST="true")
    assert offered.status_code == 200
    assert "Download het bestand" in offered.content.decode()
    pdf = client.get(url)
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
