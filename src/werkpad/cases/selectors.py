"""Reads of the Zeg JA Team, all through one access policy for cases.

Who sees a case (decided for Werkpad, DESIGN.md §3):
- a professional whose organisation may see the candidate for the Zeg JA Team: an active
  consent for purpose `zeg_ja_team`, or the municipality's legal basis for its own clients
  (`visible_candidates(user, purpose=zeg_ja_team)`). A consent for another purpose (debt help,
  care, ...) does not open the case: the candidate agreed to that purpose only;
- a member at the table (role `zeg_ja_member` or `chair`) attending a meeting that has the
  case on its agenda, while the candidate's consent for the Zeg JA Team of the submitting
  organisation (or its legal basis) is still in force. That consent is the attendee's basis:
  their reads are logged with purpose `zeg_ja_team` for the organisation they hold a mandate for.
Everyone else gets 404. Every read of a case is logged with activity `zeg_ja_case`.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from werkpad.candidates.codes import HEALTH_CATEGORY
from werkpad.candidates.models import Barrier
from werkpad.cases.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Case,
    CaseTransition,
    Decision,
    KnelpuntKind,
    Meeting,
    Principle,
)
from werkpad.cases.workflow import FINISHED, SCHEDULABLE, CaseStatus
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.access import CASEWORK_ROLES, Access, visible_candidates
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, Confidentiality, LogAction, Purpose
from werkpad.privacy.models import Consent, ProcessingLogEntry
from werkpad.privacy.services import processing_log_write_for_access

ACTIVITY = "zeg_ja_case"
ACTION_ACTIVITY = "zeg_ja_action"
TABLE_ROLES = frozenset({Role.ZEG_JA_MEMBER, Role.CHAIR})
TEAM_LEAD_ROLES = frozenset({Role.CHAIR, Role.PROGRAMME_LEAD})
LEARNING_ROLES = frozenset({Role.PROGRAMME_LEAD, Role.BOARD})
SUPPRESS_BELOW = 5


# --- who the user is -------------------------------------------------------------------------


def user_roles(user: Any) -> set[Role]:
    if not getattr(user, "is_authenticated", False):
        return set()
    roles = Membership.objects.filter(user_id=user.pk).values_list("role", flat=True)
    return {Role(role) for role in roles}


def casework_organisations(user: Any) -> QuerySet[Organisation]:
    """The organisations `user` does casework for (where they may submit cases)."""
    return Organisation.objects.filter(
        memberships__user_id=user.pk, memberships__role__in=CASEWORK_ROLES
    ).distinct()


def _membership_org_ids(user: Any, roles: frozenset[Role]) -> QuerySet[Membership, Any]:
    return Membership.objects.filter(user_id=user.pk, role__in=roles).values("organisation_id")


# --- the access policy for cases -------------------------------------------------------------


def submitting_basis_active(prefix: str = "") -> Q:
    """The candidate still consents to the Zeg JA Team for the submitting organisation.

    Or the submitting organisation has the legal basis for this candidate (its own client).
    `prefix` reaches the case from a related model, e.g. `case__` from an action.
    """
    consent = Consent.objects.active().filter(
        candidate_id=OuterRef(f"{prefix}candidate_id"),
        organisation_id=OuterRef(f"{prefix}submitting_organisation_id"),
        purpose=Purpose.ZEG_JA_TEAM,
    )
    legal = Q(
        **{
            f"{prefix}submitting_organisation__has_legal_basis": True,
            f"{prefix}candidate__lead_organisation_id": F(f"{prefix}submitting_organisation_id"),
        }
    )
    return Q(Exists(consent)) | legal


def visible_cases(user: Any) -> QuerySet[Case]:
    """Every case `user` may open now (see the module docstring)."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    own = Q(candidate__in=visible_candidates(user, purpose=Purpose.ZEG_JA_TEAM).values("pk"))
    at_table = Exists(
        Attendance.objects.filter(
            user_id=user.pk,
            organisation_id__in=_membership_org_ids(user, TABLE_ROLES),
            meeting__agenda_items__case_id=OuterRef("pk"),
        )
    )
    return Case.objects.filter(candidate__erased_at__isnull=True).filter(
        own | (Q(at_table) & submitting_basis_active())
    )


