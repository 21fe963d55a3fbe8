"""Writes to the candidate dossier. Each one logs itself in the processing log and records
corrections (who changed what, when) in the same transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from stdnum.nl import bsn as bsn_number
from stdnum.nl import postcode as nl_postcode

from werkpad.candidates.codes import HEALTH_BARRIER_KINDS
from werkpad.candidates.models import (
    Barrier,
    BenefitPeriod,
    Candidate,
    Correction,
    LadderScore,
    PlanGoal,
    PlanStep,
)
from werkpad.candidates.selectors import (
    CandidateView,
    normalise_search_name,
    registering_organisations,
)
from werkpad.core.concurrency import save_with_version
from werkpad.core.models import BaseModel
from werkpad.organisations.models import Organisation
from werkpad.privacy.access import Access
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, Confidentiality, LogAction
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.services import processing_log_write

CANDIDATE_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "email",
    "phone",
    "postcode",
    "house_number",
    "household",
    "children_under_12",
    "languages",
    "dutch_level",
    "education",
    "work_experience",
    "skills",
    "hours_available",
    "preferred_offer_kinds",
    "max_travel_km",
    "lead_organisation",
    "case_manager",
)


def validate_bsn(value: str) -> str:
    """A BSN as 9 digits, checked with python-stdnum (the 11-test)."""
    try:
        return str(bsn_number.validate(value))
    except Exception as error:  # stdnum raises several ValidationError subclasses
        raise ValidationError({"bsn": _("This is not a valid BSN. Check the 9 digits.")}) from error


def normalise_postcode(value: str) -> str:
    """A Dutch postcode as "2611 AB", checked with python-stdnum."""
    try:
        return str(nl_postcode.validate(value))
    except Exception as error:  # stdnum raises several ValidationError subclasses
        raise ValidationError(
            {"postcode": _("Enter a Dutch postcode, for example 2611 AB.")}
        ) from error


def _log(
    *,
    user: Any,
    access: Access,
    action: LogAction,
    activity: str,
    candidate: Candidate,
    obj: BaseModel,
    special: bool = False,
) -> None:
    processing_log_write(
        user=user,
        organisation=access.organisation,
        purpose=access.purpose,
        action=action,
        activity=activity,
        object_type=type(obj)._meta.model_name or "",
        object_id=obj.pk,
        candidate=candidate,
        confidentiality=Confidentiality.SPECIAL if special else Confidentiality.NORMAL,
    )


def _record_corrections(
    *, user: Any, access: Access, candidate: Candidate, obj: BaseModel, changes: dict[str, Any]
) -> None:
    rows = []
    for name, new_value in changes.items():
        old_value = getattr(obj, name)
        if old_value != new_value:
            rows.append(
                Correction(
                    candidate=candidate,
                    object_type=type(obj)._meta.model_name or "",
                    object_id=obj.pk,
                    field=name,
                    old_value="" if old_value is None else str(old_value),
                    new_value="" if new_value is None else str(new_value),
                    changed_by=user if getattr(user, "is_authenticated", False) else None,
                    organisation=access.organisation,
                )
            )
    Correction.objects.bulk_create(rows)


@transaction.atomic
def candidate_create(
    *, acting_user: Any, organisation: Organisation, bsn: str, **fields: Any
) -> Candidate:
    """Register a candidate. The acting organisation must be the lead or have a legal basis.

    A BSN may exist only once (checked on its keyed hash).
    """
    clean_bsn = validate_bsn(bsn)
    if Candidate.objects.filter(bsn_hash=bsn_hash(clean_bsn)).exists():
        raise ValidationError({"bsn": _("A candidate with this BSN already exists.")})
    unknown = set(fields) - set(CANDIDATE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown candidate fields: {sorted(unknown)}")
    fields["postcode"] = normalise_postcode(fields["postcode"])
    candidate = Candidate(bsn_encrypted=clean_bsn, bsn_hash=bsn_hash(clean_bsn), **fields)
    candidate.search_name = normalise_search_name(candidate.first_name, candidate.last_name)
    candidate.full_clean(exclude=["bsn_hash", "search_name"])
    candidate.save()
    access = Access(organisation=organisation, purpose=LEGAL_BASIS_PURPOSE, special_category=True)
    _log(
        user=acting_user,
        access=access,
        action=LogAction.CREATE,
        activity="candidate_registration",
        candidate=candidate,
        obj=candidate,
    )
    return candidate


@transaction.atomic
def candidate_update(
    *, acting_user: Any, view: CandidateView, expected_version: int, fields: dict[str, Any]
) -> Candidate:
    """Change the candidate's details if nobody saved them since `expected_version`.

    A stale version raises StaleVersionError (409 in the API, a clear message on the page);
    nothing is overwritten silently. Every changed field is kept in the corrections history.
    """
    unknown = set(fields) - set(CANDIDATE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown candidate fields: {sorted(unknown)}")
    candidate = view.candidate
    if "postcode" in fields:
        fields["postcode"] = normalise_postcode(fields["postcode"])
    first_name = fields.get("first_name", candidate.first_name)
    last_name = fields.get("last_name", candidate.last_name)
    _record_corrections(
        user=acting_user, access=view.access, candidate=candidate, obj=candidate, changes=fields
    )
    candidate = save_with_version(
        candidate,
        expected_version=expected_version,
        fields={**fields, "search_name": normalise_search_name(first_name, last_name)},
    )
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.UPDATE,
        activity="candidate_dossier",
        candidate=candidate,
        obj=candidate,
    )
    return candidate


@transaction.atomic
def barrier_create(
    *,
    acting_user: Any,
    view: CandidateView,
    kind: str,
    owner_organisation: Organisation,
    opened_on: date,
    severity: int = 2,
    blocks_work: bool = False,
    status: str = "open",
    resolved_on: date | None = None,
    note: str = "",
) -> Barrier:
    barrier = Barrier(
        candidate=view.candidate,
        severity=severity,
        blocks_work=blocks_work,
        status=status,
        owner_organisation=owner_organisation,
        opened_on=opened_on,
        resolved_on=resolved_on,
        note=note,
    )
    barrier.kind = kind
    _check_barrier(barrier)
    barrier.save()
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.CREATE,
        activity="candidate_dossier",
        candidate=view.candidate,
        obj=barrier,
        special=barrier.is_special_category or bool(note),
    )
    return barrier


@transaction.atomic
def barrier_update(
    *,
    acting_user: Any,
    view: CandidateView,
    barrier: Barrier,
    expected_version: int,
    fields: dict[str, Any],
) -> Barrier:
    """Change a barrier; a resolved barrier gets its resolved date."""
    allowed = {
        "severity",
        "blocks_work",
        "status",
        "owner_organisation",
        "resolved_on",
        "note",
        "opened_on",
    }
    if set(fields) - allowed:
        raise TypeError(f"Unknown barrier fields: {sorted(set(fields) - allowed)}")
    for name, value in fields.items():
        setattr(barrier, name, value)
    _check_barrier(barrier)
    _record_corrections(
        user=acting_user,
        access=view.access,
        candidate=view.candidate,
        obj=Barrier.objects.get(pk=barrier.pk),
        changes=fields,
    )
    barrier = save_with_version(barrier, expected_version=expected_version, fields=fields)
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.UPDATE,
        activity="candidate_dossier",
        candidate=view.candidate,
        obj=barrier,
        special=barrier.is_special_category or bool(barrier.note),
    )
    return barrier


def _check_barrier(barrier: Barrier) -> None:
    if barrier.status == "resolved" and barrier.resolved_on is None:
        raise ValidationError({"resolved_on": _("Fill in when the barrier was resolved.")})
    if barrier.resolved_on is not None and barrier.resolved_on < barrier.opened_on:
        raise ValidationError(
            {"resolved_on": _("The resolved date cannot be before the date it was noted.")}
        )


@transaction.atomic
def ladder_score_create(
    *,
    acting_user: Any,
    view: CandidateView,
    step: int,
    potential_step: int,
    assessed_on: date,
    note: str = "",
) -> LadderScore:
    """A new dated step on the Participatieladder; the potential step is at least the step."""
    if not 1 <= step <= 6 or not 1 <= potential_step <= 6:
        raise ValidationError({"step": _("A step on the ladder is a number from 1 to 6.")})
    if potential_step < step:
        raise ValidationError(
            {"potential_step": _("The potential step cannot be lower than the current step.")}
        )
    score = LadderScore.objects.create(
        candidate=view.candidate,
        step=step,
        potential_step=potential_step,
        assessed_on=assessed_on,
        assessed_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        assessor_organisation=view.access.organisation,
        note=note,
    )
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.CREATE,
        activity="candidate_dossier",
        candidate=view.candidate,
        obj=score,
        special=bool(note),
    )
    return score


@transaction.atomic
def plan_goal_create(*, acting_user: Any, view: CandidateView, title: str) -> PlanGoal:
    goal = PlanGoal.objects.create(candidate=view.candidate, title=title)
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.CREATE,
        activity="candidate_plan",
        candidate=view.candidate,
        obj=goal,
    )
    return goal


@transaction.atomic
def plan_step_create(
    *,
    acting_user: Any,
    view: CandidateView,
    goal: PlanGoal,
    description: str,
    owner_organisation: Organisation,
    due_on: date,
) -> PlanStep:
    if goal.candidate_id != view.candidate.pk:
        raise ValidationError(_("This goal belongs to another candidate."))
    step = PlanStep.objects.create(
        goal=goal, description=description, owner_organisation=owner_organisation, due_on=due_on
    )
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.CREATE,
        activity="candidate_plan",
        candidate=view.candidate,
        obj=step,
    )
    return step


@transaction.atomic
def plan_step_mark_done(
    *, acting_user: Any, view: CandidateView, step: PlanStep, done_on: date
) -> PlanStep:
    step = save_with_version(step, expected_version=step.version, fields={"done_on": done_on})
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.UPDATE,
        activity="candidate_plan",
        candidate=view.candidate,
        obj=step,
    )
    return step


@transaction.atomic
def benefit_period_create(
    *,
    acting_user: Any,
    view: CandidateView,
    start: date,
    end: date | None = None,
    end_reason: str = "",
) -> BenefitPeriod:
    if end is not None and end < start:
        raise ValidationError({"end": _("The end date cannot be before the start date.")})
    if end is not None and not end_reason:
        raise ValidationError({"end_reason": _("Choose why the benefit ended.")})
    period = BenefitPeriod.objects.create(
        candidate=view.candidate, start=start, end=end, end_reason=end_reason
    )
    _log(
        user=acting_user,
        access=view.access,
        action=LogAction.CREATE,
        activity="benefit_administration",
        candidate=view.candidate,
        obj=period,
    )
    return period


def special_category_write_check(
    *, view: CandidateView, kind: str | None = None, note: str | None = None
) -> None:
    """Who may not read special-category data may not write it either.

    Health barrier kinds and free-text notes need the candidate's consent for `care` or the
    legal basis. Without it a professional could not see what they wrote, and a changed note
    would overwrite one they cannot read. `note` is None when no note is written.
    """
    if view.may_see_special_category:
        return
    errors: dict[str, str] = {}
    if kind in HEALTH_BARRIER_KINDS:
        errors["kind"] = _(
            "You can only record a health barrier with the candidate's consent for care."
        )
    if note is not None:
        errors["note"] = _("You can only write a note with the candidate's consent for care.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def candidate_register(
    *, acting_user: Any, bsn: str, lead_organisation: Organisation | None, **fields: Any
) -> Candidate:
    """Register a candidate with a team of the municipality as lead organisation.

    Only a team with a legal basis registers people on bijstand, and the acting user must do
    casework there (a partner could not see a candidate it registered). Without a team given,
    the user's only such team is used. The same BSN twice is refused, also when two requests
    race each other.
    """
    teams = list(registering_organisations(user=acting_user).order_by("name"))
    if not teams:
        raise PermissionDenied(
            _("Only the municipality's teams (Team Inkomen, Sociaal Team) register candidates.")
        )
    if lead_organisation is None:
        if len(teams) > 1:
            raise ValidationError(
                {"lead_organisation": _("Choose the team that becomes the lead organisation.")}
            )
        lead_organisation = teams[0]
    elif lead_organisation not in teams:
        raise ValidationError(
            {
                "lead_organisation": _(
                    "You can only register a candidate for a municipality team you work for."
                )
            }
        )
    try:
        return candidate_create(
            acting_user=acting_user,
            organisation=lead_organisation,
            bsn=bsn,
            lead_organisation=lead_organisation,
            **fields,
        )
    except IntegrityError as error:
        raise ValidationError({"bsn": _("A candidate with this BSN already exists.")}) from error
