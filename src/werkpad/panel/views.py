"""Pages of the candidate portal (`/portaal/`) and the panel pages for professionals.

Every portal page is scoped to the signed-in candidate's own file (`portal_account`); an id in
the URL is looked up among that candidate's rows only, so another candidate's id answers 404.
Views are thin: they read through `werkpad.panel.selectors` and write through one service.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkpad.accounts.views import PENDING_NEXT, PENDING_SINCE, PENDING_USER
from werkpad.candidates.selectors import (
    barrier_list,
    candidate_get,
    consent_rows,
    ladder_history,
    plan_goal_list,
)
from werkpad.core.concurrency import StaleVersionError
from werkpad.matching.explanations import explanation_text
from werkpad.offers.codes import MatchStatus
from werkpad.panel import selectors, services
from werkpad.panel.codes import PORTAL_ACCOUNT_ACTIVITY
from werkpad.panel.forms import (
    AcceptInvitationForm,
    ConsentGrantForm,
    CorrectionFilterForm,
    CorrectionRequestForm,
    CorrectionTransitionForm,
    IdeaFilterForm,
    IdeaRecordForm,
    IdeaSubmitForm,
    IdeaUpdateForm,
    InvitationForm,
    LogFilterForm,
    NotificationPreferenceForm,
    PanelFormMixin,
    PanelSessionForm,
    ProposalAnswerForm,
)
from werkpad.panel.models import CandidateAccount, NotificationPreference
from werkpad.panel.oidc import oidc_enabled
from werkpad.panel.selectors import (
    PANEL_MANAGER_ROLES,
    STEERING_ROLES,
    CorrectionFilters,
    IdeaFilters,
)
from werkpad.panel.services import IdeaLinks
from werkpad.panel.workflow import CORRECTION_WORKFLOW
from werkpad.privacy.avg import candidate_export_for_self, export_presentation

PAGE_SIZE = 25
LOGIN_URL = "panel:login"


@dataclass(frozen=True)
class MenuItem:
    url_name: str
    label: str | Promise


PORTAL_MENU = (
    MenuItem("panel:home", gettext_lazy("Overview")),
    MenuItem("panel:plan", gettext_lazy("My plan")),
    MenuItem("panel:proposals", gettext_lazy("My proposals")),
    MenuItem("panel:barriers", gettext_lazy("My barriers")),
    MenuItem("panel:ladder", gettext_lazy("My step")),
    MenuItem("panel:consents", gettext_lazy("My consents")),
    MenuItem("panel:log", gettext_lazy("Who looked at my data")),
    MenuItem("panel:data", gettext_lazy("All my data")),
    MenuItem("panel:corrections", gettext_lazy("Ask for a correction")),
    MenuItem("panel:my-panel", gettext_lazy("Candidate panel")),
    MenuItem("panel:notifications", gettext_lazy("E-mail settings")),
)
STAFF_MENU = (
    MenuItem("panel:ideas", gettext_lazy("Ideas")),
    MenuItem("panel:sessions", gettext_lazy("Panel sessions")),
    MenuItem("panel:correction-requests", gettext_lazy("Correction requests")),
)


def portal_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the candidate's own portal, called with the candidate's account.

    Signed in (else to the portal's login page), not cached, and 404 for anyone without a
    candidate account, before anything else (even the check of the HTTP method) is looked at.
    """

    @wraps(view)
    def with_account(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, selectors.portal_account(request.user), *args, **kwargs)

    wrapped = never_cache(login_required(with_account, login_url=LOGIN_URL))
    wrapped.is_portal_page = True  # type: ignore[attr-defined]
    return wrapped


def _portal(
    request: HttpRequest,
    template: str,
    account: CandidateAccount,
    context: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "account": account,
            "candidate": account.candidate,
            "portal_menu": PORTAL_MENU,
            **(context or {}),
        },
        status=status,
    )


