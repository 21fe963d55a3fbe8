"""REST API of employers and offers (DESIGN.md §4): `/api/v1/employers/` and `/api/v1/offers/`.

Thin: parse, call a selector or service, render. Employers are for employer advisers and the
programme lead; offers for everyone who works with candidates (and the board) to read, and for
employer advisers, the programme lead and partners (their own offers) to write. Updates carry
`version`; a stale one answers 409.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from werkpad.accounts.models import User
from werkpad.candidates.api import (
    ERRORS,
    OBJECT_ID,
    UPDATE_ERRORS,
    WRITE_ERRORS,
    ErrorSerializer,
    OrganisationSlugField,
    VersionedUpdateMixin,
    service_errors,
)
from werkpad.candidates.codes import OfferKind
from werkpad.offers.codes import OfferStatus, Sector, Skill
from werkpad.offers.models import Employer, Offer
from werkpad.offers.selectors import (
    EmployerFilters,
    OfferFilters,
    employer_get,
    employer_list,
    may_read_offers,
    may_work_with_employers,
    offer_get,
    offer_list,
    user_roles,
)
from werkpad.offers.services import (
    EMPLOYER_FIELDS,
    OFFER_FIELDS,
    employer_create,
    employer_update,
    offer_create,
    offer_update,
)

VERSION_HELP = "Goes up by one on every change; send it back on an update (stale: 409)."


def _uuid_or_404(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError as error:
        raise exceptions.NotFound() from error


# --- employers --------------------------------------------------------------------------------


class EmployerSerializer(serializers.ModelSerializer[Employer]):
    account_manager: serializers.SlugRelatedField[User] = serializers.SlugRelatedField(
        slug_field="email",
        read_only=True,
        help_text="E-mail address of the employer adviser who keeps the contact.",
    )
    version = serializers.IntegerField(read_only=True, help_text=VERSION_HELP)

    class Meta:
        model = Employer
        fields = ["id", *EMPLOYER_FIELDS, "version"]
        extra_kwargs: dict[str, dict[str, Any]] = {
            "kvk_number": {"help_text": "KvK number: 8 digits, unique.", "validators": []},
            "postcode": {"help_text": "Dutch postcode, e.g. '2611 AB'."},
        }


class EmployerUpdateSerializer(VersionedUpdateMixin, EmployerSerializer):
    class Meta(EmployerSerializer.Meta):
        pass


class EmployerQuerySerializer(serializers.Serializer[Any]):
    search = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text="Name, place or contact person; digits search the KvK number.",
    )
    sector = serializers.ChoiceField(choices=Sector.choices, required=False)


def _employer_roles(request: Request) -> None:
    if not may_work_with_employers(user_roles(request.user)):
        raise exceptions.PermissionDenied()


@extend_schema(tags=["employers"])
class EmployerViewSet(viewsets.GenericViewSet[Employer]):
    """Employers, for employer advisers and the programme lead (403 for others)."""

    serializer_class = EmployerSerializer

    @extend_schema(
        summary="List and search employers",
        parameters=[EmployerQuerySerializer],
        responses={200: EmployerSerializer(many=True), 400: ErrorSerializer, 403: ErrorSerializer},
    )
    def list(self, request: Request) -> Response:
        _employer_roles(request)
        query = EmployerQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = EmployerFilters(
            search=query.validated_data.get("search", ""),
            sector=query.validated_data.get("sector", ""),
        )
        page = self.paginate_queryset(employer_list(filters=filters))
        return self.get_paginated_response(EmployerSerializer(page, many=True).data)

    @extend_schema(
        summary="Register an employer",
        request=EmployerSerializer,
        responses={201: EmployerSerializer, **WRITE_ERRORS},
    )
    def create(self, request: Request) -> Response:
        _employer_roles(request)
        serializer = EmployerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            employer = employer_create(acting_user=request.user, **serializer.validated_data)
        return Response(EmployerSerializer(employer).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="One employer",
        parameters=[OBJECT_ID],
        responses={200: EmployerSerializer, **ERRORS},
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        _employer_roles(request)
        return Response(EmployerSerializer(employer_get(employer_id=_uuid_or_404(pk))).data)

    @extend_schema(
        summary="Change an employer",
        description="Send the fields to change and `version`; a stale version answers 409.",
        parameters=[OBJECT_ID],
        request=EmployerUpdateSerializer,
        responses={200: EmployerSerializer, **UPDATE_ERRORS},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        _employer_roles(request)
        employer = employer_get(employer_id=_uuid_or_404(pk))
        serializer = EmployerUpdateSerializer(employer, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        version = fields.pop("version")
        with service_errors():
            employer = employer_update(
                acting_user=request.user, employer=employer, expected_version=version, **fields
            )
        return Response(EmployerSerializer(employer).data)


# --- offers -----------------------------------------------------------------------------------


class OfferSerializer(serializers.ModelSerializer[Offer]):
    provider = serializers.SerializerMethodField(
        help_text="Who offers it: `employer:<employer id>` or `organisation:<slug>`."
    )
    provider_name = serializers.CharField(read_only=True, help_text="The provider's name.")
    employer = serializers.PrimaryKeyRelatedField(
        queryset=Employer.objects.all(),
        required=False,
        allow_null=True,
        help_text="Write: the employer that offers it (or give `organisation`).",
    )
    organisation = OrganisationSlugField(
        required=False,
        allow_null=True,
        help_text="Write: slug of the partner organisation that offers it (or give `employer`).",
    )
    free = serializers.IntegerField(
        read_only=True,
        help_text="Free places: capacity minus running placements and accepted matches.",
    )
    skills_required = serializers.ListField(
        child=serializers.ChoiceField(choices=Skill.choices),
        max_length=len(Skill.choices),
        required=False,
        help_text="Skill codes the offer asks (the candidates' vocabulary).",
    )
    skills_desired = serializers.ListField(
        child=serializers.ChoiceField(choices=Skill.choices),
        max_length=len(Skill.choices),
        required=False,
        help_text="Skill codes that help.",
    )
    version = serializers.IntegerField(read_only=True, help_text=VERSION_HELP)

    class Meta:
        model = Offer
        fields = [
            "id",
            "provider",
            "provider_name",
            *OFFER_FIELDS,
            "free",
            "version",
        ]
        extra_kwargs: dict[str, dict[str, Any]] = {
            "postcode": {"help_text": "Dutch postcode or its four digits, e.g. '2611'."},
            "capacity": {"help_text": "Places in all.", "min_value": 1, "max_value": 10_000},
            "hours_min": {"max_value": 60},
            "group_min": {"max_value": 1000},
        }

    def get_provider(self, offer: Offer) -> str:
        if offer.employer_id:
            return f"employer:{offer.employer_id}"
        return f"organisation:{offer.organisation.slug if offer.organisation else ''}"


class OfferUpdateSerializer(VersionedUpdateMixin, OfferSerializer):
    class Meta(OfferSerializer.Meta):
        pass


class OfferQuerySerializer(serializers.Serializer[Any]):
    search = serializers.CharField(max_length=100, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=OfferKind.choices, required=False)
    status = serializers.ChoiceField(choices=OfferStatus.choices, required=False)
    provider = serializers.CharField(
        max_length=80,
        required=False,
        help_text="`employer:<id>` or `organisation:<slug>`.",
    )


def _offer_readers(request: Request) -> None:
    if not may_read_offers(user_roles(request.user)):
        raise exceptions.PermissionDenied()


def _offer_values(instance: Offer | None, data: dict[str, Any]) -> dict[str, Any]:
    """All fields of the offer: the stored ones with the changes given on top."""
    values = {name: getattr(instance, name) for name in OFFER_FIELDS} if instance else {}
    values.update(data)
    return values


@extend_schema(tags=["offers"])
class OfferViewSet(viewsets.GenericViewSet[Offer]):
    """Offers: jobs, volunteer places, day activities, learning and work-experience places."""

    serializer_class = OfferSerializer

    @extend_schema(
        summary="List and search offers",
        parameters=[OfferQuerySerializer],
        responses={200: OfferSerializer(many=True), 400: ErrorSerializer, 403: ErrorSerializer},
    )
    def list(self, request: Request) -> Response:
        _offer_readers(request)
        query = OfferQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        filters = OfferFilters(
            search=params.get("search", ""),
            kind=params.get("kind", ""),
            status=params.get("status", ""),
            provider=params.get("provider", ""),
        )
        page = self.paginate_queryset(offer_list(filters=filters))
        return self.get_paginated_response(OfferSerializer(page, many=True).data)

    @extend_schema(
        summary="Publish an offer",
        description="Give `employer` or `organisation`, not both.",
        request=OfferSerializer,
        responses={201: OfferSerializer, **WRITE_ERRORS},
    )
    def create(self, request: Request) -> Response:
        _offer_readers(request)
        serializer = OfferSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            offer = offer_create(
                acting_user=request.user, **_offer_values(None, serializer.validated_data)
            )
        return Response(
            OfferSerializer(offer_get(offer_id=offer.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        summary="One offer",
        parameters=[OBJECT_ID],
        responses={200: OfferSerializer, **ERRORS},
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        _offer_readers(request)
        return Response(OfferSerializer(offer_get(offer_id=_uuid_or_404(pk))).data)

    @extend_schema(
        summary="Change an offer",
        description="Send the fields to change and `version`; a stale version answers 409.",
        parameters=[OBJECT_ID],
        request=OfferUpdateSerializer,
        responses={200: OfferSerializer, **UPDATE_ERRORS, 403: ErrorSerializer},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        _offer_readers(request)
        offer = offer_get(offer_id=_uuid_or_404(pk))
        serializer = OfferUpdateSerializer(offer, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version")
        with service_errors():
            offer_update(
                acting_user=request.user,
                offer=offer,
                expected_version=version,
                **_offer_values(offer, data),
            )
        return Response(OfferSerializer(offer_get(offer_id=offer.pk)).data)
