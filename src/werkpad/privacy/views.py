"""Pages of the privacy app: the candidate's export, the erasure, the processing-log search."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from math import ceil
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from werkpad.privacy.avg import (
    candidate_erase,
    candidate_export,
    candidate_for_erasure,
    export_presentation,
    retention_status,
)
from werkpad.privacy.codes import LogAction
from werkpad.privacy.forms import ErasureForm, LogSearchForm
from werkpad.privacy.models import ProcessingLogEntry
from werkpad.privacy.selectors import LogFilters, log_entries_described, processing_log_search

LOG_PAGE_SIZE = 50
LOG_COUNT_CAP = 10_000
CSV_COLUMNS = (
    "timestamp",
    "user",
    "organisation",
    "action",
    "activity",
    "purpose",
    "object_type",
    "object_id",
    "candidate_id",
    "confidentiality",
)


@never_cache
@login_required
@require_GET
def candidate_export_view(request: HttpRequest, candidate_id: UUID) -> HttpResponse:
    export = candidate_export(acting_user=request.user, candidate_id=candidate_id)
    return render(
        request,
        "privacy/candidate_export.html",
        {
            "export": export,
            "person": export["sections"]["person"],
            "sections": export_presentation(export),
        },
    )


@never_cache
@login_required
@require_GET
def candidate_export_json_view(request: HttpRequest, candidate_id: UUID) -> HttpResponse:
    export = candidate_export(acting_user=request.user, candidate_id=candidate_id)
    body = json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    filename = f"werkpad-gegevens-{candidate_id}-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _after_erasure_url() -> str:
    try:
        return reverse("candidates:list")
    except NoReverseMatch:
        return reverse("core:home")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def candidate_erase_view(request: HttpRequest, candidate_id: UUID) -> HttpResponse:
    """Ask for confirmation and a legal ground; erase on POST."""
    candidate = candidate_for_erasure(
        user=request.user, candidate_id=candidate_id, log_view=request.method == "GET"
    )
    status = retention_status(candidate=candidate, on=timezone.localdate())
    form = ErasureForm(request.POST or None, retention_due=status.due)
    if request.method == "POST" and form.is_valid():
        name = candidate.full_name
        candidate_erase(
            acting_user=request.user, candidate=candidate, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("The personal data of %(name)s have been erased.") % {"name": name}
        )
        return redirect(_after_erasure_url())
    return render(
        request,
        "privacy/candidate_erase.html",
        {"candidate": candidate, "form": form, "retention": status},
        status=400 if form.is_bound and form.errors else 200,
    )


class CappedPaginator(Paginator):
    """Counts at most `LOG_COUNT_CAP` entries: an exact count of millions costs seconds.

    Pages beyond the cap are not offered; the page says so, and the CSV holds everything.
    """

    @cached_property
    def count(self) -> int:
        # Without ORDER BY the database stops at the cap instead of sorting every match.
        entries: QuerySet[ProcessingLogEntry] = self.object_list  # type: ignore[assignment]
        return entries.order_by()[: LOG_COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > LOG_COUNT_CAP

    @cached_property
    def num_pages(self) -> int:
        return ceil(min(self.count, LOG_COUNT_CAP) / self.per_page) or 1


def _log_search(
    request: HttpRequest, action: LogAction
) -> tuple[LogSearchForm, QuerySet[ProcessingLogEntry]]:
    """The search form and its result; 404 (from the selector) for users without the role."""
    form = LogSearchForm(request.GET)
    valid = form.is_valid()
    entries = processing_log_search(
        user=request.user, filters=form.filters() if valid else LogFilters(), action=action
    )
    return form, entries if valid else entries.none()


def _log_search_page(
    request: HttpRequest, form: LogSearchForm, entries: QuerySet[ProcessingLogEntry]
) -> HttpResponse:
    page = CappedPaginator(entries, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = log_entries_described(list(page.object_list))
    return render(
        request,
        "privacy/log_search.html",
        {"form": form, "page": page, "searched": bool(request.GET), "cap": LOG_COUNT_CAP},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
@require_GET
def log_search_view(request: HttpRequest) -> HttpResponse:
    form, entries = _log_search(request, LogAction.VIEW)
    return _log_search_page(request, form, entries)


def _csv_safe(value: object) -> str:
    """No cell may start like a spreadsheet formula (CSV injection)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(entries: QuerySet[ProcessingLogEntry]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for entry in entries.iterator(chunk_size=2000):
        yield writer.writerow(
            [
                _csv_safe(value)
                for value in (
                    timezone.localtime(entry.timestamp).isoformat(),
                    entry.user_label,
                    entry.organisation,
                    entry.action,
                    entry.activity,
                    entry.purpose,
                    entry.object_type,
                    entry.object_id,
                    entry.candidate_id or "",
                    entry.confidentiality,
                )
            ]
        )


@never_cache
@login_required
@require_GET
def log_search_csv_view(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    form, entries = _log_search(request, LogAction.EXPORT)
    if form.errors:
        return _log_search_page(request, form, entries)
    response = StreamingHttpResponse(_csv_lines(entries), content_type="text/csv; charset=utf-8")
    filename = f"verwerkingenlog-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
