"""Hard constraints: which (candidate, offer) pairs may be proposed at all, and why not.

Every constraint has a stable code that the Django side translates for "waarom niet":

================  ================================================================================
code              a pair passes when
================  ================================================================================
``hours``         the candidate's hours available cover the offer's ``hours_min`` (the offer's
                  ``hours_max`` only caps the hours planned, it excludes nobody)
``kind``          the candidate accepts the offer's kind (``acceptable_kinds`` is 0 or has its bit)
``dutch_level``   the candidate's CEFR level of Dutch is >= the offer's ``min_dutch_level``
``ladder_step``   ``ladder_min <= ladder_step <= ladder_max``
``capacity``      the offer has a free place (``capacity > 0``)
``distance``      the great-circle distance between the PC4 centroids is <= ``max_travel_km``
``barrier:<k>``   the candidate has no open work-blocking barrier ``k`` whose rule excludes the
                  offer (table below); checked only for barriers the candidate has
================  ================================================================================

Barrier rules. An open barrier that blocks work does not rule the candidate out of everything: it
rules out the offers it makes impossible, so that the plan offers the step that *is* possible
(often participation before work). One row per code in BARRIER_KINDS:

==================  ================================================================================
barrier             excludes offers ...
==================  ================================================================================
``physical``        with high physical demand
``psychological``   of a work kind (paid_job, supported_job, work_experience) without a job coach
``addiction``       of a work kind without a job coach
``care_duties``     asking more than 16 hours a week without adjusted hours
``childcare``       outside school hours
``language``        that require any Dutch (``min_dutch_level > 0``); a level below the
                    requirement fails ``dutch_level`` even without this barrier
``debts``           of a work kind: first stability (debt help), meanwhile participation
``housing``         of a work kind: first a home, meanwhile participation
``transport``       more than 5 km away (reachable by bike or on foot)
``digital_skills``  of a work kind without a job coach
``other``           of a work kind: an unnamed blocker is treated as the most careful case until
                    the Zeg JA Team names it
==================  ================================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..geo import km_for_chord, unit_vectors
from .arrays import BoolArray, CandidateArrays, FloatArray, IntArray, OfferArrays
from .codes import (
    BARRIER_KINDS,
    OFFER_KINDS,
    PHYSICAL_DEMAND_LEVELS,
    SUPPORT_KINDS,
    WORK_KINDS,
    mask_of,
    names_in,
)

__all__ = [
    "BARRIER_RULES",
    "CARE_DUTIES_MAX_HOURS",
    "CONSTRAINT_CODES",
    "PAIR_CONSTRAINTS",
    "TRANSPORT_MAX_KM",
    "BarrierRule",
    "ConstraintValue",
    "OfferTrait",
    "PairConstraint",
    "Pairs",
    "barrier_checks",
    "barrier_code",
    "effective_travel_km",
    "excluded_barriers",
]

#: Weekly hours a candidate with work-blocking care duties can combine with them.
CARE_DUTIES_MAX_HOURS = 16.0
#: Reach of a candidate whose open transport barrier blocks work: cycling or walking distance.
TRANSPORT_MAX_KM = 5.0

ConstraintValue = bool | int | float | str | list[str]

_JOB_COACH = mask_of(["job_coach"], SUPPORT_KINDS)
_ADJUSTED_HOURS = mask_of(["adjusted_hours"], SUPPORT_KINDS)
_WORK_KIND_INDEXES = np.array([OFFER_KINDS.index(kind) for kind in WORK_KINDS])
_HIGH_DEMAND = PHYSICAL_DEMAND_LEVELS.index("high")


def _is_work_kind(offers: OfferArrays) -> BoolArray:
    return np.isin(offers.kind, _WORK_KIND_INDEXES)


def _has_job_coach(offers: OfferArrays) -> BoolArray:
    return (offers.support_given & _JOB_COACH) != 0


@dataclass(frozen=True)
class OfferTrait:
    """A property of an offer that some barriers rule out, with the values that show it."""

    applies: Callable[[OfferArrays], BoolArray]
    values: Callable[[OfferArrays, int], dict[str, ConstraintValue]]


_HIGH_PHYSICAL_DEMAND = OfferTrait(
    applies=lambda o: o.physical_demand == _HIGH_DEMAND,
    values=lambda o, j: {"physical_demand": PHYSICAL_DEMAND_LEVELS[o.physical_demand[j]]},
)
_WORK_WITHOUT_JOB_COACH = OfferTrait(
    applies=lambda o: _is_work_kind(o) & ~_has_job_coach(o),
    values=lambda o, j: {
        "kind": OFFER_KINDS[o.kind[j]],
        "job_coach": bool(_has_job_coach(o)[j]),
    },
)
_LONG_HOURS_WITHOUT_ADJUSTMENT = OfferTrait(
    applies=lambda o: (
        (o.hours_min > CARE_DUTIES_MAX_HOURS) & ((o.support_given & _ADJUSTED_HOURS) == 0)
    ),
    values=lambda o, j: {
        "hours_min": float(o.hours_min[j]),
        "limit_hours": CARE_DUTIES_MAX_HOURS,
        "adjusted_hours": bool(o.support_given[j] & _ADJUSTED_HOURS),
    },
)
_OUTSIDE_SCHOOL_HOURS = OfferTrait(
    applies=lambda o: ~o.within_school_hours,
    values=lambda o, j: {"within_school_hours": bool(o.within_school_hours[j])},
)
_REQUIRES_DUTCH = OfferTrait(
    applies=lambda o: o.min_dutch_level > 0,
    values=lambda o, j: {"min_dutch_level": int(o.min_dutch_level[j])},
)
_WORK_KIND = OfferTrait(
    applies=_is_work_kind,
    values=lambda o, j: {"kind": OFFER_KINDS[o.kind[j]]},
)


@dataclass(frozen=True)
class BarrierRule:
    """What one open, work-blocking barrier rules out: offers with a trait, or far-away offers."""

    barrier: str
    excludes: OfferTrait | None = None
    travel_limit_km: float | None = None

    def __post_init__(self) -> None:
        if (self.excludes is None) == (self.travel_limit_km is None):
            raise ValueError(f"{self.barrier}: a rule excludes by trait or by distance, not both")


#: The barrier rule table (see the module docstring), in BARRIER_KINDS order.
BARRIER_RULES: tuple[BarrierRule, ...] = (
    BarrierRule("physical", excludes=_HIGH_PHYSICAL_DEMAND),
    BarrierRule("psychological", excludes=_WORK_WITHOUT_JOB_COACH),
    BarrierRule("addiction", excludes=_WORK_WITHOUT_JOB_COACH),
    BarrierRule("care_duties", excludes=_LONG_HOURS_WITHOUT_ADJUSTMENT),
    BarrierRule("childcare", excludes=_OUTSIDE_SCHOOL_HOURS),
    BarrierRule("language", excludes=_REQUIRES_DUTCH),
    BarrierRule("debts", excludes=_WORK_KIND),
    BarrierRule("housing", excludes=_WORK_KIND),
    BarrierRule("transport", travel_limit_km=TRANSPORT_MAX_KM),
    BarrierRule("digital_skills", excludes=_WORK_WITHOUT_JOB_COACH),
    BarrierRule("other", excludes=_WORK_KIND),
)
if tuple(rule.barrier for rule in BARRIER_RULES) != BARRIER_KINDS:  # pragma: no cover
    raise ImportError("BARRIER_RULES must have one rule per BARRIER_KINDS code, in order")


def barrier_code(barrier: str) -> str:
    """Constraint code of a barrier rule, e.g. ``barrier:childcare``."""
    return f"barrier:{barrier}"


def excluded_barriers(offers: OfferArrays) -> IntArray:
    """Per offer, the mask of barriers (over BARRIER_KINDS) whose rule excludes it by its traits.

    A candidate may take offer ``j`` only if ``blocking_barriers & excluded[j] == 0``; computing
    this once per offer keeps the per-pair test to one AND however many rules there are.
    """
    excluded = np.zeros(offers.m, dtype=np.int64)
    for bit, rule in enumerate(BARRIER_RULES):
        if rule.excludes is not None:
            excluded |= rule.excludes.applies(offers).astype(np.int64) << bit
    return excluded


def effective_travel_km(candidates: CandidateArrays) -> FloatArray:
    """Per candidate, the furthest an eligible offer may be: ``max_travel_km`` capped by the
    travel limits of the candidate's blocking barriers (``distance`` and ``barrier:transport``).
    """
    reach = candidates.max_travel_km.copy()
    for bit, rule in enumerate(BARRIER_RULES):
        if rule.travel_limit_km is not None:
            has = (candidates.blocking_barriers >> bit & 1).astype(bool)
            reach[has] = np.minimum(reach[has], rule.travel_limit_km)
    return reach


class Pairs:
    """(candidate, offer) pairs under test, with the chord between their places on the unit sphere.

    Every distance check uses the great-circle distance derived from that chord (the same
    distance :func:`..geo.haversine_km` gives, by another formula). Building the graph passes the
    chords its k-d trees measured; an explanation measures its one pair the same way.
    Explanations use a single pair, whose rows are ``i`` and ``j``.
    """

    def __init__(
        self,
        candidates: CandidateArrays,
        offers: OfferArrays,
        cand: IntArray,
        offer: IntArray,
        chord: FloatArray | None = None,
    ) -> None:
        self.candidates, self.offers, self.cand, self.offer = candidates, offers, cand, offer
        if chord is None:
            c, o = candidates, offers
            apart = unit_vectors(c.lat[cand], c.lon[cand]) - unit_vectors(
                o.lat[offer], o.lon[offer]
            )
            chord = np.sqrt((apart**2).sum(axis=1))
        self.chord = chord

    @cached_property
    def distance_km(self) -> FloatArray:
        """Great-circle km between the PC4 centroids."""
        return km_for_chord(self.chord)

    def where(self, keep: BoolArray) -> Pairs:
        """The pairs where ``keep`` holds."""
        return Pairs(
            self.candidates, self.offers, self.cand[keep], self.offer[keep], self.chord[keep]
        )

    @property
    def i(self) -> int:
        """Candidate row of the first pair."""
        return int(self.cand[0])

    @property
    def j(self) -> int:
        """Offer row of the first pair."""
        return int(self.offer[0])


@dataclass(frozen=True)
class PairConstraint:
    """A hard constraint other than a barrier rule: a vectorised test and, for the explanation of
    one pair, the values it compared."""

    code: str
    passes: Callable[[Pairs], BoolArray]
    values: Callable[[Pairs], dict[str, ConstraintValue]]


def _accepts_kind(p: Pairs) -> BoolArray:
    acceptable = p.candidates.acceptable_kinds[p.cand]
    kind_bit = (np.int64(1) << p.offers.kind)[p.offer]
    return (acceptable == 0) | ((acceptable & kind_bit) != 0)


def _ladder_fits(p: Pairs) -> BoolArray:
    step = p.candidates.ladder_step[p.cand]
    return (p.offers.ladder_min[p.offer] <= step) & (step <= p.offers.ladder_max[p.offer])


#: Pair constraints, in the order explanations list them (barrier checks follow) and the graph
#: applies them: the most selective first, so that later ones test fewer pairs.
PAIR_CONSTRAINTS: tuple[PairConstraint, ...] = (
    PairConstraint(
        "hours",
        passes=lambda p: p.candidates.hours_available[p.cand] >= p.offers.hours_min[p.offer],
        values=lambda p: {
            "hours_available": float(p.candidates.hours_available[p.i]),
            "hours_min": float(p.offers.hours_min[p.j]),
            "hours_max": float(p.offers.hours_max[p.j]),
            "hours_planned": float(min(p.candidates.hours_available[p.i], p.offers.hours_max[p.j])),
        },
    ),
    PairConstraint(
        "kind",
        passes=_accepts_kind,
        values=lambda p: {
            "kind": OFFER_KINDS[p.offers.kind[p.j]],
            "acceptable_kinds": names_in(int(p.candidates.acceptable_kinds[p.i]), OFFER_KINDS),
        },
    ),
    PairConstraint(
        "dutch_level",
        passes=lambda p: p.candidates.dutch_level[p.cand] >= p.offers.min_dutch_level[p.offer],
        values=lambda p: {
            "dutch_level": int(p.candidates.dutch_level[p.i]),
            "min_dutch_level": int(p.offers.min_dutch_level[p.j]),
        },
    ),
    PairConstraint(
        "ladder_step",
        passes=_ladder_fits,
        values=lambda p: {
            "ladder_step": int(p.candidates.ladder_step[p.i]),
            "ladder_min": int(p.offers.ladder_min[p.j]),
            "ladder_max": int(p.offers.ladder_max[p.j]),
        },
    ),
    PairConstraint(
        "capacity",
        passes=lambda p: p.offers.capacity[p.offer] > 0,
        values=lambda p: {"capacity": int(p.offers.capacity[p.j])},
    ),
    PairConstraint(
        "distance",
        passes=lambda p: p.distance_km <= p.candidates.max_travel_km[p.cand],
        values=lambda p: {
            "distance_km": float(p.distance_km[0]),
            "max_travel_km": float(p.candidates.max_travel_km[p.i]),
        },
    ),
)

#: Every code a failed or passed check can carry.
CONSTRAINT_CODES: tuple[str, ...] = tuple(c.code for c in PAIR_CONSTRAINTS) + tuple(
    barrier_code(b) for b in BARRIER_KINDS
)


def barrier_checks(pair: Pairs) -> list[tuple[str, bool, dict[str, ConstraintValue]]]:
    """``(code, passed, values)`` of the barrier rules for the blocking barriers of one pair's
    candidate; the same rules :func:`excluded_barriers` and :func:`effective_travel_km` apply
    to all pairs at once."""
    checks = []
    for bit, rule in enumerate(BARRIER_RULES):
        if not pair.candidates.blocking_barriers[pair.i] >> bit & 1:
            continue
        values: dict[str, ConstraintValue]
        if rule.travel_limit_km is not None:
            distance = float(pair.distance_km[0])
            passed = distance <= rule.travel_limit_km
            values = {"distance_km": distance, "limit_km": rule.travel_limit_km}
        elif rule.excludes is not None:
            passed = not rule.excludes.applies(pair.offers)[pair.j]
            values = rule.excludes.values(pair.offers, pair.j)
        checks.append((barrier_code(rule.barrier), passed, values))
    return checks
