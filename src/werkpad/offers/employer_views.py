"""Pages of the employer relations: employers, BHAG Deals, round tables, leads, and the public
page "Belangstelling als werkgever".

For employer advisers and the programme lead (others get 403: these pages hold no candidate
data, so there is no existence to hide). Views are thin: parse, call a selector or service,
render.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkpad.core.concurrency import StaleVersionError
from werkpad.offers import forms as offer_forms
from werkpad.offers.selectors import (
    EmployerFilters,
    deal_get,
    deal_list,
    deal_rows,
    employer_get,
    employer_list,
    follow_up_get,
    lead_get,
    lead_list,
    may_work_with_employers,
    meeting_get,
    meeting_list,
    user_roles,
)
from werkpad.offers.services import (
    TooManyPostsError,
    deal_create,
    deal_update,
    employer_create,
    employer_update,
    follow_up_create,
    follow_up_mark_done,
    interest_throttle,
    lead_convert,
    lead_create,
    lead_update,
    meeting_create,
    meeting_update,
)

PAGE_SIZE = 25
T = TypeVar("T")


def require_employer_role(request: HttpRequest) -> None:
    if not may_work_with_employers(user_roles(request.user)):
        raise PermissionDenied


def employer_page(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None
) -> HttpResponse:
    """Render an employer-relations page, with the section's menu."""
    return render(request, template, {"section_employers": True, **(context or {})})


def form_save(form: Any, save: Callable[[], T]) -> T | None:
    """Run a service for a valid form; put its refusal on the form (which keeps the input)."""
    try:
        return save()
    except StaleVersionError as error:
        form.add_error(None, str(error))
    except ValidationError as error:
        form.add_service_errors(error)
    except PermissionDenied as error:
        form.add_error(None, str(error) or _("You may not do this."))
    return None


def version_of(form: Any, instance: Any) -> int:
    return int(form.cleaned_data.get("version") or instance.version)


# --- employers --------------------------------------------------------------------------------


