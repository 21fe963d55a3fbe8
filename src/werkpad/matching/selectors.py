"""Reads for matching: the engine's inputs from the database, suggestions with their
explanations, and the matches, placements and plan runs a user may see.

Candidate data is read only through the access policy. Suggestions for a user start from
`visible_candidates(user, purpose=Purpose.MATCHING)`; the city-wide plan run (a task for the
programme lead) takes every candidate with an active consent for purpose `matching`. Every page
that shows a candidate's matching data writes its processing-log entries here.

Health barriers are special-category data: their exact kind is decrypted in Python to build the
engine's blocking mask, but an explanation shown to a user without special access (consent for
`care` or the legal basis) says "a health barrier", and an explanation that is stored (on a
match, a plan proposal, in the API) never names the kind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

import numpy as np
import scipy.sparse as sp
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from werkpad.candidates.codes import HEALTH_BARRIER_KINDS, BarrierStatus
from werkpad.candidates.models import Barrier, Candidate, LadderScore
from werkpad.matching.engine import (
    BARRIER_KINDS,
    OFFER_KINDS,
    PHYSICAL_DEMAND_LEVELS,
    SUPPORT_KINDS,
    CandidateArrays,
    Explanation,
    OfferArrays,
    Proposals,
    ScoredEdges,
    eligible_pairs,
    explain_pair,
    mask_of,
    score_pairs,
    top_k,
)
from werkpad.matching.engine.arrays import FloatArray, IntArray
from werkpad.matching.explanations import ExplanationText, explanation_text
from werkpad.matching.geo import centroids
from werkpad.matching.models import PlanProposal, PlanRun
from werkpad.offers.codes import SECTOR_IDS, MatchStatus, OfferStatus
from werkpad.offers.models import Match, MatchTransition, Offer, Placement
from werkpad.offers.selectors import (
    EMPLOYER_ROLES,
    OfferFilters,
    offer_list,
    open_offers,
    with_free_capacity,
)
from werkpad.offers.workflow import OPEN_STATUSES, Actor, Transition, allowed_transitions
from werkpad.organisations.models import Membership
from werkpad.organisations.roles import Role
from werkpad.privacy.access import CASEWORK_ROLES, Access, access_map, visible_candidates
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, Confidentiality, LogAction, Purpose
from werkpad.privacy.models import Consent, ProcessingLogEntry
from werkpad.privacy.services import processing_log_write_for_access

MATCHING_ACTIVITY = "matching"
SUGGESTION_COUNT = 5
OFFER_SUGGESTION_COUNT = 10
# CEFR levels as the engine counts them: 0 none, 1 A1 ... 6 C2.
CEFR = {"none": 0, "A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6}
# The support an open barrier asks of a place (blocking work or not).
SUPPORT_NEEDED_FOR = {
    "childcare": "childcare_friendly",
    "care_duties": "adjusted_hours",
    "physical": "adjusted_hours",
    "psychological": "job_coach",
    "addiction": "job_coach",
    "digital_skills": "job_coach",
}
HEALTH_CODE = "barrier:health"


# --- access -----------------------------------------------------------------------------------


def matching_candidates(user: Any) -> QuerySet[Candidate]:
    """The candidates `user` may see for matching: consent for purpose `matching` to one of
    their organisations, or the municipality's legal basis."""
    return visible_candidates(user, purpose=Purpose.MATCHING)


def matching_access_map(user: Any, candidates: Sequence[Candidate]) -> dict[UUID, Access]:
    """The basis on which `user` sees each candidate for matching (absent: may not).

    The organisation and purpose are those of the consent for `matching` (or the legal basis);
    special-category access is as the access policy decides. Three queries.
    """
    base = access_map(user, candidates)
    if not base:
        return {}
    consents: dict[UUID, Consent] = {}
    for consent in (
        Consent.objects.active()
        .filter(
            candidate_id__in=list(base),
            purpose=Purpose.MATCHING,
            organisation__memberships__user_id=user.pk,
            organisation__memberships__role__in=CASEWORK_ROLES,
        )
        .select_related("organisation")
        .order_by("organisation__name")
    ):
        consents.setdefault(consent.candidate_id, consent)
    result: dict[UUID, Access] = {}
    for candidate_id, access in base.items():
        if access.purpose == LEGAL_BASIS_PURPOSE:
            result[candidate_id] = access
        elif candidate_id in consents:
            result[candidate_id] = Access(
                consents[candidate_id].organisation, Purpose.MATCHING, access.special_category
            )
    return result


