"""REST API of matches and placements (DESIGN.md §4): `/api/v1/matches/` and
`/api/v1/placements/`.

Only matches and placements of candidates the caller may see under consent purpose `matching`
(or the legal basis): `?candidate=` of anyone else answers 404, `?offer=` lists only the
visible ones. Every candidate returned is recorded in the processing log. An explanation never
names a health barrier's kind (`barrier:health`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from werkpad.candidates.api import ERRORS, OBJECT_ID, UPDATE_ERRORS, ErrorSerializer, service_errors
from werkpad.candidates.models import Candidate
from werkpad.matching.selectors import (
    log_shown,
    match_get,
    matches_visible,
    matching_access_map,
    matching_candidate_get,
    placement_get,
    placements_visible,
)
from werkpad.matching.services import match_propose, match_transition
from werkpad.offers.codes import MatchStatus
from werkpad.offers.models import Match, Offer, Placement
from werkpad.offers.selectors import user_roles
from werkpad.privacy.codes import LogAction

EXPLANATION_HELP = (
    "Why the pair fits: `score` (0..1), `components` (skills, preferences, support, travel, "
    "each 0..1), `checks` (every hard constraint with `code`, `passed` and the `values` "
    "compared), `passed` and `failed`. A health barrier is `barrier:health`, without values."
)


def _uuid_or_404(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError as error:
        raise exceptions.NotFound() from error


class MatchSerializer(serializers.ModelSerializer[Match]):
    candidate: serializers.PrimaryKeyRelatedField[Candidate] = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="The candidate's id."
    )
    offer: serializers.PrimaryKeyRelatedField[Offer] = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="The offer's id."
    )
    explanation = serializers.JSONField(read_only=True, help_text=EXPLANATION_HELP)
    version = serializers.IntegerField(read_only=True)

    class Meta:
        model = Match
        fields = [
            "id",
            "candidate",
            "offer",
            "score",
            "explanation",
            "status",
            "plan_run",
            "created_at",
            "version",
        ]
        read_only_fields = fields


class MatchQuerySerializer(serializers.Serializer[Any]):
    candidate = serializers.UUIDField(
        required=False, help_text="The matches of this candidate (404 if you may not see them)."
    )
    offer = serializers.UUIDField(
        required=False, help_text="The matches on this offer, of candidates you may see."
    )
    status = serializers.ChoiceField(choices=MatchStatus.choices, required=False)


class MatchProposeSerializer(serializers.Serializer[Any]):
    candidate = serializers.UUIDField(help_text="The candidate's id.")
    offer = serializers.UUIDField(help_text="The offer's id.")


class MatchTransitionSerializer(serializers.Serializer[Any]):
    target = serializers.ChoiceField(
        choices=MatchStatus.choices, help_text="The status to move to (see the flow)."
    )
    reason = serializers.CharField(
        max_length=2000,
        required=False,
        allow_blank=True,
        help_text="Required to decline or withdraw.",
    )
    version = serializers.IntegerField(min_value=1, help_text="The version you read.")


def _logged(request: Request, rows: Sequence[Any]) -> None:
    candidates = {row.candidate_id: row.candidate for row in rows}
    accesses = matching_access_map(request.user, list(candidates.values()))
    log_shown(
        user=request.user, accesses=accesses, candidates=candidates.values(), action=LogAction.LIST
    )


def _filtered(
    request: Request, rows: QuerySet[Any], query_class: type[serializers.Serializer[Any]]
) -> QuerySet[Any]:
    """`?candidate=` (404 unless visible under `matching`), `?offer=`, and `?status=`."""
    query = query_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    params = query.validated_data
    if "candidate" in params:
        view = matching_candidate_get(
            user=request.user, candidate_id=params["candidate"], log=False
        )
        rows = rows.filter(candidate=view.candidate)
    if "offer" in params:
        rows = rows.filter(offer_id=params["offer"])
    if "status" in params:
        rows = rows.filter(status=params["status"])
    return rows.select_related("candidate").order_by("-created_at", "id")


@extend_schema(tags=["matching"])
class MatchViewSet(viewsets.GenericViewSet[Match]):
    """Proposed candidate–offer pairings with their explanation, and where they stand."""

    serializer_class = MatchSerializer

    @extend_schema(
        summary="List matches of a candidate or an offer",
        parameters=[MatchQuerySerializer],
        responses={200: MatchSerializer(many=True), **ERRORS},
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(
            _filtered(request, matches_visible(request.user), MatchQuerySerializer)
        )
        rows = list(page or [])
        _logged(request, rows)
        return self.get_paginated_response(MatchSerializer(rows, many=True).data)

    @extend_schema(
        summary="One match", parameters=[OBJECT_ID], responses={200: MatchSerializer, **ERRORS}
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        view = match_get(
            user=request.user, roles=user_roles(request.user), match_id=_uuid_or_404(pk)
        )
        return Response(MatchSerializer(view.match).data)

    @extend_schema(
        summary="Propose an offer to a candidate",
        description=(
            "The offer must be open with a free place and the pair must pass every hard "
            "constraint; a refusal lists the constraints that failed."
        ),
        request=MatchProposeSerializer,
        responses={201: MatchSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        serializer = MatchProposeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            match = match_propose(
                acting_user=request.user,
                candidate_id=serializer.validated_data["candidate"],
                offer_id=serializer.validated_data["offer"],
            )
        return Response(MatchSerializer(match).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Move a match one step in the flow",
        description=(
            "proposed → candidate_agreed | candidate_declined | withdrawn; candidate_agreed → "
            "provider_accepted | provider_declined | withdrawn; provider_accepted → withdrawn. "
            "Placing and ending are done on the pages (they need more details). Any other "
            "step answers 400 with the reason."
        ),
        parameters=[OBJECT_ID],
        request=MatchTransitionSerializer,
        responses={200: MatchSerializer, **UPDATE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def transition(self, request: Request, pk: str) -> Response:
        serializer = MatchTransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with service_errors():
            match = match_transition(
                acting_user=request.user,
                roles=user_roles(request.user),
                match_id=_uuid_or_404(pk),
                target=data["target"],
                expected_version=data["version"],
                reason=data.get("reason", ""),
            )
        return Response(MatchSerializer(match).data)


class PlacementSerializer(serializers.ModelSerializer[Placement]):
    candidate: serializers.PrimaryKeyRelatedField[Candidate] = serializers.PrimaryKeyRelatedField(
        read_only=True
    )
    offer: serializers.PrimaryKeyRelatedField[Offer] = serializers.PrimaryKeyRelatedField(
        read_only=True
    )
    match: serializers.PrimaryKeyRelatedField[Match] = serializers.PrimaryKeyRelatedField(
        read_only=True
    )

    class Meta:
        model = Placement
        fields = [
            "id",
            "candidate",
            "offer",
            "match",
            "kind",
            "start",
            "hours",
            "job_coach",
            "adjusted_hours",
            "end",
            "outcome",
            "version",
        ]
        read_only_fields = fields


class PlacementQuerySerializer(serializers.Serializer[Any]):
    candidate = serializers.UUIDField(required=False)
    offer = serializers.UUIDField(required=False)


@extend_schema(tags=["matching"])
class PlacementViewSet(viewsets.GenericViewSet[Placement]):
    """Candidates started on an offer (start, hours, kind, support; end and outcome)."""

    serializer_class = PlacementSerializer

    @extend_schema(
        summary="List placements",
        parameters=[PlacementQuerySerializer],
        responses={200: PlacementSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(
            _filtered(request, placements_visible(request.user), PlacementQuerySerializer)
        )
        rows = list(page or [])
        _logged(request, rows)
        return self.get_paginated_response(PlacementSerializer(rows, many=True).data)

    @extend_schema(
        summary="One placement",
        parameters=[OBJECT_ID],
        responses={200: PlacementSerializer, **ERRORS},
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        view = placement_get(user=request.user, placement_id=_uuid_or_404(pk))
        return Response(PlacementSerializer(view.placement).data)
