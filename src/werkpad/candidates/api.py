"""REST API of the candidate dossier (DESIGN.md §4): `/api/v1/candidates/` and its parts.

Thin: parse, call a selector or service, render. Every endpoint opens the candidate through
the access policy, so a candidate the caller may not see answers 404 — also on the nested
endpoints and for ids of objects that are not that candidate's. The selectors and services
called here write the processing-log entries of every read and write.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from werkpad.candidates.codes import HEALTH_BARRIER_KINDS, BarrierKind, OfferKind, Severity
from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate, LadderScore
from werkpad.candidates.selectors import (
    HEALTH_FILTER,
    SORTS,
    CandidateFilters,
    CandidateView,
    barrier_get_for_update,
    barrier_list,
    benefit_period_list,
    candidate_get,
    candidate_get_unlogged,
    candidate_list,
    candidate_page_log,
    candidate_part_open,
    candidate_part_record,
    consent_get_visible,
    consent_list_visible,
    ladder_score_get,
    ladder_score_list,
    may_add_benefit_period,
    may_manage_consent,
    may_reveal_bsn,
    processing_log_list,
)
from werkpad.candidates.services import (
    CANDIDATE_FIELDS,
    barrier_create,
    barrier_update,
    benefit_period_create,
    candidate_register,
    candidate_update,
    ladder_score_create,
    special_category_write_check,
)
from werkpad.core.api import ConflictError
from werkpad.core.concurrency import StaleVersionError
from werkpad.organisations.models import Organisation
from werkpad.privacy.access import Access
from werkpad.privacy.codes import Purpose
from werkpad.privacy.models import Consent, ProcessingLogEntry
from werkpad.privacy.services import consent_grant, consent_revoke

NOTE_MAX_LENGTH = 5000
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,60}")
MAX_VERSION = 2**31 - 1
VERSION_HELP = (
    "Goes up by one on every change. Required on every update (PUT and PATCH): send the "
    "version you read; if someone else saved in between, the answer is 409 and nothing is "
    "changed."
)
SPECIAL_NOTE_HELP = (
    "Free text: special-category data. Null for a caller without the candidate's consent for "
    "`care` or the legal basis; such a caller cannot write it either."
)


# --- Shared pieces ---------------------------------------------------------------------------


def _uuid_or_404(value: str) -> UUID:
    """An id from the address; anything that is not a UUID names nothing, so 404."""
    try:
        return UUID(value)
    except ValueError as error:
        raise Http404 from error


@contextmanager
def service_errors() -> Iterator[None]:
    """Answer a service's refusal in the API's terms: 400, 403 or 409 with a clear message."""
    try:
        yield
    except DjangoValidationError as error:
        raise serializers.ValidationError(serializers.as_serializer_error(error)) from error
    except DjangoPermissionDenied as error:
        raise exceptions.PermissionDenied(str(error) or None) from error
    except StaleVersionError as error:
        raise ConflictError(
            _(
                "Someone else changed this after you read it; it is now at version "
                "%(version)s. Read it again, check their changes and send yours with "
                "version %(version)s."
            )
            % {"version": error.current_version}
        ) from error


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise exceptions.PermissionDenied(message)


class ErrorSerializer(serializers.Serializer[Any]):
    """The error shape of every endpoint (DESIGN.md §4)."""

    detail = serializers.CharField(help_text="What went wrong, in the caller's language.")
    # The metaclass takes declared fields off the class, so this does not hide `.errors`.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per field of the input; `non_field_errors` for the whole input.",
    )


ERRORS = {
    status.HTTP_400_BAD_REQUEST: ErrorSerializer,
    status.HTTP_404_NOT_FOUND: ErrorSerializer,
}
WRITE_ERRORS = {**ERRORS, status.HTTP_403_FORBIDDEN: ErrorSerializer}
UPDATE_ERRORS = {**ERRORS, status.HTTP_409_CONFLICT: ErrorSerializer}
CANDIDATE_ID = OpenApiParameter(
    "candidate_id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The candidate's id."
)
OBJECT_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)


class OrganisationSlugField(serializers.SlugRelatedField[Organisation]):
    """An organisation by its slug; anything but a slug is refused without a lookup (a NUL
    character, for one, would make PostgreSQL fail)."""

    def __init__(self, **kwargs: Any) -> None:
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", Organisation.objects.all())
        super().__init__(slug_field="slug", **kwargs)

    def to_internal_value(self, data: Any) -> Organisation:
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field({"type": "string", "nullable": True, "maxLength": NOTE_MAX_LENGTH})
class VisibleNoteField(serializers.CharField):
    """Special-category free text: shown as the selectors left it (None without access)."""

    def __init__(self, *, visible_attribute: str, **kwargs: Any) -> None:
        self.visible_attribute = visible_attribute
        super().__init__(
            required=False,
            allow_blank=True,
            max_length=NOTE_MAX_LENGTH,
            help_text=SPECIAL_NOTE_HELP,
            **kwargs,
        )

    def get_attribute(self, instance: Any) -> Any:
        return getattr(instance, self.visible_attribute, None)


def _with_version(attrs: dict[str, Any]) -> dict[str, Any]:
    if "version" not in attrs:
        raise serializers.ValidationError(
            {"version": [_("Send the version you read; it protects other people's changes.")]}
        )
    return attrs


class VersionedUpdateMixin(serializers.Serializer[Any]):
    version = serializers.IntegerField(min_value=1, max_value=MAX_VERSION, help_text=VERSION_HELP)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _with_version(super().validate(attrs))


# --- Candidates --------------------------------------------------------------------------------

CANDIDATE_HELP = {
    "id": "The candidate's id.",
    "first_name": "First name.",
    "last_name": "Last name, with any prefix (tussenvoegsel), e.g. 'de Vries'.",
    "birth_date": "Date of birth.",
    "email": "E-mail address.",
    "phone": "Telephone number.",
    "postcode": "Dutch postcode, e.g. '2611 AB' (stored in that form).",
    "house_number": "House number with any addition, e.g. '12a'.",
    "household": "Household: single, single parent or couple.",
    "children_under_12": "Number of children under 12 in the household.",
    "dutch_level": "Level of Dutch on the CEFR scale, or `none`.",
    "education": "Highest education completed.",
    "work_experience": "Work experience, in a few words.",
    "hours_available": "Hours available for work per week (0-60).",
    "max_travel_km": "How far the candidate can travel to work or an activity (km).",
}


class CandidateSerializer(serializers.ModelSerializer[Candidate]):
    """A candidate as the caller may see them."""

    bsn = serializers.SerializerMethodField(
        help_text=(
            "The BSN (9 digits). Only for a caller whose organisation works on the legal basis "
            "(the municipality's teams, for their own clients); null for partners working on "
            "the candidate's consent."
        )
    )
    lead_organisation = OrganisationSlugField(
        read_only=True, help_text="Slug of the organisation that leads the candidate's file."
    )
    languages = serializers.ListField(
        child=serializers.CharField(max_length=40),
        max_length=20,
        required=False,
        help_text="Languages the candidate speaks (ISO 639-1 codes such as `nl`, `ar`).",
    )
    skills = serializers.ListField(
        child=serializers.CharField(max_length=80),
        max_length=50,
        required=False,
        help_text="Skills, as codes (e.g. `driving_licence_b`).",
    )
    preferred_offer_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=OfferKind.choices),
        max_length=len(OfferKind.choices),
        required=False,
        help_text="Kinds of offer the candidate prefers.",
    )
    version = serializers.IntegerField(read_only=True, help_text=VERSION_HELP)

    class Meta:
        model = Candidate
        # The dossier's fields as the services write them; the case manager stays internal.
        fields = [
            "id",
            "bsn",
            *(name for name in CANDIDATE_FIELDS if name != "case_manager"),
            "version",
        ]
        extra_kwargs: dict[str, dict[str, Any]] = {
            **{name: {"help_text": text} for name, text in CANDIDATE_HELP.items()},
            "children_under_12": {
                "help_text": CANDIDATE_HELP["children_under_12"],
                "max_value": 20,
            },
            "hours_available": {"help_text": CANDIDATE_HELP["hours_available"], "max_value": 60},
            "max_travel_km": {"help_text": CANDIDATE_HELP["max_travel_km"], "max_value": 500},
            "work_experience": {"help_text": CANDIDATE_HELP["work_experience"], "max_length": 2000},
        }

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_bsn(self, candidate: Candidate) -> str | None:
        access: Access | None = self.context["accesses"].get(candidate.pk)
        if access is None or not may_reveal_bsn(CandidateView(candidate=candidate, access=access)):
            return None
        return candidate.bsn

    def validate_birth_date(self, value: date) -> date:
        if not date(1900, 1, 1) <= value <= timezone.localdate():
            raise serializers.ValidationError(_("Enter a date of birth in the past."))
        return value


class CandidateCreateSerializer(CandidateSerializer):
    bsn = serializers.CharField(  # type: ignore[assignment]
        max_length=11, help_text="The BSN (9 digits); checked with the 11-test, unique."
    )
    lead_organisation = OrganisationSlugField(
        required=False,
        help_text=(
            "Slug of the municipality team that leads the file; one you work for that has a "
            "legal basis. May be left out when you work for exactly one such team."
        ),
    )

    class Meta(CandidateSerializer.Meta):
        fields = [name for name in CandidateSerializer.Meta.fields if name not in {"id", "version"}]


class CandidateUpdateSerializer(VersionedUpdateMixin, CandidateSerializer):
    class Meta(CandidateSerializer.Meta):
        fields = [name for name in CandidateSerializer.Meta.fields if name != "bsn"]


class CandidateListQuerySerializer(serializers.Serializer[Any]):
    search = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=("Name (every word must match), an exact BSN, or a postcode such as `2611 AB`."),
    )
    barrier_kind = serializers.ChoiceField(
        choices=[
            *(choice for choice in BarrierKind.choices if choice[0] not in HEALTH_BARRIER_KINDS),
            (HEALTH_FILTER, "Health (physical, psychological, addiction)"),
        ],
        required=False,
        help_text=(
            "Candidates with an open barrier of this kind. The health kinds are one value, "
            "`health` (the exact kind is stored encrypted); it only finds candidates whose "
            "health data you may see."
        ),
    )
    ladder_step = serializers.IntegerField(
        min_value=1, max_value=6, required=False, help_text="Current step on the ladder (1-6)."
    )
    organisation = serializers.SlugField(
        max_length=60,
        required=False,
        help_text="Slug of an organisation: lead, owner of a barrier, or holding a consent.",
    )
    long_term = serializers.BooleanField(
        required=False, default=False, help_text="Only candidates on bijstand for 5 years or more."
    )
    ordering = serializers.ChoiceField(
        choices=list(SORTS), required=False, default="name", help_text="Sort order."
    )


def _represent(view: CandidateView) -> dict[str, Any]:
    context = {"accesses": {view.candidate.pk: view.access}}
    return CandidateSerializer(view.candidate, context=context).data


@extend_schema(tags=["candidates"])
class CandidateViewSet(viewsets.GenericViewSet[Candidate]):
    """Candidates the caller may see: on consent, or on the legal basis of their team."""

    serializer_class = CandidateSerializer

    @extend_schema(
        summary="List and search candidates",
        description=(
            "Only candidates the caller may see. Every candidate returned is recorded in the "
            "processing log (action `list`)."
        ),
        parameters=[CandidateListQuerySerializer],
        responses={200: CandidateSerializer(many=True), 400: ErrorSerializer},
    )
    def list(self, request: Request) -> Response:
        query = CandidateListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        filters = CandidateFilters(
            search=params.get("search", ""),
            barrier_kind=params.get("barrier_kind", ""),
            ladder_step=params.get("ladder_step"),
            organisation=params.get("organisation", ""),
            long_term=params["long_term"],
            sort=params["ordering"],
        )
        purpose = Purpose.CARE if filters.barrier_kind == HEALTH_FILTER else None
        page = self.paginate_queryset(
            candidate_list(user=request.user, filters=filters, purpose=purpose)
        )
        rows = list(page or [])
        accesses = candidate_page_log(user=request.user, candidates=rows)
        data = CandidateSerializer(rows, many=True, context={"accesses": accesses}).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="Register a candidate",
        description=(
            "Only the municipality's teams with a legal basis register candidates; the team "
            "becomes the lead organisation. A BSN that is not valid or already registered "
            "answers 400 with `errors.bsn`."
        ),
        request=CandidateCreateSerializer,
        responses={201: CandidateSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
    )
    def create(self, request: Request) -> Response:
        serializer = CandidateCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        with service_errors():
            candidate = candidate_register(
                acting_user=request.user,
                bsn=fields.pop("bsn"),
                lead_organisation=fields.pop("lead_organisation", None),
                **fields,
            )
        view = candidate_get_unlogged(user=request.user, candidate_id=candidate.pk)
        return Response(_represent(view), status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Open a candidate's dossier",
        description="Recorded in the processing log (action `view`).",
        parameters=[OBJECT_ID],
        responses={200: CandidateSerializer, 404: ErrorSerializer},
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(_represent(candidate_get(user=request.user, candidate_id=_uuid_or_404(pk))))

    @extend_schema(
        summary="Change a candidate (all fields)",
        description=(
            "`version` is required: a stale one answers 409 and changes nothing. The BSN and "
            "the lead organisation cannot be changed here. Every changed field is kept in the "
            "corrections history; the change is recorded in the processing log (`update`)."
        ),
        parameters=[OBJECT_ID],
        request=CandidateUpdateSerializer,
        responses={200: CandidateSerializer, **UPDATE_ERRORS},
    )
    def update(self, request: Request, pk: str) -> Response:
        return self._change(request, pk, partial=False)

    @extend_schema(
        summary="Change some of a candidate's fields",
        description="`version` is required, as on every update.",
        parameters=[OBJECT_ID],
        request=CandidateUpdateSerializer,
        responses={200: CandidateSerializer, **UPDATE_ERRORS},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        return self._change(request, pk, partial=True)

    def _change(self, request: Request, pk: str, *, partial: bool) -> Response:
        view = candidate_get_unlogged(user=request.user, candidate_id=_uuid_or_404(pk))
        serializer = CandidateUpdateSerializer(view.candidate, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        version = fields.pop("version")
        with service_errors():
            candidate = candidate_update(
                acting_user=request.user, view=view, expected_version=version, fields=fields
            )
        return Response(_represent(CandidateView(candidate=candidate, access=view.access)))


# --- The parts of a dossier ------------------------------------------------------------------


class CandidatePartViewSet(viewsets.GenericViewSet[Any]):
    """Base of `candidates/{candidate_id}/<part>/`: the candidate first, through the policy."""

    part_model: type[Model]

    def candidate_for_write(self) -> CandidateView:
        """The visible candidate (404 otherwise); the write itself is logged by its service."""
        return candidate_get_unlogged(
            user=self.request.user, candidate_id=_uuid_or_404(self.kwargs["candidate_id"])
        )

    def candidate_for_list(self) -> CandidateView:
        """The visible candidate, with one `view` entry naming the part read."""
        return candidate_part_open(
            user=self.request.user,
            candidate_id=_uuid_or_404(self.kwargs["candidate_id"]),
            model=self.part_model,
        )

    def paginated(self, rows: Sequence[Any] | QuerySet[Any]) -> Response:
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]  # a list pages as well
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def input(self, *, view: CandidateView, instance: Any = None, **kwargs: Any) -> dict[str, Any]:
        """The validated input; the serializer may check it against the caller's access."""
        serializer = self.get_serializer(
            instance, data=self.request.data, context={"candidate_view": view}, **kwargs
        )
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