def matching_access(user: Any, candidate: Candidate) -> Access | None:
    return matching_access_map(user, [candidate]).get(candidate.pk)


def log_shown(
    *, user: Any, accesses: dict[UUID, Access], candidates: Iterable[Candidate], action: LogAction
) -> None:
    """One processing-log entry per candidate shown, in one insert."""
    now = timezone.now()
    ProcessingLogEntry.objects.bulk_create(
        ProcessingLogEntry(
            timestamp=now,
            user_id=user.pk,
            user_label=user.email,
            organisation=accesses[c.pk].organisation.slug,
            action=action,
            activity=MATCHING_ACTIVITY,
            purpose=accesses[c.pk].purpose,
            object_type="candidate",
            object_id=str(c.pk),
            candidate=c,
            confidentiality=Confidentiality.NORMAL,
        )
        for c in candidates
        if c.pk in accesses
    )


def log_matching(*, user: Any, access: Access, action: LogAction, obj: Match | Placement) -> None:
    """One processing-log entry for reading or writing a match or placement of a candidate."""
    processing_log_write_for_access(
        user=user,
        access=access,
        action=action,
        activity=MATCHING_ACTIVITY,
        candidate=obj.candidate,
        object_type=obj._meta.model_name or "",
        object_id=obj.pk,
    )


@dataclass(frozen=True)
class MatchingView:
    """A candidate as one user may see them for matching."""

    candidate: Candidate
    access: Access


def matching_candidate_get(
    *, user: Any, candidate_id: UUID | str, log: bool = True
) -> MatchingView:
    """One candidate for matching: 404 unless visible under `matching`; logs one view."""
    with transaction.atomic():
        candidate = matching_candidates(user).filter(pk=candidate_id).first()
        access = matching_access(user, candidate) if candidate is not None else None
        if candidate is None or access is None:
            raise Http404
        if log:
            processing_log_write_for_access(
                user=user,
                access=access,
                action=LogAction.VIEW,
                activity=MATCHING_ACTIVITY,
                candidate=candidate,
            )
    return MatchingView(candidate=candidate, access=access)


# --- the engine's inputs ----------------------------------------------------------------------


@dataclass
class EngineInput:
    """Arrays for the engine, and which database row each array row is."""

    candidates: CandidateArrays
    offers: OfferArrays
    candidate_ids: list[UUID]
    offer_list: list[Offer]
    # Candidates left out, with why: "ladder" (no step assessed) or "postcode" (unknown area).
    skipped: dict[UUID, str] = field(default_factory=dict)


_CANDIDATE_FIELDS = (
    "id",
    "postcode",
    "hours_available",
    "dutch_level",
    "max_travel_km",
    "skills",
    "preferred_offer_kinds",
)


def _latest_step() -> Subquery:
    return Subquery(
        LadderScore.objects.filter(candidate=OuterRef("pk"))
        .order_by("-assessed_on", "-created_at")
        .values("step")[:1]
    )


def _barrier_kinds(candidates: QuerySet[Candidate]) -> dict[UUID, list[tuple[str, bool]]]:
    """Open barriers per candidate as (kind, blocks work); health kinds decrypted here."""
    kinds: dict[UUID, list[tuple[str, bool]]] = defaultdict(list)
    barriers = (
        Barrier.objects.filter(candidate__in=candidates.values("pk"))
        .exclude(status=BarrierStatus.RESOLVED)
        .only("candidate_id", "category", "kind_encrypted", "blocks_work")
        .order_by()
    )
    for barrier in barriers:
        kinds[barrier.candidate_id].append((barrier.kind, barrier.blocks_work))
    return kinds


def _skills_matrix(rows: Sequence[Sequence[str]], vocabulary: dict[str, int]) -> sp.csr_array:
    row_index = [r for r, skills in enumerate(rows) for s in skills if s in vocabulary]
    col_index = [vocabulary[s] for skills in rows for s in skills if s in vocabulary]
    return sp.csr_array(
        (np.ones(len(row_index), dtype=bool), (row_index, col_index)),
        shape=(len(rows), max(1, len(vocabulary))),
    )


def _floats(values: Iterable[Any]) -> FloatArray:
    return np.fromiter(values, dtype=np.float64)


def _ints(values: Iterable[Any]) -> IntArray:
    return np.fromiter(values, dtype=np.int64)


def _normalised(skills: Iterable[Any]) -> list[str]:
    return [" ".join(str(s).split()).lower() for s in skills if str(s).strip()]


