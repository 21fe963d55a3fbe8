"""Factories for the monitor: goals, pilots, and people with a hand-written benefit history."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from tests.candidates.factories import BenefitPeriodFactory, CandidateFactory
from werkpad.candidates.models import Candidate
from werkpad.monitor.models import Goal, Pilot

Spell = tuple[dt.date, dt.date | None, str]


class GoalFactory(DjangoModelFactory[Goal]):
    class Meta:
        model = Goal

    title = factory.Sequence(lambda n: f"Doel {n}")
    metric = "on_bijstand"
    baseline_value = 10
    baseline_date = dt.date(2019, 1, 1)
    target_value = 5
    target_date = dt.date(2020, 12, 31)


class PilotFactory(DjangoModelFactory[Pilot]):
    class Meta:
        model = Pilot

    name = factory.Sequence(lambda n: f"Pilot {n}")
    aim = "Meer mensen aan het werk via een nieuwe aanpak."
    starts_on = dt.date(2019, 1, 1)
    status = "running"


def person(*spells: Spell, **fields: object) -> Candidate:
    """A candidate with these benefit periods: (start, end or None, end reason)."""
    candidate = CandidateFactory(**fields)
    for start, end, reason in spells:
        BenefitPeriodFactory(candidate=candidate, start=start, end=end, end_reason=reason)
    return candidate
