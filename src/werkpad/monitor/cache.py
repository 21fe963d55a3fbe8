"""Keeping computed figures, and computing new ones while the kept ones are served.

On a city of 100,000 candidates the aggregates take seconds; the dashboard must answer in half
a second. So the monitor keeps what it computed in Django's cache (Redis when `REDIS_URL` is
set, shared by every web process), with the *data version* it was computed at: on PostgreSQL
the number of rows ever inserted, updated or deleted in the tables the monitor counts
(`pg_stat_user_tables`, which also sees bulk loads and imports). Any write gives a new version.

When a request finds figures of an older version, it gets them at once, marked stale with the
time they were computed (the dashboard says so), and a background thread of the process
computes the new ones, one after the other (stale-while-revalidate). Figures never computed
before: the dashboard has them prepared by that thread while its page says so
(`Monitor.is_ready`); a download or API request computes them itself. `werkpad monitor_refresh`
computes the usual ones after a bulk import or a deploy.

Not kept: on SQLite (the quick start, small data), inside a transaction that has itself written
counted rows (it would see data no other request sees), and when `MONITOR_CACHE_SECONDS` is 0.
With `MONITOR_REFRESH_IN_BACKGROUND` off (the tests), stale figures are computed in the request.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models
from django.utils import timezone, translation

from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate, LadderScore
from werkpad.cases.models import Case
from werkpad.monitor.models import Goal, Pilot
from werkpad.monitor.sql import analytic_queries
from werkpad.offers.models import Deal, DealPromise, Employer, Offer, Placement
from werkpad.organisations.models import Membership, Organisation
from werkpad.privacy.models import Consent

logger = logging.getLogger(__name__)

T = TypeVar("T")
#: How long a background computation may hold its claim on a figure (seconds).
REFRESH_CLAIM_SECONDS = 600
#: Longer keys are shortened (the claim adds ":computing", the backend a prefix).
MAX_KEY_LENGTH = 200

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


@dataclass(frozen=True)
class Kept(Generic[T]):
    """A figure with the data version and the time it was computed at. `stale`: the data has
    changed since, and new figures are being computed."""

    value: T
    version: int | None
    computed_at: datetime
    stale: bool = False


def data_version() -> int | None:
    """A number that changes with every write to a table the monitor counts; None: no cache."""
    if connection.vendor != "postgresql" or settings.MONITOR_CACHE_SECONDS <= 0:
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


def _compute_and_keep(full_key: str, version: int, compute: Callable[[], T]) -> Kept[T]:
    kept = Kept(value=compute(), version=version, computed_at=timezone.now())
    cache.set(full_key, kept, settings.MONITOR_CACHE_SECONDS)
    return kept


class _RefreshWorker:
    """One thread per process that computes stale figures one after the other, so that a
    figure built on others (a table on the flows) finds them already new."""

    def __init__(self) -> None:
        self.jobs: queue.Queue[Callable[[], None]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.local = threading.local()

    def in_worker(self) -> bool:
        return bool(getattr(self.local, "active", False))

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="monitor-refresh", daemon=True
                )
                self._thread.start()
        self.jobs.put(job)

    def _run(self) -> None:
        self.local.active = True
        while True:
            job = self.jobs.get()
            try:
                job()
            finally:
                self.jobs.task_done()


_worker = _RefreshWorker()


def in_background() -> bool:
    """Whether this code runs in the thread that computes stale figures anew."""
    return _worker.in_worker()


def refreshes_wait() -> None:
    """Wait until the figures being computed in the background are kept (benchmark, tests)."""
    _worker.jobs.join()


def _full_key(key: str) -> str:
    """The cache key: long ones (many organisations, many tables) shortened to a digest, as
    memcached and other backends take at most 250 characters."""
    full = f"monitor:{translation.get_language()}:{key}"
    return (
        full
        if len(full) <= MAX_KEY_LENGTH
        else f"monitor:{hashlib.sha256(full.encode()).hexdigest()}"
    )


def compute_in_background(key: str, work: Callable[[], object]) -> None:
    """Queue `work` (which keeps what it computes) for the background thread, in this
    request's language, unless work under `key` is already queued or running."""
    claim = f"{_full_key(key)}:computing"
    if not cache.add(claim, True, REFRESH_CLAIM_SECONDS):
        return
    language = translation.get_language()

    @analytic_queries
    def run() -> None:
        work()

    def job() -> None:
        try:
            with translation.override(language):
                run()
        except Exception:  # what is kept stays; the next request queues the work again
            logger.exception("The monitor could not compute %s", key)
        finally:
            cache.delete(claim)
            connection.close()  # the worker thread's own connection

    _worker.submit(job)


def needs_computing(version: int | None, key: str) -> bool:
    """Whether `remember(version, key, ...)` would compute the figure here and now."""
    if version is None:
        return True
    found = cache.get(_full_key(key))
    if not isinstance(found, Kept):
        return True
    stale_is_served = settings.MONITOR_REFRESH_IN_BACKGROUND and not in_background()
    return found.version != version and not stale_is_served


def at_once(*work: Callable[[], object]) -> None:
    """Run `work` at the same time, each in a thread with its own database connection, so that
    PostgreSQL runs their queries on separate cores; in this thread's language and role."""
    language = translation.get_language()
    background = in_background()

    @analytic_queries
    def run(job: Callable[[], object]) -> None:
        job()

    def in_thread(job: Callable[[], object]) -> None:
        _worker.local.active = background
        try:
            with translation.override(language):
                run(job)
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=len(work)) as pool:
        list(pool.map(in_thread, work))  # raises what a job raised


def is_kept(key: str) -> bool:
    """Whether a figure is kept under `key`, of this data version or an older one (without
    reading it: a table per month is large)."""
    return cache.has_key(_full_key(key))


def remember(version: int | None, key: str, compute: Callable[[], T]) -> Kept[T]:
    """The figure `key`: kept at this data version, else kept from before (stale, while a
    thread computes it anew), else computed now."""
    if version is None:
        return Kept(value=compute(), version=None, computed_at=timezone.now())
    full_key = _full_key(key)
    found: Kept[T] | Any = cache.get(full_key)
    if isinstance(found, Kept) and found.version == version:
        return found
    if (
        isinstance(found, Kept)
        and settings.MONITOR_REFRESH_IN_BACKGROUND
        and not in_background()  # the worker itself computes what it builds on
    ):
        compute_in_background(key, lambda: _compute_and_keep(full_key, version, compute))
        return Kept(found.value, found.version, found.computed_at, stale=True)
    return _compute_and_keep(full_key, version, compute)
