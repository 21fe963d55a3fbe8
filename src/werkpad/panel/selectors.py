"""Reads of the candidate portal and the candidate panel.

The portal's door is `portal_account(user)`: every portal read starts from the account's own
candidate, and every object named in a URL (a proposal, a consent, a correction request) is
looked up among that candidate's rows only, so another candidate's id answers 404. A candidate
account has no Membership, so `visible_candidates` (the professionals' door) gives it nothing.

Reads of the candidate's own data are logged too (purpose `candidate_self`), so "wie heeft mijn
gegevens bekeken" also shows the candidate's own visits.

Professionals reach candidate data here only through `visible_candidates` (correction requests,
the invitation page).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.candidates.models import Candidate
from werkpad.candidates.selectors import CandidateView
from werkpad.cases.models import Action, ActionStatus
from werkpad.offers.codes import MatchStatus
from werkpad.offers.models import Match, Offer
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.panel.codes import (
    NOTIFICATION_ACTIVITY,
    PANEL_ACTIVITY,
    PANEL_PURPOSE,
    PORTAL_ACTIVITY,
)
from werkpad.panel.models import (
    CandidateAccount,
    CorrectionRequest,
    Idea,
    Invitation,
    PanelMember,
    PanelSession,
)
from werkpad.panel.tokens import token_hash
from werkpad.privacy.access import CASEWORK_ROLES, Access, visible_candidates
from werkpad.privacy.codes import CANDIDATE_SELF_PURPOSE, Confidentiality, LogAction
from werkpad.privacy.models import Consent, ProcessingLogEntry
from werkpad.privacy.selectors import log_entries_described
from werkpad.privacy.services import (
    processing_log_write,
    processing_log_write_for_access,
    processing_log_write_list,
)

PANEL_MANAGER_ROLES = frozenset({Role.PROGRAMME_LEAD})
STEERING_ROLES = frozenset({Role.PROGRAMME_LEAD, Role.BOARD})
IDEA_READER_ROLES = CASEWORK_ROLES | STEERING_ROLES


# --- The portal's door ----------------------------------------------------------------------


def portal_account_or_none(user: Any) -> CandidateAccount | None:
    """The candidate account of `user`, or None (a professional, or an erased candidate)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        CandidateAccount.objects.select_related("user", "candidate__lead_organisation")
        .filter(user_id=user.pk, candidate__erased_at__isnull=True)
        .first()
    )


def portal_account(user: Any) -> CandidateAccount:
    """The candidate account of `user`; 404 for everyone else."""
    account = portal_account_or_none(user)
    if account is None:
        raise Http404
    return account


def is_candidate_account(user: Any) -> bool:
    return CandidateAccount.objects.filter(user_id=user.pk).exists()


def self_view(account: CandidateAccount) -> CandidateView:
    """The candidate's own file as the dossier's selectors read it: everything of their own,
    health included, on their own behalf."""
    candidate = account.candidate
    return CandidateView(
        candidate=candidate,
        access=Access(candidate.lead_organisation, CANDIDATE_SELF_PURPOSE, special_category=True),
    )


def portal_read_log(
    *, account: CandidateAccount, part: str, object_id: Any = None, special: bool = False
) -> None:
    """Record that the candidate read a part of their own file in the portal."""
    processing_log_write(
        user=account.user,
        organisation=None,
        purpose=CANDIDATE_SELF_PURPOSE,
        action=LogAction.VIEW,
        activity=PORTAL_ACTIVITY,
        object_type=part,
        object_id=object_id if object_id is not None else account.candidate_id,
        candidate=account.candidate,
        confidentiality=Confidentiality.SPECIAL if special else Confidentiality.NORMAL,
    )


# --- My plan and agreed actions ---------------------------------------------------------------


def zeg_ja_actions(*, candidate: Candidate) -> list[Action]:
    """The actions the Zeg JA Team agreed for the candidate: open ones first, by due date."""
    return sorted(
        Action.objects.filter(case__candidate=candidate).select_related("owner_organisation"),
        key=lambda a: (a.status == ActionStatus.DONE, a.due_on),
    )


# --- Proposals from matching ------------------------------------------------------------------


def _matches(candidate: Candidate) -> QuerySet[Match]:
    # A withdrawn proposal was taken back before it reached the candidate's decision.
    return (
        Match.objects.filter(candidate=candidate)
        .exclude(status=MatchStatus.WITHDRAWN)
        .select_related("offer__employer", "offer__organisation")
    )


