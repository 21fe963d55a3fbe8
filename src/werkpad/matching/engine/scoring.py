"""Scoring eligible pairs: named components in [0, 1] and their weighted mean.

==============  ===================================================================================
component       value for a pair
==============  ===================================================================================
``skills``      share of the offer's asked skills the candidate has, a required skill counting
                twice a desired one: ``(2 |C & R| + |C & D|) / (2 |R| + |D|)``; 1 if it asks none
``preferences`` mean of two parts: the offer's kind is among the candidate's preferred kinds,
                and its sector among the preferred sectors (1 yes, 0 no, 0.5 when the candidate
                stated no preference or the offer has no sector, so silence is neither rewarded
                nor punished when candidates compete for a place)
``support``     share of the support the candidate needs (job coach, adjusted hours,
                childcare-friendly) that the offer gives; 1 if the candidate needs none
``travel``      ``1 - distance / max_travel_km``: closer is better, relative to how far this
                candidate is willing to go; 1 when the candidate travels 0 km
==============  ===================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .arrays import CandidateArrays, Edges, FloatArray, IntArray, OfferArrays, ScoredEdges
from .codes import SCORE_COMPONENTS, SCORE_SCALE, SUPPORT_KINDS

__all__ = ["REQUIRED_SKILL_WEIGHT", "ScoreWeights", "score_pairs"]

#: A required skill the candidate has counts this many times a desired one.
REQUIRED_SKILL_WEIGHT = 2
_NEUTRAL = 0.5
_WORD = 64

SkillBits = npt.NDArray[np.uint64]


@dataclass(frozen=True, kw_only=True)
class ScoreWeights:
    """Weights of the score components; the total is their weighted mean, so only ratios matter."""

    skills: float = 0.4
    preferences: float = 0.25
    support: float = 0.2
    travel: float = 0.15

    def __post_init__(self) -> None:
        weights = [getattr(self, f.name) for f in fields(self)]
        if min(weights) < 0 or sum(weights) <= 0:
            raise ValueError("score weights must be >= 0 and not all 0")


if tuple(f.name for f in fields(ScoreWeights)) != SCORE_COMPONENTS:  # pragma: no cover
    raise ImportError("ScoreWeights must list SCORE_COMPONENTS in order")


def score_pairs(
    *,
    candidates: CandidateArrays,
    offers: OfferArrays,
    edges: Edges,
    weights: ScoreWeights | None = None,
) -> ScoredEdges:
    """Score every edge; see the module docstring for the components.

    ``points`` (the integer the ranking and the plan use) is ``round(total * SCORE_SCALE)``.
    """
    if candidates.skills.shape[1] != offers.skills_required.shape[1]:
        raise ValueError("candidate and offer skill matrices need the same skill columns")
    weights = weights or ScoreWeights()
    ci, oj = edges.cand, edges.offer
    components = {
        "skills": _skills(candidates, offers, ci, oj),
        "preferences": _preferences(candidates, offers, ci, oj),
        "support": _SUPPORT_COVERAGE[candidates.support_needs[ci], offers.support_given[oj]],
        "travel": _travel(candidates.max_travel_km[ci], edges.distance_km),
    }
    weight_of = {name: float(getattr(weights, name)) for name in SCORE_COMPONENTS}
    total = sum(weight_of[name] * components[name] for name in SCORE_COMPONENTS) / sum(
        weight_of.values()
    )
    total_array = np.asarray(total, dtype=np.float64)
    return ScoredEdges(
        cand=ci,
        offer=oj,
        distance_km=edges.distance_km,
        total=total_array,
        points=np.rint(total_array * SCORE_SCALE).astype(np.int64),
        **components,
    )


def _skill_bits(matrix: sp.csr_array, rows: IntArray) -> tuple[SkillBits, IntArray]:
    """Pack the ``rows`` of a bool rows x skills matrix into words of 64 skill bits; return the
    packed rows and, per entry of ``rows``, its row in the packed array.

    For a handful of rows (an explanation, one candidate's list) only those rows are packed, so
    explaining one pair does not pay for packing every candidate.
    """
    if len(rows) * 8 < matrix.shape[0]:
        used, position = np.unique(rows, return_inverse=True)
        matrix = matrix[used]
    else:
        position = rows
    coo = matrix.tocoo()
    packed = np.zeros((matrix.shape[0], max(1, -(-matrix.shape[1] // _WORD))), dtype=np.uint64)
    cols = coo.col.astype(np.uint64)
    np.bitwise_or.at(
        packed,
        (coo.row, (cols // np.uint64(_WORD)).astype(np.intp)),
        np.left_shift(np.uint64(1), cols % np.uint64(_WORD)),
    )
    return packed, position


def _common(a: SkillBits, b: SkillBits) -> IntArray:
    """Bits set in both, per row; word by word, which keeps every array 1-D and short-lived."""
    total = np.zeros(len(a), dtype=np.int64)
    for word in range(a.shape[1]):
        total += np.bitwise_count(a[:, word] & b[:, word])
    return total


def _skills(c: CandidateArrays, o: OfferArrays, ci: IntArray, oj: IntArray) -> FloatArray:
    has, has_row = _skill_bits(c.skills, ci)
    required, offer_row = _skill_bits(o.skills_required, oj)
    desired, _ = _skill_bits(o.skills_desired, oj)
    # A skill both required and desired counts once, as required.
    desired &= ~required
    asked = REQUIRED_SKILL_WEIGHT * _common(required, required) + _common(desired, desired)
    offered = has[has_row]
    met = REQUIRED_SKILL_WEIGHT * _common(offered, required[offer_row]) + _common(
        offered, desired[offer_row]
    )
    asked_per_edge = asked[offer_row]
    return np.where(asked_per_edge > 0, met / np.maximum(asked_per_edge, 1), 1.0)


def _preference_part(preferred: IntArray, value_bit: IntArray) -> FloatArray:
    """1 if the offer's bit is among the preferred, 0 if not, neutral if either side is silent."""
    hit = ((preferred & value_bit) != 0).astype(np.float64)
    return np.where((preferred != 0) & (value_bit != 0), hit, _NEUTRAL)


def _preferences(c: CandidateArrays, o: OfferArrays, ci: IntArray, oj: IntArray) -> FloatArray:
    kind_bit = np.int64(1) << o.kind
    sector_bit = np.where(o.sector >= 0, np.int64(1) << np.maximum(o.sector, 0), 0)
    kind = _preference_part(c.preferred_kinds[ci], kind_bit[oj])
    sector = _preference_part(c.preferred_sectors[ci], sector_bit[oj])
    return np.asarray((kind + sector) / 2.0)


def _support_table() -> FloatArray:
    """Share of needs met for every (needs, given) pair of support masks, looked up per edge."""
    masks = np.arange(1 << len(SUPPORT_KINDS))
    needed = np.bitwise_count(masks)[:, None]
    met = np.bitwise_count(masks[:, None] & masks[None, :])
    return np.where(needed > 0, met / np.maximum(needed, 1), 1.0)


_SUPPORT_COVERAGE = _support_table()


def _travel(max_travel_km: FloatArray, distance_km: FloatArray) -> FloatArray:
    share = distance_km / np.where(max_travel_km > 0, max_travel_km, 1.0)
    return np.where(max_travel_km > 0, np.clip(1.0 - share, 0.0, 1.0), 1.0)
