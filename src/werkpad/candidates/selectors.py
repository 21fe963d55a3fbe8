"""Reads of candidate data. Every one starts from `visible_candidates(user)`.

Reads that show personal data of one candidate write their processing-log entry here, in the
same transaction, so no page or endpoint can forget it.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.db.models import Exists, Model, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import HEALTH_BARRIER_KINDS, HEALTH_CATEGORY
from werkpad.candidates.models import (
    Barrier,
    BenefitPeriod,
    Candidate,
    Correction,
    LadderScore,
    PlanGoal,
    PlanStep,
)
from werkpad.organisations.models import Membership, Organisation
from werkpad.privacy.access import (
    CASEWORK_ROLES,
    Access,
    access_for,
    access_map,
    visible_candidates,
)
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, Confidentiality, LogAction, Purpose
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.models import Consent, ProcessingLogEntry
from werkpad.privacy.services import (
    processing_log_write_for_access,
    processing_log_write_list,
)

LONG_TERM_YEARS = 5

SORTS: dict[str, tuple[str, ...]] = {
    "name": ("last_name", "first_name", "id"),
    "-name": ("-last_name", "-first_name", "-id"),
    "postcode": ("postcode", "last_name", "id"),
    "-postcode": ("-postcode", "last_name", "id"),
    "birth_date": ("birth_date", "id"),
    "-birth_date": ("-birth_date", "id"),
    "updated": ("updated_at", "id"),
    "-updated": ("-updated_at", "id"),
}


@dataclass(frozen=True)
class CandidateFilters:
    """What the candidate list can be searched, filtered and sorted by."""

    search: str = ""
    barrier_kind: str = ""
    ladder_step: int | None = None
    organisation: str = ""
    long_term: bool = False
    sort: str = "name"
    extra: dict[str, Any] = field(default_factory=dict)


def normalise_search_name(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".casefold()


def _looks_like_bsn(text: str) -> bool:
    digits = text.replace(" ", "").replace(".", "")
    return digits.isdigit() and 8 <= len(digits) <= 9


def _looks_like_postcode(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    return compact[:4].isdigit() and (
        len(compact) == 4 or (len(compact) == 6 and compact[4:].isalpha())
    )


def candidate_list(
    *, user: Any, filters: CandidateFilters, purpose: Purpose | None = None
) -> QuerySet[Candidate]:
    """Candidates `user` may see, searched (name, exact BSN, postcode), filtered and sorted."""
    candidates = visible_candidates(user, purpose=purpose)
    text = filters.search.strip()
    if text:
        if _looks_like_bsn(text):
            candidates = candidates.filter(bsn_hash=bsn_hash(text.zfill(9)))
        elif _looks_like_postcode(text):
            compact = text.replace(" ", "").upper()
            prefix = compact if len(compact) == 4 else f"{compact[:4]} {compact[4:]}"
            candidates = candidates.filter(postcode__startswith=prefix)
        else:
            for word in text.casefold().split()[:4]:
                candidates = candidates.filter(search_name__contains=word)
    if filters.barrier_kind:
        category = (
            HEALTH_CATEGORY
            if filters.barrier_kind in HEALTH_BARRIER_KINDS
            else filters.barrier_kind
        )
        candidates = candidates.filter(
            Exists(
                Barrier.objects.filter(candidate=OuterRef("pk"), category=category).exclude(
                    status="resolved"
                )
            )
        )
    if filters.ladder_step is not None:
        latest_step = (
            LadderScore.objects.filter(candidate=OuterRef("pk"))
            .order_by("-assessed_on", "-created_at")
            .values("step")[:1]
        )
        candidates = candidates.annotate(current_step=Subquery(latest_step)).filter(
            current_step=filters.ladder_step
        )
    if filters.organisation:
        # Care consents and health barriers are left out: filtering on a care provider must not
        # reveal who receives care.
        candidates = candidates.filter(
            Q(lead_organisation__slug=filters.organisation)
            | Exists(
                Barrier.objects.filter(
                    candidate=OuterRef("pk"), owner_organisation__slug=filters.organisation
                ).exclude(category=HEALTH_CATEGORY)
            )
            | Exists(
                Consent.objects.active()
                .filter(candidate=OuterRef("pk"), organisation__slug=filters.organisation)
                .exclude(purpose=Purpose.CARE)
            )
        )
    if filters.long_term:
        candidates = candidates.filter(
            Exists(
                long_term_benefit_periods(on=timezone.localdate()).filter(candidate=OuterRef("pk"))
            )
        )
    return candidates.select_related("lead_organisation").order_by(
        *SORTS.get(filters.sort, SORTS["name"])
    )


def long_term_benefit_periods(*, on: date) -> QuerySet[BenefitPeriod]:
    """Benefit periods that cover `on` and started at least five years before it."""
    five_years_before = (
        on.replace(year=on.year - LONG_TERM_YEARS)
        if not (on.month == 2 and on.day == 29)
        else on - timedelta(days=365 * LONG_TERM_YEARS + 1)
    )
    return BenefitPeriod.objects.filter(start__lte=five_years_before).filter(
        Q(end__isnull=True) | Q(end__gte=on)
    )


@dataclass(frozen=True)
class CandidateView:
    """A candidate as one user may see them, with the basis of that access."""

    candidate: Candidate
    access: Access

    @property
    def may_see_special_category(self) -> bool:
        return self.access.special_category


def candidate_get(
    *, user: Any, candidate_id: UUID | str, activity: str = "candidate_dossier"
) -> CandidateView:
    """Open one candidate's dossier: 404 unless visible, and one processing-log entry."""
    with transaction.atomic():
        candidate = (
            visible_candidates(user)
            .select_related("lead_organisation", "case_manager")
            .filter(pk=candidate_id)
            .first()
        )
        access = access_for(user, candidate) if candidate is not None else None
        if candidate is None or access is None:
            raise Http404
        processing_log_write_for_access(
            user=user, access=access, action=LogAction.VIEW, activity=activity, candidate=candidate
        )
    return CandidateView(candidate=candidate, access=access)


