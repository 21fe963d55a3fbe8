"""Shared REST API pieces: the error shape of DESIGN.md §4 and the conflict error."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from werkpad.core.concurrency import StaleVersionError


class ConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _flatten(detail: Any) -> list[str]:
    if isinstance(detail, list):
        return [message for item in detail for message in _flatten(item)]
    if isinstance(detail, dict):
        return [message for item in detail.values() for message in _flatten(item)]
    return [str(detail)]


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Answer every client error as `{"detail": str, "errors": {field: [messages]}}`."""
    if isinstance(exc, StaleVersionError):
        exc = ConflictError(detail=str(exc))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = ConflictError(
            detail=_("This cannot be deleted because other records still refer to it.")
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Not found."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    errors: dict[str, list[str]] = {}
    if isinstance(exc, exceptions.ValidationError):
        detail_text = _("The input is not valid.")
        if isinstance(exc.detail, dict):
            errors = {field: _flatten(messages) for field, messages in exc.detail.items()}
        else:
            errors = {"non_field_errors": _flatten(exc.detail)}
    else:
        detail_text = " ".join(_flatten(response.data.get("detail", response.data)))
    response.data = {"detail": detail_text, "errors": errors}
    return response
