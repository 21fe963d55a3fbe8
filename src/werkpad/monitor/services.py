"""Writes of the BHAG monitor: the goals and the pilot register, kept by the programme lead.

Goals and pilots hold no personal data (a pilot refers to cases, offers and placements by id
only), so these writes are not in the processing log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.cases.models import Case
from werkpad.core.concurrency import save_with_version
from werkpad.monitor.models import CUMULATIVE_METRICS, Goal, Pilot
from werkpad.monitor.selectors import Audience, monitor_audience
from werkpad.offers.models import Offer, Placement
from werkpad.organisations.models import Organisation

GOAL_FIELDS = (
    "title",
    "metric",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "usual_outflow_per_year",
    "usual_share_to_work",
    "position",
)
PILOT_FIELDS = ("name", "aim", "starts_on", "ends_on", "status", "lessons", "every_zeg_ja_case")


def _require_programme_lead(user: Any) -> None:
    if monitor_audience(user) != Audience.PROGRAMME_TEAM:
        raise PermissionDenied(_("Only the programme lead keeps the goals and the pilots."))


def _check_goal(goal: Goal) -> None:
    """A goal counted from its starting date (outflow) starts at 0 on that day."""
    goal.full_clean()
    if goal.metric in CUMULATIVE_METRICS and goal.baseline_value != 0:
        raise ValidationError(
            {
                "baseline_value": _(
                    "Outflow is counted from the starting date on, so its starting value is 0."
                )
            }
        )


@transaction.atomic
def goal_create(*, acting_user: Any, **fields: Any) -> Goal:
    """Add a goal. Only the programme lead; the target date lies after the starting date."""
    _require_programme_lead(acting_user)
    goal = Goal(**{name: fields[name] for name in GOAL_FIELDS if name in fields})
    _check_goal(goal)
    goal.save()
    return goal


@transaction.atomic
def goal_update(*, acting_user: Any, goal: Goal, expected_version: int, **fields: Any) -> Goal:
    """Change a goal, unless someone else changed it since `expected_version` (409)."""
    _require_programme_lead(acting_user)
    changes = {name: fields[name] for name in GOAL_FIELDS if name in fields}
    for name, value in changes.items():
        setattr(goal, name, value)
    _check_goal(goal)
    return save_with_version(goal, expected_version=expected_version, fields=changes)


def _set_links(
    pilot: Pilot,
    *,
    partners: Iterable[Organisation] | None,
    offers: Iterable[Offer] | None,
    cases: Iterable[Case] | None,
    placements: Iterable[Placement] | None,
) -> None:
    if partners is not None:
        pilot.partners.set(partners)
    if offers is not None:
        pilot.offers.set(offers)
    if cases is not None:
        pilot.cases.set(cases)
    if placements is not None:
        pilot.placements.set(placements)


@transaction.atomic
def pilot_create(
    *,
    acting_user: Any,
    partners: Iterable[Organisation] = (),
    offers: Iterable[Offer] = (),
    cases: Iterable[Case] = (),
    placements: Iterable[Placement] = (),
    **fields: Any,
) -> Pilot:
    """Register a pilot. Only the programme lead; names are unique; it ends after it starts."""
    _require_programme_lead(acting_user)
    pilot = Pilot(**{name: fields[name] for name in PILOT_FIELDS if name in fields})
    pilot.full_clean()
    pilot.save()
    _set_links(pilot, partners=partners, offers=offers, cases=cases, placements=placements)
    return pilot


@transaction.atomic
def pilot_update(
    *,
    acting_user: Any,
    pilot: Pilot,
    expected_version: int,
    partners: Iterable[Organisation] | None = None,
    offers: Iterable[Offer] | None = None,
    cases: Iterable[Case] | None = None,
    placements: Iterable[Placement] | None = None,
    **fields: Any,
) -> Pilot:
    """Change a pilot (status, lessons, links), unless someone else changed it meanwhile.

    Links that are not given stay as they are.
    """
    _require_programme_lead(acting_user)
    changes = {name: fields[name] for name in PILOT_FIELDS if name in fields}
    for name, value in changes.items():
        setattr(pilot, name, value)
    pilot.full_clean()
    pilot = save_with_version(pilot, expected_version=expected_version, fields=changes)
    _set_links(pilot, partners=partners, offers=offers, cases=cases, placements=placements)
    return pilot
