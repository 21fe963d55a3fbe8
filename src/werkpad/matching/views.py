"""Pages of matching: "Passend aanbod" for a candidate (a page and an htmx panel for the
dossier), suggested candidates on an offer, a match through its flow, a placement, and the
city-wide plan run with its review.

Views are thin: the selectors read through the access policy and log, the services write and
log. A candidate the user may not see under `matching` answers 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkpad.candidates.codes import OfferKind
from werkpad.core.concurrency import StaleVersionError
from werkpad.matching import forms as matching_forms
from werkpad.matching.explanations import explanation_text
from werkpad.matching.models import PlanRun, PlanRunStatus
from werkpad.matching.selectors import (
    MatchView,
    PlacementView,
    candidate_panel,
    match_get,
    offer_suggestions,
    placement_get,
    plan_review_page,
    plan_run_get,
    plan_run_list,
)
from werkpad.matching.services import (
    STEP_FOR_KIND,
    match_propose,
    match_transition,
    may_end_benefit,
    placement_benefit_end,
    placement_end,
    placement_ladder_update,
    placement_start,
    plan_run_send,
    plan_run_start,
    support_end_reason,
)
from werkpad.offers.codes import MatchStatus, PlacementOutcome
from werkpad.offers.employer_views import form_save
from werkpad.offers.selectors import offer_get, user_roles
from werkpad.organisations.roles import Role
from werkpad.privacy.access import CASEWORK_ROLES

REVIEW_PAGE_SIZE = 50


def _is_htmx(request: HttpRequest) -> bool:
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _page_or_partial(
    request: HttpRequest, *, page: str, partial: str, context: dict[str, Any]
) -> HttpResponse:
    """The whole page, or only its panel for htmx (e.g. a tab of the dossier)."""
    response = render(request, partial if _is_htmx(request) else page, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _casework_roles(request: HttpRequest) -> set[Role]:
    roles = user_roles(request.user)
    if not roles & CASEWORK_ROLES:
        raise PermissionDenied
    return roles


# --- "Passend aanbod" -------------------------------------------------------------------------


@login_required
@require_GET
def candidate_suggestions_view(request: HttpRequest, candidate_id: UUID) -> HttpResponse:
    """The dossier's panel "Passend aanbod": `?offer=<id>` adds "waarom niet" for that offer,
    `?q=` finds offers to ask it for."""
    search = matching_forms.OfferSearchForm(request.GET)
    query = search.cleaned_data.get("q", "") if search.is_valid() else ""
    offer_id = request.GET.get("offer") or None
    try:
        panel = candidate_panel(
            user=request.user,
            candidate_id=candidate_id,
            why_not_offer_id=UUID(offer_id) if offer_id else None,
            offer_search=query,
        )
    except ValueError:  # not a UUID
        panel = candidate_panel(user=request.user, candidate_id=candidate_id, offer_search=query)
    return _page_or_partial(
        request,
        page="matching/candidate_suggestions.html",
        partial="matching/_candidate_panel.html",
        context={
            "panel": panel,
            "candidate": panel.view.candidate,
            "search": search,
            "matches": [(m, explanation_text(m.explanation)) for m in panel.matches],
        },
    )


@login_required
@require_GET
def offer_suggestions_view(request: HttpRequest, offer_id: UUID) -> HttpResponse:
    _casework_roles(request)
    offer = offer_get(offer_id=offer_id)
    return _page_or_partial(
        request,
        page="matching/offer_suggestions.html",
        partial="matching/_offer_suggestions.html",
        context={"offer": offer, "suggestions": offer_suggestions(user=request.user, offer=offer)},
    )


@login_required
@require_POST
def propose_view(request: HttpRequest) -> HttpResponse:
    """Propose an offer to a candidate, from either side; back to where it was asked."""
    candidate_id = request.POST.get("candidate", "")
    offer_id = request.POST.get("offer", "")
    back = request.POST.get("back")
    try:
        match = match_propose(
            acting_user=request.user, candidate_id=UUID(candidate_id), offer_id=UUID(offer_id)
        )
    except ValueError:
        messages.error(request, _("Choose a candidate and an offer."))
        return redirect("offers:list")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        if back == "offer":
            return redirect("offers:detail", offer_id=offer_id)
        return redirect("matching:candidate-suggestions", candidate_id=candidate_id)
    messages.success(request, _("The offer is proposed. Ask the candidate what they think of it."))
    return redirect("matching:match-detail", match_id=match.pk)


# --- a match through the flow ----------------------------------------------------------------


def _match_page(
    request: HttpRequest,
    view: MatchView,
    *,
    transition_form: Any = None,
    placement_form: Any = None,
    status: int = 200,
) -> HttpResponse:
    match = view.match
    allowed = view.allowed
    return render(
        request,
        "matching/match_detail.html",
        {
            "view": view,
            "match": match,
            "text": explanation_text(match.explanation),
            "buttons": [t for t in allowed if not t.has_form and not t.needs_reason],
            "reasoned": [t for t in allowed if t.needs_reason],
            "may_place": any(t.target == MatchStatus.PLACED for t in allowed),
            "transition_form": transition_form
            or matching_forms.TransitionForm(initial={"version": match.version}),
            "placement_form": placement_form
            or matching_forms.PlacementStartForm(offer=match.offer, version=match.version),
            "may_end_benefit": may_end_benefit(view.access),
        },
        status=status,
    )


@login_required
@require_GET
def match_detail_view(request: HttpRequest, match_id: UUID) -> HttpResponse:
    view = match_get(user=request.user, roles=user_roles(request.user), match_id=match_id)
    return _match_page(request, view)


@login_required
@require_POST
def match_transition_view(request: HttpRequest, match_id: UUID) -> HttpResponse:
    roles = user_roles(request.user)
    form = matching_forms.TransitionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        saved = form_save(
            form,
            lambda: match_transition(
                acting_user=request.user,
                roles=roles,
                match_id=match_id,
                target=data["target"],
                expected_version=data["version"] or 0,
                reason=data["reason"],
            ),
        )
        if saved is not None:
            messages.success(
                request,
                _("Saved: the match is now “%(status)s”.") % {"status": saved.get_status_display()},
            )
            return redirect("matching:match-detail", match_id=match_id)
    view = match_get(user=request.user, roles=roles, match_id=match_id, log=False)
    return _match_page(request, view, transition_form=form, status=400)


@login_required
@require_POST
def placement_start_view(request: HttpRequest, match_id: UUID) -> HttpResponse:
    roles = user_roles(request.user)
    form = matching_forms.PlacementStartForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        placement = form_save(
            form,
            lambda: placement_start(
                acting_user=request.user,
                roles=roles,
                match_id=match_id,
                expected_version=data["version"] or 0,
                start=data["start"],
                hours=data["hours"],
                kind=data["kind"],
                job_coach=data["job_coach"],
                adjusted_hours=data["adjusted_hours"],
                end_benefit=data["end_benefit"],
            ),
        )
        if placement is not None:
            messages.success(request, _("The placement has started."))
            return redirect("matching:placement-detail", placement_id=placement.pk)
    view = match_get(user=request.user, roles=roles, match_id=match_id, log=False)
    return _match_page(request, view, placement_form=form, status=400)


# --- a placement ------------------------------------------------------------------------------


def _placement_page(
    request: HttpRequest,
    view: PlacementView,
    *,
    end_form: Any = None,
    ladder_form: Any = None,
    benefit_form: Any = None,
    status: int = 200,
) -> HttpResponse:
    placement = view.placement
    today = timezone.localdate()
    suggested = STEP_FOR_KIND.get(placement.kind, 3)  # type: ignore[call-overload]
    paid_work = placement.kind in ("paid_job", "supported_job") or (
        placement.outcome == PlacementOutcome.PAID_WORK
    )
    return render(
        request,
        "matching/placement_detail.html",
        {
            "view": view,
            "placement": placement,
            "end_form": end_form
            or matching_forms.PlacementEndForm(
                initial={"end": today, "version": placement.version}
            ),
            "ladder_form": ladder_form
            or matching_forms.LadderForm(
                initial={
                    "step": suggested,
                    "potential_step": max(suggested, view.current_step or 1),
                    "assessed_on": today,
                }
            ),
            "suggested_step": suggested,
            "offer_benefit_end": paid_work
            and view.open_benefit_period is not None
            and may_end_benefit(view.access),
            "benefit_form": benefit_form
            or matching_forms.BenefitEndForm(
                initial={
                    "end": placement.start if placement.end is None else placement.end,
                    "reason": support_end_reason(
                        kind=placement.kind,
                        job_coach=placement.job_coach,
                        adjusted_hours=placement.adjusted_hours,
                    ),
                }
            ),
        },
        status=status,
    )


@login_required
@require_GET
def placement_detail_view(request: HttpRequest, placement_id: UUID) -> HttpResponse:
    return _placement_page(request, placement_get(user=request.user, placement_id=placement_id))


def _placement_post(
    request: HttpRequest,
    placement_id: UUID,
    *,
    form: Any,
    form_key: str,
    save: Callable[[dict[str, Any]], str],
) -> HttpResponse:
    """One form of the placement page: its service's message and back to the page, or the
    page again with the form's errors (the input kept)."""
    if form.is_valid():
        message = form_save(form, lambda: save(form.cleaned_data))
        if message is not None:
            messages.success(request, message)
            return redirect("matching:placement-detail", placement_id=placement_id)
    view = placement_get(user=request.user, placement_id=placement_id, log=False)
    return _placement_page(request, view, status=400, **{form_key: form})


