from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from werkpad.core.navigation import tasks_for_roles
from werkpad.organisations.selectors import membership_list


def home(request: HttpRequest) -> HttpResponse:
    """The user's organisations, roles and tasks; for a visitor, the ways in."""
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
    memberships = membership_list(user=request.user)
    roles = {membership.role_enum for membership in memberships}
    return render(
        request,
        "core/home.html",
        {"memberships": memberships, "tasks": tasks_for_roles(roles, user=request.user)},
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Up when the database answers; 503 otherwise, for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404 for an address that does not exist: the API's JSON error shape under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found."), "errors": {}}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400 for a request Django cannot read: the API's JSON error shape under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": _("Werkpad cannot read this request."), "errors": {}}, status=400
        )
    return defaults.bad_request(request, exception)
