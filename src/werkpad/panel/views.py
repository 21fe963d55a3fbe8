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
from werkpad.panel.models import CandidateAccount, NotificationPreference, PanelSession
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


@dataclass(frozen=True)
class Saved:
    """What a form page does once its service has saved: a message, then another page."""

    message: Callable[[Any], str]
    next_url: Callable[[Any], str]


def _save(
    request: HttpRequest,
    form: PanelFormMixin,
    save: Callable[[dict[str, Any]], Any],
    saved: Saved,
) -> tuple[HttpResponse | None, int]:
    """Handle a form page: on a valid POST run the service `save(cleaned_data)`; when it saved,
    add the message and answer with the redirect. Otherwise no response yet and the status of
    the page that shows the form (again): 200 to show it, 400 with errors (the form's or the
    service's, shown on their field), 409 when someone else saved first."""
    if request.method != "POST":
        return None, 200
    form_: Any = form
    if not form_.is_valid():
        return None, 400
    try:
        result = save(form_.cleaned_data)
    except ValidationError as error:
        form.add_service_errors(error)
        return None, 400
    except StaleVersionError as error:
        form.add_service_errors(ValidationError(str(error)))
        return None, 409
    messages.success(request, saved.message(result))
    return redirect(saved.next_url(result)), 200


def _fixed(text: Any) -> Callable[[Any], str]:
    return lambda result: str(text)


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

    def pending_login(user: Any) -> str:
        # The accounts app's pending login: the second factor comes next, then the portal.
        request.session.cycle_key()
        request.session[PENDING_USER] = str(user.pk)
        request.session[PENDING_SINCE] = time.time()
        request.session[PENDING_NEXT] = reverse("panel:home")
        return reverse("accounts:otp-setup")

    done, status = _save(
        request,
        form,
        lambda data: services.invitation_accept(token=token, password=data["password"]),
        Saved(_fixed(gettext_lazy("Your password is set.")), pending_login),
    )
    return done or render(
        request,
        "panel/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=status,
    )


# --- The portal: reading one's own file ------------------------------------------------------


@dataclass(frozen=True)
class PortalPage:
    """A page that shows part of the candidate's own file; opening it is logged once."""

    template: str
    part: str  # the object type in the processing log
    context: Callable[[CandidateAccount], dict[str, Any]]
    special: bool = False  # shows special-category data (health)


def _home(account: CandidateAccount) -> dict[str, Any]:
    return {
        "proposals_waiting": selectors.proposals_waiting(candidate=account.candidate),
        "is_panel_member": selectors.is_panel_member(candidate=account.candidate),
    }


def _plan(account: CandidateAccount) -> dict[str, Any]:
    return {
        "goals": plan_goal_list(view=selectors.self_view(account)),
        "actions": selectors.zeg_ja_actions(candidate=account.candidate),
        "today": timezone.localdate(),
    }


PORTAL_PAGES: dict[str, PortalPage] = {
    "home": PortalPage("panel/portal_home.html", "candidate", _home),
    "plan": PortalPage("panel/portal_plan.html", "plangoal", _plan),
    "barriers": PortalPage(
        "panel/portal_barriers.html",
        "barrier",
        lambda account: {"barriers": barrier_list(view=selectors.self_view(account))},
        special=True,
    ),
    "ladder": PortalPage(
        "panel/portal_ladder.html",
        "ladderscore",
        lambda account: {"history": ladder_history(view=selectors.self_view(account))},
    ),
    "proposals": PortalPage(
        "panel/portal_proposals.html",
        "match",
        lambda account: {
            "proposals": selectors.proposal_list(candidate=account.candidate),
            "proposed": MatchStatus.PROPOSED,
        },
    ),
    "consents": PortalPage(
        "panel/portal_consents.html",
        "consent",
        lambda account: {"consents": consent_rows(view=selectors.self_view(account))},
    ),
}


@portal_required
@require_GET
def portal_page_view(request: HttpRequest, account: CandidateAccount, *, page: str) -> HttpResponse:
    portal_page = PORTAL_PAGES[page]
    selectors.portal_read_log(account=account, part=portal_page.part, special=portal_page.special)
    return _portal(request, portal_page.template, account, portal_page.context(account))


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