def candidate_get_unlogged(*, user: Any, candidate_id: UUID | str) -> CandidateView:
    """The visible candidate for a write: the write itself records the processing."""
    candidate = visible_candidates(user).filter(pk=candidate_id).first()
    access = access_for(user, candidate) if candidate is not None else None
    if candidate is None or access is None:
        raise Http404
    return CandidateView(candidate=candidate, access=access)


def barrier_list(*, view: CandidateView) -> list[Barrier]:
    """The candidate's barriers; health barriers only with consent for care or legal basis."""
    barriers = view.candidate.barriers.select_related("owner_organisation")
    if not view.may_see_special_category:
        barriers = barriers.exclude(category=HEALTH_CATEGORY)
    return _with_visible_notes(list(barriers), view=view)


def ladder_score_list(*, view: CandidateView) -> list[LadderScore]:
    scores = view.candidate.ladder_scores.select_related("assessor_organisation", "assessed_by")
    return _with_visible_notes(list(scores), view=view)


NotedT = TypeVar("NotedT", Barrier, LadderScore)


def _with_visible_notes(rows: list[NotedT], *, view: CandidateView) -> list[NotedT]:
    """Free-text notes are special-category data: `visible_note` is None without that access.

    The note itself is left untouched on the instance, so a later save cannot wipe it.
    """
    for row in rows:
        row.visible_note = row.note if view.may_see_special_category else None  # type: ignore[attr-defined]
    return rows


def benefit_period_list(*, view: CandidateView) -> list[BenefitPeriod]:
    return list(view.candidate.benefit_periods.all())


# --- Reads for the professional-facing pages (list, dossier tabs, forms) ---------------------

LIST_ACTIVITY = "candidate_list"
HEALTH_FILTER = HEALTH_CATEGORY


@dataclass(frozen=True)
class CandidatePage:
    """One page of the candidate list, already recorded in the processing log."""

    page: Page[Any]
    any_visible: bool


