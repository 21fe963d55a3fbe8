"""The professional's pages of the candidate dossier: the list and the dossier with its tabs.

Views are thin: they read through `werkpad.candidates.selectors` (which log every look in the
processing log) and write through the forms' `submit`, which calls one service. Every page
that shows a candidate writes exactly one processing-log entry: opening a tab is opening a
page; a form that saves is logged by its service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkpad.candidates import forms as candidate_forms
from werkpad.candidates.codes import LadderStep, OfferKind
from werkpad.candidates.dossier_links import dossier_links
from werkpad.candidates.selectors import (
    CandidateView,
    barrier_get_for_update,
    barrier_list,
    benefit_period_list,
    candidate_get,
    candidate_get_unlogged,
    candidate_is_visible,
    candidate_list_page,
    candidate_view_record,
    consent_get_visible,
    consent_rows,
    correction_list,
    ladder_history,
    may_add_benefit_period,
    may_manage_consent,
    may_reveal_bsn,
    plan_goal_get,
    plan_goal_list,
    plan_step_get,
    registering_organisations,
)
from werkpad.candidates.services import plan_step_mark_done
from werkpad.core.concurrency import StaleVersionError
from werkpad.privacy.codes import purpose_label
from werkpad.privacy.services import consent_revoke

PAGE_SIZE = 25
RESULTS_ID = "candidate-results"


@dataclass(frozen=True)
class Tab:
    name: str
    url_name: str
    label: str | Promise
    activity: str


TABS = (
    Tab("overview", "candidates:detail", _("Overview"), "candidate_dossier"),
    Tab("barriers", "candidates:barriers", _("Barriers"), "candidate_dossier"),
    Tab("ladder", "candidates:ladder", _("Participatieladder"), "candidate_dossier"),
    Tab("plan", "candidates:plan", _("Plan of action"), "candidate_plan"),
    Tab("consents", "candidates:consents", _("Consent"), "consent_management"),
    Tab("benefits", "candidates:benefits", _("Benefit periods"), "benefit_administration"),
    Tab("corrections", "candidates:corrections", _("Corrections"), "candidate_dossier"),
)
TAB_BY_NAME = {tab.name: tab for tab in TABS}


class DossierForm(Protocol):
    def is_valid(self) -> bool: ...

    def add_error(self, field: str | None, error: Any) -> None: ...

    @property
    def fields(self) -> dict[str, forms.Field]: ...

    def submit(self, *, acting_user: Any) -> Any: ...


def _is_results_update(request: HttpRequest) -> bool:
    """An htmx request for the results table only (not a history restore of the whole page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Target") == RESULTS_ID
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


@login_required
@require_GET
def candidate_list_view(request: HttpRequest) -> HttpResponse:
    form = candidate_forms.CandidateFilterForm(request.GET)
    filters = form.filters()
    result = candidate_list_page(
        user=request.user,
        filters=filters,
        page_number=request.GET.get("page"),
        per_page=PAGE_SIZE,
    )
    partial = _is_results_update(request)
    context = {
        "form": form,
        "page": result.page,
        "any_visible": result.any_visible,
        "searching": bool(filters.search or filters.barrier_kind or filters.organisation)
        or filters.ladder_step is not None
        or filters.long_term,
        "sort": filters.sort,
        "partial": partial,
        "results_id": RESULTS_ID,
        # Called by the template only on the full page.
        "may_register": lambda: registering_organisations(user=request.user).exists(),
    }
    template = "candidates/_candidate_results.html" if partial else "candidates/candidate_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


def _dossier_context(view: CandidateView, tab: str) -> dict[str, Any]:
    return {
        "view": view,
        "candidate": view.candidate,
        "tabs": TABS,
        "tab": tab,
        "basis": purpose_label(view.access.purpose),
        "bsn_end": view.candidate.bsn[-4:],
        "subpage": False,
        "show_bsn": False,
        "may_reveal_bsn": may_reveal_bsn(view),
    }


def _overview_context(request: HttpRequest, view: CandidateView) -> dict[str, Any]:
    return {
        "show_bsn": request.GET.get("bsn") == "show" and may_reveal_bsn(view),
        "preferred_offer_kinds": [
            OfferKind(kind).label
            for kind in view.candidate.preferred_offer_kinds
            if kind in OfferKind.values
        ],
        "links": dossier_links(user=request.user, view=view),
    }


TabContext = Callable[[HttpRequest, CandidateView], dict[str, Any]]
TAB_CONTEXT: dict[str, TabContext] = {
    "overview": _overview_context,
    "barriers": lambda request, view: {"barriers": barrier_list(view=view)},
    "ladder": lambda request, view: {
        "history": ladder_history(view=view),
        "ladder_steps": LadderStep.choices,
    },
    "plan": lambda request, view: {"goals": plan_goal_list(view=view)},
    "consents": lambda request, view: {
        "consents": consent_rows(view=view),
        "may_manage": may_manage_consent(user=request.user, view=view),
    },
    "benefits": lambda request, view: {
        "periods": benefit_period_list(view=view),
        "may_add": may_add_benefit_period(view),
        "today": timezone.localdate(),
    },
    "corrections": lambda request, view: {"corrections": correction_list(view=view)},
}


@login_required
@require_GET
def dossier_tab_view(request: HttpRequest, candidate_id: UUID, *, tab: str) -> HttpResponse:
    """One tab of the dossier: a page of its own, so opening it writes one log entry."""
    view = candidate_get(
        user=request.user, candidate_id=candidate_id, activity=TAB_BY_NAME[tab].activity
    )
    context = {**_dossier_context(view, tab), **TAB_CONTEXT[tab](request, view)}
    return render(request, f"candidates/dossier_{tab}.html", context)


def add_service_errors(form: DossierForm, error: ValidationError) -> None:
    """A service's refusal shown with the field it concerns, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, field_errors in error.error_dict.items():
        target = name if name in form.fields else None
        for field_error in field_errors:
            form.add_error(None if name == NON_FIELD_ERRORS else target, field_error)


@dataclass(frozen=True)
class Sent:
    """What a form page was sent: by whom, the form data (None when shown), the URL's ids."""

    user: Any
    data: QueryDict | None
    ids: dict[str, UUID]


FormFactory = Callable[[CandidateView, Sent], DossierForm]


def _anyone(request: HttpRequest, view: CandidateView) -> bool:
    return True


@dataclass(frozen=True)
class FormPage:
    """A form on the dossier: the tab it belongs to, its form, and who may use it."""

    tab: str
    title: str | Promise
    make_form: FormFactory
    success_message: str | Promise
    allowed: Callable[[HttpRequest, CandidateView], bool] = _anyone


FORM_PAGES: dict[str, FormPage] = {
    "edit": FormPage(
        "overview",
        _("Change details"),
        lambda view, sent: candidate_forms.CandidateEditForm(
            sent.data, view=view, may_change_lead=may_manage_consent(user=sent.user, view=view)
        ),
        _("The details are saved."),
    ),
    "barrier-create": FormPage(
        "barriers",
        _("Add a barrier"),
        lambda view, sent: candidate_forms.BarrierCreateForm(sent.data, view=view),
        _("The barrier is added."),
    ),
    "barrier-edit": FormPage(
        "barriers",
        _("Change a barrier"),
        lambda view, sent: candidate_forms.BarrierEditForm(
            sent.data,
            view=view,
            barrier=barrier_get_for_update(view=view, barrier_id=sent.ids["barrier_id"]),
        ),
        _("The barrier is saved."),
    ),
    "ladder-create": FormPage(
        "ladder",
        _("Add a step on the Participatieladder"),
        lambda view, sent: candidate_forms.LadderScoreForm(sent.data, view=view),
        _("The step on the ladder is added."),
    ),
    "goal-create": FormPage(
        "plan",
        _("Add a goal"),
        lambda view, sent: candidate_forms.PlanGoalForm(sent.data, view=view),
        _("The goal is added."),
    ),
    "step-create": FormPage(
        "plan",
        _("Add an agreed step"),
        lambda view, sent: candidate_forms.PlanStepForm(
            sent.data, view=view, goal=plan_goal_get(view=view, goal_id=sent.ids["goal_id"])
        ),
        _("The step is added."),
    ),
    "consent-create": FormPage(
        "consents",
        _("Record consent"),
        lambda view, sent: candidate_forms.ConsentForm(sent.data, view=view),
        _("The consent is recorded. It applies from the date it was given."),
        allowed=lambda request, view: may_manage_consent(user=request.user, view=view),
    ),
    "benefit-create": FormPage(
        "benefits",
        _("Add a benefit period"),
        lambda view, sent: candidate_forms.BenefitPeriodForm(sent.data, view=view),
        _("The benefit period is added."),
        allowed=lambda request, view: may_add_benefit_period(view),
    ),
}


@login_required
@require_http_methods(["GET", "POST"])
def dossier_form_view(
    request: HttpRequest, candidate_id: UUID, *, form_page: str, **ids: UUID
) -> HttpResponse:
    """A form on the dossier. Input stays on error; a stale version is a conflict (409).

    Showing the form is one `view` entry in the processing log; a save is logged by its
    service, and a form shown back with errors is one more `view` entry.
    """
    page = FORM_PAGES[form_page]
    view = candidate_get_unlogged(user=request.user, candidate_id=candidate_id)
    if not page.allowed(request, view):
        raise PermissionDenied
    tab = TAB_BY_NAME[page.tab]
    status = 200
    if request.method == "POST":
        form = page.make_form(view, Sent(request.user, request.POST, ids))
        if form.is_valid():
            try:
                form.submit(acting_user=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            except StaleVersionError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                messages.success(request, str(page.success_message))
                return redirect(tab.url_name, candidate_id=candidate_id)
    else:
        form = page.make_form(view, Sent(request.user, None, ids))
    candidate_view_record(user=request.user, view=view, activity=tab.activity)
    context = {
        **_dossier_context(view, page.tab),
        "form": form,
        "title": page.title,
        "subpage": True,
        "cancel_url": reverse(tab.url_name, kwargs={"candidate_id": candidate_id}),
    }
    return render(request, "candidates/dossier_form.html", context, status=status)


@login_required
@require_POST
def plan_step_done_view(request: HttpRequest, candidate_id: UUID, step_id: UUID) -> HttpResponse:
    view = candidate_get_unlogged(user=request.user, candidate_id=candidate_id)
    step = plan_step_get(view=view, step_id=step_id)
    plan_step_mark_done(
        acting_user=request.user, view=view, step=step, done_on=timezone.localdate()
    )
    messages.success(request, gettext("The step is marked as done."))
    return redirect("candidates:plan", candidate_id=candidate_id)


@login_required
@require_http_methods(["GET", "POST"])
def consent_revoke_view(request: HttpRequest, candidate_id: UUID, consent_id: UUID) -> HttpResponse:
    """Revoke a consent after confirmation. It takes effect at once, also for the user's own
    organisation: who loses access is sent back to the list."""
    view = candidate_get_unlogged(user=request.user, candidate_id=candidate_id)
    if not may_manage_consent(user=request.user, view=view):
        raise PermissionDenied
    consent = consent_get_visible(view=view, consent_id=consent_id)
    if request.method == "POST":
        try:
            consent_revoke(acting_user=request.user, access=view.access, consent=consent)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, gettext("The consent is revoked. It no longer applies."))
        if not candidate_is_visible(user=request.user, candidate_id=candidate_id):
            messages.info(
                request, gettext("Your organisation no longer has access to this candidate.")
            )
            return redirect("candidates:list")
        return redirect("candidates:consents", candidate_id=candidate_id)
    candidate_view_record(user=request.user, view=view, activity="consent_management")
    context = {**_dossier_context(view, "consents"), "consent": consent, "subpage": True}
    return render(request, "candidates/consent_revoke.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def candidate_create_view(request: HttpRequest) -> HttpResponse:
    """Register a candidate: only for the municipality's teams (see registering_organisations)."""
    organisations = list(registering_organisations(user=request.user).order_by("name"))
    if not organisations:
        raise PermissionDenied
    form = candidate_forms.CandidateCreateForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            candidate = form.submit(acting_user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("The candidate is registered."))
            return redirect("candidates:detail", candidate_id=candidate.pk)
    return render(request, "candidates/candidate_create.html", {"form": form})