@login_required
@require_GET
def employer_list_view(request: HttpRequest) -> HttpResponse:
    require_employer_role(request)
    form = offer_forms.EmployerFilterForm(request.GET)
    form.is_valid()
    filters = EmployerFilters(
        search=form.cleaned_data.get("q", ""), sector=form.cleaned_data.get("sector", "")
    )
    page = Paginator(employer_list(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return employer_page(
        request,
        "offers/employer_list.html",
        {"form": form, "page": page, "searching": bool(filters.search or filters.sector)},
    )


@login_required
@require_GET
def employer_detail_view(request: HttpRequest, employer_id: UUID) -> HttpResponse:
    require_employer_role(request)
    employer = employer_get(employer_id=employer_id)
    deals = list(employer.deals.prefetch_related("promises").order_by("-signed_on"))
    return employer_page(
        request,
        "offers/employer_detail.html",
        {
            "employer": employer,
            "deals": deal_rows(deals),
            "offers": employer.offers.order_by("status", "title"),
            "meetings": employer.meetings.order_by("-held_on"),
            "follow_ups": employer.follow_ups.select_related("owner", "meeting").order_by(
                "done_on", "due_on"
            ),
            "leads": employer.leads.order_by("-created_at"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def employer_form_view(request: HttpRequest, employer_id: UUID | None = None) -> HttpResponse:
    """Register an employer (from a lead with `?lead=<id>`) or change one."""
    require_employer_role(request)
    employer = employer_get(employer_id=employer_id) if employer_id else None
    lead_id = request.GET.get("lead") or request.POST.get("lead")
    lead = lead_get(lead_id=lead_id) if lead_id and employer is None else None
    initial: dict[str, Any] = {"version": employer.version} if employer else {}
    if lead is not None:
        initial = {
            "name": lead.company_name,
            "kvk_number": lead.kvk_number,
            "sector": lead.sector,
            "contact_name": lead.contact_name,
            "contact_email": lead.email,
            "contact_phone": lead.phone,
            "account_manager": request.user.pk,
        }
    form = offer_forms.EmployerForm(request.POST or None, instance=employer, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}

        def save() -> Any:
            if employer is None:
                created = employer_create(acting_user=request.user, **fields)
                if lead is not None:
                    lead_convert(acting_user=request.user, lead=lead, employer=created)
                return created
            return employer_update(
                acting_user=request.user,
                employer=employer,
                expected_version=version_of(form, employer),
                **fields,
            )

        saved = form_save(form, save)
        if saved is not None:
            messages.success(request, _("The employer is saved."))
            return redirect("offers:employer-detail", employer_id=saved.pk)
    return employer_page(
        request, "offers/employer_form.html", {"form": form, "employer": employer, "lead": lead}
    )


# --- deals ------------------------------------------------------------------------------------


@login_required
@require_GET
def deal_list_view(request: HttpRequest) -> HttpResponse:
    require_employer_role(request)
    running_only = request.GET.get("running") == "1"
    page = Paginator(deal_list(running_only=running_only), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = deal_rows(list(page.object_list))
    return employer_page(
        request,
        "offers/deal_list.html",
        {"page": page, "rows": rows, "running_only": running_only},
    )


@login_required
@require_http_methods(["GET", "POST"])
def deal_form_view(
    request: HttpRequest, employer_id: UUID | None = None, deal_id: UUID | None = None
) -> HttpResponse:
    require_employer_role(request)
    deal = deal_get(deal_id=deal_id) if deal_id else None
    employer = deal.employer if deal else employer_get(employer_id=employer_id)  # type: ignore[arg-type]
    form = offer_forms.DealForm(request.POST or None, deal=deal)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            "signed_on": data["signed_on"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "note": data["note"],
            "promises": form.promises(),
        }

        def save() -> Any:
            if deal is None:
                return deal_create(acting_user=request.user, employer=employer, **values)
            return deal_update(
                acting_user=request.user,
                deal=deal,
                expected_version=version_of(form, deal),
                **values,
            )

        if form_save(form, save) is not None:
            messages.success(request, _("The BHAG Deal is saved."))
            return redirect("offers:employer-detail", employer_id=employer.pk)
    return employer_page(
        request, "offers/deal_form.html", {"form": form, "deal": deal, "employer": employer}
    )


# --- round tables -----------------------------------------------------------------------------


@login_required
@require_GET
def meeting_list_view(request: HttpRequest) -> HttpResponse:
    require_employer_role(request)
    page = Paginator(meeting_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return employer_page(request, "offers/meeting_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    """A round table with its follow-ups; the form below adds one."""
    require_employer_role(request)
    meeting = meeting_get(meeting_id=meeting_id)
    form = offer_forms.FollowUpForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = form_save(
            form,
            lambda: follow_up_create(
                acting_user=request.user,
                meeting=meeting,
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
                employer=data["employer"],
            ),
        )
        if created is not None:
            messages.success(request, _("The follow-up is added."))
            return redirect("offers:meeting-detail", meeting_id=meeting.pk)
    return employer_page(request, "offers/meeting_detail.html", {"meeting": meeting, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_form_view(request: HttpRequest, meeting_id: UUID | None = None) -> HttpResponse:
    require_employer_role(request)
    meeting = meeting_get(meeting_id=meeting_id) if meeting_id else None
    form = offer_forms.MeetingForm(
        request.POST or None,
        instance=meeting,
        initial={"version": meeting.version} if meeting else {},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            "held_on": data["held_on"],
            "title": data["title"],
            "location": data["location"],
            "notes": data["notes"],
            "employers": list(data["employers"]),
        }

        def save() -> Any:
            if meeting is None:
                return meeting_create(acting_user=request.user, **values)
            return meeting_update(
                acting_user=request.user,
                meeting=meeting,
                expected_version=version_of(form, meeting),
                **values,
            )

        saved = form_save(form, save)
        if saved is not None:
            messages.success(request, _("The round table is saved."))
            return redirect("offers:meeting-detail", meeting_id=saved.pk)
    return employer_page(request, "offers/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def follow_up_done_view(request: HttpRequest, follow_up_id: UUID) -> HttpResponse:
    """Tick a follow-up off or open it again; htmx swaps the row, otherwise back to the page."""
    require_employer_role(request)
    follow_up = follow_up_get(follow_up_id=follow_up_id)
    try:
        follow_up = follow_up_mark_done(
            acting_user=request.user,
            follow_up=follow_up,
            expected_version=int(request.POST.get("version") or 0),
            done=request.POST.get("done") == "1",
        )
        error = ""
    except StaleVersionError as stale:
        follow_up.refresh_from_db()
        error = str(stale)
    if request.headers.get("HX-Request") == "true":
        return render(
            request, "offers/_follow_up_row.html", {"follow_up": follow_up, "error": error}
        )
    if error:
        messages.error(request, error)
    return redirect("offers:meeting-detail", meeting_id=follow_up.meeting_id)


# --- leads ------------------------------------------------------------------------------------


@login_required
@require_GET
def lead_list_view(request: HttpRequest) -> HttpResponse:
    require_employer_role(request)
    form = offer_forms.LeadFilterForm(request.GET)
    status = form.cleaned_data.get("status", "") if form.is_valid() else ""
    page = Paginator(lead_list(status=status), PAGE_SIZE).get_page(request.GET.get("page"))
    return employer_page(request, "offers/lead_list.html", {"form": form, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def lead_detail_view(request: HttpRequest, lead_id: UUID) -> HttpResponse:
    require_employer_role(request)
    lead = lead_get(lead_id=lead_id)
    form = offer_forms.LeadStatusForm(
        request.POST or None, initial={"status": lead.status, "version": lead.version}
    )
    if request.method == "POST" and form.is_valid():
        saved = form_save(
            form,
            lambda: lead_update(
                acting_user=request.user,
                lead=lead,
                expected_version=version_of(form, lead),
                status=form.cleaned_data["status"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The status of the lead is saved."))
            return redirect("offers:lead-detail", lead_id=lead.pk)
    return employer_page(request, "offers/lead_detail.html", {"lead": lead, "form": form})


# --- the public interest page -----------------------------------------------------------------


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as the web server saw it.

    Behind a reverse proxy, the proxy must put the client's address in REMOTE_ADDR (for
    example gunicorn's `--forwarded-allow-ips`); a forwarded header is not trusted here, as
    anyone can send one.
    """
    return str(request.META.get("REMOTE_ADDR") or "unknown")


@require_http_methods(["GET", "POST"])
def interest_view(request: HttpRequest) -> HttpResponse:
    """ "Belangstelling als werkgever": anyone may leave their interest, without logging in.

    Spam protection: a honeypot field (filled in → refused, nothing stored) and at most 20 posts
    a minute from one address (the 21st answers 429).
    """
    form = offer_forms.InterestForm(request.POST or None)
    if request.method == "POST":
        try:
            interest_throttle(client_address=client_address(request))
        except TooManyPostsError:
            return render(request, "offers/interest_refused.html", {"too_many": True}, status=429)
        if form.is_spam:
            return render(request, "offers/interest_refused.html", {"too_many": False}, status=400)
        if (
            form.is_valid()
            and form_save(form, lambda: lead_create(**form.lead_fields())) is not None
        ):
            return redirect("offers:interest-thanks")
    return render(request, "offers/interest.html", {"form": form})


@require_GET
def interest_thanks_view(request: HttpRequest) -> HttpResponse:
    return render(request, "offers/interest_thanks.html")
