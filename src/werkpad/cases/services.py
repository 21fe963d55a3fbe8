"""Writes of the Zeg JA Team. Each states its rule, runs in one transaction and logs itself.

Every write that touches a case records it in the processing log with the acting user's basis
(see `werkpad.cases.selectors`), and every status change goes through the transition table in
`werkpad.cases.workflow`, recorded with who and when. `at` lets the demo loader replay history;
it defaults to now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.candidates.codes import HEALTH_CATEGORY
from werkpad.candidates.models import Barrier, Candidate
from werkpad.candidates.selectors import CandidateView
from werkpad.cases.models import (
    YES_OUTCOMES,
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Case,
    CaseTransition,
    Decision,
    KnelpuntKind,
    Meeting,
    Outcome,
    Principle,
    Urgency,
)
from werkpad.cases.selectors import (
    ACTION_ACTIVITY,
    ACTIVITY,
    TABLE_ROLES,
    TEAM_LEAD_ROLES,
    CaseView,
    casework_organisations,
    table_members,
    user_roles,
)
from werkpad.cases.workflow import (
    DECIDABLE,
    SCHEDULABLE,
    TEAM_LEADS,
    Actor,
    CaseStatus,
    TransitionError,
    check_transition,
)
from werkpad.core.concurrency import StaleVersionError, save_with_version
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.access import Access
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, LogAction, Purpose
from werkpad.privacy.models import Consent
from werkpad.privacy.services import processing_log_write_for_access

NAME_A_BARRIER = gettext_lazy(
    "Name at least one barrier: link one from the dossier, tick a kind or describe it."
)
DEFAULT_INTERVAL_WEEKS = 3
DEFAULT_START = time(9, 30)


# --- shared pieces ---------------------------------------------------------------------------


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _log(*, user: Any, access: Access, case: Case, action: LogAction, obj: Any = None) -> None:
    processing_log_write_for_access(
        user=user,
        access=access,
        action=action,
        activity=ACTION_ACTIVITY if isinstance(obj, Action) else ACTIVITY,
        candidate=case.candidate,
        object_type=type(obj)._meta.model_name if obj is not None else "case",
        object_id=obj.pk if obj is not None else case.pk,
    )


def _require_roles(user: Any, roles: frozenset[Role]) -> set[Role]:
    held = user_roles(user)
    if not held & roles:
        raise PermissionDenied
    return held


def actors_for(*, user: Any, case: Case) -> frozenset[Actor]:
    """Who `user` is for this case: submitter, chair, programme lead, action owner."""
    roles = user_roles(user)
    actors: set[Actor] = set()
    if Role.CHAIR in roles:
        actors.add(Actor.CHAIR)
    if Role.PROGRAMME_LEAD in roles:
        actors.add(Actor.PROGRAMME_LEAD)
    organisation_ids = set(casework_organisations(user).values_list("pk", flat=True))
    if case.submitting_organisation_id in organisation_ids:
        actors.add(Actor.SUBMITTER)
    if (
        case.actions.filter(owner_person_id=user.pk).exists()
        or case.actions.filter(owner_organisation_id__in=organisation_ids).exists()
    ):
        actors.add(Actor.ACTION_OWNER)
    return frozenset(actors)


def _record_transition(
    *,
    case: Case,
    target: CaseStatus,
    user: Any,
    organisation: Organisation | None,
    at: datetime,
    note: str = "",
) -> None:
    """Write the status and the transition row; dates for learning follow the status."""
    fields: dict[str, Any] = {"status": target}
    if target in (CaseStatus.DECIDED, CaseStatus.ESCALATED) and case.decided_on is None:
        fields["decided_on"] = timezone.localdate(at)
    if target == CaseStatus.SOLVED:
        fields["solved_on"] = timezone.localdate(at)
    CaseTransition.objects.create(
        case=case,
        source=case.status,
        target=target,
        by_user=user if getattr(user, "is_authenticated", False) else None,
        by_label=str(user) if getattr(user, "is_authenticated", False) else "",
        by_organisation=organisation,
        at=at,
        note=note,
    )
    save_with_version(case, expected_version=case.version, fields=fields)


def _transition(
    *,
    view: CaseView,
    target: CaseStatus,
    user: Any,
    actors: frozenset[Actor],
    at: datetime,
    note: str = "",
) -> None:
    check_transition(source=view.case.status, target=target, actors=actors)
    _record_transition(
        case=view.case,
        target=target,
        user=user,
        organisation=view.access.organisation,
        at=at,
        note=note,
    )


# --- submitting a case -----------------------------------------------------------------------


def has_zeg_ja_basis(
    *, candidate: Candidate, organisation: Organisation, on: date | None = None
) -> bool:
    """May `organisation` bring `candidate` to the Zeg JA Team: consent, or its own client."""
    if organisation.has_legal_basis and candidate.lead_organisation_id == organisation.pk:
        return True
    return (
        Consent.objects.active(on)
        .filter(candidate=candidate, organisation=organisation, purpose=Purpose.ZEG_JA_TEAM)
        .exists()
    )


def _next_number() -> int:
    return (Case.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1


@transaction.atomic
def case_submit(
    *,
    acting_user: Any,
    candidate_view: CandidateView,
    organisation: Organisation,
    tried: str,
    question: str,
    barriers: Sequence[Barrier] = (),
    knelpunt_kinds: Sequence[str] = (),
    barrier_description: str = "",
    urgency: str = Urgency.NORMAL,
    meeting: Meeting | None = None,
    at: datetime | None = None,
) -> Case:
    """Bring a candidate's situation to the Zeg JA Team.

    Rules: the candidate must consent to the Zeg JA Team for the submitting organisation (or it
    is the municipality's own client); the submitter works for that organisation; the case names
    at least one barrier (linked, by kind or in words), what was tried and the question. Health
    barriers can be linked only with access to them; they count as the kind "health".
    """
    when = _now(at)
    candidate = candidate_view.candidate
    if not casework_organisations(acting_user).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("You can only submit a case for an organisation you work for.")}
        )
    if not has_zeg_ja_basis(
        candidate=candidate, organisation=organisation, on=timezone.localdate(when)
    ):
        raise ValidationError(
            _(
                "%(name)s has not given %(organisation)s consent to discuss their situation in "
                "the Zeg JA Team. Record the consent first."
            )
            % {"name": candidate.full_name, "organisation": organisation.name},
            code="no_consent",
        )
    errors: dict[str, list[str]] = {}
    for barrier in barriers:
        if barrier.candidate_id != candidate.pk or (
            barrier.category == HEALTH_CATEGORY and not candidate_view.may_see_special_category
        ):
            errors.setdefault("barriers", []).append(
                _("Choose only barriers from this candidate's dossier.")
            )
            break
    unknown = [k for k in knelpunt_kinds if k not in KnelpuntKind.values]
    if unknown:
        errors["knelpunt_kinds"] = [_("Choose the kinds of barrier from the list.")]
    if not (barriers or knelpunt_kinds or barrier_description.strip()):
        errors["barrier_description"] = [str(NAME_A_BARRIER)]
    if not tried.strip():
        errors["tried"] = [_("Describe what has been tried already.")]
    if not question.strip():
        errors["question"] = [_("Write down the question you put to the team.")]
    if urgency not in Urgency.values:
        errors["urgency"] = [_("Choose the urgency from the list.")]
    if errors:
        raise ValidationError(errors)
    kinds = sorted({*knelpunt_kinds, *(b.category for b in barriers)} & set(KnelpuntKind.values))
    for _attempt in range(3):
        try:
            with transaction.atomic():
                case = Case.objects.create(
                    number=_next_number(),
                    candidate=candidate,
                    submitted_by=acting_user,
                    submitting_organisation=organisation,
                    knelpunt_kinds=kinds,
                    barrier_description=barrier_description.strip(),
                    tried=tried.strip(),
                    question=question.strip(),
                    urgency=urgency,
                    status=CaseStatus.SUBMITTED,
                    submitted_on=timezone.localdate(when),
                )
            break
        except IntegrityError:  # two submissions took the same number: take the next one
            continue
    else:
        raise IntegrityError("Could not number the case.")
    case.barriers.set(barriers)
    CaseTransition.objects.create(
        case=case,
        source="",
        target=CaseStatus.SUBMITTED,
        by_user=acting_user,
        by_label=str(acting_user),
        by_organisation=organisation,
        at=when,
    )
    basis = (
        LEGAL_BASIS_PURPOSE
        if organisation.has_legal_basis and candidate.lead_organisation_id == organisation.pk
        else Purpose.ZEG_JA_TEAM
    )
    view = CaseView(case=case, access=Access(organisation, basis, special_category=False))
    _log(user=acting_user, access=view.access, case=case, action=LogAction.CREATE)
    if meeting is not None:
        agenda_add(acting_user=acting_user, view=view, meeting=meeting, at=at)
    return case


# --- the case's workflow ---------------------------------------------------------------------


@transaction.atomic
def case_transition(
    *,
    acting_user: Any,
    view: CaseView,
    target: str,
    expected_version: int,
    confirmed: bool = False,
    note: str = "",
    at: datetime | None = None,
) -> Case:
    """Move a case along the transition table, as the user may.

    Solving needs every action done and an explicit confirmation; a stale version is refused.
    """
    case = view.case
    if case.version != expected_version:
        raise StaleVersionError(current_version=case.version)
    if target not in CaseStatus.values:
        raise TransitionError(_("This status does not exist."), code="invalid_transition")
    check_transition(
        source=case.status, target=target, actors=actors_for(user=acting_user, case=case)
    )
    if target == CaseStatus.SOLVED:
        open_actions = list(case.actions.exclude(status=ActionStatus.DONE).order_by("due_on"))
        if open_actions:
            raise TransitionError(
                _(
                    "The case cannot be solved while actions are still open: %(actions)s. "
                    "Mark them done first."
                )
                % {"actions": "; ".join(a.description for a in open_actions)},
                code="actions_open",
            )
        if not confirmed:
            raise ValidationError(
                {"confirmed": [_("Confirm that the situation is solved.")]}, code="unconfirmed"
            )
    _record_transition(
        case=case,
        target=CaseStatus(target),
        user=acting_user,
        organisation=view.access.organisation,
        at=_now(at),
        note=note.strip(),
    )
    _log(user=acting_user, access=view.access, case=case, action=LogAction.UPDATE)
    return case


# --- meetings, attendees and the agenda ------------------------------------------------------


def _invite(meeting: Meeting, memberships: Sequence[Membership] | None) -> None:
    """Everyone with a seat at the table (or the given ones), once, with their mandate."""
    seats: dict[Any, Membership] = {}
    for membership in table_members() if memberships is None else memberships:
        if membership.role not in TABLE_ROLES:
            continue
        current = seats.get(membership.user_id)
        if current is None or (membership.role == Role.CHAIR and current.role != Role.CHAIR):
            seats[membership.user_id] = membership
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, user_id=m.user_id, organisation=m.organisation, role=m.role)
        for m in seats.values()
    )


@transaction.atomic
def meeting_plan(
    *,
    acting_user: Any,
    first_on: date,
    count: int,
    interval_weeks: int = DEFAULT_INTERVAL_WEEKS,
    starts_at: time = DEFAULT_START,
    location: str = "",
    chair: Any = None,
    memberships: Sequence[Membership] | None = None,
) -> list[Meeting]:
    """Plan `count` meetings, every `interval_weeks` weeks (three by default) from `first_on`.

    Only the chair or the programme lead plans. Every member at the table is invited, or only
    `memberships` (members with role zeg_ja_member or chair) when given.
    """
    _require_roles(acting_user, TEAM_LEAD_ROLES)
    errors = {}
    if not 1 <= count <= 26:
        errors["count"] = [_("Plan between 1 and 26 meetings at a time.")]
    if not 1 <= interval_weeks <= 12:
        errors["interval_weeks"] = [_("Choose an interval of 1 to 12 weeks.")]
    if errors:
        raise ValidationError(errors)
    meetings = []
    for index in range(count):
        meeting = Meeting.objects.create(
            held_on=first_on + timedelta(weeks=interval_weeks * index),
            starts_at=starts_at,
            location=location,
            chair=chair,
        )
        _invite(meeting, memberships)
        meetings.append(meeting)
    return meetings


@transaction.atomic
def meeting_update(
    *,
    acting_user: Any,
    meeting: Meeting,
    expected_version: int,
    held_on: date,
    starts_at: time,
    location: str,
    chair: Any,
) -> Meeting:
    """Move a meeting or change its place or chair (chair or programme lead)."""
    _require_roles(acting_user, TEAM_LEAD_ROLES)
    return save_with_version(
        meeting,
        expected_version=expected_version,
        fields={"held_on": held_on, "starts_at": starts_at, "location": location, "chair": chair},
    )


@transaction.atomic
def attendance_add(*, acting_user: Any, meeting: Meeting, membership: Membership) -> Attendance:
    """Invite a member with a mandate: role zeg_ja_member or chair, once per meeting."""
    _require_roles(acting_user, TEAM_LEAD_ROLES)
    if membership.role not in TABLE_ROLES:
        raise ValidationError(
            {"membership": [_("Only Zeg JA Team members and the chair sit at the table.")]}
        )
    if meeting.attendances.filter(user_id=membership.user_id).exists():
        raise ValidationError({"membership": [_("This person is already invited.")]})
    return Attendance.objects.create(
        meeting=meeting,
        user_id=membership.user_id,
        organisation_id=membership.organisation_id,
        role=membership.role,
    )


@transaction.atomic
def attendance_remove(*, acting_user: Any, attendance: Attendance) -> None:
    _require_roles(acting_user, TEAM_LEAD_ROLES)
    attendance.delete()


def _agenda_actor_check(*, user: Any, case: Case) -> frozenset[Actor]:
    actors = actors_for(user=user, case=case)
    if not actors & (TEAM_LEADS | {Actor.SUBMITTER}):
        raise TransitionError(
            _("Only the submitting organisation, the chair or the programme lead plan a case."),
            code="not_allowed",
        )
    return actors


@transaction.atomic
def agenda_add(
    *,
    acting_user: Any,
    view: CaseView,
    meeting: Meeting,
    time_box_minutes: int = 15,
    at: datetime | None = None,
) -> AgendaItem:
    """Put a waiting case on a meeting's agenda, last in line.

    The case moves off any other upcoming agenda; a submitted case becomes scheduled.
    """
    case = view.case
    when = _now(at)
    actors = _agenda_actor_check(user=acting_user, case=case)
    if case.status not in SCHEDULABLE:
        raise TransitionError(
            _("A case that is “%(status)s” does not go on an agenda.")
            % {"status": CaseStatus(case.status).label},
            code="invalid_transition",
        )
    if meeting.held_on < timezone.localdate(when):
        raise ValidationError({"meeting": [_("This meeting has already taken place.")]})
    if not 5 <= time_box_minutes <= 120:
        raise ValidationError({"time_box_minutes": [_("Give 5 to 120 minutes.")]})
    if case.agenda_items.filter(meeting=meeting).exists():
        raise ValidationError({"meeting": [_("This case is already on that agenda.")]})
    case.agenda_items.filter(meeting__held_on__gte=timezone.localdate(when)).delete()
    position = (meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting, case=case, position=position, time_box_minutes=time_box_minutes
    )
    if case.status == CaseStatus.SUBMITTED:
        _transition(
            view=view, target=CaseStatus.SCHEDULED, user=acting_user, actors=actors, at=when
        )
    _log(user=acting_user, access=view.access, case=case, action=LogAction.UPDATE)
    return item


@transaction.atomic
def agenda_remove(*, acting_user: Any, view: CaseView, item: AgendaItem) -> None:
    """Take a case off an agenda; without another agenda a scheduled case waits again."""
    case = view.case
    actors = _agenda_actor_check(user=acting_user, case=case)
    meeting = item.meeting
    item.delete()
    for position, remaining in enumerate(meeting.agenda_items.order_by("position"), start=1):
        if remaining.position != position:
            AgendaItem.objects.filter(pk=remaining.pk).update(position=position)
    upcoming = case.agenda_items.filter(meeting__held_on__gte=timezone.localdate()).exists()
    if case.status == CaseStatus.SCHEDULED and not upcoming:
        _transition(
            view=view, target=CaseStatus.SUBMITTED, user=acting_user, actors=actors, at=_now(None)
        )
    _log(user=acting_user, access=view.access, case=case, action=LogAction.UPDATE)


@transaction.atomic
def agenda_item_update(
    *, acting_user: Any, item: AgendaItem, move: int = 0, time_box_minutes: int | None = None
) -> AgendaItem:
    """Move an item up (-1) or down (+1) the agenda, or change its time box (chair, lead)."""
    _require_roles(acting_user, TEAM_LEAD_ROLES)
    if time_box_minutes is not None:
        if not 5 <= time_box_minutes <= 120:
            raise ValidationError({"time_box_minutes": [_("Give 5 to 120 minutes.")]})
        item.time_box_minutes = time_box_minutes
        item.save(update_fields=["time_box_minutes", "updated_at"])
    if move:
        items = list(item.meeting.agenda_items.order_by("position", "created_at"))
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = index + (1 if move > 0 else -1)
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        for position, other in enumerate(items, start=1):
            if other.position != position:
                AgendaItem.objects.filter(pk=other.pk).update(position=position)
        item.refresh_from_db()
    return item


# --- decisions and actions -------------------------------------------------------------------


@dataclass(frozen=True)
class ActionInput:
    """An action to record with a decision: who does what, by when."""

    description: str
    owner_organisation: Organisation
    due_on: date
    owner_person: Any = None


def _check_actions(actions: Sequence[ActionInput], *, decided_on: date) -> list[str]:
    problems = []
    members = {
        (m.user_id, m.organisation_id)
        for m in Membership.objects.filter(
            user_id__in=[a.owner_person.pk for a in actions if a.owner_person is not None]
        )
    }
    for number, action in enumerate(actions, start=1):
        if not action.description.strip():
            problems.append(_("Action %(n)s: describe what must be done.") % {"n": number})
        if action.due_on < decided_on:
            problems.append(
                _("Action %(n)s: the due date cannot be before the decision.") % {"n": number}
            )
        if (
            action.owner_person is not None
            and (action.owner_person.pk, action.owner_organisation.pk) not in members
        ):
            problems.append(
                _("Action %(n)s: %(person)s does not work for %(organisation)s.")
                % {
                    "n": number,
                    "person": action.owner_person,
                    "organisation": action.owner_organisation,
                }
            )
    return problems


def _check_decision(
    *,
    case: Case,
    meeting: Meeting | None,
    outcome: str,
    rationale: str,
    principle_codes: Sequence[str],
    solution: str,
    condition: str,
    escalated_to: str,
    escalation_reason: str,
    deviation_rule: str,
    deviation_reason: str,
    committed_organisations: Sequence[Organisation],
    actions: Sequence[ActionInput],
    decided_on: date,
) -> list[Principle]:
    """Every rule of a decision, all reported at once; returns the cited principles."""
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = [
            _(
                "Choose JA, JA MITS or Escalated. “No” is not an answer in the Zeg JA Team: when "
                "the team cannot say yes, it escalates."
            )
        ]
    if not rationale.strip():
        errors["rationale"] = [_("Explain why the team decided this.")]
    principles = list(Principle.objects.filter(code__in=set(principle_codes)))
    found = {p.code for p in principles}
    if not principle_codes:
        errors["principles"] = [_("Cite at least one principle of good customisation.")]
    elif missing := sorted(set(principle_codes) - found):
        errors["principles"] = [
            _("These principles do not exist: %(codes)s.") % {"codes": ", ".join(missing)}
        ]
    elif retired := sorted(p.code for p in principles if not p.active):
        errors["principles"] = [
            _("These principles are retired and can no longer be cited: %(codes)s.")
            % {"codes": ", ".join(retired)}
        ]
    if outcome in YES_OUTCOMES:
        if not solution.strip():
            errors["solution"] = [_("Describe the solution the team says yes to.")]
        if not actions:
            errors["actions"] = [
                _("A JA or JA MITS comes with at least one action: who does what, by when.")
            ]
    if outcome == Outcome.JA_MITS and not condition.strip():
        errors["condition"] = [_("Name the condition of the JA MITS.")]
    if outcome == Outcome.ESCALATED:
        if not escalated_to.strip():
            errors["escalated_to"] = [_("Say to whom the case is escalated.")]
        if not escalation_reason.strip():
            errors["escalation_reason"] = [_("Say why the team escalates.")]
    if deviation_rule.strip() and not deviation_reason.strip():
        errors["deviation_reason"] = [_("Explain why the team goes outside this rule.")]
    if deviation_reason.strip() and not deviation_rule.strip():
        errors["deviation_rule"] = [_("Name the rule the team goes outside of.")]
    if meeting is not None:
        if meeting.held_on > decided_on:
            errors["meeting"] = [_("This meeting has not taken place yet.")]
        elif not meeting.agenda_items.filter(case=case).exists():
            errors["meeting"] = [_("This case is not on the agenda of this meeting.")]
        mandated = set(meeting.attendances.values_list("organisation_id", flat=True))
        without = [o.name for o in committed_organisations if o.pk not in mandated]
        if without:
            errors["committed_organisations"] = [
                _("No mandate holder of %(names)s was at this meeting.")
                % {"names": ", ".join(without)}
            ]
    if problems := _check_actions(actions, decided_on=decided_on):
        errors.setdefault("actions", []).extend(problems)
    if errors:
        raise ValidationError(errors)
    return principles


@transaction.atomic
def decision_record(
    *,
    acting_user: Any,
    view: CaseView,
    outcome: str,
    rationale: str,
    principle_codes: Sequence[str],
    meeting: Meeting | None = None,
    solution: str = "",
    condition: str = "",
    escalated_to: str = "",
    escalation_reason: str = "",
    deviation_rule: str = "",
    deviation_reason: str = "",
    committed_organisations: Sequence[Organisation] = (),
    actions: Sequence[ActionInput] = (),
    at: datetime | None = None,
) -> Decision:
    """Record the team's decision: JA, JA MITS or ESCALATED — never "no".

    Rules: a rationale; at least one active principle; a JA or JA MITS names the solution and
    comes with at least one action (a JA MITS also the condition); an escalation says to whom
    and why; going outside the rules names the rule and the reason; committed organisations
    had a mandate holder at the meeting. Only the chair or the programme lead records it.
    Nothing is stored unless every rule holds.
    """
    case = view.case
    when = _now(at)
    decided_on = timezone.localdate(when)
    principles = _check_decision(
        case=case,
        meeting=meeting,
        outcome=outcome,
        rationale=rationale,
        principle_codes=principle_codes,
        solution=solution,
        condition=condition,
        escalated_to=escalated_to,
        escalation_reason=escalation_reason,
        deviation_rule=deviation_rule,
        deviation_reason=deviation_reason,
        committed_organisations=committed_organisations,
        actions=actions,
        decided_on=decided_on,
    )
    actors = actors_for(user=acting_user, case=case)
    target = CaseStatus.ESCALATED if outcome == Outcome.ESCALATED else CaseStatus.DECIDED
    if case.status not in DECIDABLE:
        check_transition(source=case.status, target=target, actors=actors)
    if case.status == CaseStatus.SCHEDULED:
        _transition(
            view=view, target=CaseStatus.DISCUSSED, user=acting_user, actors=actors, at=when
        )
    _transition(view=view, target=target, user=acting_user, actors=actors, at=when)
    decision = Decision.objects.create(
        case=case,
        meeting=meeting,
        outcome=outcome,
        solution=solution.strip() if outcome in YES_OUTCOMES else "",
        condition=condition.strip() if outcome == Outcome.JA_MITS else "",
        escalated_to=escalated_to.strip() if outcome == Outcome.ESCALATED else "",
        escalation_reason=escalation_reason.strip() if outcome == Outcome.ESCALATED else "",
        rationale=rationale.strip(),
        deviation_rule=deviation_rule.strip(),
        deviation_reason=deviation_reason.strip(),
        decided_on=decided_on,
        recorded_by=acting_user,
    )
    decision.principles.set(principles)
    decision.committed_organisations.set(committed_organisations)
    Action.objects.bulk_create(
        Action(
            case=case,
            decision=decision,
            description=a.description.strip(),
            owner_organisation=a.owner_organisation,
            owner_person=a.owner_person,
            due_on=a.due_on,
        )
        for a in actions
    )
    _log(user=acting_user, access=view.access, case=case, action=LogAction.CREATE, obj=decision)
    return decision


@transaction.atomic
def action_set_status(
    *,
    acting_user: Any,
    action: Action,
    status: str,
    expected_version: int,
    at: datetime | None = None,
) -> Action:
    """Update an action's status: its owner (person or organisation), chair or programme lead.

    The first action started or done puts a decided case in execution.
    """
    if status not in ActionStatus.values:
        raise ValidationError({"status": [_("Choose open, in progress or done.")]})
    case = Case.objects.select_related("candidate").get(pk=action.case_id)
    actors = actors_for(user=acting_user, case=case)
    if not actors & (TEAM_LEADS | {Actor.ACTION_OWNER}):
        raise PermissionDenied
    when = _now(at)
    organisation_ids = set(casework_organisations(acting_user).values_list("pk", flat=True))
    organisation = (
        action.owner_organisation
        if action.owner_organisation_id in organisation_ids
        else Organisation.objects.filter(pk__in=organisation_ids).order_by("name").first()
    )
    access = Access(organisation or action.owner_organisation, Purpose.ZEG_JA_TEAM, False)
    action = save_with_version(
        action,
        expected_version=expected_version,
        fields={
            "status": status,
            "done_on": timezone.localdate(when) if status == ActionStatus.DONE else None,
        },
    )
    if status != ActionStatus.OPEN and case.status == CaseStatus.DECIDED:
        _transition(
            view=CaseView(case=case, access=access),
            target=CaseStatus.IN_EXECUTION,
            user=acting_user,
            actors=actors,
            at=when,
        )
    _log(user=acting_user, access=access, case=case, action=LogAction.UPDATE, obj=action)
    return action


# --- principles ------------------------------------------------------------------------------


PROGRAMME_LEAD = frozenset({Role.PROGRAMME_LEAD})


@transaction.atomic
def principle_create(*, acting_user: Any, code: str, title: str, explanation: str) -> Principle:
    """Add a principle (programme lead). Codes are unique and never reused."""
    _require_roles(acting_user, PROGRAMME_LEAD)
    code = code.strip().upper()
    if Principle.objects.filter(code=code).exists():
        raise ValidationError({"code": [_("This code is already in use.")]})
    return Principle.objects.create(code=code, title=title.strip(), explanation=explanation.strip())


@transaction.atomic
def principle_update(
    *, acting_user: Any, principle: Principle, expected_version: int, title: str, explanation: str
) -> Principle:
    """Change a principle's wording (programme lead); the code stays, so citations stay."""
    _require_roles(acting_user, PROGRAMME_LEAD)
    return save_with_version(
        principle,
        expected_version=expected_version,
        fields={"title": title.strip(), "explanation": explanation.strip()},
    )


@transaction.atomic
def principle_set_active(
    *, acting_user: Any, principle: Principle, expected_version: int, active: bool
) -> Principle:
    """Retire a principle (no longer citable, still readable on old decisions) or restore it."""
    _require_roles(acting_user, PROGRAMME_LEAD)
    return save_with_version(
        principle, expected_version=expected_version, fields={"active": active}
    )
