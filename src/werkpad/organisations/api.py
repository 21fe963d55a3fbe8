from __future__ import annotations

from typing import Any

from rest_framework import permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.views import APIView

from werkpad.organisations.models import Organisation
from werkpad.organisations.selectors import organisation_list, user_is_admin


class IsAdminOrReadOnly(permissions.BasePermission):
    """Any signed-in user reads; only administrators write."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        return request.method in permissions.SAFE_METHODS or user_is_admin(user=request.user)


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind"]
        extra_kwargs = {"name": {"max_length": 200}}


class OrganisationViewSet(viewsets.ModelViewSet[Organisation]):
    serializer_class = OrganisationSerializer
    permission_classes = [IsAdminOrReadOnly]
    lookup_field = "slug"

    def get_queryset(self) -> Any:
        return organisation_list(search=self.request.query_params.get("search", ""))
