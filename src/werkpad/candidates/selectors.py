"""Reads of candidate data. Every one starts from `visible_candidates(user)`.

Reads that show personal data of one candidate write their processing-log entry here, in the
same transaction, so no page or endpoint can forget it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from werkpad.candidates.codes import HEALTH_BARRIER_KINDS, HEALTH_CATEGORY
from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate, LadderScore
from werkpad.privacy.access import Access, access_for, visible_candidates
from werkpad.privacy.codes import LogAction, Purpose
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.services import processing_log_write_for_access

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
    return len(compact) in (4, 6) and compact[:4].isdigit() and compact[4:].isalpha()


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
        candidates = candidates.filter(
            Q(lead_organisation__slug=filters.organisation)
            | Q(barriers__owner_organisation__slug=filters.organisation)
            | Q(consents__organisation__slug=filters.organisation)
        ).distinct()
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
        row.visible_note = row.note if view.may_see_special_category else None  # type: ignore[union-attr]
    return rows


def benefit_period_list(*, view: CandidateView) -> list[BenefitPeriod]:
    return list(view.candidate.benefit_periods.all())
