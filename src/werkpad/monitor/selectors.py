"""Reads of the BHAG monitor: who sees which figures, goal progress, the indicator tables.

Who sees what (decided for Werkpad, DESIGN.md §3 "Monitor definitions"):
- **The programme team** is everyone with the role `programme_lead`. They see exact figures
  over all candidates, erased ones included (their benefit periods stay for statistics).
- **The board** (role `board`) sees the same aggregates, with every count from 1 to 4 shown
  as "< 5" and no share or median computed from such a count (`werkpad.monitor.tables`).
- **Professionals** (the other casework roles) see figures only over the candidates they may
  see (`visible_candidates`), exactly: they may see each of these people anyway. The city-wide
  goals are not shown to them.
- Nobody else (the administrator role alone) uses the monitor.
No page, file or API answer of the monitor shows a person: only counts, shares and medians.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cached_property, partial
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from werkpad.candidates.models import Candidate
from werkpad.monitor import indicators
from werkpad.monitor.cache import (
    Kept,
    at_once,
    compute_in_background,
    data_version,
    in_background,
    is_kept,
    needs_computing,
    remember,
)
from werkpad.monitor.indicators import MonthlyFlows, UsualToWork, monthly_flows, usual_to_work
from werkpad.monitor.models import CUMULATIVE_METRICS, Goal, Metric, Pilot
from werkpad.monitor.periods import Granularity, Range, add_months, month_of, months_from
from werkpad.monitor.sql import Scope
from werkpad.monitor.tables import SUPPRESS_BELOW, Table
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.access import (
    CASEWORK_ROLES,
    casework_organisation_ids,
    visible_candidates,
)

T = TypeVar("T")

#: The least-squares trend of a goal is fitted on this many monthly values.
TREND_MONTHS = 12


class Audience(StrEnum):
    PROGRAMME_TEAM = "programme_team"
    BOARD = "board"
    PROFESSIONAL = "professional"

    @property
    def suppressed(self) -> bool:
        return self == Audience.BOARD

    @property
    def sees_goals(self) -> bool:
        return self != Audience.PROFESSIONAL


ALL_AUDIENCES = frozenset(Audience)
#: City-wide figures meant to be passed on: the open data and the board's report.
STEERING_AUDIENCES = frozenset({Audience.PROGRAMME_TEAM, Audience.BOARD})


def monitor_audience(user: Any) -> Audience | None:
    """How `user` sees the monitor; None when they may not use it."""
    if not getattr(user, "is_authenticated", False):
        return None
    roles = {
        Role(r) for r in Membership.objects.filter(user_id=user.pk).values_list("role", flat=True)
    }
    if Role.PROGRAMME_LEAD in roles:
        return Audience.PROGRAMME_TEAM
    if Role.BOARD in roles:
        return Audience.BOARD
    if roles & CASEWORK_ROLES:
        return Audience.PROFESSIONAL
    return None


def monitor_audience_required(
    user: Any, *, allowed: frozenset[Audience] = ALL_AUDIENCES
) -> Audience:
    """The user's audience; PermissionDenied when they may not use this part of the monitor."""
    audience = monitor_audience(user)
    if audience is None or audience not in allowed:
        raise PermissionDenied
    return audience


def monitor_scope(*, user: Any, audience: Audience, organisation: Organisation | None) -> Scope:
    candidates = visible_candidates(user) if audience == Audience.PROFESSIONAL else None
    return Scope(candidates=candidates, organisation=organisation)


def organisation_choices() -> QuerySet[Organisation]:
    """Organisations to filter on: those that lead candidates (by name)."""
    leads = Candidate.objects.filter(lead_organisation_id=OuterRef("pk"))
    return Organisation.objects.filter(Exists(leads)).order_by("name")


# --- goals -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    day: date
    value: float
    # The number of people behind the value (a stock, or the outflow to work so far): a value
    # resting on 1 to 4 people is not shown outside the programme team.
    people: int | None = None