def case_access_map(user: Any, cases: Sequence[Case]) -> dict[UUID, Access]:
    """The basis on which `user` sees each of `cases` (which came from `visible_cases`).

    Three queries whatever the number of cases, so lists can log every row they show.
    """
    if not cases or not getattr(user, "is_authenticated", False):
        return {}
    organisations = {
        o.pk: o
        for o in Organisation.objects.filter(
            id__in=_membership_org_ids(user, CASEWORK_ROLES)
        ).order_by("name")
    }
    consents: dict[tuple[UUID, str], list[Consent]] = {}
    for consent in Consent.objects.active().filter(
        candidate_id__in={c.candidate_id for c in cases},
        organisation_id__in=organisations,
        purpose__in=[Purpose.ZEG_JA_TEAM, Purpose.CARE],
    ):
        consents.setdefault((consent.candidate_id, consent.purpose), []).append(consent)
    # Table roles are casework roles, so the seat's organisation is one of `organisations`.
    seats = dict(
        Attendance.objects.filter(
            user_id=user.pk,
            organisation_id__in=_membership_org_ids(user, TABLE_ROLES),
            meeting__agenda_items__case__in=cases,
        )
        .order_by("-organisation__name")
        .values_list("meeting__agenda_items__case_id", "organisation_id")
    )
    result: dict[UUID, Access] = {}
    for case in cases:
        lead = organisations.get(case.candidate.lead_organisation_id)
        if lead is not None and lead.has_legal_basis:
            result[case.pk] = Access(lead, LEGAL_BASIS_PURPOSE, special_category=True)
            continue
        zeg_ja = consents.get((case.candidate_id, Purpose.ZEG_JA_TEAM))
        if zeg_ja:
            organisation = organisations[zeg_ja[0].organisation_id]
            care = consents.get((case.candidate_id, Purpose.CARE), [])
            special = any(c.organisation_id == organisation.pk for c in care)
            result[case.pk] = Access(organisation, Purpose.ZEG_JA_TEAM, special_category=special)
            continue
        if case.pk in seats:
            result[case.pk] = Access(
                organisations[seats[case.pk]], Purpose.ZEG_JA_TEAM, special_category=False
            )
    return result


@dataclass(frozen=True)
class CaseView:
    """A case as one user may see it, with the basis of that access."""

    case: Case
    access: Access


def _case_queryset(user: Any) -> QuerySet[Case]:
    return visible_cases(user).select_related(
        "candidate", "candidate__lead_organisation", "submitting_organisation", "submitted_by"
    )


def as_uuid(value: UUID | str | None) -> UUID:
    """An id from a URL or form; anything that is not a UUID is simply not found."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError as error:
        raise Http404 from error


def case_get_unlogged(*, user: Any, case_id: UUID | str) -> CaseView:
    """The visible case for a write: the write itself records the processing."""
    case = _case_queryset(user).filter(pk=as_uuid(case_id)).first()
    access = case_access_map(user, [case]).get(case.pk) if case is not None else None
    if case is None or access is None:
        raise Http404
    return CaseView(case=case, access=access)


def case_get_for_planning(*, user: Any, case_id: UUID | str) -> CaseView:
    """A case to put on or take off an agenda.

    The chair and the programme lead plan waiting cases before they sit at the meeting that
    will discuss them, so they reach them without seeing them; the planning write is logged
    for their organisation with purpose `zeg_ja_team`, the submitting organisation's basis.
    """
    try:
        return case_get_unlogged(user=user, case_id=case_id)
    except Http404:
        if not user_roles(user) & TEAM_LEAD_ROLES:
            raise
    case = (
        Case.objects.filter(status__in=SCHEDULABLE, candidate__erased_at__isnull=True)
        .filter(submitting_basis_active())
        .select_related("candidate", "submitting_organisation")
        .filter(pk=as_uuid(case_id))
        .first()
    )
    organisation = (
        Organisation.objects.filter(id__in=_membership_org_ids(user, TEAM_LEAD_ROLES))
        .order_by("name")
        .first()
    )
    if case is None or organisation is None:
        raise Http404
    return CaseView(case=case, access=Access(organisation, Purpose.ZEG_JA_TEAM, False))


def case_get(*, user: Any, case_id: UUID | str) -> CaseView:
    """Open one case: 404 unless visible, and one processing-log entry with the basis."""
    with transaction.atomic():
        view = case_get_unlogged(user=user, case_id=case_id)
        log_case_read(user=user, view=view, action=LogAction.VIEW)
    return view


def log_case_read(*, user: Any, view: CaseView, action: LogAction) -> None:
    processing_log_write_for_access(
        user=user,
        access=view.access,
        action=action,
        activity=ACTIVITY,
        candidate=view.case.candidate,
        object_type="case",
        object_id=view.case.pk,
    )


def case_list_log(
    *,
    user: Any,
    cases: Sequence[Case],
    activity: str = ACTIVITY,
    action: LogAction = LogAction.LIST,
    about: Meeting | None = None,
) -> int:
    """Record that these cases were shown to `user`: one entry per case, in one insert.

    `about` names the meeting whose minutes showed them; otherwise the entry is about the case.
    """
    accesses = case_access_map(user, cases)
    now = timezone.now()
    entries = [
        ProcessingLogEntry(
            timestamp=now,
            user_id=user.pk,
            user_label=user.email,
            organisation=accesses[case.pk].organisation.slug,
            action=action,
            activity=activity,
            purpose=accesses[case.pk].purpose,
            object_type="meeting" if about is not None else "case",
            object_id=str(about.pk if about is not None else case.pk),
            candidate_id=case.candidate_id,
            confidentiality=Confidentiality.SPECIAL
            if accesses[case.pk].special_category
            else Confidentiality.NORMAL,
        )
        for case in cases
        if case.pk in accesses
    ]
    ProcessingLogEntry.objects.bulk_create(entries)
    return len(entries)


# --- cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseFilters:
    search: str = ""
    status: str = ""
    open_only: bool = False


def case_list(*, user: Any, filters: CaseFilters) -> QuerySet[Case]:
    """Visible cases, newest first, searched by case number or candidate name."""
    cases = _case_queryset(user)
    text = filters.search.strip().casefold()
    if text:
        number = text.removeprefix("zja-").lstrip("0")
        if number.isdigit():
            cases = cases.filter(number=int(number))
        else:
            for word in text.split()[:4]:
                cases = cases.filter(candidate__search_name__contains=word)
    if filters.status in CaseStatus.values:
        cases = cases.filter(status=filters.status)
    if filters.open_only:
        cases = cases.exclude(status__in=FINISHED)
    return cases.order_by("-number")


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case page shows, read in a fixed number of queries."""

    view: CaseView
    barriers: list[Barrier]
    decisions: list[Decision]
    actions: list[Action]
    transitions: list[CaseTransition]
    agenda_items: list[AgendaItem]

    @property
    def open_actions(self) -> list[Action]:
        return [a for a in self.actions if a.status != ActionStatus.DONE]


