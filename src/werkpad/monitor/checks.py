"""Deployment checks of the monitor (`werkpad check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

LOCAL_MEMORY_CACHE = "django.core.cache.backends.locmem.LocMemCache"


def cache_warnings(
    *, database_engine: str, cache_backend: str, cache_seconds: int
) -> list[checks.CheckMessage]:
    """On PostgreSQL the monitor keeps its figures in the cache: one per process would make
    every web process compute them itself, and `werkpad monitor_refresh` would warm none."""
    if "postgresql" not in database_engine or cache_seconds <= 0:
        return []
    if cache_backend != LOCAL_MEMORY_CACHE:
        return []
    return [
        checks.Warning(
            "The monitor keeps its figures in process memory.",
            hint="Set REDIS_URL, so that every web process and `werkpad monitor_refresh` share "
            "the figures kept.",
            id="werkpad_monitor.W001",
        )
    ]


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache_for_the_monitor(**kwargs: Any) -> list[checks.CheckMessage]:
    return cache_warnings(
        database_engine=settings.DATABASES["default"]["ENGINE"],
        cache_backend=settings.CACHES["default"]["BACKEND"],
        cache_seconds=settings.MONITOR_CACHE_SECONDS,
    )