def _staff(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(request, template, {"staff_menu": STAFF_MENU, **context}, status=status)


def _posted(request: HttpRequest) -> Any:
    """The form data of a POST (even an empty one), None for a GET: a form to show."""
    return request.POST if request.method == "POST" else None


def _submit(form: PanelFormMixin, action: Callable[[], Any]) -> int | None:
    """Run a service for a valid form: None when it saved, else the status of the page that
    shows the form again with the service's refusal (400) or the conflict (409)."""
    try:
        action()
    except ValidationError as error:
        form.add_service_errors(error)
        return 400
    except StaleVersionError as error:
        form.add_service_errors(ValidationError(str(error)))
        return 409
    return None


# --- Logging in ---------------------------------------------------------------------------------


def _safe_next(request: HttpRequest, default: str) -> str:
    candidate = request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


@require_GET
def login_view(request: HttpRequest) -> HttpResponse:
    """The portal's front door: DigiD (when switched on) or e-mail and password."""
    next_url = _safe_next(request, reverse("panel:home"))
    if request.user.is_authenticated:
        return redirect(next_url)
    return render(
        request,
        "panel/login.html",
        {
            "password_login_url": f"{reverse('accounts:login')}?{urlencode({'next': next_url})}",
            "oidc": oidc_enabled(),
        },
    )


@sensitive_post_parameters("password", "password_again")
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """Choose a password from the invitation link; then set up the second factor."""
    if request.user.is_authenticated:
        raise Http404
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        return render(request, "panel/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(_posted(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        created: list[Any] = []
        status = (
            _submit(
                form,
                lambda: created.append(
                    services.invitation_accept(token=token, password=form.cleaned_data["password"])
                ),
            )
            or 200
        )
        if created:
            # The accounts app's pending login: the second factor comes next, then the portal.
            request.session.cycle_key()
            request.session[PENDING_USER] = str(created[0].pk)
            request.session[PENDING_SINCE] = time.time()
            request.session[PENDING_NEXT] = reverse("panel:home")
            return redirect("accounts:otp-setup")
    elif form.is_bound:
        status = 400
    return render(
        request,
        "panel/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=status,
    )


# --- The portal -------------------------------------------------------------------------------


@portal_required
@require_GET
def home_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    selectors.portal_read_log(account=account, part="candidate")
    candidate = account.candidate
    return _portal(
        request,
        "panel/portal_home.html",
        account,
        {
            "proposals_waiting": selectors.proposals_waiting(candidate=candidate),
            "is_panel_member": selectors.is_panel_member(candidate=candidate),
        },
    )


@portal_required
@require_GET
def plan_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    selectors.portal_read_log(account=account, part="plangoal")
    view = selectors.self_view(account)
    return _portal(
        request,
        "panel/portal_plan.html",
        account,
        {
            "goals": plan_goal_list(view=view),
            "actions": selectors.zeg_ja_actions(candidate=account.candidate),
            "today": timezone.localdate(),
        },
    )


@portal_required
@require_GET
def barriers_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    selectors.portal_read_log(account=account, part="barrier", special=True)
    return _portal(
        request,
        "panel/portal_barriers.html",
        account,
        {"barriers": barrier_list(view=selectors.self_view(account))},
    )


@portal_required
@require_GET
def ladder_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    selectors.portal_read_log(account=account, part="ladderscore")
    return _portal(
        request,
        "panel/portal_ladder.html",
        account,
        {"history": ladder_history(view=selectors.self_view(account))},
    )


@portal_required
@require_GET
def proposals_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    selectors.portal_read_log(account=account, part="match")
    return _portal(
        request,
        "panel/portal_proposals.html",
        account,
        {
            "proposals": selectors.proposal_list(candidate=account.candidate),
            "proposed": MatchStatus.PROPOSED,
        },
    )


@portal_required
@require_http_methods(["GET", "POST"])
def proposal_view(request: HttpRequest, account: CandidateAccount, match_id: UUID) -> HttpResponse:
    """One proposal with its reasons; answer "ja, graag" or "liever niet" (with a reason)."""
    match = selectors.proposal_get(account=account, match_id=match_id)
    form = ProposalAnswerForm(_posted(request), initial={"version": match.version})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            agree = form.cleaned_data["answer"] == ProposalAnswerForm.YES
            saved = _submit(
                form,
                lambda: services.proposal_answer(
                    account=account,
                    match_id=match_id,
                    agree=agree,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data["version"],
                ),
            )
            if saved is None:
                messages.success(
                    request,
                    _("Thank you. We pass on that you would like this.")
                    if agree
                    else _(
                        "Thank you for your answer. We will look for something that fits better."
                    ),
                )
                return redirect("panel:proposals")
            status = saved
    return _portal(
        request,
        "panel/portal_proposal.html",
        account,
        {
            "match": match,
            "offer": match.offer,
            "text": explanation_text(match.explanation) if match.explanation else None,
            "can_answer": match.status == MatchStatus.PROPOSED,
            "form": form,
        },
        status=status,
    )


@portal_required
@require_GET
def consents_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    selectors.portal_read_log(account=account, part="consent")
    return _portal(
        request,
        "panel/portal_consents.html",
        account,
        {"consents": consent_rows(view=selectors.self_view(account))},
    )


@portal_required
@require_http_methods(["GET", "POST"])
def consent_grant_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    form = ConsentGrantForm(_posted(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            saved = _submit(
                form,
                lambda: services.portal_consent_grant(
                    account=account,
                    organisation=data["organisation"],
                    purpose=data["purpose"],
                    expires_on=data["expires_on"],
                ),
            )
            if saved is None:
                messages.success(
                    request,
                    _("Your consent for %(organisation)s is recorded.")
                    % {"organisation": data["organisation"].name},
                )
                return redirect("panel:consents")
            status = saved
    return _portal(
        request, "panel/portal_consent_grant.html", account, {"form": form}, status=status
    )


@portal_required
@require_http_methods(["GET", "POST"])
def consent_revoke_view(
    request: HttpRequest, account: CandidateAccount, consent_id: UUID
) -> HttpResponse:
    """Ask for confirmation; withdraw on POST. It takes effect at once."""
    consent = selectors.consent_get(account=account, consent_id=consent_id)
    if request.method == "POST":
        try:
            services.portal_consent_revoke(account=account, consent_id=consent_id)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Your consent is withdrawn. "
                    "%(organisation)s can no longer see your data for this."
                )
                % {"organisation": consent.organisation.name},
            )
        return redirect("panel:consents")
    selectors.portal_read_log(account=account, part="consent", object_id=consent.pk)
    return _portal(request, "panel/portal_consent_revoke.html", account, {"consent": consent})


@portal_required
@require_GET
def log_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    form = LogFilterForm(request.GET)
    hide_own = form.is_valid() and form.cleaned_data["hide_own"]
    page = selectors.own_log_page(
        account=account, page_number=request.GET.get("page"), per_page=PAGE_SIZE, hide_own=hide_own
    )
    return _portal(request, "panel/portal_log.html", account, {"form": form, "page": page})


@portal_required
@require_GET
def data_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    export = candidate_export_for_self(candidate=account.candidate)
    sections = [
        {
            "key": section.key,
            "title": section.title,
            "records": [list(zip(section.headers, row, strict=True)) for row in section.rows],
        }
        for section in export_presentation(export)
    ]
    return _portal(
        request, "panel/portal_data.html", account, {"export": export, "sections": sections}
    )


@portal_required
@require_GET
def data_download_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    export = candidate_export_for_self(candidate=account.candidate)
    body = json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    filename = f"mijn-gegevens-werkpad-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@portal_required
@require_http_methods(["GET", "POST"])
def corrections_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    """Ask the lead organisation to correct something; see earlier requests and answers."""
    selectors.portal_read_log(account=account, part="correctionrequest", special=True)
    form = CorrectionRequestForm(_posted(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            saved = _submit(
                form,
                lambda: services.correction_request_create(
                    account=account,
                    subject=form.cleaned_data["subject"],
                    description=form.cleaned_data["description"],
                ),
            )
            if saved is None:
                messages.success(
                    request,
                    _(
                        "Your request has been sent to %(organisation)s. "
                        "You will see the answer here."
                    )
                    % {"organisation": account.candidate.lead_organisation.name},
                )
                return redirect("panel:corrections")
            status = saved
    return _portal(
        request,
        "panel/portal_corrections.html",
        account,
        {"form": form, "requests": selectors.own_correction_requests(candidate=account.candidate)},
        status=status,
    )


@portal_required
@require_http_methods(["GET", "POST"])
def notifications_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    """Which e-mails the candidate wants, and links to their password and login app."""
    selectors.portal_read_log(account=account, part="candidateaccount", object_id=account.pk)
    preference, _created = NotificationPreference.objects.get_or_create(account=account)
    form = NotificationPreferenceForm(
        _posted(request),
        initial={
            "version": preference.version,
            "new_proposal": preference.new_proposal,
            "new_action": preference.new_action,
            "consent_expiring": preference.consent_expiring,
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            saved = _submit(
                form,
                lambda: services.notification_preference_update(
                    account=account,
                    expected_version=data["version"],
                    new_proposal=data["new_proposal"],
                    new_action=data["new_action"],
                    consent_expiring=data["consent_expiring"],
                ),
            )
            if saved is None:
                messages.success(request, _("Your e-mail settings are saved."))
                return redirect("panel:notifications")
            status = saved
    return _portal(
        request,
        "panel/portal_notifications.html",
        account,
        {"form": form, "email": account.user.email},
        status=status,
    )


# --- The candidate panel, for candidates ----------------------------------------------------


@portal_required
@require_GET
def my_panel_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    """Join the panel; members see the coming sessions and every idea with its answer."""
    selectors.portal_read_log(account=account, part="panelmember")
    candidate = account.candidate
    member = selectors.panel_membership(candidate=candidate)
    is_member = member is not None and member.is_active
    context: dict[str, Any] = {"member": member, "is_member": is_member}
    if is_member:
        context.update(
            sessions=selectors.sessions_for_member(member=member, today=timezone.localdate()),
            page=selectors.idea_page(
                user=request.user,
                filters=IdeaFilters(),
                page_number=request.GET.get("page"),
                per_page=PAGE_SIZE,
                organisation=None,
                viewer=candidate,
            ),
        )
    context["own_ideas"] = selectors.own_ideas(candidate=candidate)
    return _portal(request, "panel/portal_panel.html", account, context)


@portal_required
@require_POST
def panel_join_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    services.panel_join(account=account)
    messages.success(
        request, _("Welcome to the candidate panel. You will hear from us about the next session.")
    )
    return redirect("panel:my-panel")


@portal_required
@require_http_methods(["GET", "POST"])
def panel_leave_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    if not selectors.is_panel_member(candidate=account.candidate):
        return redirect("panel:my-panel")
    if request.method == "POST":
        services.panel_leave(account=account)
        messages.success(
            request, _("You have left the candidate panel. You are welcome back at any time.")
        )
        return redirect("panel:my-panel")
    return _portal(request, "panel/portal_panel_leave.html", account)


@portal_required
@require_http_methods(["GET", "POST"])
def idea_submit_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    form = IdeaSubmitForm(_posted(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            saved = _submit(
                form,
                lambda: services.idea_submit(
                    account=account,
                    text=form.cleaned_data["text"],
                    anonymous=form.cleaned_data["anonymous"],
                ),
            )
            if saved is None:
                messages.success(
                    request, _("Thank you for your idea. The answer will appear on the panel page.")
                )
                return redirect("panel:my-panel")
            status = saved
    return _portal(request, "panel/portal_idea_submit.html", account, {"form": form}, status=status)


# --- For professionals: inviting a candidate --------------------------------------------------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def invite_view(request: HttpRequest, candidate_id: UUID) -> HttpResponse:
    """Invite a candidate the professional sees to the portal (404 if they may not)."""
    view = candidate_get(
        user=request.user, candidate_id=candidate_id, activity=PORTAL_ACCOUNT_ACTIVITY
    )
    candidate = view.candidate
    form = InvitationForm(_posted(request), initial={"email": candidate.email})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            saved = _submit(
                form,
                lambda: services.invitation_send(
                    acting_user=request.user,
                    view=view,
                    email=form.cleaned_data["email"],
                    base_url=request.build_absolute_uri("/"),
                ),
            )
            if saved is None:
                messages.success(
                    request,
                    _("The invitation has been sent to %(email)s. The link works for 7 days.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("panel:invite", candidate_id=candidate_id)
            status = saved
    return render(
        request,
        "panel/invite.html",
        {
            "candidate": candidate,
            "form": form,
            "has_account": selectors.has_account(candidate=candidate),
            "invitations": selectors.invitation_list(candidate=candidate),
        },
        status=status,
    )


# --- For professionals: correction requests -------------------------------------------------


@never_cache
@login_required
@require_GET
def correction_request_list_view(request: HttpRequest) -> HttpResponse:
    form = CorrectionFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = selectors.correction_request_page(
        user=request.user,
        filters=CorrectionFilters(status=status),
        page_number=request.GET.get("page"),
        per_page=PAGE_SIZE,
    )
    return _staff(request, "panel/correction_request_list.html", {"form": form, "page": page})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def correction_request_view(request: HttpRequest, request_id: UUID) -> HttpResponse:
    view = selectors.correction_request_get(user=request.user, request_id=request_id)
    correction = view.request
    final = CORRECTION_WORKFLOW.is_final(correction.status)
    form = CorrectionTransitionForm(
        _posted(request), current=correction.status, initial={"version": correction.version}
    )
    status = 200
    if request.method == "POST" and not final:
        status = 400
        if form.is_valid():
            saved = _submit(
                form,
                lambda: services.correction_request_transition(
                    acting_user=request.user,
                    request_id=request_id,
                    target=form.cleaned_data["status"],
                    answer=form.cleaned_data["answer"],
                    expected_version=form.cleaned_data["version"],
                ),
            )
            if saved is None:
                messages.success(request, _("The correction request is updated."))
                return redirect("panel:correction-request", request_id=request_id)
            status = saved
    return _staff(
        request,
        "panel/correction_request_detail.html",
        {"correction": correction, "form": form, "final": final},
        status=status,
    )


# --- For professionals: the candidate panel -------------------------------------------------


def _staff_context(request: HttpRequest) -> dict[str, Any]:
    roles = selectors.staff_panel_roles(user=request.user)
    return {
        "may_manage": bool(roles & PANEL_MANAGER_ROLES),
        "sees_figures": bool(roles & STEERING_ROLES),
        "organisation": selectors.staff_organisation(user=request.user),
    }


def _require_manager(context: dict[str, Any]) -> None:
    if not context["may_manage"]:
        raise PermissionDenied(_("Only the programme lead can do this."))


@never_cache
@login_required
@require_GET
def ideas_view(request: HttpRequest) -> HttpResponse:
    """Every idea with its status and answer; the programme lead also sees how many got an
    answer and how fast."""
    context = _staff_context(request)
    form = IdeaFilterForm(request.GET)
    filters = (
        IdeaFilters(status=form.cleaned_data["status"], search=form.cleaned_data["q"].strip())
        if form.is_valid()
        else IdeaFilters()
    )
    page = selectors.idea_page(
        user=request.user,
        filters=filters,
        page_number=request.GET.get("page"),
        per_page=PAGE_SIZE,
        organisation=context["organisation"],
    )
    context.update(
        form=form,
        page=page,
        figures=selectors.idea_figures() if context["sees_figures"] else None,
        searching=bool(filters.status or filters.search),
    )
    return _staff(request, "panel/idea_list.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def idea_view(request: HttpRequest, idea_id: UUID) -> HttpResponse:
    context = _staff_context(request)
    _require_manager(context)
    idea = selectors.idea_get(idea_id=idea_id)
    form = IdeaUpdateForm(_posted(request), idea=idea)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            saved = _submit(
                form,
                lambda: services.idea_update(
                    acting_user=request.user,
                    idea=idea,
                    expected_version=data["version"],
                    status=data["status"],
                    public_answer=data["public_answer"],
                    links=IdeaLinks(
                        pilot_name=data["pilot_name"],
                        pilot_url=data["pilot_url"],
                        zeg_ja_signal=data["zeg_ja_signal"],
                        offer=data["offer"],
                    ),
                ),
            )
            if saved is None:
                messages.success(request, _("The idea is saved."))
                return redirect("panel:ideas")
            status = saved
    context.update(idea=idea, form=form)
    return _staff(request, "panel/idea_form.html", context, status=status)


@never_cache
@login_required
@require_GET
def sessions_view(request: HttpRequest) -> HttpResponse:
    context = _staff_context(request)
    context["sessions"] = selectors.session_list()
    return _staff(request, "panel/session_list.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def session_form_view(request: HttpRequest, session_id: UUID | None = None) -> HttpResponse:
    """Plan a panel session, or change one and write down the ideas that came out of it."""
    context = _staff_context(request)
    _require_manager(context)
    session = (
        selectors.session_get(
            user=request.user, session_id=session_id, organisation=context["organisation"]
        )
        if session_id is not None
        else None
    )
    members = selectors.active_panel_members()
    form = PanelSessionForm(_posted(request), members=members, session=session)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            saved_sessions: list[Any] = []
            saved = _submit(
                form,
                lambda: saved_sessions.append(
                    services.panel_session_save(
                        acting_user=request.user,
                        session=session,
                        expected_version=data["version"],
                        held_on=data["held_on"],
                        topic=data["topic"],
                        location=data["location"],
                        notes=data["notes"],
                        invitees=list(data["invitees"]),
                    )
                ),
            )
            if saved is None:
                messages.success(request, _("The panel session is saved."))
                return redirect("panel:session", session_id=saved_sessions[0].pk)
            status = saved
    context.update(session=session, form=form, idea_form=IdeaRecordForm())
    return _staff(request, "panel/session_form.html", context, status=status)


@never_cache
@login_required
@require_POST
def session_idea_view(request: HttpRequest, session_id: UUID) -> HttpResponse:
    """Write down an idea that came out of a panel session."""
    context = _staff_context(request)
    _require_manager(context)
    session = selectors.session_get(
        user=request.user, session_id=session_id, organisation=context["organisation"]
    )
    idea_form = IdeaRecordForm(request.POST)
    if idea_form.is_valid():
        saved = _submit(
            idea_form,
            lambda: services.idea_record(
                acting_user=request.user, session=session, text=idea_form.cleaned_data["text"]
            ),
        )
        if saved is None:
            messages.success(request, _("The idea is added."))
            return redirect("panel:session", session_id=session_id)
    members = selectors.active_panel_members()
    context.update(
        session=session,
        form=PanelSessionForm(members=members, session=session),
        idea_form=idea_form,
    )
    return _staff(request, "panel/session_form.html", context, status=400)