def engine_input(*, candidates: QuerySet[Candidate], offers: Sequence[Offer]) -> EngineInput:
    """Build the engine's arrays: candidates from `candidates` (already limited by the access
    policy), offers as given (annotated with `free`, see `with_free_capacity`).

    Per candidate: the PC4 centroid of the postcode, hours, travel distance, CEFR level of
    Dutch (0..6), the current ladder step (the latest ladder score), the open barriers that
    block work as a mask, the support open barriers ask for, preferred kinds and skills.
    A candidate without a ladder step or with a postcode outside the known areas is left out
    (`skipped`). Three queries.
    """
    rows = list(candidates.annotate(step_now=_latest_step()).only(*_CANDIDATE_FIELDS))
    steps: list[int | None] = [getattr(c, "step_now", None) for c in rows]
    barriers = _barrier_kinds(candidates)
    lat, lon = centroids([c.postcode for c in rows])
    skipped: dict[UUID, str] = {}
    kept: list[int] = []
    for index, candidate in enumerate(rows):
        if steps[index] is None:
            skipped[candidate.pk] = "ladder"
        elif not np.isfinite(lat[index]):
            skipped[candidate.pk] = "postcode"
        else:
            kept.append(index)
    chosen = [rows[i] for i in kept]
    offer_skills = [(_normalised(o.skills_required), _normalised(o.skills_desired)) for o in offers]
    vocabulary: dict[str, int] = {}
    for required, desired in offer_skills:
        for skill in (*required, *desired):
            vocabulary.setdefault(skill, len(vocabulary))

    def barrier_mask(candidate: Candidate, *, blocking: bool) -> int:
        kinds = [k for k, blocks in barriers.get(candidate.pk, []) if blocks or not blocking]
        if blocking:
            return mask_of(set(kinds) & set(BARRIER_KINDS), BARRIER_KINDS)
        return mask_of(
            {SUPPORT_NEEDED_FOR[k] for k in kinds if k in SUPPORT_NEEDED_FOR}, SUPPORT_KINDS
        )

    candidate_arrays = CandidateArrays(
        lat=lat[kept],
        lon=lon[kept],
        max_travel_km=_floats(c.max_travel_km for c in chosen),
        hours_available=_floats(c.hours_available for c in chosen),
        dutch_level=_ints(CEFR.get(c.dutch_level, 0) for c in chosen),
        ladder_step=_ints(steps[i] for i in kept),
        blocking_barriers=_ints(barrier_mask(c, blocking=True) for c in chosen),
        acceptable_kinds=_ints(0 for _ in chosen),
        preferred_kinds=_ints(
            mask_of(set(c.preferred_offer_kinds) & set(OFFER_KINDS), OFFER_KINDS) for c in chosen
        ),
        preferred_sectors=_ints(0 for _ in chosen),
        support_needs=_ints(barrier_mask(c, blocking=False) for c in chosen),
        skills=_skills_matrix([_normalised(c.skills) for c in chosen], vocabulary),
    )
    return EngineInput(
        candidates=candidate_arrays,
        offers=offer_arrays(offers, offer_skills, vocabulary),
        candidate_ids=[c.pk for c in chosen],
        offer_list=list(offers),
        skipped=skipped,
    )


def offer_arrays(
    offers: Sequence[Offer],
    skills: Sequence[tuple[list[str], list[str]]],
    vocabulary: dict[str, int],
) -> OfferArrays:
    """Offers as the engine reads them; `free` places (annotated) are the capacity."""
    lat, lon = centroids([o.postcode for o in offers])
    providers: dict[UUID, int] = {}
    return OfferArrays(
        # An offer's postcode was checked against the known areas when it was saved.
        lat=np.nan_to_num(lat),
        lon=np.nan_to_num(lon),
        hours_min=_floats(o.hours_min for o in offers),
        hours_max=_floats(o.hours_max for o in offers),
        min_dutch_level=_ints(CEFR.get(o.min_dutch_level, 0) for o in offers),
        ladder_min=_ints(o.ladder_min for o in offers),
        ladder_max=_ints(o.ladder_max for o in offers),
        kind=_ints(OFFER_KINDS.index(o.kind) for o in offers),
        sector=_ints(SECTOR_IDS.get(o.sector, -1) for o in offers),
        physical_demand=_ints(PHYSICAL_DEMAND_LEVELS.index(o.physical_demand) for o in offers),
        within_school_hours=np.array([o.within_school_hours for o in offers], dtype=np.bool_),
        capacity=_ints(getattr(o, "free", o.capacity) for o in offers),
        group_min=_ints(o.group_min if o.is_group else 0 for o in offers),
        provider=_ints(
            providers.setdefault(o.employer_id or o.organisation_id, len(providers))  # type: ignore[arg-type]
            for o in offers
        ),
        support_given=_ints(
            mask_of([s for s in SUPPORT_KINDS if getattr(o, s)], SUPPORT_KINDS) for o in offers
        ),
        skills_required=_skills_matrix([r for r, _ in skills], vocabulary),
        skills_desired=_skills_matrix([d for _, d in skills], vocabulary),
    )