@login_required
@require_POST
def placement_end_view(request: HttpRequest, placement_id: UUID) -> HttpResponse:
    def save(data: dict[str, Any]) -> str:
        placement_end(
            acting_user=request.user,
            roles=user_roles(request.user),
            placement_id=placement_id,
            expected_version=data["version"] or 0,
            end=data["end"],
            outcome=data["outcome"],
        )
        return _("The placement has ended.")

    form = matching_forms.PlacementEndForm(request.POST)
    return _placement_post(request, placement_id, form=form, form_key="end_form", save=save)


@login_required
@require_POST
def placement_ladder_view(request: HttpRequest, placement_id: UUID) -> HttpResponse:
    def save(data: dict[str, Any]) -> str:
        placement_ladder_update(
            acting_user=request.user,
            placement_id=placement_id,
            step=data["step"],
            potential_step=data["potential_step"],
            assessed_on=data["assessed_on"],
        )
        return _("The step on the participatieladder is saved.")

    form = matching_forms.LadderForm(request.POST)
    return _placement_post(request, placement_id, form=form, form_key="ladder_form", save=save)


@login_required
@require_POST
def placement_benefit_view(request: HttpRequest, placement_id: UUID) -> HttpResponse:
    def save(data: dict[str, Any]) -> str:
        period = placement_benefit_end(
            acting_user=request.user,
            placement_id=placement_id,
            end=data["end"],
            reason=data["reason"],
        )
        if period is None:
            return _("The candidate has no open benefit period.")
        return _("The benefit period has ended with reason work.")

    form = matching_forms.BenefitEndForm(request.POST)
    return _placement_post(request, placement_id, form=form, form_key="benefit_form", save=save)


