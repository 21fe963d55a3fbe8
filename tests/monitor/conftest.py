"""Fixtures of the monitor tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache

from werkpad.monitor.models import Goal, Pilot


@pytest.fixture(autouse=True)
def _figures_computed_afresh(settings: Any) -> None:
    """Each test counts its own data: the cache (tested on its own) is off."""
    settings.MONITOR_CACHE_SECONDS = 0


@pytest.fixture
def no_seeded_goals(db: None) -> None:
    """Without the goals and pilot of the data migration: the test states its own."""
    Goal.objects.all().delete()
    Pilot.objects.all().delete()


@dataclass
class DataVersion:
    """The data version the monitor sees; a test raises it where PostgreSQL would."""

    number: int = 1


@pytest.fixture
def kept_in_background(settings: Any, monkeypatch: pytest.MonkeyPatch) -> DataVersion:
    """Figures kept and computed anew in the background, as in production, under a data
    version the test sets (as on PostgreSQL, where it follows every committed write)."""
    settings.MONITOR_CACHE_SECONDS = 60
    settings.MONITOR_REFRESH_IN_BACKGROUND = True
    cache.clear()
    version = DataVersion()
    monkeypatch.setattr("werkpad.monitor.selectors.data_version", lambda: version.number)
    return version