# --- explanations -----------------------------------------------------------------------------


def explanation_dict(explanation: Explanation, *, special: bool) -> dict[str, Any]:
    """An explanation as JSON; without special access (and whenever it is stored), a health
    barrier is `barrier:health` and its compared values are left out."""
    data: dict[str, Any] = explanation.as_dict()
    if special:
        return data

    def generic(check: dict[str, Any]) -> dict[str, Any]:
        if check["code"].removeprefix("barrier:") in HEALTH_BARRIER_KINDS:
            return {**check, "code": HEALTH_CODE, "values": {}}
        return check

    data["checks"] = [generic(c) for c in data["checks"]]
    data["failed"] = [generic(c) for c in data["failed"]]
    data["passed"] = [generic({"code": c})["code"] for c in data["passed"]]
    return data


class Explained:
    explanation: dict[str, Any] | None

    @property
    def text(self) -> ExplanationText | None:
        return explanation_text(self.explanation) if self.explanation is not None else None


@dataclass(frozen=True)
class Suggestion(Explained):
    offer: Offer
    score: float
    explanation: dict[str, Any]


@dataclass(frozen=True)
class CandidateSuggestion(Explained):
    candidate: Candidate
    score: float
    explanation: dict[str, Any]


def scored_pairs(inputs: EngineInput) -> ScoredEdges:
    edges = eligible_pairs(candidates=inputs.candidates, offers=inputs.offers)
    return score_pairs(candidates=inputs.candidates, offers=inputs.offers, edges=edges)


def top_offers(inputs: EngineInput, *, k: int = SUGGESTION_COUNT) -> Proposals:
    """Every candidate row's best `k` eligible offers, spread over providers (one engine run)."""
    scored = scored_pairs(inputs)
    return top_k(candidates=inputs.candidates, offers=inputs.offers, scored=scored, k=k)


def suggestions_for(
    inputs: EngineInput, proposals: Proposals, *, row: int, special: bool
) -> list[Suggestion]:
    """One candidate row's proposals (from `top_offers`), each with its explanation."""
    result = []
    for offer_row in proposals.offer[row]:
        if offer_row < 0:
            break
        explanation = explain_pair(
            candidates=inputs.candidates, offers=inputs.offers, candidate=row, offer=int(offer_row)
        )
        result.append(
            Suggestion(
                offer=inputs.offer_list[int(offer_row)],
                score=explanation.score,
                explanation=explanation_dict(explanation, special=special),
            )
        )
    return result


# --- the dossier panel "Passend aanbod" -------------------------------------------------------


@dataclass(frozen=True)
class WhyNot(Explained):
    offer: Offer
    open_now: bool
    explanation: dict[str, Any] | None


@dataclass
class CandidatePanel:
    view: MatchingView
    suggestions: list[Suggestion]
    matches: list[Match]
    skipped: str  # why there are no suggestions: "", "ladder" or "postcode"
    why_not: WhyNot | None = None
    offer_hits: list[Offer] = field(default_factory=list)


def _offer_is_open(offer: Offer, today: date) -> bool:
    return (
        offer.status == OfferStatus.OPEN
        and offer.open_from <= today
        and (offer.open_until is None or offer.open_until >= today)
    )


