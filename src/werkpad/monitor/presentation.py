"""What the dashboard shows: goal cards and charts, made from the monitor's tables.

The charts take their values from the cells the audience may see (a suppressed count leaves a
gap), so a chart never shows more than the table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from werkpad.monitor.charts import Chart, Line, Series, bar_chart, line_chart
from werkpad.monitor.models import CUMULATIVE_METRICS
from werkpad.monitor.selectors import GoalProgress, Monitor, Point, goal_figure
from werkpad.monitor.tables import Table, figure_text


def _day(day: date) -> str:
    return day.strftime("%d-%m-%Y")


@dataclass(frozen=True)
class GoalCard:
    progress: GoalProgress
    chart: Chart
    current: str
    baseline: str
    target: str
    projection: str | None
    status: str
    points: list[tuple[str, str]]
    # The share of the way done would give away a value resting on 1 to 4 people.
    shows_progress: bool


def _status(progress: GoalProgress) -> str:
    if progress.finished:
        return _("Reached on the target date.") if progress.reached else _("Not reached.")
    if progress.on_track is None:
        return _("Too early to tell: fewer than two months measured.")
    if progress.on_track:
        return _("On track: the trend reaches the target by the target date.")
    return _("Not on track: the trend does not reach the target by the target date.")


def goal_card(progress: GoalProgress, *, suppressed: bool, index: int) -> GoalCard:
    goal = progress.goal

    def text(point: Point) -> str:
        return figure_text(goal_figure(goal, point, suppressed=suppressed))

    def fixed(value: int) -> str:
        return figure_text(value)

    measured = Series(
        _("Measured"),
        [(p.day, goal_figure(goal, p, suppressed=suppressed)) for p in progress.series],
    )
    start, target = progress.path
    lines = [
        Line(
            _("Goal line: from the start to the target"),
            (start.day, start.value),
            (target.day, target.value),
            dash="dotted",
        )
    ]
    trend_shown = goal_figure(goal, progress.current, suppressed=suppressed) is not None
    if progress.projection is not None and trend_shown:
        lines.append(
            Line(
                _("Trend of the last 12 months, to the target date"),
                (progress.current.day, progress.current.value),
                (progress.projection.day, progress.projection.value),
            )
        )
    counted = (
        _("counted per whole month")
        if goal.metric in CUMULATIVE_METRICS
        else _("counted on the first day of each month")
    )
    description = _(
        "%(metric)s, %(counted)s: %(start)s on %(start_day)s, %(now)s on %(day)s. "
        "Target: %(target)s on %(target_day)s."
    ) % {
        "metric": goal.get_metric_display(),
        "counted": counted,
        "start": fixed(goal.baseline_value),
        "start_day": _day(goal.baseline_date),
        "now": text(progress.current),
        "day": _day(progress.current.day),
        "target": fixed(goal.target_value),
        "target_day": _day(goal.target_date),
    }
    if progress.projection is not None and trend_shown:
        description += " " + _("The trend leads to %(value)s.") % {
            "value": text(progress.projection)
        }
    chart = line_chart(
        chart_id=f"goal-{index}",
        title=goal.title,
        description=description,
        series=[measured],
        lines=lines,
        first=goal.baseline_date,
        last=goal.target_date,
    )
    return GoalCard(
        progress=progress,
        chart=chart,
        current=text(progress.current),
        baseline=fixed(goal.baseline_value),
        target=fixed(goal.target_value),
        projection=None if progress.projection is None else text(progress.projection),
        status=_status(progress),
        points=[(_day(p.day), text(p)) for p in progress.series],
        shows_progress=trend_shown,
    )


def _column_series(table: Table, key: str, name: str, dash: str = "solid") -> Series:
    column = next(c for c in table.columns if c.key == key)
    return Series(
        name,
        [(row["period_start"], table.cell(column, row).value) for row in table.rows],
        dash,
    )


@dataclass(frozen=True)
class DashboardCharts:
    stock: Chart
    flows: Chart
    ladder: Chart | None
    placements: Chart


def dashboard_charts(monitor: Monitor) -> DashboardCharts:
    flows = monitor.table("flows")
    period_text = _("from %(first)s to %(last)s") % {
        "first": _day(monitor.filters.period_range.first),
        "last": _day(monitor.filters.period_range.last),
    }
    stock = line_chart(
        chart_id="chart-stock",
        title=_("People on bijstand"),
        description=_(
            "People on bijstand and those on it for 5 years or more, on the first day of each "
            "period, %(period)s. The numbers are in the table beside the chart."
        )
        % {"period": period_text},
        series=[
            _column_series(flows, "on_bijstand", _("On bijstand")),
            _column_series(flows, "long_term", _("5 years or more"), "dashed"),
        ],
    )
    flow_chart = line_chart(
        chart_id="chart-flows",
        title=_("Inflow and outflow"),
        description=_(
            "Inflow, outflow and outflow to work in each period, %(period)s. The numbers are "
            "in the table beside the chart."
        )
        % {"period": period_text},
        series=[
            _column_series(flows, "inflow", _("Inflow")),
            _column_series(flows, "outflow", _("Outflow"), "dashed"),
            _column_series(flows, "to_work", _("Outflow to work"), "dotted"),
        ],
    )
    steps = monitor.table("ladder_steps")
    ladder = None
    if steps.rows:
        last = steps.rows[-1]
        counted = [c for c in steps.columns if c.key.startswith("step_") or c.key == "not_assessed"]
        ladder = bar_chart(
            chart_id="chart-ladder",
            title=_("Ladder steps on %(day)s") % {"day": _day(last["period_start"])},
            description=_(
                "People on bijstand on %(day)s by their last assessed step on the "
                "participation ladder. The numbers are in the table below."
            )
            % {"day": _day(last["period_start"])},
            bars=[(str(c.label), steps.cell(c, last).value) for c in counted],
        )
    kinds = monitor.table("placements_kind")
    totals = {
        c.key: sum(int(row[c.key]) for row in kinds.rows)
        for c in kinds.columns
        if c.key != "period"
    }
    placements = bar_chart(
        chart_id="chart-placements",
        title=_("Placements by kind of offer"),
        description=_("Placements started %(period)s, by kind of offer.") % {"period": period_text},
        bars=[
            (str(c.label), kinds.cell(c, totals).value)
            for c in kinds.columns
            if c.key not in ("period", "total")
        ],
    )
    return DashboardCharts(stock=stock, flows=flow_chart, ladder=ladder, placements=placements)
