"""REST API of the BHAG monitor (DESIGN.md §4 `monitor/`): goal progress and indicators as JSON.

The same selectors as the pages, so the same audiences: exact figures for the programme lead,
aggregates with "< 5" for the board, and figures over their own visible candidates for
professionals (who get no city-wide goals). No answer holds a person.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from werkpad.monitor.forms import MonitorFilterForm
from werkpad.monitor.indicators import DEFINITIONS
from werkpad.monitor.selectors import (
    INDICATOR_CODES,
    GoalProgress,
    Monitor,
    Point,
    default_filters,
    goal_figure,
    monitor_audience_required,
    monitor_for,
)
from werkpad.monitor.sql import analytic_queries
from werkpad.monitor.tables import SUPPRESSED, Kind, Table

FILTER_PARAMETERS = [
    OpenApiParameter("start", OpenApiTypes.STR, description="First month, YYYY-MM."),
    OpenApiParameter("end", OpenApiTypes.STR, description="Last month (included), YYYY-MM."),
    OpenApiParameter("granularity", OpenApiTypes.STR, enum=["quarter", "month"]),
    OpenApiParameter(
        "organisation", OpenApiTypes.STR, description="Slug: only this lead organisation."
    ),
]


def _monitor(request: Request) -> Monitor:
    today = timezone.localdate()
    form = MonitorFilterForm(request.query_params or None, defaults=default_filters(today=today))
    if form.is_bound and not form.is_valid():
        raise ValidationError(
            {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        )
    return monitor_for(user=request.user, filters=form.filters(), today=today)


def _point(day: date, value: float | int | str) -> dict[str, Any]:
    return {"date": day.isoformat(), "value": value}


def goal_json(progress: GoalProgress, *, suppressed: bool) -> dict[str, Any]:
    goal = progress.goal

    def figure(point: Point) -> float | int | str:
        shown = goal_figure(goal, point, suppressed=suppressed)
        return SUPPRESSED if shown is None else shown

    projection = progress.projection
    return {
        "id": str(goal.pk),
        "title": goal.title,
        "metric": goal.metric,
        "baseline": _point(goal.baseline_date, goal.baseline_value),
        "target": _point(goal.target_date, goal.target_value),
        "current": _point(progress.current.day, figure(progress.current)),
        "projection": None if projection is None else _point(projection.day, figure(projection)),
        "finished": progress.finished,
        "reached": progress.reached,
        "on_track": progress.on_track,
        "usual_outflow_to_work_per_year": (
            None
            if progress.usual is None or progress.usual.share is None
            else round(progress.usual.per_year * progress.usual.share, 1)
        ),
        "series": [_point(p.day, figure(p)) for p in progress.series],
    }


def table_json(table: Table) -> dict[str, Any]:
    return {
        "code": table.code,
        "title": str(table.title),
        "description": str(table.description),
        "suppressed": table.suppressed,
        "columns": [
            {"key": c.key, "label": str(c.label), "kind": c.kind.value} for c in table.columns
        ],
        "rows": [
            dict(zip((c.key for c in table.columns), table.plain_values(row), strict=True))
            for row in table.rows
        ],
    }


class PointSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    value = serializers.JSONField(help_text='A number, or "< 5" for the board.')


class GoalProgressSerializer(serializers.Serializer[Any]):
    """The shape of a goal's progress (the answer is built by `goal_json`)."""

    id = serializers.UUIDField()
    title = serializers.CharField()
    metric = serializers.CharField()
    baseline = PointSerializer()
    target = PointSerializer()
    current = PointSerializer()
    projection = PointSerializer(allow_null=True)
    finished = serializers.BooleanField()
    reached = serializers.BooleanField()
    on_track = serializers.BooleanField(allow_null=True)
    usual_outflow_to_work_per_year = serializers.FloatField(allow_null=True)
    series = PointSerializer(many=True)


class IndicatorSummarySerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()


class ColumnSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a column's label, not the field's
    kind = serializers.ChoiceField(choices=[kind.value for kind in Kind])


class IndicatorSerializer(IndicatorSummarySerializer):
    """The shape of one indicator (the answer is built by `table_json`)."""

    suppressed = serializers.BooleanField()
    columns = ColumnSerializer(many=True)
    rows = serializers.ListField(child=serializers.DictField())


def _page(view: GenericAPIView[Any], items: list[dict[str, Any]]) -> Response:
    page = view.paginate_queryset(items)  # type: ignore[arg-type]
    return view.get_paginated_response(page)


class GoalProgressListView(GenericAPIView[Any]):
    """Each goal with its measured series, its value now and the trend's value on the target
    date (least squares on the last 12 months). Not for professionals (city-wide figures)."""

    @extend_schema(parameters=FILTER_PARAMETERS, responses=GoalProgressSerializer(many=True))
    @method_decorator(analytic_queries)
    def get(self, request: Request) -> Response:
        monitor = _monitor(request)
        if not monitor.audience.sees_goals:
            raise NotFound
        suppressed = monitor.audience.suppressed
        return _page(self, [goal_json(p, suppressed=suppressed) for p in monitor.goals])


class IndicatorListView(GenericAPIView[Any]):
    """The indicators there are: code, title and description."""

    @extend_schema(responses=IndicatorSummarySerializer(many=True))
    def get(self, request: Request) -> Response:
        monitor_audience_required(request.user)
        return _page(
            self,
            [
                {
                    "code": code,
                    "title": str(DEFINITIONS[code][0]),
                    "description": str(DEFINITIONS[code][1]),
                }
                for code in INDICATOR_CODES
            ],
        )


class IndicatorDetailView(GenericAPIView[Any]):
    """One indicator as a table: typed columns and rows. Counts are numbers, "< 5" for the
    board when from 1 to 4; a hidden share or median is an empty string."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "code",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                enum=list(INDICATOR_CODES),
                description="The indicator (see `monitor/indicators/`).",
            ),
            *FILTER_PARAMETERS,
        ],
        responses=IndicatorSerializer,
    )
    @method_decorator(analytic_queries)
    def get(self, request: Request, code: str) -> Response:
        if code not in INDICATOR_CODES:
            raise NotFound
        monitor = _monitor(request)
        return Response(table_json(monitor.table(code)))