def least_squares(points: list[Point]) -> Callable[[date], float] | None:
    """The straight line through `points` (by day) with the least squared error."""
    if len(points) < 2:
        return None
    xs = [p.day.toordinal() for p in points]
    ys = [p.value for p in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return lambda day: mean_y + slope * (day.toordinal() - mean_x)


@dataclass(frozen=True)
class GoalProgress:
    """Where a goal stands on `current.day`, and where the trend leads by the target date."""

    goal: Goal
    series: tuple[Point, ...]
    current: Point
    projection: Point | None
    usual: UsualToWork | None = None

    @property
    def finished(self) -> bool:
        return self.current.day >= self.goal.target_date

    def _meets(self, value: float) -> bool:
        if self.goal.is_decrease:
            return value <= self.goal.target_value
        return value >= self.goal.target_value

    @property
    def reached(self) -> bool:
        return self.finished and self._meets(self.current.value)

    @property
    def on_track(self) -> bool | None:
        """While the goal runs: does the trend meet the target by the target date?"""
        if self.finished or self.projection is None:
            return None
        return self._meets(self.projection.value)

    @property
    def share_done(self) -> float:
        """How much of the way from the starting value to the target is behind us (0..1)."""
        distance = self.goal.target_value - self.goal.baseline_value
        if distance == 0:
            return 1.0
        done = (self.current.value - self.goal.baseline_value) / distance
        return max(0.0, min(1.0, done))

    @property
    def path(self) -> tuple[Point, Point]:
        """The goal line: from the starting value to the target."""
        goal = self.goal
        return (
            Point(goal.baseline_date, goal.baseline_value),
            Point(goal.target_date, goal.target_value),
        )


def _goal_usual(goal: Goal, flows: MonthlyFlows) -> UsualToWork:
    return usual_to_work(
        flows,
        per_year=goal.usual_outflow_per_year,
        share=goal.usual_share_to_work,
        baseline_date=goal.baseline_date,
    )


def _stock_series(goal: Goal, flows: MonthlyFlows, until: date) -> list[Point]:
    value = flows.long_term_on if goal.metric == Metric.LONG_TERM else flows.stock_on
    first = goal.baseline_date if goal.baseline_date.day == 1 else add_months(goal.baseline_date, 1)
    points = []
    for month in months_from(first, until):
        people = value(month)
        points.append(Point(month, people, people))
    return points


def _cumulative_series(
    goal: Goal, flows: MonthlyFlows, until: date, usual: UsualToWork | None
) -> list[Point]:
    """Outflow to work from the starting date's month on, at the end of each whole month."""
    per_month = usual.per_month if usual is not None and usual.per_month is not None else 0.0
    points, total = [], 0.0
    for count, month in enumerate(months_from(goal.baseline_date, until), start=1):
        last_day = add_months(month, 1) - timedelta(days=1)
        if last_day > until:
            break
        total += flows.total("to_work", [month])
        points.append(Point(last_day, total - per_month * count, int(total)))
    return points


def goal_progress(*, goal: Goal, flows: MonthlyFlows, as_of: date) -> GoalProgress:
    """The goal's series up to `as_of` (or its target date), with the projected value.

    The projection fits a straight line by least squares through the last 12 monthly values
    and reads it at the target date. A stock is counted on the first day of each month, and
    on the day itself at the end; outflow is counted per whole month.
    """
    until = min(as_of, goal.target_date)
    usual = _goal_usual(goal, flows) if goal.metric == Metric.EXTRA_TO_WORK else None
    if goal.metric in CUMULATIVE_METRICS:
        series = _cumulative_series(goal, flows, until, usual)
        current = series[-1] if series else Point(goal.baseline_date, 0, 0)
    else:
        series = _stock_series(goal, flows, until)
        long_term = goal.metric == Metric.LONG_TERM
        people = indicators.stock_on_day(until, long_term=long_term)
        current = Point(until, people, people)
        if not series or series[-1].day != until:
            series.append(current)
    projection = None
    if until < goal.target_date:
        line = least_squares(series[-TREND_MONTHS:])
        if line is not None:
            projection = Point(goal.target_date, line(goal.target_date), current.people)
    return GoalProgress(
        goal=goal, series=tuple(series), current=current, projection=projection, usual=usual
    )


def goal_list() -> QuerySet[Goal]:
    return Goal.objects.order_by("position", "title")


def goal_get(*, goal_id: Any) -> Goal:
    goal = Goal.objects.filter(pk=goal_id).first()
    if goal is None:
        raise Http404
    return goal


def pilot_list() -> QuerySet[Pilot]:
    return Pilot.objects.prefetch_related("partners").order_by("-starts_on", "name")


def pilot_get(*, pilot_id: Any) -> Pilot:
    pilot = (
        Pilot.objects.prefetch_related("partners", "offers", "cases").filter(pk=pilot_id).first()
    )
    if pilot is None:
        raise Http404
    return pilot


# --- the whole monitor -----------------------------------------------------------------------


@dataclass(frozen=True)
class MonitorFilters:
    first: date
    last: date
    granularity: Granularity = Granularity.QUARTER
    organisation: Organisation | None = None

    @property
    def period_range(self) -> Range:
        return Range(self.first, self.last, self.granularity)


@dataclass(frozen=True)
class Freshness:
    """When the oldest figure shown was computed; `stale`: the data has changed since and new
    figures are being computed."""

    computed_at: datetime
    stale: bool


@dataclass
class Monitor:
    """Every figure of the monitor for one audience and one set of filters, computed on use.

    The city-wide flows are read once and serve both the goals and (without a filter) the
    indicators. Computed figures are kept until the data changes (`werkpad.monitor.cache`),
    under `scope_key` (whose candidates) and the filters; suppression is applied on the way out.
    A figure computed again in the background is built on a fresh copy of the monitor, so that
    it does not reuse the stale figures this request holds.
    """

    audience: Audience
    scope: Scope
    filters: MonitorFilters
    today: date
    scope_key: str = "all"
    _tables: dict[str, Table] = field(default_factory=dict)
    _kept: list[Kept[Any]] = field(default_factory=list)

    @cached_property
    def version(self) -> int | None:
        return data_version()

    def _remember(self, key: str, compute: Callable[[Monitor], T]) -> T:
        def on_the_right_monitor() -> T:
            return compute(replace(self, _tables={}, _kept=[]) if in_background() else self)

        kept = remember(self.version, key, on_the_right_monitor)
        self._kept.append(kept)
        return kept.value

    @property
    def freshness(self) -> Freshness | None:
        """How new the figures used so far are (None before any was used)."""
        if not self._kept:
            return None
        return Freshness(
            computed_at=min(kept.computed_at for kept in self._kept),
            stale=any(kept.stale for kept in self._kept),
        )

    def _base_keys(self) -> dict[str, str]:
        """The large aggregates that do not depend on the filters, by property, with the key
        each is kept under (once per scope, for every period chosen)."""
        keys = {
            "ladder_steps": f"ladder:{self.scope_key}",
            "placements_by_barrier": f"barriers:{self.scope_key}",
        }
        if self.audience.sees_goals or self.scope.is_everyone:
            keys["city_flows"] = "flows:all"
        if not self.scope.is_everyone:
            keys["flows"] = f"flows:{self.scope_key}"
        return keys

    def _read_bases_at_once(self) -> None:
        """Compute the large aggregates not kept yet at the same time (PostgreSQL: each on its
        own connection and core); the properties below then read them."""
        if self.version is None or connection.vendor != "postgresql":
            return
        missing = [
            name
            for name, key in self._base_keys().items()
            if needs_computing(self.version, key) and name not in self.__dict__
        ]
        if len(missing) > 1:
            at_once(*(partial(getattr, self, name) for name in missing))

    @cached_property
    def city_flows(self) -> MonthlyFlows:
        return self._remember("flows:all", lambda _monitor: monthly_flows(Scope()))

    @cached_property
    def flows(self) -> MonthlyFlows:
        if self.scope.is_everyone:
            return self.city_flows
        return self._remember(self._base_keys()["flows"], lambda m: monthly_flows(m.scope))

    @cached_property
    def ladder_steps(self) -> indicators.Intervals:
        return self._remember(
            self._base_keys()["ladder_steps"], lambda m: indicators.ladder_step_intervals(m.scope)
        )

    @cached_property
    def placements_by_barrier(self) -> indicators.BarrierCounts:
        return self._remember(
            self._base_keys()["placements_by_barrier"],
            lambda m: indicators.placements_by_barrier(m.scope),
        )

    @property
    def _as_of(self) -> date:
        return min(self.today, self.filters.period_range.last)

    @cached_property
    def goals(self) -> list[GoalProgress]:
        if not self.audience.sees_goals:
            return []
        as_of = self._as_of
        return self._remember(
            f"goals:{as_of}",
            lambda m: [
                goal_progress(goal=goal, flows=m.city_flows, as_of=as_of) for goal in goal_list()
            ],
        )

    @cached_property
    def usual(self) -> UsualToWork | None:
        """The usual outflow to work, for city-wide figures only."""
        if not self.scope.is_everyone:
            return None
        goal = goal_list().filter(metric=Metric.EXTRA_TO_WORK).first()
        if goal is None:
            return usual_to_work(self.flows)
        return _goal_usual(goal, self.flows)

    def _table_key(self, code: str) -> str:
        period = self.filters.period_range
        return (
            f"tables:{self.scope_key}:{period.first}:{period.last}:"
            f"{period.granularity}:{self.today}:{code}"
        )

    def is_ready(self, codes: Iterable[str] = (), *, with_goals: bool = True) -> bool:
        """Whether the tables `codes` (all by default) and, `with_goals`, the goals can be shown
        without computing them in the request: kept (perhaps from before a change), or
        computed afresh on every request anyway."""
        if not settings.MONITOR_REFRESH_IN_BACKGROUND or self.version is None:
            return True
        keys = {self._table_key(KEPT_UNDER[code]) for code in (codes or INDICATOR_CODES)}
        if with_goals and self.audience.sees_goals:
            keys.add(f"goals:{self._as_of}")
        return all(is_kept(key) for key in keys)

    def prepare_in_background(self, codes: Iterable[str] = (), *, with_goals: bool = True) -> None:
        """Compute what `is_ready` looks for in the background thread."""
        chosen = tuple(codes or INDICATOR_CODES)

        def prepare() -> None:
            fresh = replace(self, _tables={}, _kept=[])
            fresh._read_bases_at_once()
            if with_goals:
                fresh.goals  # noqa: B018 - computed and kept
            fresh.tables(chosen)

        label = "*" if chosen == INDICATOR_CODES else "+".join(sorted(chosen))
        compute_in_background(self._table_key(label), prepare)

    def table(self, code: str) -> Table:
        if code not in self._tables:
            for built in self._remember(self._table_key(KEPT_UNDER[code]), BUILDERS[code]):
                self._tables[built.code] = built.for_audience(suppressed=self.audience.suppressed)
        return self._tables[code]

    def tables(self, codes: Iterable[str] = ()) -> list[Table]:
        self._read_bases_at_once()
        return [self.table(code) for code in (codes or INDICATOR_CODES)]


def _ladder_transitions(monitor: Monitor) -> list[Table]:
    found = indicators.ladder_transitions(
        scope=monitor.scope, period_range=monitor.filters.period_range, today=monitor.today
    )
    return [found.cohorts, found.transitions]


def _in_range(builder: Callable[..., Table]) -> Callable[[Monitor], list[Table]]:
    def build(monitor: Monitor) -> list[Table]:
        return [builder(scope=monitor.scope, period_range=monitor.filters.period_range)]

    return build


BUILDERS: dict[str, Callable[[Monitor], list[Table]]] = {
    "goals": lambda m: [goals_table(m.goals)],
    "flows": lambda m: [
        indicators.flows_table(
            flows=m.flows, period_range=m.filters.period_range, usual=m.usual, today=m.today
        )
    ],
    "groups": lambda m: [
        indicators.groups_table(
            scope=m.scope, flows=m.flows, period_range=m.filters.period_range, today=m.today
        )
    ],
    "ladder_steps": lambda m: [
        indicators.ladder_steps_table(
            steps=m.ladder_steps, flows=m.flows, period_range=m.filters.period_range, today=m.today
        )
    ],
    "ladder_cohorts": _ladder_transitions,
    "ladder_transitions": _ladder_transitions,
    "placements_kind": _in_range(indicators.placements_kind_table),
    "placements_organisation": _in_range(indicators.placements_organisation_table),
    "placements_barrier": lambda m: [
        indicators.placements_barrier_table(
            counts=m.placements_by_barrier, period_range=m.filters.period_range
        )
    ],
    "zeg_ja": _in_range(indicators.zeg_ja_table),
    "zeg_ja_knelpunten": _in_range(indicators.zeg_ja_knelpunten_table),
    "deals": _in_range(indicators.deals_table),
    "pilots": lambda m: [indicators.pilots_table(scope=m.scope, today=m.today)],
}
INDICATOR_CODES: tuple[str, ...] = tuple(BUILDERS)
#: The tables one builder makes are kept together, under the code of the first of them.
KEPT_UNDER: dict[str, str] = {
    code: next(first for first in BUILDERS if BUILDERS[first] is BUILDERS[code])
    for code in BUILDERS
}


def goal_figure(goal: Goal, point: Point, *, suppressed: bool) -> float | int | None:
    """A goal's value as the audience may see it; None when it rests on 1 to 4 people.

    A count stays whole; extra to work keeps one decimal.
    """
    if suppressed and point.people is not None and 0 < point.people < SUPPRESS_BELOW:
        return None
    return round(point.value, 1) if goal.metric == Metric.EXTRA_TO_WORK else round(point.value)


def goals_table(goals: list[GoalProgress]) -> Table:
    rows: list[dict[str, object]] = [
        {
            "goal": progress.goal.title,
            "metric": str(progress.goal.get_metric_display()),
            "baseline_date": progress.goal.baseline_date,
            "baseline_value": progress.goal.baseline_value,
            "target_date": progress.goal.target_date,
            "target_value": progress.goal.target_value,
            "as_of": progress.current.day,
            "current": goal_figure(progress.goal, progress.current, suppressed=False),
            "current_people": progress.current.people,
            "projection": None if progress.projection is None else progress.projection.value,
        }
        for progress in goals
    ]
    return indicators.table("goals", columns=indicators.GOAL_COLUMNS, rows=rows)


def monitor_for(
    *,
    user: Any,
    filters: MonitorFilters,
    today: date,
    allowed: frozenset[Audience] = ALL_AUDIENCES,
) -> Monitor:
    """The monitor as `user` may see it (PermissionDenied for someone who may not)."""
    audience = monitor_audience_required(user, allowed=allowed)
    organisation = filters.organisation
    scope = monitor_scope(user=user, audience=audience, organisation=organisation)
    scope_key = "all"
    if audience == Audience.PROFESSIONAL:  # colleagues share the figures of the same candidates
        organisations = ",".join(str(pk) for pk in casework_organisation_ids(user))
        scope_key = f"organisations:{organisations}:{today}"  # consents end with the day
    if organisation is not None:
        scope_key += f":organisation:{organisation.pk}"
    return Monitor(
        audience=audience, scope=scope, filters=filters, today=today, scope_key=scope_key
    )


def default_filters(*, today: date) -> MonitorFilters:
    """From the first goal's starting date (else 2019) to today, per quarter."""
    goal = goal_list().first()
    first = goal.baseline_date if goal is not None else indicators.DEFAULT_BASELINE_DATE
    return MonitorFilters(first=month_of(first), last=today)
