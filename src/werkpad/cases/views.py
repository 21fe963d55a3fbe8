"""Pages of the Zeg JA Team. Thin: parse, call one service or selector, render.

Invalid input answers 400 with the form and its messages (htmx swaps 400 and 409 answers too,
see static/cases/htmx-errors.js); a case the user may not see answers 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkpad.candidates.selectors import (
    CandidateFilters,
    CandidateView,
    barrier_list,
    candidate_get,
    candidate_list,
)
from werkpad.cases import forms as case_forms
from werkpad.cases.minutes import minutes_build, minutes_pdf
from werkpad.cases.models import Action, AgendaItem, Attendance, KnelpuntKind, Meeting
from werkpad.cases.selectors import (
    LEARNING_ROLES,
    TEAM_LEAD_ROLES,
    ActionFilters,
    CaseFilters,
    CaseView,
    action_get_for_update,
    action_list_log,
    agenda,
    as_uuid,
    case_barriers,
    case_detail,
    case_get_for_planning,
    case_get_unlogged,
    case_list,
    case_list_log,
    cases_waiting,
    casework_organisations,
    learning_figures,
    log_case_read,
    meeting_attendances,
    meeting_get,
    meeting_list,
    my_actions,
    principle_get,
    principle_list,
    user_roles,
)
from werkpad.cases.services import (
    action_set_status,
    actors_for,
    agenda_add,
    agenda_item_update,
    agenda_remove,
    attendance_add,
    attendance_remove,
    case_submit,
    case_transition,
    decision_record,
    has_zeg_ja_basis,
    meeting_plan,
    meeting_update,
    principle_create,
    principle_set_active,
    principle_update,
)
from werkpad.cases.workflow import (
    DECIDABLE,
    SCHEDULABLE,
    TEAM_LEADS,
    Actor,
    CaseStatus,
    allowed_manual_transitions,
)
from werkpad.core.concurrency import StaleVersionError
from werkpad.organisations.roles import Role
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, LogAction, Purpose

PAGE_SIZE = 25


# --- helpers ---------------------------------------------------------------------------------


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _section(request: HttpRequest) -> dict[str, Any]:
    """What the Zeg JA Team's own menu needs: the user's roles."""
    roles = user_roles(request.user)
    return {
        "is_team_lead": bool(roles & TEAM_LEAD_ROLES),
        "is_programme_lead": Role.PROGRAMME_LEAD in roles,
        "may_learn": bool(roles & LEARNING_ROLES),
    }


def _page(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(request, template, {**_section(request), **context}, status=status)


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def consent_url(candidate_id: UUID) -> str:
    """Where consent for the candidate is recorded: the dossier's consent tab."""
    for name in ("candidates:consents", "candidates:detail"):
        try:
            return reverse(name, kwargs={"candidate_id": candidate_id})
        except NoReverseMatch:
            continue
    return f"/kandidaten/{candidate_id}/"


def _basis_label(purpose: str) -> str:
    if purpose == LEGAL_BASIS_PURPOSE:
        return _("the municipality's legal basis for its own clients")
    if purpose in Purpose.values:
        return _("consent for “%(purpose)s”") % {"purpose": Purpose(purpose).label}
    return purpose


def _require(request: HttpRequest, roles: frozenset[Role]) -> None:
    if not user_roles(request.user) & roles:
        raise PermissionDenied


def _form_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[dict[str, Any]], str],
    done: str,
    template: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """GET shows the form; a valid POST calls `save` (which returns the success message) and
    goes to `done`; a refusal, a stale version or invalid input shows the form again (400)."""
    if request.method == "POST" and form.is_valid():
        try:
            message = save(form.cleaned_data)
        except StaleVersionError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, message)
            return redirect(done)
    status = 400 if request.method == "POST" else 200
    return _page(request, template, {"form": form, **(context or {})}, status=status)


# --- cases -----------------------------------------------------------------------------------