def proposal_list(*, candidate: Candidate) -> list[Match]:
    """The candidate's proposals: those waiting for an answer first, then the newest."""
    return sorted(
        _matches(candidate),
        key=lambda m: (m.status != MatchStatus.PROPOSED, -m.created_at.timestamp()),
    )


def proposal_get(*, account: CandidateAccount, match_id: UUID | str, log: bool = True) -> Match:
    """One proposal of the candidate's own; 404 for any other match."""
    with transaction.atomic():
        match = _matches(account.candidate).filter(pk=match_id).first()
        if match is None:
            raise Http404
        if log:
            portal_read_log(account=account, part="match", object_id=match.pk)
    return match


def proposals_waiting(*, candidate: Candidate) -> int:
    return Match.objects.filter(candidate=candidate, status=MatchStatus.PROPOSED).count()


# --- My consents ----------------------------------------------------------------------------


def consent_get(*, account: CandidateAccount, consent_id: UUID | str) -> Consent:
    """One consent of the candidate's own; 404 for any other."""
    consent = (
        Consent.objects.filter(candidate=account.candidate, pk=consent_id)
        .select_related("organisation", "candidate")
        .first()
    )
    if consent is None:
        raise Http404
    return consent


def consent_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


# --- Who looked at my data ------------------------------------------------------------------


@dataclass(frozen=True)
class LogRow:
    """One processing-log entry as the candidate sees it: who, when, what, why. Nothing else:
    no user, no e-mail address, no ids, so no internal field can reach the page."""

    when: datetime
    who: str
    action: str
    activity: str
    purpose: str


# Processings Werkpad does by itself for the candidate (no person acts).
SYSTEM_ACTIVITIES = frozenset({NOTIFICATION_ACTIVITY})


def _who(entry: Any, *, account: CandidateAccount) -> str:
    if entry.organisation:
        return str(entry.organisation_name)
    if (
        entry.activity in SYSTEM_ACTIVITIES
        or entry.user_id is None
        and entry.purpose != (CANDIDATE_SELF_PURPOSE)
    ):
        return _("Werkpad (automatic)")
    if entry.purpose == CANDIDATE_SELF_PURPOSE or entry.user_id == account.user_id:
        return _("You")
    if entry.purpose == PANEL_PURPOSE:
        return _("The candidate panel")
    return _("Werkpad (automatic)")


def _own_doing() -> Q:
    """What the candidate did themself: their portal visits, answers, consents, export."""
    return Q(purpose=CANDIDATE_SELF_PURPOSE) & ~Q(activity__in=SYSTEM_ACTIVITIES)


def own_log_page(
    *, account: CandidateAccount, page_number: Any, per_page: int, hide_own: bool
) -> Page[Any]:
    """The candidate's processing log, newest first, one page of `LogRow`s. Logged itself."""
    entries = ProcessingLogEntry.objects.filter(candidate_id=account.candidate_id)
    if hide_own:
        entries = entries.exclude(_own_doing() | Q(user_id=account.user_id))
    with transaction.atomic():
        portal_read_log(account=account, part="processing_log")
        page: Page[Any] = Paginator(entries.order_by("-timestamp", "-id"), per_page).get_page(
            page_number
        )
    described: list[Any] = log_entries_described(list(page.object_list))
    page.object_list = [
        LogRow(
            when=entry.timestamp,
            who=_who(entry, account=account),
            action=entry.get_action_display(),
            activity=entry.activity_label,
            purpose=entry.purpose_label,
        )
        for entry in described
    ]
    return page


# --- Correction requests --------------------------------------------------------------------


def own_correction_requests(*, candidate: Candidate) -> list[CorrectionRequest]:
    return list(
        CorrectionRequest.objects.filter(candidate=candidate).select_related("organisation")
    )


def _lead_organisation_ids(user: Any) -> QuerySet[Membership, Any]:
    return Membership.objects.filter(user_id=user.pk, role__in=CASEWORK_ROLES).values(
        "organisation_id"
    )


def _correction_requests_for(user: Any) -> QuerySet[CorrectionRequest]:
    """Requests to one of the user's organisations, of candidates the user may see now."""
    return CorrectionRequest.objects.filter(
        organisation_id__in=_lead_organisation_ids(user),
        candidate__in=visible_candidates(user),
    ).select_related("candidate", "organisation")


