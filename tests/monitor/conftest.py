"""Fixtures of the monitor tests."""

from __future__ import annotations

from typing import Any

import pytest

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