# --- the city-wide plan run -------------------------------------------------------------------


def _require_programme_lead(request: HttpRequest) -> None:
    if Role.PROGRAMME_LEAD not in user_roles(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def plan_view(request: HttpRequest) -> HttpResponse:
    """The plan runs, and a button to start a new one."""
    _require_programme_lead(request)
    if request.method == "POST":
        try:
            run = plan_run_start(acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("matching:plan")
        return redirect("matching:plan-run", run_id=run.pk)
    runs = list(plan_run_list()[:20])
    return render(request, "matching/plan.html", {"runs": runs})


def _run_page(
    request: HttpRequest, run: PlanRun, *, form: Any = None, status: int = 200
) -> HttpResponse:
    """A run: its progress while it runs, then the totals and the proposals to review."""
    context: dict[str, Any] = {
        "run": run,
        "form": form or matching_forms.PlanSendForm(initial={"version": run.version}),
        "by_kind": [
            (OfferKind(kind).label, count)
            for kind, count in run.summary.get("by_kind", {}).items()
            if count
        ],
    }
    if run.status in (PlanRunStatus.REVIEW, PlanRunStatus.SENT):
        page, rows = plan_review_page(
            user=request.user,
            run=run,
            page_number=request.GET.get("page"),
            per_page=REVIEW_PAGE_SIZE,
        )
        context["page"] = page
        context["rows"] = [(row, explanation_text(row.proposal.explanation)) for row in rows]
    return render(request, "matching/plan_run.html", context, status=status)


@login_required
@require_GET
def plan_run_view(request: HttpRequest, run_id: UUID) -> HttpResponse:
    _require_programme_lead(request)
    return _run_page(request, plan_run_get(run_id=run_id))


@login_required
@require_GET
def plan_progress_view(request: HttpRequest, run_id: UUID) -> HttpResponse:
    """The progress indicator htmx polls; once the run is done the page reloads for review."""
    _require_programme_lead(request)
    run = plan_run_get(run_id=run_id)
    response = render(request, "matching/_plan_progress.html", {"run": run})
    if run.status not in (PlanRunStatus.QUEUED, PlanRunStatus.RUNNING):
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def plan_send_view(request: HttpRequest, run_id: UUID) -> HttpResponse:
    _require_programme_lead(request)
    form = matching_forms.PlanSendForm(request.POST)
    if form.is_valid():
        try:
            run = plan_run_send(
                acting_user=request.user,
                run_id=run_id,
                expected_version=form.cleaned_data["version"] or 0,
            )
        except (ValidationError, StaleVersionError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request,
                _("%(count)s proposals are sent.") % {"count": run.summary.get("sent", 0)},
            )
        return redirect("matching:plan-run", run_id=run_id)
    return _run_page(request, plan_run_get(run_id=run_id), form=form, status=400)
