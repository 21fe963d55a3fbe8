"""Writes of matching: proposing an offer, the flow of a match (`werkpad.offers.workflow`),
placements with their ladder step and benefit end, and the city-wide plan run.

A match and a placement are personal data of the candidate: every write checks that the user
sees the candidate under consent purpose `matching` (404 otherwise), records the step in the
flow (who, when) and writes the processing log in the same transaction.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from datetime import date
from typing import Any
from uuid import UUID

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.candidates.codes import EndReason, OfferKind
from werkpad.candidates.models import BenefitPeriod, Candidate, LadderScore
from werkpad.candidates.selectors import CandidateView
from werkpad.candidates.services import ladder_score_create
from werkpad.core.concurrency import save_with_version
from werkpad.matching.engine import SCORE_SCALE, explain_pair, plan
from werkpad.matching.explanations import check_sentence
from werkpad.matching.models import PlanProposal, PlanRun, PlanRunStatus
from werkpad.matching.selectors import (
    MATCHING_ACTIVITY,
    engine_input,
    explanation_dict,
    log_matching,
    match_get,
    matching_candidate_get,
    matching_candidates,
    placement_get,
    plan_candidates,
    scored_pairs,
)
from werkpad.offers.codes import MatchStatus, PlacementOutcome
from werkpad.offers.models import Match, MatchTransition, Offer, Placement
from werkpad.offers.selectors import open_offers, with_free_capacity
from werkpad.offers.workflow import OPEN_STATUSES, check_transition
from werkpad.organisations.models import Membership
from werkpad.organisations.roles import Role
from werkpad.privacy.access import Access
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, LogAction, Purpose
from werkpad.privacy.models import ProcessingLogEntry
from werkpad.privacy.services import processing_log_write_for_access

logger = logging.getLogger(__name__)

PAID_KINDS = frozenset({OfferKind.PAID_JOB, OfferKind.SUPPORTED_JOB})
# The ladder step a placement of each kind suggests (the professional decides).
STEP_FOR_KIND = {
    OfferKind.PAID_JOB: 6,
    OfferKind.SUPPORTED_JOB: 5,
    OfferKind.WORK_EXPERIENCE: 4,
    OfferKind.VOLUNTEER: 4,
    OfferKind.LEARNING: 3,
    OfferKind.DAY_ACTIVITY: 3,
}


def _record(
    *, acting_user: Any, access: Access, match: Match, source: str, action: LogAction
) -> None:
    """The step in the flow (who, when) and its processing-log entry."""
    MatchTransition.objects.create(
        match=match,
        source=source,
        target=match.status,
        acting_user=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        organisation=access.organisation,
    )
    log_matching(user=acting_user, access=access, action=action, obj=match)


# --- proposing --------------------------------------------------------------------------------


@transaction.atomic
def match_propose(*, acting_user: Any, candidate_id: UUID | str, offer_id: UUID | str) -> Match:
    """Propose an offer to a candidate the user sees under `matching`.

    The offer must be open with a free place, the candidate must not have an open match on it,
    and the pair must pass every hard constraint of the engine; a refusal says which failed.
    """
    view = matching_candidate_get(user=acting_user, candidate_id=candidate_id, log=False)
    offer = open_offers().filter(pk=offer_id).first()
    if offer is None:
        raise ValidationError(_("This offer is not open now or has no free place."))
    if Match.objects.filter(
        candidate=view.candidate, offer=offer, status__in=list(OPEN_STATUSES)
    ).exists():
        raise ValidationError(_("This offer has already been proposed to the candidate."))
    inputs = engine_input(
        candidates=matching_candidates(acting_user).filter(pk=view.candidate.pk), offers=[offer]
    )
    if inputs.skipped:
        raise ValidationError(_not_matchable_message(inputs.skipped[view.candidate.pk]))
    explanation = explain_pair(
        candidates=inputs.candidates, offers=inputs.offers, candidate=0, offer=0
    )
    if not explanation.eligible:
        shown = explanation_dict(explanation, special=view.access.special_category)
        raise ValidationError(
            [_("This offer does not fit the candidate:")]
            + [check_sentence(c["code"], False, c["values"]) for c in shown["failed"]]
        )
    match = Match.objects.create(
        candidate=view.candidate,
        offer=offer,
        score=explanation.score,
        explanation=explanation_dict(explanation, special=False),
        proposed_by=acting_user,
    )
    _record(
        acting_user=acting_user, access=view.access, match=match, source="", action=LogAction.CREATE
    )
    return match


def _not_matchable_message(reason: str) -> str:
    if reason == "ladder":
        return _("Record the candidate's step on the participatieladder first.")
    return _("The candidate's postcode is not a known Dutch postcode area.")


# --- the flow ---------------------------------------------------------------------------------


def _lock_offer_with_free_place(offer: Offer) -> None:
    """Refuse when the offer has no free place; the row lock keeps two acceptances from
    taking the last place at once (PostgreSQL; SQLite serialises writes anyway)."""
    Offer.objects.select_for_update().filter(pk=offer.pk).first()
    current = with_free_capacity(Offer.objects.filter(pk=offer.pk)).first()
    if getattr(current, "free", 0) <= 0:
        raise ValidationError(_("The offer has no free place left."))


@transaction.atomic
def match_transition(
    *,
    acting_user: Any,
    roles: set[Role],
    match_id: UUID | str,
    target: str,
    expected_version: int,
    reason: str = "",
) -> Match:
    """Move a match one step along the transition table; refuse any other step clearly.

    A decline or a withdrawal needs a reason (stored encrypted); a provider accepts only while
    the offer has a free place. Placing and ending have their own services (they need more).
    """
    view = match_get(user=acting_user, roles=roles, match_id=match_id, log=False)
    match = view.match
    transition = check_transition(source=match.status, target=target, actors=view.actors)
    if transition.has_form:
        raise ValidationError(_("Use the form on the page for this step."))
    fields: dict[str, Any] = {"status": target}
    if transition.needs_reason:
        if not reason.strip():
            raise ValidationError({"reason": _("Say why, so that others can learn from it.")})
        fields["decline_reason"] = reason.strip()
    if target == MatchStatus.PROVIDER_ACCEPTED:
        _lock_offer_with_free_place(match.offer)
    source = match.status
    match = save_with_version(match, expected_version=expected_version, fields=fields)
    _record(
        acting_user=acting_user,
        access=view.access,
        match=match,
        source=source,
        action=LogAction.UPDATE,
    )
    return match


def support_end_reason(*, kind: str, job_coach: bool, adjusted_hours: bool) -> str:
    """Work with support (a supported job, a job coach or adjusted hours) or plain work."""
    if kind == OfferKind.SUPPORTED_JOB or job_coach or adjusted_hours:
        return EndReason.WORK_WITH_SUPPORT
    return EndReason.WORK


@transaction.atomic
def placement_start(
    *,
    acting_user: Any,
    roles: set[Role],
    match_id: UUID | str,
    expected_version: int,
    start: date,
    hours: int,
    kind: str,
    job_coach: bool = False,
    adjusted_hours: bool = False,
    end_benefit: bool = False,
) -> Placement:
    """Start the placement of an accepted match (start, hours a week, kind, support).

    With `end_benefit` (the user confirmed it) a paid job ends the candidate's open benefit
    period on the start date, with reason work or work with support.
    """
    view = match_get(user=acting_user, roles=roles, match_id=match_id, log=False)
    match = view.match
    check_transition(source=match.status, target=MatchStatus.PLACED, actors=view.actors)
    if not 1 <= hours <= 60:
        raise ValidationError({"hours": _("Hours per week are between 1 and 60.")})
    if kind not in OfferKind.values:
        raise ValidationError({"kind": _("Choose the kind of place.")})
    source = match.status
    match = save_with_version(
        match, expected_version=expected_version, fields={"status": MatchStatus.PLACED}
    )
    placement = Placement.objects.create(
        candidate=match.candidate,
        offer=match.offer,
        match=match,
        kind=kind,
        start=start,
        hours=hours,
        job_coach=job_coach,
        adjusted_hours=adjusted_hours,
    )
    _record(
        acting_user=acting_user,
        access=view.access,
        match=match,
        source=source,
        action=LogAction.UPDATE,
    )
    log_matching(user=acting_user, access=view.access, action=LogAction.CREATE, obj=placement)
    if end_benefit and kind in PAID_KINDS:
        benefit_end_for_work(
            acting_user=acting_user,
            access=view.access,
            candidate=match.candidate,
            end=start,
            reason=support_end_reason(
                kind=kind, job_coach=job_coach, adjusted_hours=adjusted_hours
            ),
        )
    return placement


@transaction.atomic
def placement_end(
    *,
    acting_user: Any,
    roles: set[Role],
    placement_id: UUID | str,
    expected_version: int,
    end: date,
    outcome: str,
) -> Placement:
    """End a placement with its outcome; its match becomes `ended` (a step in the flow)."""
    pview = placement_get(user=acting_user, placement_id=placement_id, log=False)
    placement = pview.placement
    if placement.end is not None:
        raise ValidationError(_("This placement has already ended."))
    if end < placement.start:
        raise ValidationError({"end": _("The end cannot be before the start.")})
    if outcome not in PlacementOutcome.values:
        raise ValidationError({"outcome": _("Choose how the placement ended.")})
    mview = (
        match_get(user=acting_user, roles=roles, match_id=placement.match_id, log=False)
        if placement.match_id is not None
        else None
    )
    if mview is not None:
        check_transition(source=mview.match.status, target=MatchStatus.ENDED, actors=mview.actors)
    placement = save_with_version(
        placement, expected_version=expected_version, fields={"end": end, "outcome": outcome}
    )
    log_matching(user=acting_user, access=pview.access, action=LogAction.UPDATE, obj=placement)
    if mview is not None:
        match = save_with_version(
            mview.match, expected_version=mview.match.version, fields={"status": MatchStatus.ENDED}
        )
        _record(
            acting_user=acting_user,
            access=pview.access,
            match=match,
            source=MatchStatus.PLACED,
            action=LogAction.UPDATE,
        )
    return placement


@transaction.atomic
def placement_ladder_update(
    *,
    acting_user: Any,
    placement_id: UUID | str,
    step: int,
    potential_step: int,
    assessed_on: date,
) -> LadderScore:
    """A new step on the participatieladder after a placement (the dossier's own service)."""
    pview = placement_get(user=acting_user, placement_id=placement_id, log=False)
    return ladder_score_create(
        acting_user=acting_user,
        view=CandidateView(candidate=pview.placement.candidate, access=pview.access),
        step=step,
        potential_step=potential_step,
        assessed_on=assessed_on,
    )


def may_end_benefit(access: Access) -> bool:
    """Benefit periods are the municipality's administration: only on the legal basis."""
    return access.purpose == LEGAL_BASIS_PURPOSE


@transaction.atomic
def benefit_end_for_work(
    *, acting_user: Any, access: Access, candidate: Candidate, end: date, reason: str
) -> BenefitPeriod | None:
    """End the candidate's open benefit period because they went to work (reason `work` or
    `work_with_support`). Only the municipality's teams (legal basis) do this. Returns None
    when no benefit period is open."""
    if not may_end_benefit(access):
        raise PermissionDenied(_("Only Team Inkomen or the Sociaal Team end a benefit period."))
    if reason not in (EndReason.WORK, EndReason.WORK_WITH_SUPPORT):
        raise ValidationError({"reason": _("Choose work or work with support.")})
    period = candidate.benefit_periods.filter(end__isnull=True).order_by("-start").first()
    if period is None:
        return None
    if end < period.start:
        raise ValidationError({"end": _("The benefit cannot end before it started.")})
    period = save_with_version(
        period, expected_version=period.version, fields={"end": end, "end_reason": reason}
    )
    processing_log_write_for_access(
        user=acting_user,
        access=access,
        action=LogAction.UPDATE,
        activity="benefit_administration",
        candidate=candidate,
        object_type="benefitperiod",
        object_id=period.pk,
    )
    return period


@transaction.atomic
def placement_benefit_end(
    *, acting_user: Any, placement_id: UUID | str, end: date, reason: str
) -> BenefitPeriod | None:
    pview = placement_get(user=acting_user, placement_id=placement_id, log=False)
    return benefit_end_for_work(
        acting_user=acting_user,
        access=pview.access,
        candidate=pview.placement.candidate,
        end=end,
        reason=reason,
    )


# --- the city-wide plan run -------------------------------------------------------------------


def _lead_membership(user: Any) -> Membership:
    membership = (
        Membership.objects.filter(user_id=user.pk, role=Role.PROGRAMME_LEAD)
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )
    if membership is None:
        raise PermissionDenied(_("Only the programme lead runs the city-wide plan."))
    return membership


@transaction.atomic
def plan_run_start(*, acting_user: Any) -> PlanRun:
    """Queue a city-wide plan run; one at a time. The task (`tasks.plan_run_enqueue`) starts
    once this is committed."""
    from werkpad.matching.tasks import plan_run_enqueue

    _lead_membership(acting_user)
    busy = PlanRun.objects.select_for_update().filter(
        status__in=[PlanRunStatus.QUEUED, PlanRunStatus.RUNNING]
    )
    if busy.exists():
        raise ValidationError(_("A plan run is already under way. Wait until it is ready."))
    run = PlanRun.objects.create(started_by=acting_user)
    plan_run_enqueue(run_id=run.pk)
    return run


def _progress(run: PlanRun, progress: int, **fields: Any) -> None:
    PlanRun.objects.filter(pk=run.pk).update(progress=progress, updated_at=timezone.now(), **fields)


def plan_run_execute(*, run_id: UUID | str) -> PlanRun:
    """Run a queued plan: every candidate with consent for `matching` (and no open match) on
    the open offers' free places, by the engine's min-cost-flow plan. The pairs become
    proposals for review; nothing reaches a candidate or provider here."""
    run = PlanRun.objects.get(pk=run_id)
    if run.status != PlanRunStatus.QUEUED:
        return run
    started = time.perf_counter()
    _progress(run, 5, status=PlanRunStatus.RUNNING)
    try:
        offers = list(open_offers().select_related("employer", "organisation"))
        inputs = engine_input(candidates=plan_candidates(), offers=offers)
        _progress(run, 40)
        scored = scored_pairs(inputs)
        _progress(run, 60)
        city = plan(candidates=inputs.candidates, offers=inputs.offers, scored=scored)
        _progress(run, 75)
        rows = np.flatnonzero(city.offer >= 0)
        proposals = []
        for row in rows.tolist():
            explanation = explain_pair(
                candidates=inputs.candidates,
                offers=inputs.offers,
                candidate=row,
                offer=int(city.offer[row]),
            )
            proposals.append(
                PlanProposal(
                    plan_run=run,
                    candidate_id=inputs.candidate_ids[row],
                    offer=inputs.offer_list[int(city.offer[row])],
                    score=explanation.score,
                    explanation=explanation_dict(explanation, special=False),
                )
            )
        by_kind = Counter(p.offer.kind for p in proposals)
        with transaction.atomic():
            PlanProposal.objects.bulk_create(proposals, batch_size=500)
            _progress(
                run,
                100,
                status=PlanRunStatus.REVIEW,
                candidate_count=inputs.candidates.n + len(inputs.skipped),
                offer_count=inputs.offers.m,
                assigned_count=len(proposals),
                total_score=city.total_points / SCORE_SCALE,
                finished_at=timezone.now(),
                summary={
                    "by_kind": {kind: by_kind.get(kind, 0) for kind in OfferKind.values},
                    "unmatched": int(inputs.candidates.n - len(proposals)),
                    "skipped_no_ladder_step": sum(
                        1 for r in inputs.skipped.values() if r == "ladder"
                    ),
                    "skipped_unknown_postcode": sum(
                        1 for r in inputs.skipped.values() if r == "postcode"
                    ),
                    "places": int(inputs.offers.capacity.sum()),
                    "eligible_pairs": len(scored),
                    "groups_left_out": int(city.closed.sum()),
                    "upper_bound": city.upper_bound_points / SCORE_SCALE,
                    "proven_optimal": city.proven_optimal,
                    "regions": len(city.regions.candidates),
                    "seconds": round(time.perf_counter() - started, 2),
                },
            )
    except Exception:
        logger.exception("Plan run %s failed", run_id)
        _progress(
            run,
            100,
            status=PlanRunStatus.FAILED,
            message=_("The plan could not be made. Try again; if it fails again, tell the admin."),
            finished_at=timezone.now(),
        )
    run.refresh_from_db()
    return run


@transaction.atomic
def plan_run_send(*, acting_user: Any, run_id: UUID | str, expected_version: int) -> PlanRun:
    """Turn a reviewed run's proposals into matches with status `proposed`.

    Checked again at sending: the candidate still has consent for `matching` and no open
    match, and the offer is still open with a free place; proposals that no longer hold are
    left out and counted. Every match records its first step and a processing-log entry.
    """
    membership = _lead_membership(acting_user)
    run = PlanRun.objects.select_for_update().get(pk=run_id)
    if run.status != PlanRunStatus.REVIEW:
        raise ValidationError(_("Only a plan that is ready for review can be sent."))
    run = save_with_version(
        run, expected_version=expected_version, fields={"status": PlanRunStatus.SENT}
    )
    proposals = list(run.proposals.select_related("candidate", "offer"))
    still_candidates = set(
        plan_candidates()
        .filter(pk__in=[p.candidate_id for p in proposals])
        .values_list("pk", flat=True)
    )
    free = {
        offer.pk: getattr(offer, "free", 0)
        for offer in open_offers().filter(pk__in={p.offer_id for p in proposals})
    }
    matches: list[Match] = []
    for proposal in proposals:
        if proposal.candidate_id not in still_candidates or free.get(proposal.offer_id, 0) <= 0:
            continue
        free[proposal.offer_id] -= 1
        matches.append(
            Match(
                candidate=proposal.candidate,
                offer=proposal.offer,
                score=proposal.score,
                explanation=proposal.explanation,
                proposed_by=acting_user,
                plan_run=run,
            )
        )
    Match.objects.bulk_create(matches, batch_size=500)
    MatchTransition.objects.bulk_create(
        [
            MatchTransition(
                match=m,
                source="",
                target=MatchStatus.PROPOSED,
                acting_user=acting_user,
                organisation=membership.organisation,
            )
            for m in matches
        ],
        batch_size=500,
    )
    now = timezone.now()
    ProcessingLogEntry.objects.bulk_create(
        [
            ProcessingLogEntry(
                timestamp=now,
                user_id=acting_user.pk,
                user_label=acting_user.email,
                organisation=membership.organisation.slug,
                action=LogAction.CREATE,
                activity=MATCHING_ACTIVITY,
                purpose=Purpose.MATCHING,
                object_type="match",
                object_id=str(m.pk),
                candidate=m.candidate,
            )
            for m in matches
        ],
        batch_size=500,
    )
    PlanRun.objects.filter(pk=run.pk).update(
        summary={**run.summary, "sent": len(matches), "not_sent": len(proposals) - len(matches)}
    )
    run.refresh_from_db()
    return run
