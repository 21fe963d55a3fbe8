"""Middleware: one structured log line per request, and refusing input no database takes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger("werkpad.request")


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        # No query string: it may carry a BSN or a name from a search form.
        logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


class RejectNulCharactersMiddleware:
    """Answer 400 to a path or query string with a NUL character.

    PostgreSQL cannot compare or store text with NUL, so such input would end in a server error
    deep inside a search or a lookup; it is never meaningful, so it is refused at the door.
    Form fields and JSON bodies are checked by their own validators.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return bad_request_response(
                request, _("The address contains a character that is not allowed.")
            )
        return self.get_response(request)


def bad_request_response(request: HttpRequest, message: str) -> HttpResponse:
    """A 400 answer in the shape the caller expects: the API's JSON errors or an HTML page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "errors": {}}, status=400)
    return render(request, "400.html", {"message": message}, status=400)