def case_barriers(*, view: CaseView) -> list[Barrier]:
    """The linked barriers; a health barrier shows only as "health" without care access.

    `shown_kind` is the label to show; notes are never shown here (the case has its own text).
    """
    barriers = list(view.case.barriers.select_related("owner_organisation"))
    for barrier in barriers:
        if barrier.category == HEALTH_CATEGORY and not view.access.special_category:
            barrier.shown_kind = KnelpuntKind.HEALTH.label  # type: ignore[attr-defined]
        else:
            barrier.shown_kind = barrier.get_kind_display()  # type: ignore[attr-defined]
    return barriers


def decision_queryset() -> QuerySet[Decision]:
    return Decision.objects.select_related("meeting", "recorded_by").prefetch_related(
        "principles",
        "committed_organisations",
        Prefetch(
            "actions", queryset=Action.objects.select_related("owner_organisation", "owner_person")
        ),
    )


def case_detail(*, user: Any, case_id: UUID | str) -> CaseDetail:
    view = case_get(user=user, case_id=case_id)
    case = view.case
    return CaseDetail(
        view=view,
        barriers=case_barriers(view=view),
        decisions=list(decision_queryset().filter(case=case)),
        actions=list(
            case.actions.select_related("owner_organisation", "owner_person").order_by(
                "due_on", "created_at"
            )
        ),
        transitions=list(case.transitions.select_related("by_organisation")),
        agenda_items=list(case.agenda_items.select_related("meeting")),
    )


def case_latest_decision(*, view: CaseView) -> Decision | None:
    return decision_queryset().filter(case=view.case).order_by("decided_on", "created_at").last()


def cases_waiting(*, user: Any) -> QuerySet[Case]:
    """Cases waiting for a meeting, without personal data: the agenda planner sees these.

    Only the reference, the submitting organisation, urgency and date are shown, so the chair
    can plan the agenda before being an attendee of the meeting.
    """
    return (
        Case.objects.filter(status__in=[CaseStatus.SUBMITTED, CaseStatus.ESCALATED])
        .filter(candidate__erased_at__isnull=True)
        .filter(submitting_basis_active())
        .exclude(agenda_items__meeting__held_on__gte=timezone.localdate())
        .select_related("submitting_organisation")
        .order_by("-urgency", "submitted_on", "number")
        .only("id", "number", "status", "urgency", "submitted_on", "submitting_organisation")
    )


