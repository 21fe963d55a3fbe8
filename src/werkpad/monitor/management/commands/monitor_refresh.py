"""`werkpad monitor_refresh`: compute the monitor's city-wide figures now, so that the first
visitor after a change of the data (a nightly import, say) does not wait for them.

The figures are kept until the data changes again (`werkpad.monitor.cache`); without a cache
(SQLite, or MONITOR_CACHE_SECONDS=0) this only measures how long computing takes.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from werkpad.monitor.cache import refreshes_wait
from werkpad.monitor.periods import Granularity
from werkpad.monitor.selectors import Audience, Monitor, default_filters
from werkpad.monitor.sql import Scope, analytic_queries


@analytic_queries
def _refresh(granularity: Granularity) -> tuple[int, int]:
    """Compute every goal and table of the default view; how many of each."""
    today = timezone.localdate()
    filters = replace(default_filters(today=today), granularity=granularity)
    monitor = Monitor(audience=Audience.PROGRAMME_TEAM, scope=Scope(), filters=filters, today=today)
    counts = len(monitor.goals), len(monitor.tables())
    refreshes_wait()  # figures kept from before were served; their new values are computed now
    return counts


class Command(BaseCommand):
    help = "Compute the monitor's city-wide figures (per quarter and per month) and keep them."

    def handle(self, *args: Any, **options: Any) -> None:
        for granularity in (Granularity.QUARTER, Granularity.MONTH):
            started = time.perf_counter()
            goals, tables = _refresh(granularity)
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"{goals} goals and {tables} tables per {granularity.value} in {seconds:.1f} s."
            )