def candidate_list_page(
    *, user: Any, filters: CandidateFilters, page_number: Any, per_page: int
) -> CandidatePage:
    """One page of `candidate_list` with each row's current ladder step; logs every row shown.

    Every candidate on the page gets one `list` entry in the processing log, written in bulk:
    the number of queries does not grow with the page size.

    Health barriers (physical, psychological, addiction) are special-category data, stored as
    the category "health" with the exact kind encrypted. The list therefore offers one filter
    value for them, `health`, and restricts it to candidates whose health data the user may
    see (the municipality's legal basis or a consent for purpose `care`): a professional
    without that access gets an empty list, so the filter cannot reveal who has a health
    barrier. The exact health kind cannot be filtered on, as it is encrypted.
    """
    purpose = Purpose.CARE if filters.barrier_kind == HEALTH_FILTER else None
    latest_step = (
        LadderScore.objects.filter(candidate=OuterRef("pk"))
        .order_by("-assessed_on", "-created_at")
        .values("step")[:1]
    )
    candidates = candidate_list(user=user, filters=filters, purpose=purpose).annotate(
        ladder_step_now=Subquery(latest_step)
    )
    with transaction.atomic():
        page = Paginator(candidates, per_page).get_page(page_number)
        page.object_list = list(page.object_list)
        processing_log_write_list(user=user, candidates=page.object_list, activity=LIST_ACTIVITY)
    any_visible = bool(page.object_list) or visible_candidates(user).exists()
    return CandidatePage(page=page, any_visible=any_visible)


def candidate_view_record(*, user: Any, view: CandidateView, activity: str) -> None:
    """Record that a page showed this candidate again (a form shown back with its errors)."""
    processing_log_write_for_access(
        user=user,
        access=view.access,
        action=LogAction.VIEW,
        activity=activity,
        candidate=view.candidate,
    )


def candidate_is_visible(*, user: Any, candidate_id: UUID | str) -> bool:
    """Whether `user` may still see the candidate (after a change to consent, for instance)."""
    return visible_candidates(user).filter(pk=candidate_id).exists()


def may_reveal_bsn(view: CandidateView) -> bool:
    """The full BSN is shown only on the legal basis (the municipality's own teams).

    Partners working on consent need the person, not the number: they see it masked.
    """
    return view.access.purpose == LEGAL_BASIS_PURPOSE


def may_manage_consent(*, user: Any, view: CandidateView) -> bool:
    """Consent is recorded and revoked by the candidate's lead organisation.

    A partner working on consent cannot widen its own access (for instance to health data);
    it asks the lead organisation, which holds the candidate's signed consent.
    """
    return Membership.objects.filter(
        user_id=user.pk,
        organisation_id=view.candidate.lead_organisation_id,
        role__in=CASEWORK_ROLES,
    ).exists()


def may_add_benefit_period(view: CandidateView) -> bool:
    """Benefit periods come from the municipality's benefit administration (legal basis)."""
    return view.access.purpose == LEGAL_BASIS_PURPOSE


def registering_organisations(*, user: Any) -> QuerySet[Organisation]:
    """Organisations for which `user` may register a new candidate as lead organisation.

    Only the municipality's teams with a legal basis register people on bijstand; a partner
    could not see a candidate it registered itself until consent was recorded.
    """
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        has_legal_basis=True,
        memberships__user_id=user.pk,
        memberships__role__in=CASEWORK_ROLES,
    ).distinct()


def barrier_get_for_update(*, view: CandidateView, barrier_id: UUID | str) -> Barrier:
    """The barrier a form changes (the write logs itself); 404 for a health barrier without
    special-category access."""
    barriers = view.candidate.barriers.select_related("owner_organisation").filter(pk=barrier_id)
    if not view.may_see_special_category:
        barriers = barriers.exclude(category=HEALTH_CATEGORY)
    barrier = barriers.first()
    if barrier is None:
        raise Http404
    return _with_visible_notes([barrier], view=view)[0]


@dataclass(frozen=True)
class LadderHistoryRow:
    score: LadderScore
    previous_step: int | None

    @property
    def is_change(self) -> bool:
        return self.previous_step is not None and self.previous_step != self.score.step