def may_handle_corrections(*, user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        Membership.objects.filter(user_id=user.pk, role__in=CASEWORK_ROLES).exists()
    )


@dataclass(frozen=True)
class CorrectionFilters:
    status: str = ""


def correction_request_page(
    *, user: Any, filters: CorrectionFilters, page_number: Any, per_page: int
) -> Page[Any]:
    """The lead organisation's task list of correction requests; every row shown is logged.

    404 for users without a casework role (candidate accounts included).
    """
    if not may_handle_corrections(user=user):
        raise Http404
    requests = _correction_requests_for(user)
    if filters.status:
        requests = requests.filter(status=filters.status)
    with transaction.atomic():
        page = Paginator(requests.order_by("status", "created_at"), per_page).get_page(page_number)
        page.object_list = list(page.object_list)
        processing_log_write_list(
            user=user,
            candidates=[r.candidate for r in page.object_list],
            activity="correction_request",
        )
    return page


@dataclass(frozen=True)
class CorrectionRequestView:
    request: CorrectionRequest
    access: Access


def correction_request_get(
    *, user: Any, request_id: UUID | str, log: bool = True
) -> CorrectionRequestView:
    """One correction request for a professional of the lead organisation; 404 otherwise."""
    from werkpad.privacy.access import access_for

    request = _correction_requests_for(user).filter(pk=request_id).first()
    access = access_for(user, request.candidate) if request is not None else None
    if request is None or access is None:
        raise Http404
    if log:
        with transaction.atomic():
            processing_log_write_for_access(
                user=user,
                access=access,
                action=LogAction.VIEW,
                activity="correction_request",
                candidate=request.candidate,
                object_type="correctionrequest",
                object_id=request.pk,
            )
    return CorrectionRequestView(request=request, access=access)