@login_required
@require_GET
def case_list_view(request: HttpRequest) -> HttpResponse:
    filters = CaseFilters(
        search=request.GET.get("q", "").strip()[:100],
        status=request.GET.get("status", ""),
        open_only=request.GET.get("open") == "1",
    )
    page = Paginator(case_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    case_list_log(user=request.user, cases=list(page.object_list))
    context = {
        "page": page,
        "filters": filters,
        "statuses": CaseStatus.choices,
    }
    if _is_htmx(request):
        return render(request, "cases/_case_table.html", context)
    return _page(request, "cases/case_list.html", context)


def _barriers_for_case(view: CandidateView) -> list[Any]:
    barriers = [b for b in barrier_list(view=view) if b.is_open]
    for barrier in barriers:
        barrier.shown_kind = barrier.get_kind_display()  # type: ignore[attr-defined]
    return barriers


@login_required
@require_http_methods(["GET", "POST"])
def case_submit_view(request: HttpRequest) -> HttpResponse:
    """Choose a candidate (search), then describe the case. Consent is checked first."""
    candidate_id = request.GET.get("kandidaat") or request.POST.get("kandidaat")
    if not candidate_id:
        search = request.GET.get("q", "").strip()[:100]
        results = (
            list(candidate_list(user=request.user, filters=CandidateFilters(search=search))[:10])
            if search
            else []
        )
        return _page(
            request, "cases/case_choose_candidate.html", {"search": search, "results": results}
        )
    try:
        candidate_view = candidate_get(
            user=request.user, candidate_id=UUID(candidate_id), activity="zeg_ja_case"
        )
    except ValueError as error:
        raise Http404 from error
    candidate = candidate_view.candidate
    organisations = [
        o
        for o in casework_organisations(request.user).order_by("name")
        if has_zeg_ja_basis(candidate=candidate, organisation=o)
    ]
    context: dict[str, Any] = {
        "candidate": candidate,
        "consent_url": consent_url(candidate.pk),
        "has_basis": bool(organisations),
    }
    if not organisations:
        return _page(request, "cases/case_submit.html", {**context, "form": None})
    form = case_forms.CaseSubmitForm(
        request.POST or None,
        organisations=casework_organisations(request.user)
        .filter(pk__in=[o.pk for o in organisations])
        .order_by("name"),
        barriers=_barriers_for_case(candidate_view),
        meetings=meeting_list(upcoming=True),
        initial={"organisation": organisations[0].pk},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = case_submit(
                acting_user=request.user,
                candidate_view=candidate_view,
                organisation=data["organisation"],
                barriers=list(data.get("barriers") or []),
                knelpunt_kinds=data["knelpunt_kinds"],
                barrier_description=data["barrier_description"],
                tried=data["tried"],
                question=data["question"],
                urgency=data["urgency"],
                meeting=data["meeting"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("Case %(reference)s is submitted to the Zeg JA Team.")
                % {"reference": case.reference},
            )
            return redirect("cases:detail", case_id=case.pk)
    status = 400 if request.method == "POST" else 200
    return _page(request, "cases/case_submit.html", {**context, "form": form}, status=status)


def _transition_forms(view: CaseView, actors: frozenset[Actor]) -> list[dict[str, Any]]:
    return [
        {
            "transition": t,
            "form": case_forms.CaseTransitionForm(
                initial={"target": t.target, "version": view.case.version}
            ),
        }
        for t in allowed_manual_transitions(source=view.case.status, actors=actors)
    ]


def _mark_updatable(actions: list[Action], *, user: Any, actors: frozenset[Actor]) -> None:
    organisation_ids = set(casework_organisations(user).values_list("pk", flat=True))
    today = timezone.localdate()
    for action in actions:
        action.can_update = bool(actors & TEAM_LEADS) or (  # type: ignore[attr-defined]
            action.owner_person_id == user.pk or action.owner_organisation_id in organisation_ids
        )
        action.overdue = action.is_overdue(today)  # type: ignore[attr-defined]
        action.status_form = case_forms.ActionStatusForm(  # type: ignore[attr-defined]
            initial={"status": action.status, "version": action.version},
            auto_id=f"id_{action.pk}_%s",
        )


def _case_page(request: HttpRequest, case_id: UUID, *, status: int = 200) -> HttpResponse:
    detail = case_detail(user=request.user, case_id=case_id)
    view = detail.view
    actors = actors_for(user=request.user, case=view.case)
    _mark_updatable(detail.actions, user=request.user, actors=actors)
    may_plan = bool(actors & (TEAM_LEADS | {Actor.SUBMITTER})) and view.case.status in SCHEDULABLE
    context = {
        "detail": detail,
        "case": view.case,
        "transition_forms": _transition_forms(view, actors),
        "agenda_form": case_forms.AgendaAddForm(meetings=meeting_list(upcoming=True))
        if may_plan
        else None,
        "may_decide": bool(actors & TEAM_LEADS) and view.case.status in DECIDABLE,
        "upcoming_items": [
            i for i in detail.agenda_items if i.meeting.held_on >= timezone.localdate()
        ],
        "may_plan": may_plan,
        "knelpunt_labels": [
            KnelpuntKind(k).label for k in view.case.knelpunt_kinds if k in KnelpuntKind.values
        ],
        "basis": _basis_label(view.access.purpose),
    }
    return _page(request, "cases/case_detail.html", context, status=status)


@login_required
@require_GET
def case_detail_view(request: HttpRequest, case_id: UUID) -> HttpResponse:
    return _case_page(request, case_id)


@login_required
@require_POST
def case_transition_view(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Make a transition from the case page; a refusal shows the page again with the reason."""
    view = case_get_unlogged(user=request.user, case_id=case_id)
    form = case_forms.CaseTransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The change could not be read. Reload the page and try again."))
        return _case_page(request, case_id, status=400)
    data = form.cleaned_data
    try:
        case_transition(
            acting_user=request.user,
            view=view,
            target=data["target"],
            expected_version=data["version"],
            confirmed=data["confirmed"],
            note=data["note"],
        )
    except StaleVersionError as error:
        messages.error(request, str(error))
        return _case_page(request, case_id, status=409)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _case_page(request, case_id, status=400)
    messages.success(request, _("The status of the case is changed."))
    return redirect("cases:detail", case_id=view.case.pk)


@login_required
@require_POST
def case_agenda_view(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Put the case on an upcoming meeting's agenda, or take it off one (`remove`)."""
    view = case_get_for_planning(user=request.user, case_id=case_id)
    try:
        if item_id := request.POST.get("remove"):
            item = view.case.agenda_items.filter(pk=as_uuid(item_id)).first()
            if item is None:
                raise Http404
            agenda_remove(acting_user=request.user, view=view, item=item)
            messages.success(request, _("The case is taken off the agenda."))
        else:
            form = case_forms.AgendaAddForm(request.POST, meetings=meeting_list(upcoming=True))
            if not form.is_valid():
                raise ValidationError([m for messages_ in form.errors.values() for m in messages_])
            agenda_add(
                acting_user=request.user,
                view=view,
                meeting=form.cleaned_data["meeting"],
                time_box_minutes=form.cleaned_data["time_box_minutes"],
            )
            messages.success(request, _("The case is on the agenda."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_safe_next(request, reverse("cases:detail", kwargs={"case_id": case_id})))


# --- decisions -------------------------------------------------------------------------------


def _decision_forms(
    data: Any, meeting: Meeting | None, prefix: str = "besluit"
) -> tuple[case_forms.DecisionForm, Any]:
    """The decision form and its action rows: bound to `data`, or empty when it is None."""
    formset: Any = case_forms.ActionFormSet(data, prefix=f"{prefix}-acties")
    formset.service_errors = []  # the service's rules about actions, shown above the rows
    return case_forms.DecisionForm(data, meeting=meeting, prefix=prefix), formset


def _record_decision(
    request: HttpRequest, view: CaseView, meeting: Meeting | None
) -> tuple[bool, case_forms.DecisionForm, Any]:
    """Parse the decision and its actions and record them; False with messages if refused."""
    form, formset = _decision_forms(request.POST, meeting)
    if not (form.is_valid() and formset.is_valid()):
        return False, form, formset
    data = form.cleaned_data
    try:
        decision_record(
            acting_user=request.user,
            view=view,
            meeting=meeting,
            outcome=data["outcome"],
            rationale=data["rationale"],
            principle_codes=[p.code for p in data["principles"]],
            solution=data["solution"],
            condition=data["condition"],
            escalated_to=data["escalated_to"],
            escalation_reason=data["escalation_reason"],
            deviation_rule=data["deviation_rule"],
            deviation_reason=data["deviation_reason"],
            committed_organisations=list(data["committed_organisations"]),
            actions=[f.as_input() for f in formset.forms if f.has_changed() and f.cleaned_data],
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):  # the rules about actions show above the action rows
            formset.service_errors = error.message_dict.get("actions", [])
        form.add_service_errors(error, skip={"actions"})
        return False, form, formset
    return True, form, formset


@login_required
@require_http_methods(["GET", "POST"])
def decision_view(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Record a decision outside the chair's view (e.g. the answer to an escalation)."""
    view = case_get_unlogged(user=request.user, case_id=case_id)
    actors = actors_for(user=request.user, case=view.case)
    if not actors & TEAM_LEADS or view.case.status not in DECIDABLE:
        raise PermissionDenied
    if request.method == "POST":
        recorded, form, formset = _record_decision(request, view, meeting=None)
        if recorded:
            messages.success(request, _("The decision is recorded."))
            return redirect("cases:detail", case_id=view.case.pk)
    else:
        log_case_read(user=request.user, view=view, action=LogAction.VIEW)
        form, formset = _decision_forms(None, meeting=None)
    status = 400 if request.method == "POST" else 200
    return _page(
        request,
        "cases/decision_form.html",
        {"case": view.case, "form": form, "formset": formset},
        status=status,
    )


# --- the chair's view ------------------------------------------------------------------------


def _current_item(items: list[AgendaItem], position: str | None) -> AgendaItem | None:
    if not items:
        return None
    if position and position.isdigit():
        for item in items:
            if item.position == int(position):
                return item
    undecided = [i for i in items if not _decided_here(i)]
    return undecided[0] if undecided else items[0]


def _decided_here(item: AgendaItem) -> bool:
    return any(d.meeting_id == item.meeting_id for d in item.case.decisions.all())


def _chair_context(
    request: HttpRequest,
    meeting: Meeting,
    position: str | None,
    *,
    form: Any = None,
    formset: Any = None,
) -> dict[str, Any]:
    items = agenda(user=request.user, meeting=meeting)
    prefetch_related_objects(items, "case__decisions")
    for item in items:
        item.decided_here = _decided_here(item)  # type: ignore[attr-defined]
    current = _current_item(items, position)
    context: dict[str, Any] = {
        "meeting": meeting,
        "items": items,
        "current": current,
        "view": None,
        "decision": None,
        "form": None,
        "formset": None,
        "next_item": None,
        "previous_item": None,
        "may_record": False,
        "barriers": [],
        "recorded_reference": None,
    }
    if current is None:
        return context
    index = items.index(current)
    context["next_item"] = items[index + 1] if index + 1 < len(items) else None
    context["previous_item"] = items[index - 1] if index > 0 else None
    if not current.visible:  # type: ignore[attr-defined]
        return context
    view = case_get_unlogged(user=request.user, case_id=current.case_id)
    log_case_read(user=request.user, view=view, action=LogAction.VIEW)
    actors = actors_for(user=request.user, case=view.case)
    decision = next((d for d in current.case.decisions.all() if d.meeting_id == meeting.pk), None)
    context.update(
        view=view,
        decision=decision,
        may_record=bool(actors & TEAM_LEADS) and view.case.status in DECIDABLE,
        barriers=case_barriers(view=view),
    )
    if context["may_record"]:
        if form is None:
            form, formset = _decision_forms(None, meeting)
        context.update(form=form, formset=formset)
    return context


@login_required
@require_http_methods(["GET", "POST"])
def chair_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    """Take the team through the agenda one case at a time; record each decision in place."""
    meeting = meeting_get(meeting_id=meeting_id)
    position = request.GET.get("punt")
    status = 200
    if request.method == "POST":
        punt = request.POST.get("punt", "")
        item = meeting.agenda_items.filter(position=int(punt) if punt.isdigit() else 0).first()
        if item is None:
            raise Http404
        view = case_get_unlogged(user=request.user, case_id=item.case_id)
        recorded, form, formset = _record_decision(request, view, meeting)
        if recorded:
            following = meeting.agenda_items.filter(position__gt=item.position)
            next_item = following.order_by("position").first()
            go_to = str(next_item.position if next_item else item.position)
            if not _is_htmx(request):
                messages.success(
                    request,
                    _("Decision recorded for %(reference)s.") % {"reference": view.case.reference},
                )
                url = reverse("cases:chair", kwargs={"meeting_id": meeting.pk})
                return redirect(f"{url}?punt={go_to}")
            context = _chair_context(request, meeting, go_to)
            context["recorded_reference"] = view.case.reference
            return render(request, "cases/_chair_panel.html", context)
        context = _chair_context(request, meeting, str(item.position), form=form, formset=formset)
        status = 400
    else:
        context = _chair_context(request, meeting, position)
    if _is_htmx(request):
        return render(request, "cases/_chair_panel.html", context, status=status)
    return _page(request, "cases/chair.html", context, status=status)


# --- actions ---------------------------------------------------------------------------------


@login_required
@require_GET
def my_actions_view(request: HttpRequest) -> HttpResponse:
    filters = ActionFilters(
        status=request.GET.get("status", "open")
        if request.GET.get("status") in {"open", "done", "all"}
        else "open",
        overdue_only=request.GET.get("overdue") == "1",
        personal_only=request.GET.get("mine") == "1",
    )
    page = Paginator(my_actions(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    actions = list(page.object_list)
    action_list_log(user=request.user, actions=actions)
    _mark_updatable(actions, user=request.user, actors=frozenset())
    return _page(
        request,
        "cases/my_actions.html",
        {"page": page, "actions": actions, "filters": filters, "today": timezone.localdate()},
    )


@login_required
@require_POST
def action_status_view(request: HttpRequest, action_id: UUID) -> HttpResponse:
    action = action_get_for_update(user=request.user, action_id=action_id)
    form = case_forms.ActionStatusForm(request.POST, auto_id=f"id_{action.pk}_%s")
    status = 200
    error = ""
    if form.is_valid():
        try:
            action = action_set_status(
                acting_user=request.user,
                action=action,
                status=form.cleaned_data["status"],
                expected_version=form.cleaned_data["version"],
            )
        except StaleVersionError as stale:
            error, status = str(stale), 409
            action.refresh_from_db()
        except ValidationError as invalid:
            error, status = " ".join(invalid.messages), 400
        except PermissionDenied:
            error, status = (
                _("Only the owner of the action, the chair or the programme lead may change it."),
                403,
            )
    else:
        error, status = _("Choose open, in progress or done."), 400
    if not _is_htmx(request):
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("The action is updated."))
        return redirect(_safe_next(request, reverse("cases:my-actions")))
    action = action_get_for_update(user=request.user, action_id=action_id)
    _mark_updatable([action], user=request.user, actors=frozenset())
    return render(
        request,
        "cases/_action_row.html",
        {
            "action": action,
            "error": error,
            "saved": not error,
            "show_case": request.POST.get("context") == "mine",
            "next": request.POST.get("next", ""),
        },
        status=status,
    )


# --- meetings --------------------------------------------------------------------------------


@login_required
@require_GET
def meeting_list_view(request: HttpRequest) -> HttpResponse:
    past = Paginator(meeting_list(upcoming=False), PAGE_SIZE).get_page(request.GET.get("page"))
    return _page(
        request,
        "cases/meeting_list.html",
        {"upcoming": list(meeting_list(upcoming=True)), "page": past},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_plan_view(request: HttpRequest) -> HttpResponse:
    _require(request, TEAM_LEAD_ROLES)
    last = Meeting.objects.order_by("-held_on").values_list("held_on", flat=True).first()

    def save(data: dict[str, Any]) -> str:
        meetings = meeting_plan(acting_user=request.user, **data)
        return _("%(count)s meetings are planned.") % {"count": len(meetings)}

    return _form_page(
        request,
        case_forms.MeetingPlanForm(request.POST or None, last_meeting_on=last),
        save=save,
        done=reverse("cases:meetings"),
        template="cases/meeting_plan.html",
    )


@login_required
@require_GET
def meeting_detail_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = meeting_get(meeting_id=meeting_id)
    items = agenda(user=request.user, meeting=meeting)
    is_lead = bool(user_roles(request.user) & TEAM_LEAD_ROLES)
    for item in items:
        item.form = case_forms.AgendaItemForm(  # type: ignore[attr-defined]
            initial={"time_box_minutes": item.time_box_minutes}, auto_id=f"id_{item.pk}_%s"
        )
    upcoming = meeting.held_on >= timezone.localdate()
    return _page(
        request,
        "cases/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "total_minutes": sum(i.time_box_minutes for i in items),
            "attendances": meeting_attendances(meeting=meeting),
            "attendance_form": case_forms.AttendanceAddForm(meeting=meeting) if is_lead else None,
            "agenda_form": case_forms.MeetingAgendaAddForm(cases=cases_waiting(user=request.user))
            if is_lead and upcoming
            else None,
            "manage": is_lead,
            "upcoming": upcoming,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    _require(request, TEAM_LEAD_ROLES)
    meeting = meeting_get(meeting_id=meeting_id)
    fields = ("held_on", "starts_at", "location", "chair_id", "version")
    initial = {name.removesuffix("_id"): getattr(meeting, name) for name in fields}

    def save(data: dict[str, Any]) -> str:
        meeting_update(
            acting_user=request.user,
            meeting=meeting,
            expected_version=data.pop("version"),
            **data,
        )
        return _("The meeting is changed.")

    return _form_page(
        request,
        case_forms.MeetingForm(request.POST or None, initial=initial),
        save=save,
        done=reverse("cases:meeting", kwargs={"meeting_id": meeting.pk}),
        template="cases/meeting_edit.html",
        context={"meeting": meeting},
    )


def _meeting_post(
    request: HttpRequest, meeting_id: UUID, work: Callable[[Meeting], str]
) -> HttpResponse:
    """Run one change on a meeting for the chair or programme lead; back to the meeting."""
    _require(request, TEAM_LEAD_ROLES)
    meeting = meeting_get(meeting_id=meeting_id)
    try:
        messages.success(request, work(meeting))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("cases:meeting", meeting_id=meeting.pk)


@login_required
@require_POST
def attendance_add_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    def work(meeting: Meeting) -> str:
        form = case_forms.AttendanceAddForm(request.POST, meeting=meeting)
        if not form.is_valid():
            raise ValidationError(_("Choose a member with a mandate from the list."))
        attendance_add(
            acting_user=request.user, meeting=meeting, membership=form.cleaned_data["membership"]
        )
        return _("The member is invited.")

    return _meeting_post(request, meeting_id, work)


@login_required
@require_POST
def attendance_remove_view(
    request: HttpRequest, meeting_id: UUID, attendance_id: UUID
) -> HttpResponse:
    def work(meeting: Meeting) -> str:
        attendance = Attendance.objects.filter(meeting=meeting, pk=attendance_id).first()
        if attendance is None:
            raise Http404
        attendance_remove(acting_user=request.user, attendance=attendance)
        return _("The member is no longer invited.")

    return _meeting_post(request, meeting_id, work)


@login_required
@require_POST
def meeting_agenda_add_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    def work(meeting: Meeting) -> str:
        form = case_forms.MeetingAgendaAddForm(request.POST, cases=cases_waiting(user=request.user))
        if not form.is_valid():
            raise ValidationError(_("Choose a waiting case and a time box of 5 to 120 minutes."))
        view = case_get_for_planning(user=request.user, case_id=form.cleaned_data["case"].pk)
        agenda_add(
            acting_user=request.user,
            view=view,
            meeting=meeting,
            time_box_minutes=form.cleaned_data["time_box_minutes"],
        )
        return _("The case is on the agenda.")

    return _meeting_post(request, meeting_id, work)


def _agenda_item(meeting: Meeting, item_id: UUID) -> AgendaItem:
    item = meeting.agenda_items.filter(pk=item_id).first()
    if item is None:
        raise Http404
    return item


@login_required
@require_POST
def agenda_item_view(request: HttpRequest, meeting_id: UUID, item_id: UUID) -> HttpResponse:
    def work(meeting: Meeting) -> str:
        item = _agenda_item(meeting, item_id)
        form = case_forms.AgendaItemForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Give a time box of 5 to 120 minutes."))
        agenda_item_update(
            acting_user=request.user,
            item=item,
            move=form.cleaned_data["move"] or 0,
            time_box_minutes=form.cleaned_data["time_box_minutes"],
        )
        return _("The agenda is changed.")

    return _meeting_post(request, meeting_id, work)


@login_required
@require_POST
def agenda_item_remove_view(request: HttpRequest, meeting_id: UUID, item_id: UUID) -> HttpResponse:
    def work(meeting: Meeting) -> str:
        item = _agenda_item(meeting, item_id)
        view = case_get_for_planning(user=request.user, case_id=item.case_id)
        agenda_remove(acting_user=request.user, view=view, item=item)
        return _("The case is taken off the agenda.")

    return _meeting_post(request, meeting_id, work)


# --- minutes ---------------------------------------------------------------------------------


def _minutes(request: HttpRequest, meeting_id: UUID, *, pseudonymised: bool) -> Any:
    if not user_roles(request.user):
        raise PermissionDenied
    meeting = meeting_get(meeting_id=meeting_id)
    return minutes_build(user=request.user, meeting=meeting, pseudonymised=pseudonymised)


@login_required
@require_GET
def minutes_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    minutes = _minutes(request, meeting_id, pseudonymised=False)
    return _page(request, "cases/minutes.html", {"minutes": minutes})


@login_required
@require_GET
def minutes_pseudonymised_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    minutes = _minutes(request, meeting_id, pseudonymised=True)
    return _page(request, "cases/minutes.html", {"minutes": minutes})


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def minutes_pdf_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    minutes = _minutes(request, meeting_id, pseudonymised=False)
    return _pdf_response(minutes_pdf(minutes), f"verslag-zeg-ja-{minutes.meeting.held_on}.pdf")


@login_required
@require_GET
def minutes_pseudonymised_pdf_view(request: HttpRequest, meeting_id: UUID) -> HttpResponse:
    minutes = _minutes(request, meeting_id, pseudonymised=True)
    return _pdf_response(
        minutes_pdf(minutes), f"verslag-zeg-ja-{minutes.meeting.held_on}-pseudoniem.pdf"
    )


# --- principles ------------------------------------------------------------------------------


@login_required
@require_GET
def principle_list_view(request: HttpRequest) -> HttpResponse:
    principles = list(principle_list())
    for principle in principles:
        principle.active_form = case_forms.PrincipleActiveForm(  # type: ignore[attr-defined]
            initial={"active": not principle.active, "version": principle.version}
        )
    return _page(request, "cases/principle_list.html", {"principles": principles})


@login_required
@require_http_methods(["GET", "POST"])
def principle_create_view(request: HttpRequest) -> HttpResponse:
    _require(request, frozenset({Role.PROGRAMME_LEAD}))

    def save(data: dict[str, Any]) -> str:
        principle = principle_create(acting_user=request.user, **data)
        return _("Principle %(code)s is added.") % {"code": principle.code}

    return _form_page(
        request,
        case_forms.PrincipleForm(request.POST or None),
        save=save,
        done=reverse("cases:principles"),
        template="cases/principle_form.html",
        context={"principle": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def principle_edit_view(request: HttpRequest, code: str) -> HttpResponse:
    _require(request, frozenset({Role.PROGRAMME_LEAD}))
    principle = principle_get(code=code)
    initial = {name: getattr(principle, name) for name in ("title", "explanation", "version")}

    def save(data: dict[str, Any]) -> str:
        principle_update(
            acting_user=request.user,
            principle=principle,
            expected_version=data.pop("version"),
            **data,
        )
        return _("Principle %(code)s is changed.") % {"code": code}

    return _form_page(
        request,
        case_forms.PrincipleEditForm(request.POST or None, initial=initial),
        save=save,
        done=reverse("cases:principles"),
        template="cases/principle_form.html",
        context={"principle": principle},
    )


@login_required
@require_http_methods(["GET", "POST"])
def principle_active_view(request: HttpRequest, code: str) -> HttpResponse:
    """Retire a principle or bring it back, after a confirmation page."""
    _require(request, frozenset({Role.PROGRAMME_LEAD}))
    principle = principle_get(code=code)
    if request.method == "GET":
        return _page(request, "cases/principle_confirm.html", {"principle": principle})
    form = case_forms.PrincipleActiveForm(request.POST)
    if form.is_valid():
        try:
            principle_set_active(
                acting_user=request.user,
                principle=principle,
                expected_version=form.cleaned_data["version"],
                active=form.cleaned_data["active"],
            )
        except StaleVersionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Principle %(code)s is in use again.") % {"code": code}
                if form.cleaned_data["active"]
                else _("Principle %(code)s is retired. Old decisions still show it.")
                % {"code": code},
            )
    return redirect("cases:principles")


# --- learning from cases ---------------------------------------------------------------------


@login_required
@require_GET
def learning_view(request: HttpRequest) -> HttpResponse:
    roles = user_roles(request.user)
    if not roles & LEARNING_ROLES:
        raise PermissionDenied
    figures = learning_figures(exact=Role.PROGRAMME_LEAD in roles)
    return _page(request, "cases/learning.html", {"figures": figures})