def candidate_panel(
    *,
    user: Any,
    candidate_id: UUID | str,
    why_not_offer_id: UUID | str | None = None,
    offer_search: str = "",
) -> CandidatePanel:
    """ "Passend aanbod" for one candidate: the best open offers with "waarom deze match", the
    candidate's matches, and — for an offer the user picks — "waarom niet". One log entry."""
    view = matching_candidate_get(user=user, candidate_id=candidate_id)
    today = timezone.localdate()
    special = view.access.special_category
    offers = list(open_offers(today=today).select_related("employer", "organisation"))
    one = matching_candidates(user).filter(pk=view.candidate.pk)
    inputs = engine_input(candidates=one, offers=offers)
    skipped = inputs.skipped.get(view.candidate.pk, "")
    panel = CandidatePanel(
        view=view,
        suggestions=suggestions_for(inputs, top_offers(inputs), row=0, special=special)
        if not skipped
        else [],
        matches=list(
            Match.objects.filter(candidate=view.candidate)
            .select_related("offer__employer", "offer__organisation")
            .order_by("-created_at")
        ),
        skipped=skipped,
    )
    if why_not_offer_id:
        offer = (
            with_free_capacity(Offer.objects.select_related("employer", "organisation"))
            .filter(pk=why_not_offer_id)
            .first()
        )
        if offer is None:
            raise Http404
        explanation = None
        if not skipped:
            single = engine_input(candidates=one, offers=[offer])
            explanation = explanation_dict(
                explain_pair(
                    candidates=single.candidates, offers=single.offers, candidate=0, offer=0
                ),
                special=special,
            )
        panel.why_not = WhyNot(
            offer=offer, open_now=_offer_is_open(offer, today), explanation=explanation
        )
    if offer_search.strip():
        panel.offer_hits = list(offer_list(filters=OfferFilters(search=offer_search))[:10])
    return panel


# --- suggested candidates on an offer ---------------------------------------------------------


def offer_suggestions(
    *, user: Any, offer: Offer, k: int = OFFER_SUGGESTION_COUNT
) -> list[CandidateSuggestion]:
    """The candidates `user` may see under `matching` who fit this offer best, explained;
    candidates with an open match on it are left out. Logs every candidate shown."""
    if not _offer_is_open(offer, timezone.localdate()) or getattr(offer, "free", 0) <= 0:
        return []
    candidates = matching_candidates(user).exclude(
        pk__in=Match.objects.filter(offer=offer, status__in=list(OPEN_STATUSES)).values(
            "candidate_id"
        )
    )
    inputs = engine_input(candidates=candidates, offers=[offer])
    scored = scored_pairs(inputs)
    best = np.lexsort((scored.distance_km, -scored.points))[:k]
    rows = [int(scored.cand[e]) for e in best]
    by_id = {
        c.pk: c
        for c in Candidate.objects.filter(pk__in=[inputs.candidate_ids[r] for r in rows])
        .select_related("lead_organisation")
        .only(
            "id",
            "first_name",
            "last_name",
            "postcode",
            "lead_organisation__name",
            "erased_at",
            "lead_organisation_id",
        )
    }
    shown = [by_id[inputs.candidate_ids[r]] for r in rows]
    accesses = matching_access_map(user, shown)
    result = []
    for row, candidate in zip(rows, shown, strict=True):
        access = accesses.get(candidate.pk)
        if access is None:
            continue
        explanation = explain_pair(
            candidates=inputs.candidates, offers=inputs.offers, candidate=row, offer=0
        )
        result.append(
            CandidateSuggestion(
                candidate=candidate,
                score=explanation.score,
                explanation=explanation_dict(explanation, special=access.special_category),
            )
        )
    log_shown(
        user=user,
        accesses=accesses,
        candidates=[s.candidate for s in result],
        action=LogAction.LIST,
    )
    return result


# --- matches and placements -------------------------------------------------------------------


def matches_visible(user: Any) -> QuerySet[Match]:
    return Match.objects.filter(candidate__in=matching_candidates(user).values("pk"))


def placements_visible(user: Any) -> QuerySet[Placement]:
    return Placement.objects.filter(candidate__in=matching_candidates(user).values("pk"))


def offer_matches(*, user: Any, offer: Offer) -> list[Match]:
    """The matches on an offer whose candidates `user` may see; each candidate shown is logged."""
    matches = list(
        matches_visible(user)
        .filter(offer=offer)
        .select_related("candidate")
        .order_by("status", "-score")
    )
    accesses = matching_access_map(user, [m.candidate for m in matches])
    log_shown(
        user=user,
        accesses=accesses,
        candidates={m.candidate_id: m.candidate for m in matches}.values(),
        action=LogAction.LIST,
    )
    return [m for m in matches if m.candidate_id in accesses]


