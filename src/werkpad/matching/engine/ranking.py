"""Per-candidate proposals: the top k offers, spread over providers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import CandidateArrays, IntArray, OfferArrays, ScoredEdges
from .codes import SCORE_SCALE

__all__ = ["PROVIDER_REPEAT_PENALTY", "Proposals", "top_k"]

#: Score subtracted from an offer for every better-ranked proposal of the same provider.
PROVIDER_REPEAT_PENALTY = 0.05


@dataclass(frozen=True, kw_only=True, eq=False)
class Proposals:
    """Top-k proposals: row ``i`` lists candidate ``i``'s proposals best first, padded with -1.

    Attributes:
        offer: (n x k) offer rows.
        edge: (n x k) positions in the ScoredEdges, for the score components of each proposal.
    """

    offer: IntArray
    edge: IntArray


def _position_in_group(*keys: IntArray) -> IntArray:
    """0, 1, 2, ... within each run of equal ``keys`` in an array already sorted by them."""
    size = len(keys[0])
    continues = np.ones(size, dtype=bool)
    continues[:1] = False
    for key in keys:
        continues[1:] &= key[1:] == key[:-1]
    starts = np.flatnonzero(~continues)
    group_start = np.repeat(starts, np.diff(np.append(starts, size)))
    return np.arange(size) - group_start


def top_k(
    *,
    candidates: CandidateArrays,
    offers: OfferArrays,
    scored: ScoredEdges,
    k: int,
    first: IntArray | None = None,
    provider_penalty: float = PROVIDER_REPEAT_PENALTY,
) -> Proposals:
    """Rank each candidate's eligible offers and keep the best ``k``, spread over providers.

    The rule: proposals are picked greedily by score, and each pick lowers the score of the
    provider's other offers by ``provider_penalty`` (0.05 = 5 points out of 100). So one
    provider fills a candidate's list only when its offers beat the others by more than the
    penalty; alternatives of similar score get a turn. The greedy pick equals sorting by
    ``points - penalty x (rank among the same provider's offers for this candidate)``, which is
    what is computed, for all candidates at once.

    ``first`` (an offer row per candidate, -1 for none; typically ``Plan.offer``) puts the plan's
    offer at the top when it is eligible: the city-wide plan respects capacities, so the first
    proposals do not all point at the same popular employer. Remaining ties go to the higher
    score, then the lower offer row, so the result is deterministic.
    """
    if k < 1:
        raise ValueError("k must be >= 1")
    cand, offer, points = scored.cand, scored.offer, scored.points
    penalty = round(provider_penalty * SCORE_SCALE)
    provider = np.unique(offers.provider, return_inverse=True)[1][offer]
    pinned = np.zeros(len(cand), dtype=bool) if first is None else first[cand] == offer
    # Orders within a candidate are packed into one int64 per edge so that each ordering is a
    # two-key lexsort; the packed values stay below 1e16 for any realistic number of offers.
    within_provider = (
        (provider * 2 + ~pinned) * (SCORE_SCALE + 1) + (SCORE_SCALE - points)
    ) * offers.m + offer
    by_provider = np.lexsort((within_provider, cand))
    repeat = np.empty(len(cand), dtype=np.int64)
    repeat[by_provider] = _position_in_group(cand[by_provider], provider[by_provider])
    # An offer with k better ones of its own provider can never make the list, so capping the
    # repeats at k changes no list and keeps the packed keys small.
    key = np.where(pinned, 2 * SCORE_SCALE, points - penalty * np.minimum(repeat, k))
    packed = ((2 * SCORE_SCALE - key) * (SCORE_SCALE + 1) + (SCORE_SCALE - points)) * offers.m
    ranked = np.lexsort((packed + offer, cand))
    place = _position_in_group(cand[ranked])
    kept = ranked[place < k]
    edge = np.full((candidates.n, k), -1, dtype=np.int64)
    edge[cand[kept], place[place < k]] = kept
    offer_rows = np.full_like(edge, -1)
    offer_rows[edge >= 0] = offer[edge[edge >= 0]]
    return Proposals(offer=offer_rows, edge=edge)