def ladder_history(*, view: CandidateView) -> list[LadderHistoryRow]:
    """The ladder scores, newest first, each with the step it moved from."""
    scores = ladder_score_list(view=view)
    return [
        LadderHistoryRow(
            score=score, previous_step=scores[index + 1].step if index + 1 < len(scores) else None
        )
        for index, score in enumerate(scores)
    ]


@dataclass(frozen=True)
class PlanStepRow:
    step: PlanStep
    overdue: bool


@dataclass(frozen=True)
class PlanGoalRow:
    goal: PlanGoal
    steps: list[PlanStepRow]


def plan_goal_list(*, view: CandidateView, today: date | None = None) -> list[PlanGoalRow]:
    """The plan of action: goals with their agreed steps; overdue steps are flagged."""
    day = today or timezone.localdate()
    goals = view.candidate.plan_goals.prefetch_related(
        Prefetch("steps", queryset=PlanStep.objects.select_related("owner_organisation"))
    )
    return [
        PlanGoalRow(
            goal=goal,
            steps=[
                PlanStepRow(step=step, overdue=step.is_overdue(day)) for step in goal.steps.all()
            ],
        )
        for goal in goals
    ]


def plan_goal_get(*, view: CandidateView, goal_id: UUID | str) -> PlanGoal:
    goal = view.candidate.plan_goals.filter(pk=goal_id).first()
    if goal is None:
        raise Http404
    return goal


def plan_step_get(*, view: CandidateView, step_id: UUID | str) -> PlanStep:
    step = PlanStep.objects.filter(pk=step_id, goal__candidate=view.candidate).first()
    if step is None:
        raise Http404
    return step


class ConsentState(models.TextChoices):
    ACTIVE = "active", _("In force")
    NOT_YET = "not_yet", _("Not yet in force")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


@dataclass(frozen=True)
class ConsentRow:
    consent: Consent
    state: ConsentState

    @property
    def is_active(self) -> bool:
        return self.state == ConsentState.ACTIVE


def consent_state(consent: Consent, *, today: date) -> ConsentState:
    if consent.revoked_on is not None:
        return ConsentState.REVOKED
    if consent.granted_on > today:
        return ConsentState.NOT_YET
    if consent.expires_on is not None and consent.expires_on < today:
        return ConsentState.EXPIRED
    return ConsentState.ACTIVE


def consent_rows(*, view: CandidateView) -> list[ConsentRow]:
    """`consent_list_visible` by organisation and purpose (newest first), with its state."""
    today = timezone.localdate()
    consents = sorted(
        consent_list_visible(view=view),
        key=lambda c: (c.organisation.name, c.purpose, -c.granted_on.toordinal()),
    )
    return [ConsentRow(consent=c, state=consent_state(c, today=today)) for c in consents]


# Fields whose values are special-category data (free text, or the kind of a health barrier).
SPECIAL_CORRECTION_FIELDS = frozenset({"note", "evidence_note", "kind", "kind_encrypted"})
CORRECTED_MODELS: dict[str, type[models.Model]] = {
    "candidate": Candidate,
    "barrier": Barrier,
    "ladderscore": LadderScore,
    "plangoal": PlanGoal,
    "planstep": PlanStep,
    "benefitperiod": BenefitPeriod,
}


@dataclass(frozen=True)
class CorrectionRow:
    correction: Correction
    object_label: str
    field_label: str
    values_visible: bool


def correction_list(*, view: CandidateView) -> list[CorrectionRow]:
    """Who changed which field when.

    Without special access, changes to a health barrier are left out (the barrier itself is
    not shown either) and the values of free-text notes are hidden; the fact of the change
    stays visible.
    """
    corrections = list(view.candidate.corrections.select_related("changed_by", "organisation"))
    hidden_objects: set[UUID] = set()
    if not view.may_see_special_category:
        hidden_objects = set(
            view.candidate.barriers.filter(category=HEALTH_CATEGORY).values_list("pk", flat=True)
        )
    rows = []
    for correction in corrections:
        model = CORRECTED_MODELS.get(correction.object_type)
        field_label = correction.field
        if model is not None:
            with suppress(FieldDoesNotExist):
                model_field = model._meta.get_field(correction.field)
                field_label = str(getattr(model_field, "verbose_name", correction.field))
        if correction.object_id in hidden_objects:
            continue
        rows.append(
            CorrectionRow(
                correction=correction,
                object_label=str(model._meta.verbose_name) if model else correction.object_type,
                field_label=field_label,
                values_visible=view.may_see_special_category
                or correction.field not in SPECIAL_CORRECTION_FIELDS,
            )
        )
    return rows