# --- The portal: deciding --------------------------------------------------------------------


@portal_required
@require_http_methods(["GET", "POST"])
def proposal_view(request: HttpRequest, account: CandidateAccount, match_id: UUID) -> HttpResponse:
    """One proposal with its reasons; answer "ja, graag" or "liever niet" (with a reason)."""
    match = selectors.proposal_get(account=account, match_id=match_id)
    form = ProposalAnswerForm(_posted(request), initial={"version": match.version})
    done, status = _save(
        request,
        form,
        lambda data: services.proposal_answer(
            account=account,
            match_id=match_id,
            agree=data["answer"] == ProposalAnswerForm.YES,
            reason=data["reason"],
            expected_version=data["version"],
        ),
        Saved(
            lambda answered: (
                _("Thank you. We pass on that you would like this.")
                if answered.status == MatchStatus.CANDIDATE_AGREED
                else _("Thank you for your answer. We will look for something that fits better.")
            ),
            _fixed(reverse("panel:proposals")),
        ),
    )
    return done or _portal(
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
@require_http_methods(["GET", "POST"])
def consent_grant_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    form = ConsentGrantForm(_posted(request))
    done, status = _save(
        request,
        form,
        lambda data: services.portal_consent_grant(
            account=account,
            organisation=data["organisation"],
            purpose=data["purpose"],
            expires_on=data["expires_on"],
        ),
        Saved(
            lambda consent: (
                _("Your consent for %(organisation)s is recorded.")
                % {"organisation": consent.organisation.name}
            ),
            _fixed(reverse("panel:consents")),
        ),
    )
    return done or _portal(
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
@require_http_methods(["GET", "POST"])
def corrections_view(request: HttpRequest, account: CandidateAccount) -> HttpResponse:
    """Ask the lead organisation to correct something; see earlier requests and answers."""
    selectors.portal_read_log(account=account, part="correctionrequest", special=True)
    form = CorrectionRequestForm(_posted(request))
    done, status = _save(
        request,
        form,
        lambda data: services.correction_request_create(
            account=account, subject=data["subject"], description=data["description"]
        ),
        Saved(
            lambda sent: (
                _("Your request has been sent to %(organisation)s. You will see the answer here.")
                % {"organisation": sent.organisation.name}
            ),
            _fixed(reverse("panel:corrections")),
        ),
    )
    return done or _portal(
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
    done, status = _save(
        request,
        form,
        lambda data: services.notification_preference_update(
            account=account,
            expected_version=data["version"],
            new_proposal=data["new_proposal"],
            new_action=data["new_action"],
            consent_expiring=data["consent_expiring"],
        ),
        Saved(
            _fixed(gettext_lazy("Your e-mail settings are saved.")),
            _fixed(reverse("panel:notifications")),
        ),
    )
    return done or _portal(
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
        request,
        _("Welcome to the candidate panel. You will hear from us about the next session."),
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
    done, status = _save(
        request,
        form,
        lambda data: services.idea_submit(
            account=account, text=data["text"], anonymous=data["anonymous"]
        ),
        Saved(
            _fixed(
                gettext_lazy("Thank you for your idea. The answer will appear on the panel page.")
            ),
            _fixed(reverse("panel:my-panel")),
        ),
    )
    return done or _portal(
        request, "panel/portal_idea_submit.html", account, {"form": form}, status=status
    )


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
    done, status = _save(
        request,
        form,
        lambda data: services.invitation_send(
            acting_user=request.user,
            view=view,
            email=data["email"],
            base_url=request.build_absolute_uri("/"),
        ),
        Saved(
            lambda sent: (
                _("The invitation has been sent to %(email)s. The link works for 7 days.")
                % {"email": sent.invitation.email}
            ),
            _fixed(reverse("panel:invite", kwargs={"candidate_id": candidate_id})),
        ),
    )
    return done or render(
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
    if final and request.method == "POST":
        raise PermissionDenied(_("This request has been handled already."))
    done, status = _save(
        request,
        form,
        lambda data: services.correction_request_transition(
            acting_user=request.user,
            request_id=request_id,
            target=data["status"],
            answer=data["answer"],
            expected_version=data["version"],
        ),
        Saved(
            _fixed(gettext_lazy("The correction request is updated.")),
            _fixed(reverse("panel:correction-request", kwargs={"request_id": request_id})),
        ),
    )
    return done or _staff(
        request,
        "panel/correction_request_detail.html",
        {"correction": correction, "form": form, "final": final},
        status=status,
    )


# --- For professionals: the candidate panel -------------------------------------------------


def _staff_context(request: HttpRequest, *, manager: bool = False) -> dict[str, Any]:
    """Who reads the panel's pages; 404 without a role, 403 when `manager` is needed."""
    roles = selectors.staff_panel_roles(user=request.user)
    may_manage = bool(roles & PANEL_MANAGER_ROLES)
    if manager and not may_manage:
        raise PermissionDenied(_("Only the programme lead can do this."))
    return {
        "may_manage": may_manage,
        "sees_figures": bool(roles & STEERING_ROLES),
        "organisation": selectors.staff_organisation(user=request.user),
    }


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
    context = _staff_context(request, manager=True)
    idea = selectors.idea_get(idea_id=idea_id)
    form = IdeaUpdateForm(_posted(request), idea=idea)
    done, status = _save(
        request,
        form,
        lambda data: services.idea_update(
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
        Saved(_fixed(gettext_lazy("The idea is saved.")), _fixed(reverse("panel:ideas"))),
    )
    context.update(idea=idea, form=form)
    return done or _staff(request, "panel/idea_form.html", context, status=status)


@never_cache
@login_required
@require_GET
def sessions_view(request: HttpRequest) -> HttpResponse:
    context = _staff_context(request)
    context["sessions"] = selectors.session_list()
    return _staff(request, "panel/session_list.html", context)


def _session_page(
    request: HttpRequest,
    context: dict[str, Any],
    session: PanelSession | None,
    form: PanelSessionForm,
    idea_form: IdeaRecordForm,
    status: int,
) -> HttpResponse:
    context.update(session=session, form=form, idea_form=idea_form)
    return _staff(request, "panel/session_form.html", context, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def session_form_view(request: HttpRequest, session_id: UUID | None = None) -> HttpResponse:
    """Plan a panel session, or change one and write down the ideas that came out of it."""
    context = _staff_context(request, manager=True)
    session = (
        selectors.session_get(
            user=request.user, session_id=session_id, organisation=context["organisation"]
        )
        if session_id is not None
        else None
    )
    form = PanelSessionForm(
        _posted(request), members=selectors.active_panel_members(), session=session
    )
    done, status = _save(
        request,
        form,
        lambda data: services.panel_session_save(
            acting_user=request.user,
            session=session,
            expected_version=data["version"],
            held_on=data["held_on"],
            topic=data["topic"],
            location=data["location"],
            notes=data["notes"],
            invitees=list(data["invitees"]),
        ),
        Saved(
            _fixed(gettext_lazy("The panel session is saved.")),
            lambda saved: reverse("panel:session", kwargs={"session_id": saved.pk}),
        ),
    )
    return done or _session_page(request, context, session, form, IdeaRecordForm(), status)


@never_cache
@login_required
@require_POST
def session_idea_view(request: HttpRequest, session_id: UUID) -> HttpResponse:
    """Write down an idea that came out of a panel session."""
    context = _staff_context(request, manager=True)
    session = selectors.session_get(
        user=request.user, session_id=session_id, organisation=context["organisation"]
    )
    idea_form = IdeaRecordForm(request.POST)
    done, status = _save(
        request,
        idea_form,
        lambda data: services.idea_record(
            acting_user=request.user, session=session, text=data["text"]
        ),
        Saved(
            _fixed(gettext_lazy("The idea is added.")),
            _fixed(reverse("panel:session", kwargs={"session_id": session_id})),
        ),
    )
    form = PanelSessionForm(members=selectors.active_panel_members(), session=session)
    return done or _session_page(request, context, session, form, idea_form, status)