def _special_category_checked(serializer: serializers.Serializer[Any], **data: Any) -> None:
    """Refuse special-category input from a caller who may not read it (as a 400)."""
    special_category_write_check(view=serializer.context["candidate_view"], **data)


class BarrierSerializer(serializers.ModelSerializer[Barrier]):
    kind = serializers.ChoiceField(
        choices=BarrierKind.choices,
        help_text=(
            "Kind of barrier. The health kinds (physical, psychological, addiction) are "
            "special-category data: only shown to and written by a caller with the candidate's "
            "consent for `care` or the legal basis."
        ),
    )
    note = VisibleNoteField(visible_attribute="visible_note")
    owner_organisation = OrganisationSlugField(
        required=False,
        help_text="Slug of the organisation working on it (default: the caller's organisation).",
    )
    severity = serializers.ChoiceField(
        choices=Severity.choices, required=False, help_text="1 light, 2 medium (default), 3 severe."
    )
    version = serializers.IntegerField(read_only=True, help_text=VERSION_HELP)

    class Meta:
        model = Barrier
        fields = [
            "id",
            "kind",
            "status",
            "blocks_work",
            "note",
            "severity",
            "owner_organisation",
            "opened_on",
            "resolved_on",
            "version",
        ]
        extra_kwargs = {
            "status": {"help_text": "Open, in progress or resolved."},
            "blocks_work": {"help_text": "True while the barrier stands in the way of work."},
            "opened_on": {"help_text": "When the barrier was noted."},
            "resolved_on": {"help_text": "When it was resolved; required for status resolved."},
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        _special_category_checked(self, kind=attrs.get("kind"), note=attrs.get("note") or None)
        return attrs


class BarrierUpdateSerializer(VersionedUpdateMixin, BarrierSerializer):
    kind = serializers.ChoiceField(
        choices=BarrierKind.choices,
        read_only=True,
        help_text="Cannot be changed: resolve this barrier and record a new one.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        _special_category_checked(self, note=attrs.get("note"))
        return _with_version(attrs)


@extend_schema(tags=["candidates"], parameters=[CANDIDATE_ID])
class BarrierViewSet(CandidatePartViewSet):
    """`candidates/{candidate_id}/barriers/`: what stands between the candidate and work."""

    part_model = Barrier
    serializer_class = BarrierSerializer

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        return BarrierUpdateSerializer if self.action == "partial_update" else BarrierSerializer

    @extend_schema(
        summary="List a candidate's barriers",
        description=(
            "Without the candidate's consent for `care` (or the legal basis) health barriers "
            "are left out and notes are null. Recorded in the processing log (`view`, "
            "object type `barrier`)."
        ),
        responses={200: BarrierSerializer(many=True), 404: ErrorSerializer},
    )
    def list(self, request: Request, candidate_id: str) -> Response:
        return self.paginated(barrier_list(view=self.candidate_for_list()))

    @extend_schema(
        summary="Record a barrier",
        description=(
            "A health kind or a note needs the candidate's consent for `care` or the legal "
            "basis (400 otherwise). Recorded in the processing log (`create`)."
        ),
        responses={201: BarrierSerializer, **WRITE_ERRORS},
    )
    def create(self, request: Request, candidate_id: str) -> Response:
        view = self.candidate_for_write()
        data = self.input(view=view)
        data.setdefault("owner_organisation", view.access.organisation)
        with service_errors():
            barrier = barrier_create(acting_user=request.user, view=view, **data)
        return Response(
            BarrierSerializer(barrier_get_for_update(view=view, barrier_id=barrier.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="Read one barrier",
        description=(
            "404 for a health barrier without the candidate's consent for `care` (or the legal "
            "basis). Recorded in the processing log (`view`, object type `barrier`)."
        ),
        parameters=[OBJECT_ID],
        responses={200: BarrierSerializer, 404: ErrorSerializer},
    )
    def retrieve(self, request: Request, candidate_id: str, pk: str) -> Response:
        view = self.candidate_for_write()
        barrier = barrier_get_for_update(view=view, barrier_id=_uuid_or_404(pk))
        candidate_part_record(user=request.user, view=view, obj=barrier)
        return Response(BarrierSerializer(barrier).data)

    @extend_schema(
        summary="Change a barrier",
        description=(
            "`version` is required: a stale one answers 409 and changes nothing. The kind "
            "cannot be changed. Writing a note needs the candidate's consent for `care` or the "
            "legal basis."
        ),
        parameters=[OBJECT_ID],
        request=BarrierUpdateSerializer,
        responses={200: BarrierSerializer, **UPDATE_ERRORS},
    )
    def partial_update(self, request: Request, candidate_id: str, pk: str) -> Response:
        view = self.candidate_for_write()
        barrier = barrier_get_for_update(view=view, barrier_id=_uuid_or_404(pk))
        fields = self.input(view=view, instance=barrier, partial=True)
        version = fields.pop("version")
        with service_errors():
            barrier_update(
                acting_user=request.user,
                view=view,
                barrier=barrier,
                expected_version=version,
                fields=fields,
            )
        return Response(
            BarrierSerializer(barrier_get_for_update(view=view, barrier_id=barrier.pk)).data
        )


class LadderScoreSerializer(serializers.ModelSerializer[LadderScore]):
    step = serializers.IntegerField(
        min_value=1,
        max_value=6,
        help_text=(
            "Step on the Participatieladder: 1 isolated, 2 social contacts outside the home, "
            "3 organised activities, 4 unpaid work, 5 paid work with support, 6 paid work."
        ),
    )
    potential_step = serializers.IntegerField(
        min_value=1, max_value=6, help_text="The step the candidate could reach; at least `step`."
    )
    note = VisibleNoteField(visible_attribute="visible_note")
    assessor_organisation = OrganisationSlugField(
        read_only=True, help_text="Slug of the organisation of the professional who assessed."
    )

    class Meta:
        model = LadderScore
        fields = ["id", "step", "potential_step", "assessed_on", "note", "assessor_organisation"]
        extra_kwargs = {"assessed_on": {"help_text": "Date of the assessment."}}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        _special_category_checked(self, note=attrs.get("note") or None)
        return attrs


@extend_schema(tags=["candidates"], parameters=[CANDIDATE_ID])
class LadderScoreViewSet(CandidatePartViewSet):
    """`candidates/{candidate_id}/ladder-scores/`: dated steps on the Participatieladder."""

    part_model = LadderScore
    serializer_class = LadderScoreSerializer

    @extend_schema(
        summary="List a candidate's ladder scores (newest first)",
        description=(
            "Notes are null without the candidate's consent for `care` (or the legal basis). "
            "Recorded in the processing log (`view`, object type `ladderscore`)."
        ),
        responses={200: LadderScoreSerializer(many=True), 404: ErrorSerializer},
    )
    def list(self, request: Request, candidate_id: str) -> Response:
        return self.paginated(ladder_score_list(view=self.candidate_for_list()))

    @extend_schema(
        summary="Record a ladder score",
        description=(
            "A dated assessment; scores are history and are not changed afterwards. A note "
            "needs the candidate's consent for `care` or the legal basis."
        ),
        responses={201: LadderScoreSerializer, **WRITE_ERRORS},
    )
    def create(self, request: Request, candidate_id: str) -> Response:
        view = self.candidate_for_write()
        data = self.input(view=view)
        with service_errors():
            score = ladder_score_create(acting_user=request.user, view=view, **data)
        return Response(
            LadderScoreSerializer(ladder_score_get(view=view, score_id=score.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="Read one ladder score",
        description="Recorded in the processing log (`view`, object type `ladderscore`).",
        parameters=[OBJECT_ID],
        responses={200: LadderScoreSerializer, 404: ErrorSerializer},
    )
    def retrieve(self, request: Request, candidate_id: str, pk: str) -> Response:
        view = self.candidate_for_write()
        score = ladder_score_get(view=view, score_id=_uuid_or_404(pk))
        candidate_part_record(user=request.user, view=view, obj=score)
        return Response(LadderScoreSerializer(score).data)


class ConsentSerializer(serializers.ModelSerializer[Consent]):
    organisation = OrganisationSlugField(help_text="Slug of the organisation that gets consent.")
    evidence_note = VisibleNoteField(visible_attribute="visible_evidence_note")
    active = serializers.SerializerMethodField(help_text="True while the consent is in force.")

    class Meta:
        model = Consent
        fields = [
            "id",
            "organisation",
            "purpose",
            "granted_on",
            "expires_on",
            "revoked_on",
            "evidence_note",
            "active",
        ]
        read_only_fields = ["revoked_on"]
        extra_kwargs = {
            "purpose": {"help_text": "What the organisation may use the data for."},
            "granted_on": {
                "help_text": "First day of the consent (default: today).",
                "required": False,
            },
            "expires_on": {"help_text": "Last day of the consent; empty for no end date."},
            "revoked_on": {"help_text": "When the candidate withdrew the consent."},
        }

    def get_active(self, consent: Consent) -> bool:
        return consent.is_active()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        _special_category_checked(self, note=attrs.get("evidence_note") or None)
        return attrs


def _require_consent_manager(request: Request, view: CandidateView) -> None:
    _require(
        may_manage_consent(user=request.user, view=view),
        _("Consent is recorded and revoked by the candidate's lead organisation."),
    )


@extend_schema(tags=["candidates"], parameters=[CANDIDATE_ID])
class ConsentViewSet(CandidatePartViewSet):
    """`candidates/{candidate_id}/consents/`: the candidate's permissions, per organisation."""

    part_model = Consent
    serializer_class = ConsentSerializer

    @extend_schema(
        summary="List a candidate's consents (newest first)",
        description=(
            "A consent for purpose `care` shows that the candidate receives care, so it is only "
            "listed for a caller who may see special-category data; evidence notes likewise. "
            "Recorded in the processing log (`view`, object type `consent`)."
        ),
        responses={200: ConsentSerializer(many=True), 404: ErrorSerializer},
    )
    def list(self, request: Request, candidate_id: str) -> Response:
        return self.paginated(consent_list_visible(view=self.candidate_for_list()))

    @extend_schema(
        summary="Record a consent",
        description=(
            "Only professionals of the candidate's lead organisation record consent (403 for "
            "others): a partner cannot widen its own access."
        ),
        responses={201: ConsentSerializer, **WRITE_ERRORS},
    )
    def create(self, request: Request, candidate_id: str) -> Response:
        view = self.candidate_for_write()
        _require_consent_manager(request, view)
        data = self.input(view=view)
        with service_errors():
            consent = consent_grant(
                acting_user=request.user,
                access=view.access,
                candidate=view.candidate,
                organisation=data["organisation"],
                purpose=data["purpose"],
                granted_on=data.get("granted_on") or timezone.localdate(),
                expires_on=data.get("expires_on"),
                evidence_note=data.get("evidence_note", ""),
            )
        return Response(
            ConsentSerializer(consent_get_visible(view=view, consent_id=consent.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="Revoke a consent",
        description=(
            "Takes effect at once: the organisation loses access now. Only professionals of "
            "the candidate's lead organisation (403 for others)."
        ),
        parameters=[OBJECT_ID],
        request=None,
        responses={200: ConsentSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def revoke(self, request: Request, candidate_id: str, pk: str) -> Response:
        view = self.candidate_for_write()
        consent = consent_get_visible(view=view, consent_id=_uuid_or_404(pk))
        _require_consent_manager(request, view)
        with service_errors():
            consent = consent_revoke(acting_user=request.user, access=view.access, consent=consent)
        return Response(ConsentSerializer(consent).data)


class ProcessingLogEntrySerializer(serializers.ModelSerializer[ProcessingLogEntry]):
    user = serializers.CharField(
        source="user_label", read_only=True, help_text="E-mail address of the user who acted."
    )

    class Meta:
        model = ProcessingLogEntry
        fields = [
            "timestamp",
            "user",
            "organisation",
            "action",
            "activity",
            "purpose",
            "object_type",
            "object_id",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "timestamp": {"help_text": "When it happened."},
            "organisation": {"help_text": "Slug of the organisation the user acted for."},
            "action": {"help_text": "What was done with the data."},
            "activity": {"help_text": "The processing activity, from the register."},
            "purpose": {"help_text": "Consent purpose, or `legal_basis`."},
            "object_type": {"help_text": "Kind of record processed (`candidate`, `barrier`, ...)."},
            "object_id": {"help_text": "Id of the record processed."},
        }


@extend_schema(tags=["candidates"], parameters=[CANDIDATE_ID])
class ProcessingLogViewSet(CandidatePartViewSet):
    """`candidates/{candidate_id}/processing-log/`: read-only, the log is append-only."""

    part_model = ProcessingLogEntry
    serializer_class = ProcessingLogEntrySerializer

    @extend_schema(
        summary="Read a candidate's processing log (read-only, newest first)",
        description=(
            "Who did what with the candidate's personal data, when and why (after the VNG "
            "Verwerkingenlogging standard). Read-only: the log is append-only. Entries about "
            "special-category data are only listed for a caller who may see such data. Reading "
            "the log is itself recorded (`view`, object type `processinglogentry`)."
        ),
        responses={200: ProcessingLogEntrySerializer(many=True), 404: ErrorSerializer},
    )
    def list(self, request: Request, candidate_id: str) -> Response:
        return self.paginated(processing_log_list(view=self.candidate_for_list()))


class BenefitPeriodSerializer(serializers.ModelSerializer[BenefitPeriod]):
    class Meta:
        model = BenefitPeriod
        fields = ["id", "start", "end", "end_reason"]
        extra_kwargs = {
            "start": {"help_text": "First day on bijstand."},
            "end": {"help_text": "Last day on bijstand; empty while it lasts."},
            "end_reason": {"help_text": "Why it ended; required with `end`."},
        }


@extend_schema(tags=["candidates"], parameters=[CANDIDATE_ID])
class BenefitPeriodViewSet(CandidatePartViewSet):
    """`candidates/{candidate_id}/benefit-periods/`: periods on bijstand."""

    part_model = BenefitPeriod
    serializer_class = BenefitPeriodSerializer

    @extend_schema(
        summary="List a candidate's benefit periods (newest first)",
        description="Recorded in the processing log (`view`, object type `benefitperiod`).",
        responses={200: BenefitPeriodSerializer(many=True), 404: ErrorSerializer},
    )
    def list(self, request: Request, candidate_id: str) -> Response:
        return self.paginated(benefit_period_list(view=self.candidate_for_list()))

    @extend_schema(
        summary="Record a benefit period",
        description=(
            "Benefit periods come from the municipality's benefit administration: only a "
            "caller working on the legal basis records them (403 for others)."
        ),
        responses={201: BenefitPeriodSerializer, **WRITE_ERRORS},
    )
    def create(self, request: Request, candidate_id: str) -> Response:
        view = self.candidate_for_write()
        _require(
            may_add_benefit_period(view),
            _("Benefit periods are recorded by the municipality's benefit administration."),
        )
        data = self.input(view=view)
        with service_errors():
            period = benefit_period_create(acting_user=request.user, view=view, **data)
        return Response(BenefitPeriodSerializer(period).data, status=status.HTTP_201_CREATED)