def candidate_page_log(*, user: Any, candidates: Sequence[Candidate]) -> dict[UUID, Access]:
    """Record the candidates shown on one page of a list (one entry each); their access basis.

    A constant number of queries, whatever the page size.
    """
    with transaction.atomic():
        processing_log_write_list(user=user, candidates=candidates, activity=LIST_ACTIVITY)
        return access_map(user, candidates)


def candidate_part_open(
    *, user: Any, candidate_id: UUID, model: type[Model], activity: str = "candidate_dossier"
) -> CandidateView:
    """Open one part of a dossier (its barriers, consents, processing log, ...) for reading.

    404 unless the candidate is visible; one processing-log entry naming the part read.
    """
    with transaction.atomic():
        view = candidate_get_unlogged(user=user, candidate_id=candidate_id)
        processing_log_write_for_access(
            user=user,
            access=view.access,
            action=LogAction.VIEW,
            activity=activity,
            candidate=view.candidate,
            object_type=model._meta.model_name or "",
        )
    return view


def candidate_part_record(*, user: Any, view: CandidateView, obj: Model) -> None:
    """Record that one object of the dossier (a barrier, a ladder score, ...) was read."""
    processing_log_write_for_access(
        user=user,
        access=view.access,
        action=LogAction.VIEW,
        activity="candidate_dossier",
        candidate=view.candidate,
        object_type=obj._meta.model_name or "",
        object_id=obj.pk,
    )


def ladder_score_get(*, view: CandidateView, score_id: UUID | str) -> LadderScore:
    """One ladder score of the candidate; the note only with special-category access."""
    score = (
        view.candidate.ladder_scores.select_related("assessor_organisation")
        .filter(pk=score_id)
        .first()
    )
    if score is None:
        raise Http404
    return _with_visible_notes([score], view=view)[0]


def consent_list_visible(*, view: CandidateView) -> list[Consent]:
    """The candidate's consents as the API shows them, newest first.

    A consent for purpose `care` tells that the candidate receives care (and from whom), so
    only who may see special-category data sees those; the evidence note is free text, so
    `visible_evidence_note` is None without that access.
    """
    return _visible_consents(view.candidate.consents.all(), view=view)


def consent_get_visible(*, view: CandidateView, consent_id: UUID | str) -> Consent:
    """One consent of the candidate under the rule of `consent_list_visible`; 404 otherwise."""
    consents = _visible_consents(view.candidate.consents.filter(pk=consent_id), view=view)
    if not consents:
        raise Http404
    return consents[0]


def _visible_consents(consents: QuerySet[Consent], *, view: CandidateView) -> list[Consent]:
    consents = consents.select_related("organisation").order_by("-granted_on", "-created_at")
    if not view.may_see_special_category:
        consents = consents.exclude(purpose=Purpose.CARE)
    rows = list(consents)
    for consent in rows:
        consent.visible_evidence_note = (  # type: ignore[attr-defined]
            consent.evidence_note if view.may_see_special_category else None
        )
    return rows


def processing_log_list(*, view: CandidateView) -> QuerySet[ProcessingLogEntry]:
    """The candidate's processing log, newest first.

    Entries about special-category data (and those made for purpose `care`) reveal that the
    candidate has health or care matters, so only who may see such data sees them.
    """
    entries = ProcessingLogEntry.objects.filter(candidate_id=view.candidate.pk)
    if not view.may_see_special_category:
        entries = entries.exclude(confidentiality=Confidentiality.SPECIAL).exclude(
            purpose=Purpose.CARE
        )
    return entries.order_by("-timestamp", "-id")