# --- meetings --------------------------------------------------------------------------------


def meeting_list(*, upcoming: bool | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("chair")
    today = timezone.localdate()
    if upcoming is True:
        return meetings.filter(held_on__gte=today).order_by("held_on", "starts_at")
    if upcoming is False:
        return meetings.filter(held_on__lt=today).order_by("-held_on", "-starts_at")
    return meetings.order_by("-held_on", "-starts_at")


def meeting_get(*, meeting_id: UUID | str) -> Meeting:
    meeting = Meeting.objects.select_related("chair").filter(pk=as_uuid(meeting_id)).first()
    if meeting is None:
        raise Http404
    return meeting


def next_meeting() -> Meeting | None:
    return meeting_list(upcoming=True).first()


def meeting_attendances(*, meeting: Meeting) -> list[Attendance]:
    return list(meeting.attendances.select_related("user", "organisation"))


def agenda(*, user: Any, meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order; `item.visible` says whether `user` may open the case."""
    visible = visible_cases(user).filter(pk=OuterRef("case_id"))
    return list(
        meeting.agenda_items.annotate(visible=Exists(visible))
        .select_related("case", "case__candidate", "case__submitting_organisation")
        .order_by("position", "created_at")
    )


def table_members() -> QuerySet[Membership]:
    """Memberships that may sit at the table: role zeg_ja_member or chair."""
    return (
        Membership.objects.filter(role__in=TABLE_ROLES, user__is_active=True)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__full_name")
    )


# --- actions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionFilters:
    status: str = "open"  # open (not done), done, all
    overdue_only: bool = False
    personal_only: bool = False


def my_actions(*, user: Any, filters: ActionFilters) -> QuerySet[Action]:
    """Actions for `user` or their organisation, across cases, soonest due first.

    The case stays behind its access policy: `case_visible` says whether `user` may open it.
    Without the candidate's consent for the Zeg JA Team the actions disappear too.
    """
    if not getattr(user, "is_authenticated", False):
        return Action.objects.none()
    mine = Q(owner_person_id=user.pk)
    if not filters.personal_only:
        mine |= Q(owner_organisation_id__in=_membership_org_ids(user, CASEWORK_ROLES))
    actions = (
        Action.objects.filter(mine)
        .filter(case__candidate__erased_at__isnull=True)
        .filter(submitting_basis_active("case__"))
        .annotate(case_visible=Exists(visible_cases(user).filter(pk=OuterRef("case_id"))))
        .select_related("case", "case__candidate", "owner_organisation", "owner_person")
    )
    if filters.status == "done":
        actions = actions.filter(status=ActionStatus.DONE)
    elif filters.status != "all":
        actions = actions.exclude(status=ActionStatus.DONE)
    if filters.overdue_only:
        actions = actions.exclude(status=ActionStatus.DONE).filter(due_on__lt=timezone.localdate())
    return actions.order_by("due_on", "case__number", "created_at")


def action_list(*, user: Any) -> QuerySet[Action]:
    """Actions `user` may read: theirs (see `my_actions`) and those of every visible case."""
    mine = my_actions(user=user, filters=ActionFilters(status="all")).values("pk")
    return (
        Action.objects.filter(Q(pk__in=mine) | Q(case__in=visible_cases(user).values("pk")))
        .select_related("case", "case__candidate", "owner_organisation", "owner_person")
        .order_by("due_on", "created_at")
    )


def action_list_log(*, user: Any, actions: Sequence[Action]) -> int:
    """One LIST entry per case whose actions were shown to `user`.

    Through the case's own basis when `user` may open it; otherwise as owner of the action,
    for purpose `zeg_ja_team` on the submitting organisation's consent.
    """
    cases = list({a.case_id: a.case for a in actions}.values())
    accesses = case_access_map(user, [c for c in cases if _annotated_visible(actions, c.pk)])
    owner_org = {a.case_id: a.owner_organisation for a in actions}
    now = timezone.now()
    entries = []
    for case in cases:
        access = accesses.get(case.pk) or Access(owner_org[case.pk], Purpose.ZEG_JA_TEAM, False)
        entries.append(
            ProcessingLogEntry(
                timestamp=now,
                user_id=user.pk,
                user_label=user.email,
                organisation=access.organisation.slug,
                action=LogAction.LIST,
                activity=ACTION_ACTIVITY,
                purpose=access.purpose,
                object_type="case",
                object_id=str(case.pk),
                candidate_id=case.candidate_id,
                confidentiality=Confidentiality.NORMAL,
            )
        )
    ProcessingLogEntry.objects.bulk_create(entries)
    return len(entries)


def _annotated_visible(actions: Sequence[Action], case_id: UUID) -> bool:
    return any(getattr(a, "case_visible", True) for a in actions if a.case_id == case_id)


def action_get_for_update(*, user: Any, action_id: UUID | str) -> Action:
    """An action `user` may change: theirs, or one of a case they may open. 404 otherwise."""
    action = action_list(user=user).filter(pk=as_uuid(action_id)).first()
    if action is None:
        raise Http404
    return action


# --- principles ------------------------------------------------------------------------------


def principle_list(*, active_only: bool = False) -> QuerySet[Principle]:
    principles = Principle.objects.all()
    if active_only:
        principles = principles.filter(active=True)
    return principles.order_by("code")


def principle_get(*, code: str) -> Principle:
    principle = Principle.objects.filter(code=code).first()
    if principle is None:
        raise Http404
    return principle


# --- learning from cases ---------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A count as shown to this audience: exact, or "< 5" outside the programme team."""

    value: int
    suppressed: bool

    def __str__(self) -> str:
        return "< 5" if self.suppressed else str(self.value)


@dataclass(frozen=True)
class KnelpuntRow:
    kind: KnelpuntKind
    cases: Figure
    solved: Figure
    meetings: int  # in how many meetings this kind came up


@dataclass(frozen=True)
class Learning:
    total: Figure
    solved: Figure
    share_solved: float | None  # None when hidden (too few cases for this audience)
    median_days_to_decision: float | None
    median_days_to_solution: float | None
    by_status: list[tuple[str, Figure]]
    knelpunten: list[KnelpuntRow]
    exact: bool


def _figure(value: int, *, exact: bool) -> Figure:
    return Figure(value, suppressed=not exact and 0 < value < SUPPRESS_BELOW)


def _median(values: list[int], *, exact: bool) -> float | None:
    if not values or (not exact and len(values) < SUPPRESS_BELOW):
        return None
    return float(statistics.median(values))


def learning_figures(*, exact: bool) -> Learning:
    """Programme figures from all cases, aggregates only (no case, no person).

    `exact` is for the programme team; the board sees counts of 1 to 4 as "< 5" and no median
    or share based on fewer than five cases. Health counts as one kind ("health").
    """
    rows = list(
        Case.objects.filter(candidate__erased_at__isnull=True).values_list(
            "pk", "status", "submitted_on", "decided_on", "solved_on", "knelpunt_kinds"
        )
    )
    meetings_by_case: dict[UUID, set[UUID]] = {}
    for case_id, meeting_id in AgendaItem.objects.values_list("case_id", "meeting_id"):
        meetings_by_case.setdefault(case_id, set()).add(meeting_id)
    total = len(rows)
    solved = sum(1 for row in rows if row[1] == CaseStatus.SOLVED)
    to_decision = [(d - s).days for _, _, s, d, _, _ in rows if d is not None]
    to_solution = [(v - s).days for _, _, s, _, v, _ in rows if v is not None]
    statuses = Counter(row[1] for row in rows)
    kind_cases: Counter[str] = Counter()
    kind_solved: Counter[str] = Counter()
    kind_meetings: dict[str, set[UUID]] = {}
    for case_id, status, *_, kinds in rows:
        for kind in set(kinds):
            kind_cases[kind] += 1
            kind_solved[kind] += status == CaseStatus.SOLVED
            kind_meetings.setdefault(kind, set()).update(meetings_by_case.get(case_id, set()))
    knelpunten = [
        KnelpuntRow(
            kind=KnelpuntKind(kind),
            cases=_figure(count, exact=exact),
            solved=_figure(kind_solved[kind], exact=exact),
            meetings=len(kind_meetings.get(kind, ())),
        )
        for kind, count in sorted(kind_cases.items(), key=lambda item: (-item[1], item[0]))
        if kind in KnelpuntKind.values
    ]
    show_share = total > 0 and (exact or total >= SUPPRESS_BELOW)
    return Learning(
        total=_figure(total, exact=exact),
        solved=_figure(solved, exact=exact),
        share_solved=solved / total if show_share else None,
        median_days_to_decision=_median(to_decision, exact=exact),
        median_days_to_solution=_median(to_solution, exact=exact),
        by_status=[
            (str(CaseStatus(s).label), _figure(statuses.get(s, 0), exact=exact))
            for s in CaseStatus.values
        ],
        knelpunten=knelpunten,
        exact=exact,
    )
