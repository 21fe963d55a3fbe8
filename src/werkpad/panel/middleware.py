"""The boundary of a candidate account: the portal, and nothing of the professionals' pages.

A candidate account has no Membership, so the access policy already shows it no candidate;
this middleware also keeps it off every other page (lists of organisations, offers, the API,
the management pages, the panel's pages for professionals), which answer 404 as if they did
not exist. The portal's pages are marked by `werkpad.panel.views.portal_required`. The home
page sends a candidate to the portal.

Whether the session belongs to a candidate is stored in the session at login
(`werkpad.panel.apps`), so the check costs no query per request.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

CANDIDATE_SESSION_KEY = "werkpad_candidate_account"
# Pages besides the portal's own (`is_portal_page`) a candidate may use: logging in and out,
# the second factor, their password, and the language switch.
CANDIDATE_ALLOWED_VIEWS = frozenset(
    {
        "panel:login",
        "accounts:login",
        "accounts:logout",
        "accounts:otp-verify",
        "accounts:otp-setup",
        "accounts:password-change",
        "accounts:password-change-done",
        "set_language",
    }
)


class CandidateBoundaryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if not request.session.get(CANDIDATE_SESSION_KEY):
            return None
        match = request.resolver_match
        if match is None:
            return None
        if match.view_name == "core:home":
            return redirect("panel:home")
        if (
            getattr(view_func, "is_portal_page", False)
            or match.view_name in CANDIDATE_ALLOWED_VIEWS
        ):
            return None
        raise Http404
