from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from werkpad.core.navigation import tasks_for_roles
from werkpad.organisations.selectors import membership_list


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = membership_list(user=request.user)
    roles = {membership.role_enum for membership in memberships}
    return render(
        request,
        "core/home.html",
        {"memberships": memberships, "tasks": tasks_for_roles(roles)},
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
