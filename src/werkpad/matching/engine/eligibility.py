"""The eligibility graph: every (candidate, offer) pair that passes all hard constraints."""

from __future__ import annotations

from functools import partial

import numpy as np
import scipy.sparse as sp
from scipy.spatial import cKDTree

from ..geo import chord_for_km, km_for_chord, unit_vectors
from .arrays import CandidateArrays, Edges, FloatArray, IntArray, OfferArrays
from .parallel import fork_map
from .rules import PAIR_CONSTRAINTS, Pairs, effective_travel_km, excluded_barriers

__all__ = ["eligible_pairs"]

# Candidates are queried in classes of similar reach so that one k-d tree join serves a class; a
# class's radius is at most this factor above its members' own, which bounds the extra pairs
# fetched and then dropped by the exact distance test.
_REACH_CLASS_RATIO = 1.15
# Widening of the k-d tree radius so that rounding never drops a pair at exactly the travel limit;
# the distance constraints decide afterwards.
_CHORD_SLACK = 1e-9
# Below this many candidates per block, forking and copying results back costs more than the
# second core saves (a Delft-sized graph builds in a fraction of a second on one).
_MIN_BLOCK = 50_000


def eligible_pairs(*, candidates: CandidateArrays, offers: OfferArrays, workers: int = 1) -> Edges:
    """Return every pair that passes all hard constraints (see :mod:`.rules`), sorted by
    candidate, then offer.

    No dense candidates x offers matrix is built: offers within reach come from k-d trees on 3-D
    unit vectors (chord length is monotone in great-circle distance), one tree per ladder step
    holding only the open offers that suit that step, since the ladder cuts more pairs than any
    other constraint. The constraints of :mod:`.rules` then filter that short list, measuring
    distance from the trees' chords exactly as :func:`.explain_pair` does. Memory is linear in
    the number of pairs within reach. ``workers > 1`` splits the candidates into up to that many
    blocks of at least ``_MIN_BLOCK``, built in forked processes.
    """
    blocks = max(1, min(workers, candidates.n // _MIN_BLOCK))
    starts = np.linspace(0, candidates.n, blocks + 1).astype(np.int64)
    parts = fork_map(
        partial(_eligible_block, offers=offers),
        [candidates.rows(slice(a, b)) for a, b in zip(starts[:-1], starts[1:], strict=True)],
        workers,
    )
    return Edges(
        cand=np.concatenate(
            [part.cand + start for part, start in zip(parts, starts[:-1], strict=True)]
        ),
        offer=np.concatenate([part.offer for part in parts]),
        distance_km=np.concatenate([part.distance_km for part in parts]),
    )


def _eligible_block(candidates: CandidateArrays, offers: OfferArrays) -> Edges:
    reach = effective_travel_km(candidates)
    ci, oj, chord = _within_reach(candidates, offers, reach)
    limit = chord_for_km(reach) * (1.0 + _CHORD_SLACK) + _CHORD_SLACK
    excluded = excluded_barriers(offers)
    keep = (chord <= limit[ci]) & ((candidates.blocking_barriers[ci] & excluded[oj]) == 0)
    pairs = Pairs(candidates, offers, ci[keep], oj[keep], chord[keep])
    for constraint in PAIR_CONSTRAINTS:
        # Filtering after each constraint keeps the arrays, and the next gather, short.
        pairs = pairs.where(constraint.passes(pairs))
    # The travel limits of barrier rules (transport), on the distance the explanation reports.
    pairs = pairs.where(pairs.distance_km <= reach[pairs.cand])

    # Sparse-matrix construction orders the pairs by candidate, then offer, with a counting sort
    # in C++: several times faster than an argsort of 10^7 keys. Pairs are unique (each candidate
    # sits in one tree join), so nothing is summed.
    by_candidate = sp.csr_array(
        (pairs.chord, (pairs.cand, pairs.offer)), shape=(candidates.n, offers.m)
    )
    by_candidate.sort_indices()
    return Edges(
        cand=np.repeat(np.arange(candidates.n), np.diff(by_candidate.indptr)),
        offer=by_candidate.indices,
        distance_km=km_for_chord(by_candidate.data),
    )


def _within_reach(
    candidates: CandidateArrays, offers: OfferArrays, reach: FloatArray
) -> tuple[IntArray, IntArray, FloatArray]:
    """Pairs (candidate, open offer suiting its ladder step) within its reach class, with chords.

    Candidates are joined in classes of similar reach so that one k-d tree join serves a class.
    """
    points = unit_vectors(candidates.lat, candidates.lon)
    offer_points = unit_vectors(offers.lat, offers.lon)
    # Reach 0 still matches offers in the same PC4 area (same centroid), so classes start at 1 m.
    reach_class = np.ceil(np.log(np.maximum(reach, 1e-3)) / np.log(_REACH_CLASS_RATIO))
    cand_parts = [np.zeros(0, dtype=np.int64)]
    offer_parts = [np.zeros(0, dtype=np.int64)]
    chord_parts = [np.zeros(0, dtype=np.float64)]
    for step in np.unique(candidates.ladder_step):
        suiting = np.flatnonzero(
            (offers.capacity > 0) & (offers.ladder_min <= step) & (step <= offers.ladder_max)
        )
        if len(suiting) == 0:
            continue
        offer_tree = cKDTree(offer_points[suiting])
        on_step = candidates.ladder_step == step
        for cls in np.unique(reach_class[on_step]):
            members = np.flatnonzero(on_step & (reach_class == cls))
            radius = float(chord_for_km(reach[members].max())) * (1.0 + _CHORD_SLACK) + _CHORD_SLACK
            pairs = cKDTree(points[members]).sparse_distance_matrix(
                offer_tree, radius, output_type="ndarray"
            )
            cand_parts.append(members[pairs["i"]])
            offer_parts.append(suiting[pairs["j"]])
            chord_parts.append(pairs["v"])
    return np.concatenate(cand_parts), np.concatenate(offer_parts), np.concatenate(chord_parts)