def user_actors(*, user: Any, roles: set[Role], offer: Offer) -> frozenset[Actor]:
    """Who `user` is for a match on this offer (they see the candidate: they guide them)."""
    actors = {Actor.CASEWORKER}
    if offer.organisation_id is None:
        speaks_for_provider = bool(roles & EMPLOYER_ROLES)
    else:
        speaks_for_provider = Membership.objects.filter(
            user_id=user.pk, organisation_id=offer.organisation_id, role__in=CASEWORK_ROLES
        ).exists()
    if speaks_for_provider:
        actors.add(Actor.PROVIDER)
    return frozenset(actors)


@dataclass(frozen=True)
class MatchView:
    match: Match
    access: Access
    actors: frozenset[Actor]
    transitions: list[MatchTransition]
    placement: Placement | None

    @property
    def allowed(self) -> list[Transition]:
        return allowed_transitions(source=self.match.status, actors=self.actors)


def match_get(*, user: Any, roles: set[Role], match_id: UUID | str, log: bool = True) -> MatchView:
    """One match: 404 unless its candidate is visible under `matching`; logs one view."""
    match = (
        matches_visible(user)
        .select_related("candidate", "offer__employer", "offer__organisation", "proposed_by")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=MatchTransition.objects.select_related("acting_user", "organisation"),
            )
        )
        .filter(pk=match_id)
        .first()
    )
    access = matching_access(user, match.candidate) if match is not None else None
    if match is None or access is None:
        raise Http404
    if log:
        log_matching(user=user, access=access, action=LogAction.VIEW, obj=match)
    return MatchView(
        match=match,
        access=access,
        actors=user_actors(user=user, roles=roles, offer=match.offer),
        transitions=list(match.transitions.all()),
        placement=Placement.objects.filter(match=match).first()
        if match.status in (MatchStatus.PLACED, MatchStatus.ENDED)
        else None,
    )


@dataclass(frozen=True)
class PlacementView:
    placement: Placement
    access: Access
    current_step: int | None
    open_benefit_period: Any


def placement_get(*, user: Any, placement_id: UUID | str, log: bool = True) -> PlacementView:
    """One placement: 404 unless its candidate is visible under `matching`; logs one view."""
    placement = (
        placements_visible(user)
        .select_related("candidate", "offer__employer", "offer__organisation", "match")
        .filter(pk=placement_id)
        .first()
    )
    access = matching_access(user, placement.candidate) if placement is not None else None
    if placement is None or access is None:
        raise Http404
    if log:
        log_matching(user=user, access=access, action=LogAction.VIEW, obj=placement)
    latest = placement.candidate.ladder_scores.order_by("-assessed_on", "-created_at").first()
    return PlacementView(
        placement=placement,
        access=access,
        current_step=latest.step if latest else None,
        open_benefit_period=placement.candidate.benefit_periods.filter(end__isnull=True)
        .order_by("-start")
        .first(),
    )


# --- plan runs --------------------------------------------------------------------------------


def plan_candidates() -> QuerySet[Candidate]:
    """Everyone the city-wide plan may propose an offer to: an active consent for `matching`,
    not erased, and no open match already."""
    return (
        Candidate.objects.filter(erased_at__isnull=True)
        .filter(
            pk__in=Consent.objects.active().filter(purpose=Purpose.MATCHING).values("candidate_id")
        )
        .exclude(pk__in=Match.objects.filter(status__in=list(OPEN_STATUSES)).values("candidate_id"))
    )


def plan_run_list() -> QuerySet[PlanRun]:
    return PlanRun.objects.select_related("started_by").order_by("-created_at")


def plan_run_get(*, run_id: UUID | str) -> PlanRun:
    run = PlanRun.objects.select_related("started_by").filter(pk=run_id).first()
    if run is None:
        raise Http404
    return run


@dataclass(frozen=True)
class ReviewRow:
    proposal: PlanProposal
    visible: bool


def plan_review_page(
    *, user: Any, run: PlanRun, page_number: Any, per_page: int
) -> tuple[Page[Any], list[ReviewRow]]:
    """One page of a run's proposals. Names only of candidates the reviewer may see under
    `matching` (each shown one is logged); the others are counted, not named."""
    proposals = run.proposals.select_related(
        "candidate", "offer__employer", "offer__organisation"
    ).order_by("-score", "id")
    page = Paginator(proposals, per_page).get_page(page_number)
    items = list(page.object_list)
    accesses = matching_access_map(user, [p.candidate for p in items])
    log_shown(
        user=user, accesses=accesses, candidates=[p.candidate for p in items], action=LogAction.LIST
    )
    return page, [ReviewRow(proposal=p, visible=p.candidate_id in accesses) for p in items]
