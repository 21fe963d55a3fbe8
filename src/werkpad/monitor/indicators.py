"""The indicators of the BHAG monitor, computed by aggregation in the database.

The SQL is written out (window functions, CTEs) with table and column names from the models
and every value passed as a parameter.

Definitions (DESIGN.md §3 "Monitor definitions"), as implemented here:

- **On bijstand** on a day: benefit periods covering that day (start on or before it, no end or
  an end on or after it). Periods of one person do not overlap in the benefit administration,
  so this is the number of people. Per month or quarter the monitor counts it on the *first
  day* of the period: the January 2019 figure is the stock on 1 January 2019, the baseline of
  the programme's goal, and the current period's figure is never in the future.
- **Inflow / outflow**: the start / end of a benefit period in the period, with the CBS rule:
  an end counts as outflow only if no period of the same person starts within 30 days after
  it, and a start counts as inflow only if no period of the same person ended within 30 days
  before it. In SQL the person's previous end and next start come from LAG/LEAD over their
  periods in start order (equivalent to "no such period" because periods do not overlap).
- **Outflow to work**: outflow with end reason `work` (without support) or `work_with_support`.
- **Extra to work**: outflow to work minus the usual outflow to work, which is
  `usual outflow per year × usual share to work` (from the extra-to-work goal; the share,
  when not set, measured from the three years before the goal's starting date) per month.
  City-wide only: the usual figure is not known for one organisation's candidates.
- **Long-term**: on bijstand for 5 years or more on the day, counted from the start of the
  current benefit period (a return within 30 days starts a new period in the administration).
  Long-term outflow: outflow (CBS rule) of a period that had lasted 5 years or more.
- **Age** is whole years on the day that matters (the stock day, the start or end date).

Stocks are not counted day by day: every interval (a benefit period; a ladder step while on
bijstand) enters in the month it starts and leaves in the month after it ends, grouped by
month in SQL, and the count on the first day of a month is the running total of entries minus
exits before that month, plus the entries on that first day itself. Quarters are made of their
months. Python only adds up these monthly totals (a few hundred numbers), never people.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from django.db.models import (
    Count,
    Q,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import EndReason, Household, LadderStep, OfferKind
from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate, LadderScore
from werkpad.cases.models import Case, KnelpuntKind
from werkpad.cases.workflow import CaseStatus
from werkpad.monitor import sql
from werkpad.monitor.models import Pilot
from werkpad.monitor.periods import Granularity, Range, add_months, month_of, quarter_of
from werkpad.monitor.sql import Scope, quote
from werkpad.monitor.tables import Column, Kind, Table
from werkpad.offers.codes import PlacementOutcome
from werkpad.offers.models import Deal, DealPromise, Employer, Offer, Placement

CBS_RETURN_DAYS = 30
LONG_TERM_YEARS = 5
LONG_TERM_MONTHS = LONG_TERM_YEARS * 12
#: When there is no extra-to-work goal: its default starting date and usual outflow.
DEFAULT_BASELINE_DATE = date(2019, 1, 1)
DEFAULT_USUAL_OUTFLOW_PER_YEAR = 500
#: The years before the starting date from which the usual share to work is measured.
USUAL_SHARE_YEARS = 3

#: Age bands: (lowest age, label).
AGE_BANDS: tuple[tuple[int, str | Promise], ...] = (
    (0, _("younger than 27")),
    (27, _("27 to 34")),
    (35, _("35 to 44")),
    (45, _("45 to 54")),
    (55, _("55 and older")),
)


#: Every indicator: its code (also the file name of its export), title and description.
DEFINITIONS: dict[str, tuple[Promise, Promise]] = {
    "goals": (
        _("Goals"),
        _(
            "Each goal of the programme: where it started, its target, its value now (or on "
            "the target date) and, while it runs, where the trend of the last 12 months leads "
            "by the target date."
        ),
    ),
    "flows": (
        _("On bijstand, inflow and outflow"),
        _(
            "People on bijstand on the first day of each period, and who came in and left "
            "during it. Someone who leaves and comes back within 30 days counts as neither "
            "outflow nor inflow (CBS rule)."
        ),
    ),
    "groups": (
        _("By household and age"),
        _(
            "On bijstand at the start and at the end of the chosen time, and the flows in "
            "between, by kind of household and by age (in whole years on that day)."
        ),
    ),
    "ladder_steps": (
        _("Steps on the participation ladder"),
        _(
            "People on bijstand on the first day of each period, by the last step on the "
            "participation ladder assessed before that day."
        ),
    ),
    "ladder_cohorts": (
        _("Progress on the ladder per cohort"),
        _(
            "A cohort is everyone whose first ladder step was assessed in that year. Compared: "
            "their first step and their last step assessed by the end of the chosen time."
        ),
    ),
    "ladder_transitions": (
        _("From step to step per cohort"),
        _(
            "A cohort is everyone whose first ladder step was assessed in that year. Compared: "
            "their first step and their last step assessed by the end of the chosen time."
        ),
    ),
    "placements_kind": (
        _("Placements by kind of offer"),
        _("Candidates who started on an offer in each period."),
    ),
    "placements_organisation": (
        _("Placements by organisation"),
        _(
            "Placements that started in the chosen time, by the partner offering the place. "
            "Places at employers are counted together."
        ),
    ),
    "placements_barrier": (
        _("Placements by barrier"),
        _(
            "Placements that started in the chosen time, by the kinds of barrier the candidate "
            "still had on the first day. Physical, psychological and addiction count together "
            "as health. Someone with two kinds of barrier counts in both."
        ),
    ),
    "zeg_ja": (
        _("Zeg JA Team"),
        _(
            "Cases by the period in which they were submitted: how many were decided and "
            "solved, and the median number of days from submission to the first decision "
            "and to the solution."
        ),
    ),
    "zeg_ja_knelpunten": (
        _("Barriers that keep coming back in the Zeg JA Team"),
        _(
            "The kinds of barrier in the cases submitted in the chosen time, most frequent "
            "first. A case can be about several kinds."
        ),
    ),
    "deals": (
        _("BHAG Deals per employer"),
        _(
            "Places promised in the BHAG Deals running in the chosen time, and how many were "
            "filled: placements on the employer's offers of the promised kind that started "
            "within the deal's period, up to the number promised."
        ),
    ),
    "pilots": (
        _("Pilots and their results"),
        _(
            "Each pilot's participants (the candidates of its cases and placements), what "
            "happened with them, and how many left bijstand for work during the pilot."
        ),
    ),
}


def table(code: str, *, columns: Sequence[Column], rows: list[dict[str, object]]) -> Table:
    title, description = DEFINITIONS[code]
    return Table(code, title, description, tuple(columns), rows)


GOAL_COLUMNS = (
    Column("goal", _("Goal"), Kind.TEXT),
    Column("metric", _("What is measured"), Kind.TEXT),
    Column("baseline_date", _("Starting date"), Kind.DATE),
    Column("baseline_value", _("Starting value")),
    Column("target_date", _("Target date"), Kind.DATE),
    Column("target_value", _("Target value")),
    Column("as_of", _("Value on"), Kind.DATE),
    Column("current", _("Value"), Kind.NUMBER, bases=("current_people",)),
    Column("projection", _("Expected on the target date"), Kind.NUMBER, bases=("current_people",)),
)


# --- the running count of intervals ---------------------------------------------------------


@dataclass
class Intervals:
    """How many intervals cover the first day of a month, per key, from monthly entries/exits.

    `enter(key, month, count, on_first_day)`: `count` intervals start in `month`, of which
    `on_first_day` on its first day. `leave(key, month, count)`: `count` intervals have their
    last day in `month`.
    """

    _entries: dict[object, dict[date, int]] = field(default_factory=lambda: defaultdict(dict))
    _first_days: dict[object, dict[date, int]] = field(default_factory=lambda: defaultdict(dict))
    _exits: dict[object, dict[date, int]] = field(default_factory=lambda: defaultdict(dict))
    _prefix: dict[tuple[str, object], tuple[list[date], list[int]]] = field(default_factory=dict)

    def enter(self, key: object, month: date, count: int, on_first_day: int) -> None:
        self._entries[key][month] = self._entries[key].get(month, 0) + count
        self._first_days[key][month] = self._first_days[key].get(month, 0) + on_first_day
        self._prefix.clear()

    def leave(self, key: object, month: date, count: int) -> None:
        self._exits[key][month] = self._exits[key].get(month, 0) + count
        self._prefix.clear()

    def _before(self, kind: str, key: object, month: date) -> int:
        """The total of `kind` in the months before `month`."""
        if (kind, key) not in self._prefix:
            counts = (self._entries if kind == "in" else self._exits)[key]
            months = sorted(counts)
            totals = [0]
            for m in months:
                totals.append(totals[-1] + counts[m])
            self._prefix[(kind, key)] = (months, totals)
        months, totals = self._prefix[(kind, key)]
        return totals[bisect.bisect_left(months, month)]

    def on(self, month: date, key: object = None) -> int:
        """Intervals covering the first day of `month`."""
        return (
            self._before("in", key, month)
            + self._first_days[key].get(month, 0)
            - self._before("out", key, month)
        )


# --- flows: stock, inflow, outflow, long-term ------------------------------------------------


FLOW_FIELDS = ("inflow", "outflow", "to_work", "with_support", "long_term_outflow")
#: A breakdown group: None for everyone, ("household", code) or ("age", band index).
Group = tuple[str, object] | None


@dataclass
class MonthlyFlows:
    """The benefit flows of a scope per month (also by household and age band), from one
    aggregate query."""

    stock: Intervals = field(default_factory=Intervals)
    long_term: Intervals = field(default_factory=Intervals)
    counts: dict[tuple[str, Group], dict[date, int]] = field(
        default_factory=lambda: defaultdict(dict)
    )

    def add(self, name: str, month: date, count: int, groups: Iterable[Group]) -> None:
        for group in groups:
            by_month = self.counts[(name, group)]
            by_month[month] = by_month.get(month, 0) + count

    def stock_on(self, month: date) -> int:
        return self.stock.on(month)

    def long_term_on(self, month: date) -> int:
        return self.long_term.on(month)

    def total(self, name: str, months: Iterable[date], group: Group = None) -> int:
        counts = self.counts.get((name, group), {})
        return sum(counts.get(month, 0) for month in months)

    def share_to_work(self, *, before: date) -> float | None:
        """Outflow to work as a share of all outflow in the years before `before`."""
        months = [add_months(month_of(before), -n) for n in range(1, USUAL_SHARE_YEARS * 12 + 1)]
        outflow = self.total("outflow", months)
        return self.total("to_work", months) / outflow if outflow else None


def five_years_before(day: date) -> date:
    """The same day five years earlier (28 February for 29 February)."""
    if day.month == 2 and day.day == 29:
        return date(day.year - LONG_TERM_YEARS, 2, 28)
    return day.replace(year=day.year - LONG_TERM_YEARS)


def stock_on_day(day: date, *, long_term: bool = False, scope: Scope | None = None) -> int:
    """People on bijstand on `day` (for 5 years or more, with `long_term`)."""
    started_by = five_years_before(day) if long_term else day
    return (
        BenefitPeriod.objects.filter((scope or Scope()).q("candidate_id"))
        .filter(start__lte=started_by)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .count()
    )


def periods_with_cbs_flags(
    *, where: str, columns: Sequence[tuple[str, str]] = (), join: str = ""
) -> str:
    """SQL for benefit periods (`cid`, `s`, `e`, `reason`) with the CBS 30-day flags.

    `returned`: the person's previous period ended at most 30 days before this start, so the
    start is no inflow. `comes_back`: their next period starts at most 30 days after this end,
    so the end is no outflow. `columns` adds (expression, alias) pairs, `join` other tables.
    """
    bp, end = quote(BenefitPeriod._meta.db_table), quote("end")
    inner = "".join(f", {expression} AS {alias}" for expression, alias in columns)
    outer = "".join(f", {alias}" for _expression, alias in columns)
    return f"""
        SELECT cid, s, e, reason{outer},
            CASE WHEN prev_e IS NOT NULL AND s <= {sql.add_days("prev_e", CBS_RETURN_DAYS)}
                 THEN 1 ELSE 0 END AS returned,
            CASE WHEN next_s IS NOT NULL AND next_s <= {sql.add_days("e", CBS_RETURN_DAYS)}
                 THEN 1 ELSE 0 END AS comes_back
        FROM (
            SELECT bp.candidate_id AS cid, bp.start AS s, bp.{end} AS e,
                   bp.end_reason AS reason{inner},
                   LAG(bp.{end}) OVER w AS prev_e, LEAD(bp.start) OVER w AS next_s
            FROM {bp} bp{join}
            WHERE 1 = 1{where}
            WINDOW w AS (PARTITION BY bp.candidate_id ORDER BY bp.start, bp.id)
        ) p
    """  # noqa: S608 - names from the models, values as parameters


WORK_REASONS = (EndReason.WORK.value, EndReason.WORK_WITH_SUPPORT.value)


def _candidates_with_age_thresholds() -> str:
    """Candidates (`id`, `household`) with the days they turn 27, 35, 45 and 55 (`a1`..`a4`).

    Computed once per person, so that the age band on a day is a few date comparisons.
    """
    candidate = quote(Candidate._meta.db_table)
    thresholds = ", ".join(
        f"{sql.add_years('birth_date', lowest)} AS a{index}"
        for index, (lowest, _label) in enumerate(AGE_BANDS[1:], start=1)
    )
    return f"SELECT id, household, {thresholds} FROM {candidate}"  # noqa: S608 - names only


def _age_band(day: str) -> str:
    """The age band (index into AGE_BANDS) on `day`, from the thresholds `a1`..`a4`."""
    whens = " ".join(f"WHEN {day} < a{i} THEN {i - 1}" for i in range(1, len(AGE_BANDS)))
    return f"CASE {whens} ELSE {len(AGE_BANDS) - 1} END"


def _flow_query(scope: Scope) -> tuple[str, list[object]]:
    """Per month of start (side 0) and of end (side 1), by household and age band then."""
    where, params = scope.sql("bp.candidate_id")
    thresholds = [f"c.a{i}" for i in range(1, len(AGE_BANDS))]
    periods = periods_with_cbs_flags(
        where=where,
        columns=(("c.household", "household"), *((t, t.removeprefix("c.")) for t in thresholds)),
        join=f" JOIN ({_candidates_with_age_thresholds()}) c ON c.id = bp.candidate_id",
    )
    five_years = sql.add_years("s", LONG_TERM_YEARS)
    query = f"""
        WITH q AS ({periods}),
        f AS (
            SELECT s, e, reason, returned, comes_back, household,
                {sql.month_start("s")} AS ms, {sql.month_start("e")} AS me,
                {_age_band("s")} AS band_s,
                CASE WHEN e IS NULL THEN 0 ELSE {_age_band("e")} END AS band_e,
                CASE WHEN e IS NULL OR e >= {five_years} THEN 1 ELSE 0 END AS lt
            FROM q
        )
        SELECT 0, ms, household, band_s, COUNT(*), SUM(CASE WHEN s = ms THEN 1 ELSE 0 END),
               SUM(1 - returned), SUM(lt), SUM(CASE WHEN lt = 1 AND s = ms THEN 1 ELSE 0 END), 0
        FROM f GROUP BY 2, 3, 4
        UNION ALL
        SELECT 1, me, household, band_e, COUNT(*), SUM(lt), SUM(1 - comes_back),
               SUM(CASE WHEN comes_back = 0 AND reason IN (%s, %s) THEN 1 ELSE 0 END),
               SUM(CASE WHEN comes_back = 0 AND reason = %s THEN 1 ELSE 0 END),
               SUM(CASE WHEN comes_back = 0 AND lt = 1 THEN 1 ELSE 0 END)
        FROM f WHERE e IS NOT NULL GROUP BY 2, 3, 4
    """  # noqa: S608 - names from the models, values as parameters
    return query, [*params, *WORK_REASONS, EndReason.WORK_WITH_SUPPORT.value]


def monthly_flows(scope: Scope) -> MonthlyFlows:
    """Stock, long-term stock and the flows of `scope` per month, over all history."""
    result = MonthlyFlows()
    for side, month_value, household, band, count, a, b, c, d, e in sql.fetch(*_flow_query(scope)):
        month = sql.as_date(month_value)
        groups: tuple[Group, ...] = (None, ("household", household), ("age", int(band)))
        if side == 0:  # starts: a on the first day, b inflow, c long, d long on the first day
            result.stock.enter(None, month, count, int(a))
            result.long_term.enter(None, add_months(month, LONG_TERM_MONTHS), int(c), int(d))
            result.add("inflow", month, int(b), groups)
        else:  # ends: a long, b outflow, c to work, d with support, e long-term outflow
            result.stock.leave(None, month, count)
            result.long_term.leave(None, month, int(a))
            for name, value in zip(FLOW_FIELDS[1:], (b, c, d, e), strict=True):
                result.add(name, month, int(value), groups)
    return result


@dataclass(frozen=True)
class UsualToWork:
    """The usual outflow to work: `per_year` people a year times `share` went to work."""

    per_year: int
    share: float | None
    share_measured: bool

    @property
    def per_month(self) -> float | None:
        return None if self.share is None else self.per_year * self.share / 12


def usual_to_work(
    flows: MonthlyFlows,
    *,
    per_year: int = DEFAULT_USUAL_OUTFLOW_PER_YEAR,
    share: Decimal | None = None,
    baseline_date: date = DEFAULT_BASELINE_DATE,
) -> UsualToWork:
    if share is not None:
        return UsualToWork(per_year, float(share), share_measured=False)
    measured = flows.share_to_work(before=baseline_date)
    return UsualToWork(per_year, measured, share_measured=True)


def flows_table(
    *, flows: MonthlyFlows, period_range: Range, usual: UsualToWork | None, today: date
) -> Table:
    columns = [
        Column("period", _("Period"), Kind.TEXT),
        Column("on_bijstand", _("On bijstand on the first day")),
        Column("inflow", _("Inflow")),
        Column("outflow", _("Outflow")),
        Column(
            "to_work",
            _("Outflow to work"),
            parts=("to_work_without_support", "to_work_with_support"),
        ),
        Column("to_work_without_support", _("to work without support")),
        Column("to_work_with_support", _("to work with support")),
        Column("long_term", _("On bijstand 5 years or more, on the first day")),
        Column("long_term_outflow", _("Outflow after 5 years or more")),
    ]
    if usual is not None and usual.per_month is not None:
        columns += [
            Column("usual_to_work", _("Usual outflow to work"), Kind.NUMBER),
            Column("extra_to_work", _("Extra to work"), Kind.NUMBER, bases=("to_work",)),
        ]
    rows = []
    for period in period_range.periods:
        months = period.months
        to_work = flows.total("to_work", months)
        with_support = flows.total("with_support", months)
        started = period.start <= today
        row: dict[str, object] = {
            "period": period.label,
            "period_start": period.start,
            "on_bijstand": flows.stock_on(period.start) if started else None,
            "inflow": flows.total("inflow", months),
            "outflow": flows.total("outflow", months),
            "to_work": to_work,
            "to_work_without_support": to_work - with_support,
            "to_work_with_support": with_support,
            "long_term": flows.long_term_on(period.start) if started else None,
            "long_term_outflow": flows.total("long_term_outflow", months),
        }
        if usual is not None and usual.per_month is not None:
            usual_here = usual.per_month * len(months)
            row["usual_to_work"] = usual_here
            row["extra_to_work"] = to_work - usual_here
        rows.append(row)
    return table(
        "flows",
        columns=columns,
        rows=rows,
    )


# --- by household and age band --------------------------------------------------------------


def _stock_by_group(scope: Scope, days: tuple[date, date]) -> dict[tuple[int, Group], int]:
    """People on bijstand on each of two days, by household and by age band on that day."""
    bp, end = quote(BenefitPeriod._meta.db_table), quote("end")
    where, params = scope.sql("bp.candidate_id")
    first, last = days
    covers = f"bp.start <= %s AND (bp.{end} IS NULL OR bp.{end} >= %s)"
    query = f"""
        SELECT household, band_first, band_last, SUM(on_first), SUM(on_last) FROM (
            SELECT c.household AS household, {_age_band("%s")} AS band_first,
                {_age_band("%s")} AS band_last,
                CASE WHEN {covers} THEN 1 ELSE 0 END AS on_first,
                CASE WHEN {covers} THEN 1 ELSE 0 END AS on_last
            FROM {bp} bp JOIN ({_candidates_with_age_thresholds()}) c ON c.id = bp.candidate_id
            WHERE bp.start <= %s AND (bp.{end} IS NULL OR bp.{end} >= %s){where}
        ) x
        GROUP BY 1, 2, 3
    """  # noqa: S608 - names from the models, values as parameters
    counts: dict[tuple[int, Group], int] = defaultdict(int)
    for household, band_first, band_last, on_first, on_last in sql.fetch(
        query,
        [*[first] * (len(AGE_BANDS) - 1), *[last] * (len(AGE_BANDS) - 1)]
        + [first, first, last, last, last, first, *params],
    ):
        for index, band, count in ((0, band_first, on_first), (1, band_last, on_last)):
            counts[(index, ("household", household))] += int(count)
            counts[(index, ("age", int(band)))] += int(count)
    return counts


def groups_table(*, scope: Scope, flows: MonthlyFlows, period_range: Range, today: date) -> Table:
    """On bijstand at the start and the end of the range, and the flows in it, by household
    and by age band (on that day, or on the day of the start or end)."""
    last = period_range.stock_day(today)
    stock = _stock_by_group(scope, (period_range.first, last))
    months = [m for period in period_range.periods for m in period.months]
    groups: list[tuple[str, str, Group]] = [
        (str(_("Household")), str(label), ("household", code)) for code, label in Household.choices
    ] + [(str(_("Age")), str(label), ("age", i)) for i, (_low, label) in enumerate(AGE_BANDS)]
    rows: list[dict[str, object]] = [
        {
            "dimension": dimension,
            "group": label,
            "first": stock.get((0, group), 0),
            "inflow": flows.total("inflow", months, group),
            "outflow": flows.total("outflow", months, group),
            "to_work": flows.total("to_work", months, group),
            "last": stock.get((1, group), 0),
        }
        for dimension, label, group in groups
    ]
    return table(
        "groups",
        columns=(
            Column("dimension", _("Breakdown"), Kind.TEXT),
            Column("group", _("Group"), Kind.TEXT),
            Column("first", _("On bijstand at the start")),
            Column("inflow", _("Inflow")),
            Column("outflow", _("Outflow")),
            Column("to_work", _("Outflow to work")),
            Column("last", _("On bijstand at the end")),
        ),
        rows=rows,
    )


# --- ladder ----------------------------------------------------------------------------------


def _step_label(step: int) -> str:
    return str(LadderStep(step).label)


def ladder_step_intervals(scope: Scope) -> Intervals:
    """Per ladder step, the intervals in which someone on bijstand held it, over all history.

    Each ladder score holds from its assessment until the day before the next one; the days
    it holds while the person is on bijstand form an interval, counted like the stock.
    """
    bp, ls = quote(BenefitPeriod._meta.db_table), quote(LadderScore._meta.db_table)
    end = quote("end")
    where, params = scope.sql("ls.candidate_id")
    score_last = sql.open_end(sql.add_days("sc.next_a", -1))
    period_last = sql.open_end(f"bp.{end}")
    query = f"""
        WITH sc AS (
            SELECT ls.candidate_id AS cid, ls.step AS step, ls.assessed_on AS a,
                   LEAD(ls.assessed_on) OVER (
                       PARTITION BY ls.candidate_id ORDER BY ls.assessed_on, ls.created_at, ls.id
                   ) AS next_a
            FROM {ls} ls
            WHERE 1 = 1{where}
        ), x AS (
            SELECT sc.step AS step, {sql.later_of("sc.a", "bp.start")} AS lo,
                   {sql.earlier_of(score_last, period_last)} AS hi
            FROM sc JOIN {bp} bp ON bp.candidate_id = sc.cid
            WHERE sc.a <= {score_last} AND bp.start <= {score_last} AND {period_last} >= sc.a
        )
        SELECT 0, step, {sql.month_start("lo")}, COUNT(*),
               SUM(CASE WHEN lo = {sql.month_start("lo")} THEN 1 ELSE 0 END)
        FROM x GROUP BY 2, 3
        UNION ALL
        SELECT 1, step, {sql.month_start("hi")}, COUNT(*), 0
        FROM x WHERE hi < %s GROUP BY 2, 3
    """  # noqa: S608 - names from the models, values as parameters
    steps = Intervals()
    for side, step, month_value, count, first_day in sql.fetch(query, [*params, sql.OPEN_END]):
        month = sql.as_date(month_value)
        if side == 0:
            steps.enter(step, month, count, int(first_day))
        else:
            steps.leave(step, month, count)
    return steps


def ladder_steps_table(
    *, steps: Intervals, flows: MonthlyFlows, period_range: Range, today: date
) -> Table:
    """Per period: people on bijstand on its first day by their latest ladder step then."""
    columns = [
        Column("period", _("Period"), Kind.TEXT),
        Column(
            "on_bijstand",
            _("On bijstand on the first day"),
            parts=(*(f"step_{step}" for step in LadderStep.values), "not_assessed"),
        ),
        *(Column(f"step_{step}", _step_label(step)) for step in LadderStep.values),
        Column("not_assessed", _("No ladder step yet")),
    ]
    rows = []
    for period in period_range.periods:
        if period.start > today:
            continue
        row: dict[str, object] = {"period": period.label, "period_start": period.start}
        row |= {f"step_{step}": steps.on(period.start, step) for step in LadderStep.values}
        stock = flows.stock_on(period.start)
        row["on_bijstand"] = stock
        row["not_assessed"] = stock - sum(steps.on(period.start, s) for s in LadderStep.values)
        rows.append(row)
    return table(
        "ladder_steps",
        columns=columns,
        rows=rows,
    )


@dataclass(frozen=True)
class LadderTransitions:
    cohorts: Table
    transitions: Table


def ladder_transitions(*, scope: Scope, period_range: Range, today: date) -> LadderTransitions:
    """Per cohort (the year of a person's first ladder assessment, within the chosen time):
    from their first step to their last step assessed by the end of the chosen time."""
    ls = quote(LadderScore._meta.db_table)
    where, params = scope.sql("ls.candidate_id")
    as_of = period_range.stock_day(today)
    whole_history = "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
    query = f"""
        SELECT {sql.year_of("first_day")}, first_step, last_step, COUNT(*) FROM (
            SELECT ROW_NUMBER() OVER w AS position, ls.assessed_on AS first_day,
                   ls.step AS first_step, LAST_VALUE(ls.step) OVER (w {whole_history}) AS last_step
            FROM {ls} ls
            WHERE ls.assessed_on <= %s{where}
            WINDOW w AS (
                PARTITION BY ls.candidate_id ORDER BY ls.assessed_on, ls.created_at, ls.id
            )
        ) r
        WHERE position = 1 AND first_day >= %s
        GROUP BY 1, 2, 3
    """  # noqa: S608 - names from the models, values as parameters
    counts: dict[int, dict[tuple[int, int], int]] = defaultdict(dict)
    for cohort, first_step, last_step, count in sql.fetch(
        query, [as_of, *params, period_range.first]
    ):
        counts[int(cohort)][(first_step, last_step)] = count
    steps = LadderStep.values
    cohort_rows: list[dict[str, object]] = []
    transition_rows: list[dict[str, object]] = []
    for cohort in sorted(counts):
        pairs = counts[cohort]
        total = sum(pairs.values())
        up = sum(n for (a, b), n in pairs.items() if b > a)
        same = sum(n for (a, b), n in pairs.items() if b == a)
        cohort_rows.append(
            {
                "cohort": str(cohort),
                "candidates": total,
                "up": up,
                "same": same,
                "down": total - up - same,
                "share_up": up / total,
            }
        )
        for first_step in steps:
            row: dict[str, object] = {"cohort": str(cohort), "from": _step_label(first_step)}
            row |= {f"to_{b}": pairs.get((first_step, b), 0) for b in steps}
            row["candidates"] = sum(pairs.get((first_step, b), 0) for b in steps)
            if row["candidates"]:
                transition_rows.append(row)
    cohorts = table(
        "ladder_cohorts",
        columns=(
            Column("cohort", _("Cohort (year of first assessment)"), Kind.TEXT),
            Column("candidates", _("Candidates"), parts=("up", "same", "down")),
            Column("up", _("Moved up")),
            Column("same", _("Same step")),
            Column("down", _("Moved down")),
            Column("share_up", _("Share moved up"), Kind.SHARE, bases=("up", "candidates")),
        ),
        rows=cohort_rows,
    )
    transitions = table(
        "ladder_transitions",
        columns=(
            Column("cohort", _("Cohort (year of first assessment)"), Kind.TEXT),
            Column("from", _("First step"), Kind.TEXT),
            Column("candidates", _("Candidates"), parts=tuple(f"to_{step}" for step in steps)),
            *(Column(f"to_{step}", _("to %(step)s") % {"step": step}) for step in steps),
        ),
        rows=transition_rows,
    )
    return LadderTransitions(cohorts=cohorts, transitions=transitions)


# --- placements ------------------------------------------------------------------------------


def _period_start(month: date, granularity: Granularity) -> date:
    return month if granularity == Granularity.MONTH else quarter_of(month)


def placements_kind_table(*, scope: Scope, period_range: Range) -> Table:
    placement = quote(Placement._meta.db_table)
    where, params = scope.sql("p.candidate_id")
    query = f"""
        SELECT {sql.month_start("p.start")}, p.kind, COUNT(*) FROM {placement} p
        WHERE p.start >= %s AND p.start <= %s{where}
        GROUP BY 1, 2
    """  # noqa: S608 - names from the models, values as parameters
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for month, kind, count in sql.fetch(query, [period_range.first, period_range.last, *params]):
        counts[(_period_start(sql.as_date(month), period_range.granularity), kind)] += count
    rows = []
    for period in period_range.periods:
        row: dict[str, object] = {"period": period.label, "period_start": period.start}
        row |= {kind: counts.get((period.start, kind), 0) for kind in OfferKind.values}
        row["total"] = sum(counts.get((period.start, kind), 0) for kind in OfferKind.values)
        rows.append(row)
    return table(
        "placements_kind",
        columns=(
            Column("period", _("Period"), Kind.TEXT),
            *(Column(kind, label) for kind, label in OfferKind.choices),
            Column("total", _("All placements"), parts=tuple(OfferKind.values)),
        ),
        rows=rows,
    )


def _placements_in(scope: Scope, period_range: Range) -> Q:
    return scope.q("candidate_id") & Q(start__gte=period_range.first, start__lte=period_range.last)


def _placement_counts() -> dict[str, Count]:
    return {
        "placements": Count("id"),
        "ended": Count("id", filter=Q(end__isnull=False)),
        "paid_work": Count("id", filter=Q(outcome=PlacementOutcome.PAID_WORK)),
    }


PLACEMENT_COLUMNS = (
    Column("placements", _("Placements")),
    Column("ended", _("Of which ended")),
    Column("paid_work", _("Moved on to paid work")),
)


def placements_organisation_table(*, scope: Scope, period_range: Range) -> Table:
    """Placements by the partner that offers the place; employers' places together."""
    employers = str(_("Employers"))
    rows = [
        {"organisation": name or employers, **counts}
        for name, *values in (
            Placement.objects.filter(_placements_in(scope, period_range))
            .annotate(provider=Coalesce("offer__organisation__name", Value("")))
            .values("provider")
            .annotate(**_placement_counts())
            .order_by("provider")
            .values_list("provider", "placements", "ended", "paid_work")
        )
        for counts in [dict(zip(("placements", "ended", "paid_work"), values, strict=True))]
    ]
    return table(
        "placements_organisation",
        columns=(Column("organisation", _("Organisation"), Kind.TEXT), *PLACEMENT_COLUMNS),
        rows=rows,
    )


#: Placements started per month by barrier category ("" for none): (placements, paid work).
BarrierCounts = dict[date, dict[str, tuple[int, int]]]


def placements_by_barrier(scope: Scope) -> BarrierCounts:
    """Placements per month of start by the kinds of barrier open on that day, all history.

    Health complaints are one group ("health"); a placement with several open barriers counts
    once in each of their groups; category "" counts placements without an open barrier.
    """
    placement, barrier = quote(Placement._meta.db_table), quote(Barrier._meta.db_table)
    where, params = scope.sql("p.candidate_id")
    open_on_start = (
        "b.candidate_id = p.candidate_id AND b.opened_on <= p.start"
        " AND (b.resolved_on IS NULL OR b.resolved_on >= p.start)"
    )
    paid = "CASE WHEN p.outcome = %s THEN 1 ELSE 0 END"
    month = sql.month_start("p.start")
    query = f"""
        SELECT month, category, COUNT(*), SUM(paid) FROM (
            SELECT DISTINCT p.id, {month} AS month, b.category, {paid} AS paid
            FROM {placement} p JOIN {barrier} b ON {open_on_start}
            WHERE 1 = 1{where}
        ) x GROUP BY month, category
        UNION ALL
        SELECT {month}, '', COUNT(*), COALESCE(SUM({paid}), 0) FROM {placement} p
        WHERE NOT EXISTS (SELECT 1 FROM {barrier} b WHERE {open_on_start}){where}
        GROUP BY 1
    """  # noqa: S608 - names from the models, values as parameters
    paid_work = PlacementOutcome.PAID_WORK.value
    counts: BarrierCounts = defaultdict(dict)
    for month_value, category, count, paid_count in sql.fetch(
        query, [paid_work, *params, paid_work, *params]
    ):
        counts[sql.as_date(month_value)][category] = (count, int(paid_count))
    return counts


def placements_barrier_table(*, counts: BarrierCounts, period_range: Range) -> Table:
    """Placements that started in the range by the kinds of barrier open on their first day."""
    found: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for period in period_range.periods:
        for month in period.months:
            for category, (count, paid) in counts.get(month, {}).items():
                found[category] = (found[category][0] + count, found[category][1] + paid)
    rows: list[dict[str, object]] = [
        {"barrier": str(label), "placements": found[code][0], "paid_work": found[code][1]}
        for code, label in KnelpuntKind.choices
        if code in found
    ]
    none_count, none_paid = found[""]
    rows.append(
        {"barrier": str(_("No open barrier")), "placements": none_count, "paid_work": none_paid}
    )
    return table(
        "placements_barrier",
        columns=(
            Column("barrier", _("Kind of barrier on the first day"), Kind.TEXT),
            Column("placements", _("Placements")),
            Column("paid_work", _("Moved on to paid work")),
        ),
        rows=rows,
    )


# --- Zeg JA Team -----------------------------------------------------------------------------


def zeg_ja_table(*, scope: Scope, period_range: Range) -> Table:
    """Cases per period of submission: decided, solved, and median days to both.

    Days to decision and to solution are the Case model's: from the day of submission to
    the first decision, and to the day the case was solved. Medians are computed in SQL
    (the middle row, or the mean of the two middle rows, by ROW_NUMBER per period).
    """
    cases = quote(Case._meta.db_table)
    where, params = scope.sql("c.candidate_id")
    bucket = (
        sql.month_start("c.submitted_on")
        if period_range.granularity == Granularity.MONTH
        else sql.quarter_start("c.submitted_on")
    )
    to_decision = sql.days_between("c.submitted_on", "c.decided_on")
    to_solution = sql.days_between("c.submitted_on", "c.solved_on")
    query = f"""
        WITH k AS (
            SELECT {bucket} AS ps, c.status AS status, c.decided_on AS decided_on,
                   c.solved_on AS solved_on, {to_decision} AS dd, {to_solution} AS ds
            FROM {cases} c
            WHERE c.submitted_on >= %s AND c.submitted_on <= %s{where}
        ), d AS (
            SELECT ps, dd AS days, ROW_NUMBER() OVER (PARTITION BY ps ORDER BY dd) AS rn,
                   COUNT(*) OVER (PARTITION BY ps) AS n
            FROM k WHERE decided_on IS NOT NULL
        ), s AS (
            SELECT ps, ds AS days, ROW_NUMBER() OVER (PARTITION BY ps ORDER BY ds) AS rn,
                   COUNT(*) OVER (PARTITION BY ps) AS n
            FROM k WHERE solved_on IS NOT NULL
        )
        SELECT k.ps, COUNT(*),
               SUM(CASE WHEN k.decided_on IS NOT NULL THEN 1 ELSE 0 END),
               SUM(CASE WHEN k.status = %s THEN 1 ELSE 0 END),
               SUM(CASE WHEN k.solved_on IS NOT NULL THEN 1 ELSE 0 END),
               (SELECT AVG(1.0 * d.days) FROM d
                WHERE d.ps = k.ps AND d.rn IN ((d.n + 1) / 2, (d.n + 2) / 2)),
               (SELECT AVG(1.0 * s.days) FROM s
                WHERE s.ps = k.ps AND s.rn IN ((s.n + 1) / 2, (s.n + 2) / 2))
        FROM k GROUP BY k.ps
    """  # noqa: S608 - names from the models, values as parameters
    found = {
        sql.as_date(ps): (submitted, decided, solved, with_date, median_d, median_s)
        for ps, submitted, decided, solved, with_date, median_d, median_s in sql.fetch(
            query, [period_range.first, period_range.last, *params, CaseStatus.SOLVED.value]
        )
    }
    rows = []
    for period in period_range.periods:
        submitted, decided, solved, with_date, median_d, median_s = found.get(
            period.start, (0, 0, 0, 0, None, None)
        )
        rows.append(
            {
                "period": period.label,
                "period_start": period.start,
                "submitted": submitted,
                "decided": decided,
                "solved": solved,
                "share_solved": solved / submitted if submitted else None,
                "median_days_to_decision": None if median_d is None else float(median_d),
                "median_days_to_solution": None if median_s is None else float(median_s),
                "with_solution_date": with_date,
            }
        )
    return table(
        "zeg_ja",
        columns=(
            Column("period", _("Period"), Kind.TEXT),
            Column("submitted", _("Cases submitted")),
            Column("decided", _("With a decision")),
            Column("solved", _("Solved")),
            Column("share_solved", _("Share solved"), Kind.SHARE, bases=("solved", "submitted")),
            Column(
                "median_days_to_decision",
                _("Median days to decision"),
                Kind.DAYS,
                bases=("decided",),
            ),
            Column(
                "median_days_to_solution",
                _("Median days to solution"),
                Kind.DAYS,
                bases=("with_solution_date",),
            ),
        ),
        rows=rows,
    )


def zeg_ja_knelpunten_table(*, scope: Scope, period_range: Range) -> Table:
    """The kinds of barrier the cases submitted in the range were about, most frequent first."""
    cases = Case.objects.filter(scope.q("candidate_id")).filter(
        submitted_on__gte=period_range.first, submitted_on__lte=period_range.last
    )
    # The kinds are a JSON list; `"kind"` with its quotes matches one element on both databases.
    totals = cases.aggregate(
        **{
            f"{kind}__cases": Count("id", filter=Q(knelpunt_kinds__icontains=f'"{kind}"'))
            for kind in KnelpuntKind.values
        },
        **{
            f"{kind}__solved": Count(
                "id",
                filter=Q(knelpunt_kinds__icontains=f'"{kind}"', status=CaseStatus.SOLVED),
            )
            for kind in KnelpuntKind.values
        },
    )
    rows = [
        {
            "kind": str(label),
            "cases": totals[f"{kind}__cases"],
            "solved": totals[f"{kind}__solved"],
            "share_solved": (
                totals[f"{kind}__solved"] / totals[f"{kind}__cases"]
                if totals[f"{kind}__cases"]
                else None
            ),
        }
        for kind, label in KnelpuntKind.choices
    ]
    rows.sort(key=lambda row: -int(row["cases"] or 0))
    return table(
        "zeg_ja_knelpunten",
        columns=(
            Column("kind", _("Kind of barrier"), Kind.TEXT),
            Column("cases", _("Cases")),
            Column("solved", _("Solved")),
            Column("share_solved", _("Share solved"), Kind.SHARE, bases=("solved", "cases")),
        ),
        rows=rows,
    )


# --- BHAG Deals ------------------------------------------------------------------------------


def deals_table(*, scope: Scope, period_range: Range) -> Table:
    """Fulfilment of the BHAG Deals per employer, for deals running in the chosen time.

    The rule is the offers app's (`werkpad.offers.selectors.deal_rows`): placements on the
    employer's offers of the promised kind that started within the deal's period, counted up
    to the places promised. Here it is one aggregate query over all deals.
    """
    promise, deal = quote(DealPromise._meta.db_table), quote(Deal._meta.db_table)
    employer, offer = quote(Employer._meta.db_table), quote(Offer._meta.db_table)
    placement = quote(Placement._meta.db_table)
    where, params = scope.sql("pl.candidate_id")
    query = f"""
        WITH promised AS (
            SELECT dp.id, dp.places, dp.offer_kind, d.id AS deal_id, d.employer_id,
                   d.starts_on, d.ends_on
            FROM {promise} dp JOIN {deal} d ON d.id = dp.deal_id
            WHERE d.starts_on <= %s AND d.ends_on >= %s
        ), filled AS (
            SELECT pr.id, COUNT(*) AS placed
            FROM promised pr
            JOIN {offer} o ON o.employer_id = pr.employer_id
            JOIN {placement} pl ON pl.offer_id = o.id AND pl.kind = pr.offer_kind
                AND pl.start >= pr.starts_on AND pl.start <= pr.ends_on{where}
            GROUP BY pr.id
        )
        SELECT e.name, COUNT(DISTINCT pr.deal_id), SUM(pr.places),
               SUM({sql.earlier_of("COALESCE(f.placed, 0)", "pr.places")})
        FROM promised pr JOIN {employer} e ON e.id = pr.employer_id
        LEFT JOIN filled f ON f.id = pr.id
        GROUP BY e.id, e.name
        ORDER BY e.name, e.id
    """  # noqa: S608 - names from the models, values as parameters
    rows: list[dict[str, object]] = [
        {
            "employer": name,
            "deals": deals,
            "promised": int(promised),
            "placed": int(placed),
            "share_fulfilled": int(placed) / int(promised) if promised else None,
        }
        for name, deals, promised, placed in sql.fetch(
            query, [period_range.last, period_range.first, *params]
        )
    ]
    return table(
        "deals",
        columns=(
            Column("employer", _("Employer"), Kind.TEXT),
            Column("deals", _("Deals")),
            Column("promised", _("Places promised")),
            Column("placed", _("Places filled")),
            Column(
                "share_fulfilled",
                _("Share filled"),
                Kind.SHARE,
                bases=("placed", "promised"),
            ),
        ),
        rows=rows,
    )


# --- pilots ----------------------------------------------------------------------------------


def pilots_table(*, scope: Scope, today: date) -> Table:
    """Each pilot's results, counted over its participants.

    Participants: the candidates of its cases (every case for the Zeg JA Team pilot) and of its
    placements (linked one by one, on its linked offers, or on offers whose "pilot" field names
    it). Outflow to work: participants whose benefit ended for work within the pilot's period
    (up to today while it runs), by the CBS rule.
    """
    pilot = quote(Pilot._meta.db_table)
    cases, placement = quote(Case._meta.db_table), quote(Placement._meta.db_table)
    offer = quote(Offer._meta.db_table)
    pilot_cases = quote(Pilot.cases.through._meta.db_table)
    pilot_offers = quote(Pilot.offers.through._meta.db_table)
    pilot_placements = quote(Pilot.placements.through._meta.db_table)
    case_scope, case_params = scope.sql("c.candidate_id")
    placement_scope, placement_params = scope.sql("pl.candidate_id")
    periods = periods_with_cbs_flags(where=" AND bp.candidate_id IN (SELECT cid FROM members)")
    query = f"""
        WITH mc AS (
            SELECT pc.pilot_id AS pid, c.candidate_id AS cid, c.id AS item, c.status AS status
            FROM {pilot_cases} pc JOIN {cases} c ON c.id = pc.case_id WHERE 1 = 1{case_scope}
            UNION
            SELECT p.id, c.candidate_id, c.id, c.status
            FROM {pilot} p JOIN {cases} c ON p.every_zeg_ja_case = %s WHERE 1 = 1{case_scope}
        ), mp AS (
            SELECT pp.pilot_id AS pid, pl.candidate_id AS cid, pl.id AS item, pl.outcome AS outcome
            FROM {pilot_placements} pp JOIN {placement} pl ON pl.id = pp.placement_id
            WHERE 1 = 1{placement_scope}
            UNION
            SELECT po.pilot_id, pl.candidate_id, pl.id, pl.outcome
            FROM {pilot_offers} po JOIN {placement} pl ON pl.offer_id = po.offer_id
            WHERE 1 = 1{placement_scope}
            UNION
            SELECT p.id, pl.candidate_id, pl.id, pl.outcome
            FROM {pilot} p JOIN {offer} o ON o.pilot <> '' AND LOWER(o.pilot) = LOWER(p.name)
            JOIN {placement} pl ON pl.offer_id = o.id
            WHERE 1 = 1{placement_scope}
        ), members AS (
            SELECT pid, cid FROM mc UNION SELECT pid, cid FROM mp
        ), q AS ({periods})
        SELECT pid, 0, COUNT(*) FROM members GROUP BY pid
        UNION ALL SELECT pid, 1, COUNT(*) FROM mc GROUP BY pid
        UNION ALL SELECT pid, 2, COUNT(*) FROM mc WHERE status = %s GROUP BY pid
        UNION ALL SELECT pid, 3, COUNT(*) FROM mp GROUP BY pid
        UNION ALL SELECT pid, 4, COUNT(*) FROM mp WHERE outcome = %s GROUP BY pid
        UNION ALL
        SELECT m.pid, 5, COUNT(DISTINCT m.cid)
        FROM members m JOIN {pilot} p ON p.id = m.pid JOIN q ON q.cid = m.cid
        WHERE q.comes_back = 0 AND q.reason IN (%s, %s) AND q.e >= p.starts_on
          AND q.e <= {sql.earlier_of(sql.open_end("p.ends_on"), "%s")}
        GROUP BY m.pid
    """  # noqa: S608 - names from the models, values as parameters
    params = [
        *case_params,
        True,
        *case_params,
        *placement_params,
        *placement_params,
        *placement_params,
        CaseStatus.SOLVED.value,
        PlacementOutcome.PAID_WORK.value,
        *WORK_REASONS,
        today,
    ]
    results: dict[UUID, list[int]] = defaultdict(lambda: [0] * 6)
    for pilot_id, measure, count in sql.fetch(query, params):
        results[UUID(str(pilot_id))][measure] = count
    rows = []
    for item in Pilot.objects.order_by("-starts_on", "name"):
        participants, case_count, solved, placements, paid, to_work = results[item.pk]
        rows.append(
            {
                "pilot": item.name,
                "status": str(item.get_status_display()),
                "starts_on": item.starts_on,
                "ends_on": item.ends_on,
                "participants": participants,
                "cases": case_count,
                "solved": solved,
                "placements": placements,
                "paid_work": paid,
                "to_work": to_work,
                "share_to_work": to_work / participants if participants else None,
            }
        )
    return table(
        "pilots",
        columns=(
            Column("pilot", _("Pilot"), Kind.TEXT),
            Column("status", _("Status"), Kind.TEXT),
            Column("starts_on", _("Starts on"), Kind.DATE),
            Column("ends_on", _("Ends on"), Kind.DATE),
            Column("participants", _("Participants")),
            Column("cases", _("Cases")),
            Column("solved", _("Cases solved")),
            Column("placements", _("Placements")),
            Column("paid_work", _("Moved on to paid work")),
            Column("to_work", _("Left bijstand for work")),
            Column(
                "share_to_work",
                _("Share left for work"),
                Kind.SHARE,
                bases=("to_work", "participants"),
            ),
        ),
        rows=rows,
    )
