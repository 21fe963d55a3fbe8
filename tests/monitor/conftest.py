"""Fixtures of the monitor tests."""

from __future__ import annotations

import pytest

from werkpad.monitor.models import Goal, Pilot


@pytest.fixture
def no_seeded_goals(db: None) -> None:
    """Without the goals and pilot of the data migration: the test states its own."""
    Goal.objects.all().delete()
    Pilot.objects.all().delete()
