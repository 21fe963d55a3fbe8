"""The engine's inputs and intermediate results: dataclasses of NumPy arrays, one row per item.

Constructors copy nothing that is already of the right dtype and check shapes and ranges, so the
Django side gets a ``ValueError`` naming the field instead of a wrong plan.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .codes import BARRIER_KINDS, OFFER_KINDS, PHYSICAL_DEMAND_LEVELS, SUPPORT_KINDS

__all__ = [
    "BoolArray",
    "CandidateArrays",
    "Edges",
    "FloatArray",
    "IntArray",
    "OfferArrays",
    "ScoredEdges",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_MAX_CEFR = 6  # C2
_LADDER_STEPS = (1, 6)
_MAX_SECTOR = 62  # sectors are bits of an int64 preference mask


def _coerce(item: Any, skill_fields: tuple[str, ...]) -> None:
    """Give every array field the dtype its annotation names and check all share one length.

    The dtype comes from the field's annotation, so a dataclass declares it exactly once.
    """
    dtypes: dict[str, type[np.generic]] = {
        "FloatArray": np.float64,
        "IntArray": np.int64,
        "BoolArray": np.bool_,
    }
    lengths: dict[str, int] = {}
    for field in fields(item):
        if field.name in skill_fields:
            continue
        value: npt.NDArray[Any] = np.ascontiguousarray(
            getattr(item, field.name), dtype=dtypes[str(field.type)]
        )
        if value.ndim != 1:
            raise ValueError(f"{field.name}: expected a 1-D array")
        lengths[field.name] = len(value)
        object.__setattr__(item, field.name, value)
    if len(set(lengths.values())) > 1:
        raise ValueError(f"arrays differ in length: {lengths}")
    rows = next(iter(lengths.values()))
    for name in skill_fields:
        matrix = sp.csr_array(getattr(item, name), dtype=np.bool_)
        if matrix.shape[0] != rows:
            raise ValueError(f"{name}: expected {rows} rows, got {matrix.shape[0]}")
        object.__setattr__(item, name, matrix)


def _check(ok: npt.NDArray[np.bool_] | bool, message: str) -> None:
    if not np.all(ok):
        raise ValueError(message)


def _mask_fits(mask: IntArray, vocabulary: tuple[str, ...]) -> npt.NDArray[np.bool_]:
    return (mask >= 0) & (mask < (1 << len(vocabulary)))


@dataclass(frozen=True, kw_only=True, eq=False)
class CandidateArrays:
    """Candidates, one row each; bit masks use the code tuples in :mod:`.codes`.

    Attributes:
        lat, lon: home location in WGS84 degrees (their PC4 centroid).
        max_travel_km: the furthest the candidate will travel, great-circle km.
        hours_available: hours per week the candidate can work.
        dutch_level: CEFR level of Dutch, 0 none, 1 A1 ... 6 C2.
        ladder_step: current step on the participatieladder, 1..6.
        blocking_barriers: mask over BARRIER_KINDS of the open barriers that block work.
        acceptable_kinds: mask over OFFER_KINDS the candidate will accept; 0 accepts all (hard).
        preferred_kinds: mask over OFFER_KINDS the candidate prefers; 0 no preference (score).
        preferred_sectors: mask over sector ids 0..62 the candidate prefers; 0 no preference.
        support_needs: mask over SUPPORT_KINDS the candidate needs.
        skills: sparse bool matrix, candidates x skills (the same skill columns as the offers).
    """

    lat: FloatArray
    lon: FloatArray
    max_travel_km: FloatArray
    hours_available: FloatArray
    dutch_level: IntArray
    ladder_step: IntArray
    blocking_barriers: IntArray
    acceptable_kinds: IntArray
    preferred_kinds: IntArray
    preferred_sectors: IntArray
    support_needs: IntArray
    skills: sp.csr_array

    def __post_init__(self) -> None:
        _coerce(self, ("skills",))
        _check(np.isfinite(self.lat) & np.isfinite(self.lon), "lat/lon: must be finite")
        _check(self.max_travel_km >= 0, "max_travel_km: must be >= 0")
        _check(self.hours_available >= 0, "hours_available: must be >= 0")
        _check((self.dutch_level >= 0) & (self.dutch_level <= _MAX_CEFR), "dutch_level: 0..6")
        low, high = _LADDER_STEPS
        _check((self.ladder_step >= low) & (self.ladder_step <= high), "ladder_step: 1..6")
        _check(_mask_fits(self.blocking_barriers, BARRIER_KINDS), "blocking_barriers: bad mask")
        _check(_mask_fits(self.acceptable_kinds, OFFER_KINDS), "acceptable_kinds: bad mask")
        _check(_mask_fits(self.preferred_kinds, OFFER_KINDS), "preferred_kinds: bad mask")
        _check(self.preferred_sectors >= 0, "preferred_sectors: bad mask")
        _check(_mask_fits(self.support_needs, SUPPORT_KINDS), "support_needs: bad mask")

    @property
    def n(self) -> int:
        """Number of candidates."""
        return len(self.lat)

    def rows(self, index: slice | npt.NDArray[np.intp]) -> CandidateArrays:
        """The candidates at ``index`` (a slice or row numbers), renumbered from 0."""
        return replace(
            self,
            **{f.name: getattr(self, f.name)[index] for f in fields(self)},
        )


@dataclass(frozen=True, kw_only=True, eq=False)
class OfferArrays:
    """Offers, one row each; a group offer has ``group_min >= 2``.

    Attributes:
        lat, lon: location in WGS84 degrees (its PC4 centroid).
        hours_min, hours_max: hours per week the offer asks at least / gives at most.
        min_dutch_level: CEFR level of Dutch required, 0..6.
        ladder_min, ladder_max: participatieladder steps the offer suits, inclusive.
        kind: index into OFFER_KINDS.
        sector: sector id 0..62, or -1 when the offer has none.
        physical_demand: index into PHYSICAL_DEMAND_LEVELS (0 low, 1 medium, 2 high).
        within_school_hours: the hours fit inside school hours (childcare-compatible).
        capacity: candidates the offer can still take; 0 means full.
        group_min: the offer runs only with at least this many candidates; 0 or 1 = no minimum.
        provider: id of the organisation or employer behind the offer (for spreading proposals).
        support_given: mask over SUPPORT_KINDS the offer provides.
        skills_required, skills_desired: sparse bool matrices, offers x skills.
    """

    lat: FloatArray
    lon: FloatArray
    hours_min: FloatArray
    hours_max: FloatArray
    min_dutch_level: IntArray
    ladder_min: IntArray
    ladder_max: IntArray
    kind: IntArray
    sector: IntArray
    physical_demand: IntArray
    within_school_hours: BoolArray
    capacity: IntArray
    group_min: IntArray
    provider: IntArray
    support_given: IntArray
    skills_required: sp.csr_array
    skills_desired: sp.csr_array

    def __post_init__(self) -> None:
        _coerce(self, ("skills_required", "skills_desired"))
        _check(np.isfinite(self.lat) & np.isfinite(self.lon), "lat/lon: must be finite")
        _check((self.hours_min >= 0) & (self.hours_min <= self.hours_max), "hours: 0 <= min <= max")
        _check((self.min_dutch_level >= 0) & (self.min_dutch_level <= _MAX_CEFR), "dutch: 0..6")
        _check((self.ladder_min <= self.ladder_max), "ladder_min: must be <= ladder_max")
        _check((self.kind >= 0) & (self.kind < len(OFFER_KINDS)), "kind: index into OFFER_KINDS")
        _check((self.sector >= -1) & (self.sector <= _MAX_SECTOR), "sector: -1..62")
        _check(
            (self.physical_demand >= 0) & (self.physical_demand < len(PHYSICAL_DEMAND_LEVELS)),
            "physical_demand: 0..2",
        )
        _check(self.capacity >= 0, "capacity: must be >= 0")
        _check(self.group_min >= 0, "group_min: must be >= 0")
        _check(_mask_fits(self.support_given, SUPPORT_KINDS), "support_given: bad mask")
        if self.skills_required.shape != self.skills_desired.shape:
            raise ValueError("skills_required and skills_desired: need the same shape")

    @property
    def m(self) -> int:
        """Number of offers."""
        return len(self.lat)


@dataclass(frozen=True, kw_only=True, eq=False)
class Edges:
    """Eligible (candidate, offer) pairs, sorted by candidate then offer.

    Attributes:
        cand: candidate row; offer: offer row; distance_km: great-circle km between them.
    """

    cand: IntArray
    offer: IntArray
    distance_km: FloatArray

    def __post_init__(self) -> None:
        _coerce(self, ())

    def __len__(self) -> int:
        return len(self.cand)


@dataclass(frozen=True, kw_only=True, eq=False)
class ScoredEdges(Edges):
    """Eligible pairs with their score, in the same order as the :class:`Edges` they came from.

    Attributes:
        skills, preferences, support, travel: the named score components, each in [0, 1].
        total: weighted mean of the components, in [0, 1].
        points: ``total`` as integer points (x SCORE_SCALE, rounded); what rankings and plans use.
    """

    skills: FloatArray
    preferences: FloatArray
    support: FloatArray
    travel: FloatArray
    total: FloatArray
    points: IntArray
