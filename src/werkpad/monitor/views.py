"""Pages and files of the BHAG monitor. Thin: parse, call one selector or service, render.

Who may use what is decided in `werkpad.monitor.selectors` (the audiences); the goals and the
pilot register are kept by the programme lead (`werkpad.monitor.services`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from werkpad.core.concurrency import StaleVersionError
from werkpad.monitor import exports
from werkpad.monitor.forms import GoalForm, MonitorFilterForm, PilotForm
from werkpad.monitor.models import Goal, Pilot
from werkpad.monitor.periods import Granularity, Period, add_months, quarter_of
from werkpad.monitor.presentation import dashboard_charts, goal_card
from werkpad.monitor.selectors import (
    ALL_AUDIENCES,
    INDICATOR_CODES,
    STEERING_AUDIENCES,
    Audience,
    Monitor,
    MonitorFilters,
    default_filters,
    goal_get,
    goal_list,
    monitor_audience_required,
    monitor_for,
    pilot_get,
    pilot_list,
)
from werkpad.monitor.services import (
    GOAL_FIELDS,
    PILOT_FIELDS,
    goal_create,
    goal_update,
    pilot_create,
    pilot_update,
)
from werkpad.monitor.sql import Scope, analytic_queries

QUARTER = re.compile(r"^(\d{4})-([1-4])$")
PROGRAMME_TEAM = frozenset({Audience.PROGRAMME_TEAM})


def _monitor(
    request: HttpRequest, *, allowed: frozenset[Audience] = ALL_AUDIENCES
) -> tuple[Monitor, MonitorFilterForm]:
    today = timezone.localdate()
    form = MonitorFilterForm(request.GET or None, defaults=default_filters(today=today))
    monitor = monitor_for(user=request.user, filters=form.filters(), today=today, allowed=allowed)
    return monitor, form


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
@require_GET
@analytic_queries
def dashboard_view(request: HttpRequest) -> HttpResponse:
    monitor, form = _monitor(request)
    if not monitor.is_ready():  # never computed for this choice: not in the request
        monitor.prepare_in_background()
        template = "monitor/_computing.html" if _is_htmx(request) else "monitor/dashboard.html"
        waiting = {"monitor": monitor, "audience": monitor.audience.value, "computing": True}
        return render(request, template, waiting)
    suppressed = monitor.audience.suppressed
    context: dict[str, Any] = {
        "form": form,
        "monitor": monitor,
        "audience": monitor.audience.value,
        "goal_cards": [
            goal_card(progress, suppressed=suppressed, index=index)
            for index, progress in enumerate(monitor.goals, start=1)
        ],
        "charts": dashboard_charts(monitor),
        "tables": {table.code: table for table in monitor.tables()},
        "report_quarters": _report_quarters(monitor.today),
    }
    context["freshness"] = monitor.freshness  # after every figure above was read
    template = "monitor/_body.html" if _is_htmx(request) else "monitor/dashboard.html"
    return render(request, template, context, status=400 if form.errors else 200)


def _report_quarters(today: date) -> list[tuple[str, str]]:
    """The last eight finished quarters, newest first, as (value, label)."""
    quarters = []
    start = add_months(quarter_of(today), -3)
    for _index in range(8):
        period = Period(start, add_months(start, 3) - timedelta(days=1), Granularity.QUARTER)
        quarters.append((f"{start.year}-{(start.month - 1) // 3 + 1}", period.label))
        start = add_months(start, -3)
    return quarters


# --- files -----------------------------------------------------------------------------------


def _download(content: bytes | str, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _file_when_ready(
    request: HttpRequest,
    monitor: Monitor,
    make: Callable[[], HttpResponse],
    *,
    codes: Iterable[str] = (),
    with_goals: bool = False,
) -> HttpResponse:
    """The file, once its figures are kept. Before: 202 and a page that says it is being made
    and asks again (htmx) until it offers the download; without JavaScript, a link does."""
    ready = monitor.is_ready(codes, with_goals=with_goals)
    if not ready:
        monitor.prepare_in_background(codes, with_goals=with_goals)
    if not ready or _is_htmx(request):
        template = "monitor/_file_status.html" if _is_htmx(request) else "monitor/file_waiting.html"
        context = {"ready": ready, "audience": monitor.audience.value}
        response = render(request, template, context, status=200 if ready else 202)
        response["Cache-Control"] = "no-store"
        return response
    return make()


@login_required
@require_GET
@analytic_queries
def export_xlsx_view(request: HttpRequest) -> HttpResponse:
    monitor, _form = _monitor(request)
    period = monitor.filters.period_range
    title = _("BHAG monitor, %(first)s to %(last)s, made on %(today)s") % {
        "first": period.first.strftime("%d-%m-%Y"),
        "last": period.last.strftime("%d-%m-%Y"),
        "today": monitor.today.strftime("%d-%m-%Y"),
    }
    return _file_when_ready(
        request,
        monitor,
        lambda: _download(
            exports.workbook(monitor.tables(), title=title),
            filename=f"bhag-monitor-{exports.file_stamp(monitor.today)}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    )


@login_required
@require_GET
@analytic_queries
def export_csv_view(request: HttpRequest, code: str) -> HttpResponse:
    if code not in INDICATOR_CODES:
        raise Http404
    monitor, _form = _monitor(request)
    return _file_when_ready(
        request,
        monitor,
        lambda: _download(
            exports.table_csv(monitor.table(code)),
            filename=f"bhag-monitor-{code}-{exports.file_stamp(monitor.today)}.csv",
            content_type="text/csv; charset=utf-8",
        ),
        codes=(code,),
    )


@login_required
@require_GET
@analytic_queries
def open_data_view(request: HttpRequest) -> HttpResponse:
    monitor, _form = _monitor(request, allowed=STEERING_AUDIENCES)
    return _file_when_ready(
        request,
        monitor,
        lambda: _download(
            exports.open_data_csv(monitor.tables()),
            filename=f"bhag-monitor-open-data-{exports.file_stamp(monitor.today)}.csv",
            content_type="text/csv; charset=utf-8",
        ),
    )


@login_required
@require_GET
@analytic_queries
def report_view(request: HttpRequest) -> HttpResponse:
    """The board's report on one quarter (`?kwartaal=2023-4`): that quarter and the four
    before it, city-wide, suppressed below 5 whoever asks."""
    monitor_audience_required(request.user, allowed=STEERING_AUDIENCES)
    match = QUARTER.match(request.GET.get("kwartaal", ""))
    if match is None:
        raise Http404
    year, number = int(match.group(1)), int(match.group(2))
    start = date(year, number * 3 - 2, 1)
    today = timezone.localdate()
    if year < 2000 or start > today:
        raise Http404
    filters = MonitorFilters(
        first=add_months(start, -12),
        last=add_months(start, 3) - timedelta(days=1),
        granularity=Granularity.QUARTER,
    )
    monitor = Monitor(audience=Audience.BOARD, scope=Scope(), filters=filters, today=today)
    label = f"{year}-Q{number}"
    return _file_when_ready(
        request,
        monitor,
        lambda: _download(
            exports.quarterly_report_pdf(monitor, quarter=label),
            filename=f"bhag-monitor-{label}.pdf",
            content_type="application/pdf",
        ),
        codes=exports.REPORT_TABLES,
        with_goals=True,
    )


# --- goals and pilots -----------------------------------------------------------------------


def _edit_page(
    request: HttpRequest,
    *,
    form: GoalForm | PilotForm,
    template: str,
    context: dict[str, Any],
    save: Callable[[dict[str, Any]], object],
    saved_message: str,
    done_url: str,
) -> HttpResponse:
    """Show the form; on POST save through the service, or show why it was refused (400)."""
    context = {**context, "audience": Audience.PROGRAMME_TEAM.value}
    if request.method != "POST":
        return render(request, template, {"form": form, **context})
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except StaleVersionError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, saved_message)
            return redirect(done_url)
    return render(request, template, {"form": form, **context}, status=400)


@login_required
@require_GET
def goal_list_view(request: HttpRequest) -> HttpResponse:
    monitor_audience_required(request.user, allowed=PROGRAMME_TEAM)
    return render(
        request,
        "monitor/goal_list.html",
        {"goals": list(goal_list()), "audience": Audience.PROGRAMME_TEAM.value},
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit_view(request: HttpRequest, goal_id: UUID | None = None) -> HttpResponse:
    monitor_audience_required(request.user, allowed=PROGRAMME_TEAM)
    goal = goal_get(goal_id=goal_id) if goal_id else None

    def save(data: dict[str, Any]) -> object:
        fields = {name: data[name] for name in GOAL_FIELDS}
        if goal is None:
            return goal_create(acting_user=request.user, **fields)
        return goal_update(
            acting_user=request.user, goal=goal, expected_version=data["version"] or 0, **fields
        )

    return _edit_page(
        request,
        form=GoalForm(request.POST or None, instance=goal, initial=_version(goal)),
        template="monitor/goal_form.html",
        context={"goal": goal},
        save=save,
        saved_message=_("The goal is saved."),
        done_url=reverse("monitor:goals"),
    )


def _version(record: Goal | Pilot | None) -> dict[str, int]:
    return {"version": record.version} if record is not None else {}


@login_required
@require_GET
@analytic_queries
def pilot_list_view(request: HttpRequest) -> HttpResponse:
    """The register, and each pilot's results (city-wide; suppressed for the board)."""
    audience = monitor_audience_required(request.user, allowed=STEERING_AUDIENCES)
    today = timezone.localdate()
    monitor = Monitor(
        audience=audience, scope=Scope(), filters=default_filters(today=today), today=today
    )
    return render(
        request,
        "monitor/pilot_list.html",
        {
            "pilots": list(pilot_list().prefetch_related("offers", "cases")),
            "results": monitor.table("pilots"),
            "may_edit": audience == Audience.PROGRAMME_TEAM,
            "audience": audience.value,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def pilot_edit_view(request: HttpRequest, pilot_id: UUID | None = None) -> HttpResponse:
    monitor_audience_required(request.user, allowed=PROGRAMME_TEAM)
    pilot = pilot_get(pilot_id=pilot_id) if pilot_id else None

    def save(data: dict[str, Any]) -> object:
        fields = {name: data[name] for name in PILOT_FIELDS}
        links = {
            "partners": data["partners"],
            "offers": data["offers"],
            "cases": data["case_numbers"],
        }
        if pilot is None:
            return pilot_create(acting_user=request.user, **links, **fields)
        return pilot_update(
            acting_user=request.user,
            pilot=pilot,
            expected_version=data["version"] or 0,
            **links,
            **fields,
        )

    return _edit_page(
        request,
        form=PilotForm(request.POST or None, instance=pilot, initial=_version(pilot)),
        template="monitor/pilot_form.html",
        context={"pilot": pilot},
        save=save,
        saved_message=_("The pilot is saved."),
        done_url=reverse("monitor:pilots"),
    )
