"""REST API of the Zeg JA Team (DESIGN.md §4): cases, their decision, meetings, actions.

The same services and selectors as the pages, so the same access policy (404 for a case the
caller may not see), the same rules (no "no"), and the same processing log.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from werkpad.accounts.models import User
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.cases.models import (
    Action,
    ActionStatus,
    Case,
    CaseTransition,
    Decision,
    KnelpuntKind,
    Meeting,
    Outcome,
    Principle,
    Urgency,
)
from werkpad.cases.selectors import (
    ActionFilters,
    CaseFilters,
    action_get_for_update,
    action_list,
    action_list_log,
    case_get,
    case_latest_decision,
    case_list,
    case_list_log,
    meeting_get,
    meeting_list,
    my_actions,
)
from werkpad.cases.services import (
    ActionInput,
    action_set_status,
    case_submit,
    case_transition,
    decision_record,
)
from werkpad.cases.workflow import CaseStatus
from werkpad.organisations.models import Organisation

UUID_PATTERN = "[0-9a-fA-F-]{36}"
NO_IS_NOT_AN_ANSWER = _(
    "Choose JA, JA_MITS or ESCALATED. “No” is not an answer in the Zeg JA Team: when the team "
    "cannot say yes, it escalates."
)


def _as_drf(error: DjangoValidationError) -> serializers.ValidationError:
    """A service's refusal in the API's error shape: `errors` keyed by field."""
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(error.message_dict)
    return serializers.ValidationError({"non_field_errors": error.messages})


class OrganisationSlugField(serializers.SlugRelatedField[Organisation]):
    """An organisation by its slug (DESIGN.md §4)."""

    def __init__(self, **kwargs: Any) -> None:
        if not kwargs.get("read_only"):
            kwargs["queryset"] = Organisation.objects.all()
        super().__init__(slug_field="slug", **kwargs)


# --- cases -----------------------------------------------------------------------------------


class CaseSerializer(serializers.ModelSerializer[Case]):
    candidate = serializers.UUIDField(source="candidate_id")
    submitting_organisation = OrganisationSlugField()
    knelpunt_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=KnelpuntKind.choices), required=False
    )
    barriers = serializers.ListField(child=serializers.UUIDField(), required=False, write_only=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    meeting = serializers.UUIDField(required=False, write_only=True)
    status = serializers.ChoiceField(choices=CaseStatus.choices, read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "candidate",
            "submitting_organisation",
            "question",
            "tried",
            "barrier_description",
            "knelpunt_kinds",
            "barriers",
            "urgency",
            "status",
            "submitted_on",
            "decided_on",
            "solved_on",
            "meeting",
            "version",
        ]
        read_only_fields = ["reference", "submitted_on", "decided_on", "solved_on", "version"]
        extra_kwargs = {"barrier_description": {"required": False}}


class TransitionSerializer(serializers.ModelSerializer[CaseTransition]):
    by = serializers.CharField(source="by_label", read_only=True)
    organisation = OrganisationSlugField(source="by_organisation", read_only=True)

    class Meta:
        model = CaseTransition
        fields = ["source", "target", "by", "organisation", "at", "note"]


class TransitionRequestSerializer(serializers.Serializer[Any]):
    target = serializers.ChoiceField(choices=CaseStatus.choices)
    version = serializers.IntegerField(min_value=1)
    confirmed = serializers.BooleanField(default=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


class ActionInputSerializer(serializers.Serializer[Any]):
    description = serializers.CharField(max_length=500)
    owner_organisation = OrganisationSlugField()
    owner_person = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), required=False, allow_null=True
    )
    due_on = serializers.DateField()


class DecisionActionSerializer(serializers.ModelSerializer[Action]):
    owner_organisation = OrganisationSlugField(read_only=True)

    class Meta:
        model = Action
        fields = ["id", "description", "owner_organisation", "owner_person", "due_on", "status"]


DECISION_FIELDS = [
    "id",
    "outcome",
    "rationale",
    "principles",
    "actions",
    "solution",
    "condition",
    "escalated_to",
    "escalation_reason",
    "deviation_rule",
    "deviation_reason",
    "committed_organisations",
    "meeting",
    "decided_on",
]


class DecisionSerializer(serializers.ModelSerializer[Decision]):
    """A decision: `outcome` is JA, JA_MITS or ESCALATED; `principles` are codes."""

    outcome = serializers.ChoiceField(
        choices=Outcome.choices, error_messages={"invalid_choice": NO_IS_NOT_AN_ANSWER}
    )
    principles = serializers.ListField(child=serializers.CharField(max_length=10))
    committed_organisations = serializers.ListField(
        child=serializers.SlugField(), required=False, default=list
    )
    actions = ActionInputSerializer(many=True, required=False, default=list)
    meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Decision
        fields = DECISION_FIELDS
        read_only_fields = ["id", "decided_on"]
        extra_kwargs = {
            name: {"required": False}
            for name in (
                "solution",
                "condition",
                "escalated_to",
                "escalation_reason",
                "deviation_rule",
                "deviation_reason",
            )
        }


class DecisionReadSerializer(serializers.ModelSerializer[Decision]):
    """A recorded decision: principles by code, organisations by slug, with its actions."""

    principles: serializers.SlugRelatedField[Principle] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    committed_organisations: serializers.SlugRelatedField[Organisation] = (
        serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    )
    actions = DecisionActionSerializer(many=True, read_only=True)

    class Meta:
        model = Decision
        fields = DECISION_FIELDS
        read_only_fields = DECISION_FIELDS


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("search", str, description="Case number or candidate name"),
            OpenApiParameter("status", str, enum=CaseStatus.values),
        ]
    )
)
class CaseViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet[Case],
):
    """Cases the caller may see; submitting one needs the candidate's Zeg JA Team consent."""

    serializer_class = CaseSerializer
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self) -> Any:
        params = self.request.query_params
        filters = CaseFilters(
            search=params.get("search", "")[:100], status=params.get("status", "")
        )
        return case_list(user=self.request.user, filters=filters)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        rows = list(page or [])
        case_list_log(user=request.user, cases=rows)
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        view = case_get(user=request.user, case_id=self.kwargs["pk"])
        return Response(self.get_serializer(view.case).data)

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        candidate_view = candidate_get_unlogged(
            user=self.request.user, candidate_id=data["candidate_id"]
        )
        barrier_ids = set(data.get("barriers", []))
        barriers = list(candidate_view.candidate.barriers.filter(pk__in=barrier_ids))
        if len(barriers) != len(barrier_ids):
            raise serializers.ValidationError(
                {"barriers": [_("Choose only barriers from this candidate's dossier.")]}
            )
        meeting = None
        if data.get("meeting"):
            meeting = meeting_get(meeting_id=data["meeting"])
        try:
            serializer.instance = case_submit(
                acting_user=self.request.user,
                candidate_view=candidate_view,
                organisation=data["submitting_organisation"],
                tried=data["tried"],
                question=data["question"],
                barriers=barriers,
                knelpunt_kinds=data.get("knelpunt_kinds", []),
                barrier_description=data.get("barrier_description", ""),
                urgency=data["urgency"],
                meeting=meeting,
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from error

    @extend_schema(request=DecisionSerializer, responses=DecisionReadSerializer)
    @action(detail=True, methods=["get", "post"], url_path="decision")
    def decision(self, request: Request, pk: str) -> Response:
        """GET the latest decision; POST a new one (chair or programme lead)."""
        view = case_get(user=request.user, case_id=pk)
        if request.method == "GET":
            decision = case_latest_decision(view=view)
            if decision is None:
                raise Http404
            return Response(DecisionReadSerializer(decision).data)
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        committed = list(Organisation.objects.filter(slug__in=data["committed_organisations"]))
        if len(committed) != len(set(data["committed_organisations"])):
            raise serializers.ValidationError(
                {"committed_organisations": [_("Unknown organisation.")]}
            )
        try:
            decision = decision_record(
                acting_user=request.user,
                view=view,
                meeting=data.get("meeting"),
                outcome=data["outcome"],
                rationale=data.get("rationale", ""),
                principle_codes=data["principles"],
                solution=data.get("solution", ""),
                condition=data.get("condition", ""),
                escalated_to=data.get("escalated_to", ""),
                escalation_reason=data.get("escalation_reason", ""),
                deviation_rule=data.get("deviation_rule", ""),
                deviation_reason=data.get("deviation_reason", ""),
                committed_organisations=committed,
                actions=[ActionInput(**a) for a in data["actions"]],
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from error
        decision = Decision.objects.prefetch_related(
            "principles", "committed_organisations", "actions__owner_organisation"
        ).get(pk=decision.pk)
        return Response(DecisionReadSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=TransitionRequestSerializer, responses=TransitionSerializer(many=True))
    @action(detail=True, methods=["get", "post"], url_path="transitions")
    def transitions(self, request: Request, pk: str) -> Response:
        """The case's timeline; POST moves it along the workflow (a stale version is 409)."""
        view = case_get(user=request.user, case_id=pk)
        if request.method == "POST":
            serializer = TransitionRequestSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            try:
                case_transition(
                    acting_user=request.user,
                    view=view,
                    expected_version=serializer.validated_data["version"],
                    **{k: v for k, v in serializer.validated_data.items() if k != "version"},
                )
            except DjangoValidationError as error:
                raise _as_drf(error) from error
        rows = view.case.transitions.select_related("by_organisation")
        return Response(TransitionSerializer(rows, many=True).data)


# --- meetings --------------------------------------------------------------------------------


class AttendeeSerializer(serializers.Serializer[Any]):
    user = serializers.UUIDField(source="user_id")
    name = serializers.CharField(source="user.get_full_name")
    organisation = serializers.SlugField(source="organisation.slug")
    role = serializers.CharField()


class AgendaEntrySerializer(serializers.Serializer[Any]):
    case = serializers.UUIDField(source="case_id")
    reference = serializers.CharField(source="case.reference")
    position = serializers.IntegerField()
    time_box_minutes = serializers.IntegerField()


class MeetingSerializer(serializers.ModelSerializer[Meeting]):
    attendees = AttendeeSerializer(source="attendances", many=True, read_only=True)
    agenda = AgendaEntrySerializer(source="agenda_items", many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "held_on", "starts_at", "location", "chair", "attendees", "agenda"]


class MeetingViewSet(viewsets.ReadOnlyModelViewSet[Meeting]):
    """Meetings with their attendees (the mandate) and agenda (case ids and references)."""

    serializer_class = MeetingSerializer
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self) -> Any:
        return meeting_list().prefetch_related(
            "attendances__user", "attendances__organisation", "agenda_items__case"
        )


# --- actions ---------------------------------------------------------------------------------


class ActionSerializer(serializers.ModelSerializer[Action]):
    owner_organisation = OrganisationSlugField(read_only=True)
    overdue = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    version = serializers.IntegerField(min_value=1)

    class Meta:
        model = Action
        fields = [
            "id",
            "case",
            "decision",
            "description",
            "owner_organisation",
            "owner_person",
            "due_on",
            "status",
            "done_on",
            "overdue",
            "version",
        ]
        read_only_fields = [
            "case",
            "decision",
            "description",
            "owner_person",
            "due_on",
            "done_on",
        ]

    def get_overdue(self, obj: Action) -> bool:
        return obj.is_overdue(self.context["today"])


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("mine", bool, description="Only actions for me or my organisation"),
            OpenApiParameter("overdue", bool),
            OpenApiParameter("case", str, description="Only the actions of this case"),
        ]
    )
)
class ActionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet[Action],
):
    """Actions of the cases the caller may see and the caller's own; PATCH status + version."""

    serializer_class = ActionSerializer
    lookup_value_regex = UUID_PATTERN
    http_method_names = ["get", "patch", "head", "options"]

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    def get_queryset(self) -> Any:
        params = self.request.query_params
        if params.get("mine") in {"1", "true"}:
            actions = my_actions(user=self.request.user, filters=ActionFilters(status="all"))
        else:
            actions = action_list(user=self.request.user)
        if params.get("overdue") in {"1", "true"}:
            actions = actions.filter(due_on__lt=self.get_serializer_context()["today"]).exclude(
                status=ActionStatus.DONE
            )
        if case_id := params.get("case"):
            try:
                actions = actions.filter(case_id=case_id)
            except DjangoValidationError as error:
                raise _as_drf(error) from error
        return actions

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        rows = list(page or [])
        action_list_log(user=request.user, actions=rows)
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action_row = action_get_for_update(user=request.user, action_id=self.kwargs["pk"])
        action_list_log(user=request.user, actions=[action_row])
        return Response(self.get_serializer(action_row).data)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action_row = action_get_for_update(user=request.user, action_id=self.kwargs["pk"])
        serializer = self.get_serializer(action_row, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "status" not in data or "version" not in data:
            raise serializers.ValidationError(
                {"status": [_("Send the new status and the version you read.")]}
            )
        try:
            updated = action_set_status(
                acting_user=request.user,
                action=action_row,
                status=data["status"],
                expected_version=data["version"],
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from error
        return Response(self.get_serializer(updated).data)