# --- Invitations ------------------------------------------------------------------------------


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation this token belongs to: not used, not cancelled, not expired."""
    invitation = (
        Invitation.objects.select_related("candidate", "organisation")
        .filter(token_hash=token_hash(token), candidate__erased_at__isnull=True)
        .first()
    )
    return invitation if invitation is not None and invitation.is_open() else None


def invitation_list(*, candidate: Candidate) -> list[Invitation]:
    return list(Invitation.objects.filter(candidate=candidate).select_related("organisation")[:5])


def has_account(*, candidate: Candidate) -> bool:
    return CandidateAccount.objects.filter(candidate=candidate).exists()


# --- The candidate panel ----------------------------------------------------------------------


def panel_membership(*, candidate: Candidate) -> PanelMember | None:
    return PanelMember.objects.filter(candidate=candidate).first()


def is_panel_member(*, candidate: Candidate) -> bool:
    return PanelMember.objects.filter(candidate=candidate, left_on__isnull=True).exists()


def user_roles(user: Any) -> set[Role]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return {
        Role(role)
        for role in Membership.objects.filter(user_id=user.pk).values_list("role", flat=True)
    }


def staff_panel_roles(*, user: Any) -> set[Role]:
    """The user's roles that open the panel's pages for professionals; 404 without one."""
    roles = user_roles(user) & IDEA_READER_ROLES
    if not roles:
        raise Http404
    return roles


def staff_organisation(*, user: Any) -> Organisation | None:
    """The organisation a professional reads the panel for (the first by name)."""
    membership = (
        Membership.objects.filter(user_id=user.pk, role__in=IDEA_READER_ROLES)
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )
    return membership.organisation if membership else None


@dataclass(frozen=True)
class IdeaFilters:
    status: str = ""
    search: str = ""


def _ideas() -> QuerySet[Idea]:
    return Idea.objects.select_related("session", "author", "offer")


def idea_page(
    *,
    user: Any,
    filters: IdeaFilters,
    page_number: Any,
    per_page: int,
    organisation: Organisation | None,
    viewer: Candidate | None = None,
) -> Page[Any]:
    """One page of ideas, newest first, each with `author_name` (first name, or None).

    A named idea shows its author's first name, by the author's own choice; showing it to
    someone else is a processing of their personal data, so each named idea on the page is
    logged for its author (in bulk: the number of queries does not grow with the page).
    Anonymous ideas have no author to show or log. `viewer` is the panel member reading.
    """
    ideas = _ideas()
    if filters.status:
        ideas = ideas.filter(status=filters.status)
    if filters.search:
        ideas = ideas.filter(
            Q(text__icontains=filters.search) | Q(public_answer__icontains=filters.search)
        )
    with transaction.atomic():
        page = Paginator(ideas, per_page).get_page(page_number)
        page.object_list = list(page.object_list)
        for idea in page.object_list:
            idea.author_name = idea.author.first_name if idea.author else None  # type: ignore[attr-defined]
        panel_list_log(
            user=user,
            organisation=organisation,
            rows=[
                (idea.author, idea)
                for idea in page.object_list
                if idea.author is not None and idea.author != viewer
            ],
        )
    return page


def panel_list_log(
    *,
    user: Any,
    organisation: Organisation | None,
    rows: Sequence[tuple[Candidate, Any]],
    action: LogAction = LogAction.LIST,
) -> None:
    """Record that the panel showed (or used) these candidates' names: one entry each, written
    in bulk, for purpose `candidate_panel` (the candidate chose to take part)."""
    now = timezone.now()
    ProcessingLogEntry.objects.bulk_create(
        [
            ProcessingLogEntry(
                timestamp=now,
                user_id=user.pk,
                user_label=user.email,
                organisation=organisation.slug if organisation else "",
                action=action,
                activity=PANEL_ACTIVITY,
                purpose=PANEL_PURPOSE,
                object_type=obj._meta.model_name,
                object_id=str(obj.pk),
                candidate=candidate,
            )
            for candidate, obj in rows
        ]
    )


def idea_get(*, idea_id: UUID | str) -> Idea:
    idea = _ideas().filter(pk=idea_id).first()
    if idea is None:
        raise Http404
    return idea


def own_ideas(*, candidate: Candidate) -> list[Idea]:
    """The ideas the candidate sent with their name (anonymous ones are not linked to them)."""
    return list(Idea.objects.filter(author=candidate).select_related("session"))


@dataclass(frozen=True)
class IdeaFigures:
    """How many ideas got a public answer, and how fast (median days from received)."""

    total: int
    answered: int
    median_days: float | None

    @property
    def answered_percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def idea_figures() -> IdeaFigures:
    counts = Idea.objects.aggregate(
        total=Count("id"), answered=Count("id", filter=Q(answered_on__isnull=False))
    )
    days = [
        (answered - received).days
        for received, answered in Idea.objects.filter(answered_on__isnull=False).values_list(
            "received_on", "answered_on"
        )
        if answered is not None
    ]
    return IdeaFigures(
        total=counts["total"],
        answered=counts["answered"],
        median_days=float(statistics.median(days)) if days else None,
    )


def session_list(*, upcoming_from: date | None = None) -> QuerySet[PanelSession]:
    sessions = PanelSession.objects.annotate(idea_count=Count("ideas"))
    if upcoming_from is not None:
        sessions = sessions.filter(held_on__gte=upcoming_from).order_by("held_on")
    return sessions


def session_get(
    *, user: Any, session_id: UUID | str, organisation: Organisation | None
) -> PanelSession:
    """A panel session with its invited members (their names are logged) and its ideas."""
    session = (
        PanelSession.objects.prefetch_related(
            Prefetch("invitees", queryset=PanelMember.objects.select_related("candidate")),
            Prefetch("ideas", queryset=Idea.objects.order_by("created_at")),
        )
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise Http404
    with transaction.atomic():
        panel_list_log(
            user=user,
            organisation=organisation,
            rows=[(member.candidate, member) for member in session.invitees.all()],
        )
    return session


def sessions_for_member(*, member: PanelMember | None, today: date) -> list[PanelSession]:
    """Coming sessions, each with `invited` for this member."""
    sessions = list(session_list(upcoming_from=today))
    invited = set(member.sessions.values_list("pk", flat=True)) if member is not None else set()
    for session in sessions:
        session.invited = session.pk in invited  # type: ignore[attr-defined]
    return sessions


def active_panel_members() -> QuerySet[PanelMember]:
    return PanelMember.objects.filter(left_on__isnull=True).select_related("candidate")


def open_offer_choices() -> QuerySet[Offer]:
    return Offer.objects.order_by("title")
