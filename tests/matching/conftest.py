"""Builders for matching-engine tests; no Django.

The tests import these functions explicitly (``from tests.matching.conftest import ...``) so
they also run with ``--noconftest`` when the project's Django settings are unavailable.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import scipy.sparse as sp
from hypothesis import strategies as st

from werkpad.matching.engine import (
    CandidateArrays,
    OfferArrays,
    Plan,
    ScoredEdges,
    eligible_pairs,
    score_pairs,
)
from werkpad.matching.geo import centroid

N_SKILLS = 8
DELFT = centroid("2611")

_CANDIDATE_DEFAULTS: dict[str, Any] = {
    "lat": DELFT[0],
    "lon": DELFT[1],
    "max_travel_km": 10.0,
    "hours_available": 32.0,
    "dutch_level": 4,
    "ladder_step": 4,
    "blocking_barriers": 0,
    "acceptable_kinds": 0,
    "preferred_kinds": 0,
    "preferred_sectors": 0,
    "support_needs": 0,
}
_OFFER_DEFAULTS: dict[str, Any] = {
    "lat": DELFT[0],
    "lon": DELFT[1],
    "hours_min": 8.0,
    "hours_max": 24.0,
    "min_dutch_level": 0,
    "ladder_min": 1,
    "ladder_max": 6,
    "kind": 0,
    "sector": -1,
    "physical_demand": 0,
    "within_school_hours": True,
    "capacity": 1,
    "group_min": 0,
    "provider": 0,
    "support_given": 0,
}


def _skills(rows: int, given: Any) -> sp.csr_array:
    if given is None:
        return sp.csr_array((rows, N_SKILLS), dtype=bool)
    return sp.csr_array(np.asarray(given, dtype=bool).reshape(rows, N_SKILLS))


def make_candidates(n: int = 1, **fields: Any) -> CandidateArrays:
    """``n`` candidates in Delft who pass every default offer; keyword arguments override a
    field with a scalar (for all) or a sequence (one per candidate)."""
    skills = _skills(n, fields.pop("skills", None))
    values = {
        name: np.broadcast_to(fields.pop(name, default), (n,))
        for name, default in _CANDIDATE_DEFAULTS.items()
    }
    if fields:
        raise TypeError(f"unknown candidate fields: {sorted(fields)}")
    return CandidateArrays(skills=skills, **values)


def make_offers(m: int = 1, **fields: Any) -> OfferArrays:
    """``m`` open, single-place paid jobs in Delft; keyword arguments override like above."""
    required = _skills(m, fields.pop("skills_required", None))
    desired = _skills(m, fields.pop("skills_desired", None))
    values = {
        name: np.broadcast_to(fields.pop(name, default), (m,))
        for name, default in _OFFER_DEFAULTS.items()
    }
    if fields:
        raise TypeError(f"unknown offer fields: {sorted(fields)}")
    return OfferArrays(skills_required=required, skills_desired=desired, **values)


def scored_graph(candidates: CandidateArrays, offers: OfferArrays) -> ScoredEdges:
    """Eligible pairs of the instance, scored with the default weights."""
    edges = eligible_pairs(candidates=candidates, offers=offers)
    return score_pairs(candidates=candidates, offers=offers, edges=edges)


def brute_force_optimum(
    candidates: CandidateArrays, offers: OfferArrays, scored: ScoredEdges
) -> int:
    """Best total over every choice of one eligible offer (or none) per candidate."""
    options = [[-1, *np.flatnonzero(scored.cand == i).tolist()] for i in range(candidates.n)]
    best = 0
    for choice in itertools.product(*options):
        taken = [e for e in choice if e >= 0]
        load = np.bincount(scored.offer[taken], minlength=offers.m)
        group = offers.group_min >= 2
        if (load > offers.capacity).any():
            continue
        if ((load > 0) & (load < offers.group_min) & group).any():
            continue
        best = max(best, int(scored.points[taken].sum()))
    return best


def assert_plan_keeps_capacities_and_group_minimums(
    result: Plan, offers: OfferArrays, scored: ScoredEdges
) -> None:
    """The plan's pairs are eligible edges, no offer is over capacity, every group offer is
    empty or at its minimum, and the plan's figures add up."""
    matched = np.flatnonzero(result.offer >= 0)
    edges = result.edge[matched]
    assert (scored.cand[edges] == matched).all()
    assert (scored.offer[edges] == result.offer[matched]).all()
    load = np.bincount(result.offer[matched], minlength=offers.m)
    assert (load == result.load).all()
    assert (load <= offers.capacity).all()
    group = offers.group_min >= 2
    assert ((load[group] == 0) | (load[group] >= offers.group_min[group])).all()
    assert not (result.closed & (load > 0)).any()
    assert result.total_points == scored.points[edges].sum()
    assert result.total_points <= result.upper_bound_points


# A handful of PC4 areas from Delft to Rotterdam: some within reach of each other, some not.
_PLACES = [centroid(pc4) for pc4 in ("2611", "2624", "2628", "2645", "2671", "3011")]


@st.composite
def instances(
    draw: st.DrawFn, *, max_candidates: int = 6, max_offers: int = 4, groups: bool = True
) -> tuple[CandidateArrays, OfferArrays]:
    """Small random instances that exercise every hard constraint and score component."""
    n = draw(st.integers(1, max_candidates))
    m = draw(st.integers(1, max_offers))

    def per(count: int, strategy: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(strategy, min_size=count, max_size=count))

    def bits(width: int, chance_of_zero: bool = True) -> st.SearchStrategy[int]:
        masks = st.integers(0, (1 << width) - 1)
        return st.one_of(st.just(0), masks) if chance_of_zero else masks

    c_place = per(n, st.sampled_from(_PLACES))
    o_place = per(m, st.sampled_from(_PLACES))
    hours_min = per(m, st.sampled_from([4.0, 8.0, 16.0, 20.0, 32.0]))
    ladder_min = per(m, st.integers(1, 6))
    group_min = per(m, st.sampled_from([0, 0, 1, 2, 3] if groups else [0, 1]))
    candidates = make_candidates(
        n,
        lat=[p[0] for p in c_place],
        lon=[p[1] for p in c_place],
        max_travel_km=per(n, st.sampled_from([0.0, 3.0, 8.0, 30.0])),
        hours_available=per(n, st.sampled_from([8.0, 16.0, 24.0, 40.0])),
        dutch_level=per(n, st.integers(0, 6)),
        ladder_step=per(n, st.integers(1, 6)),
        # Mostly none or one blocking barrier, now and then many at once.
        blocking_barriers=per(
            n,
            st.one_of(
                st.just(0), st.integers(0, 10).map(lambda bit: 1 << bit), st.integers(0, 2047)
            ),
        ),
        acceptable_kinds=per(n, bits(6)),
        preferred_kinds=per(n, bits(6)),
        preferred_sectors=per(n, bits(4)),
        support_needs=per(n, bits(3)),
        skills=per(n * N_SKILLS, st.booleans()),
    )
    offers = make_offers(
        m,
        lat=[p[0] for p in o_place],
        lon=[p[1] for p in o_place],
        hours_min=hours_min,
        hours_max=[
            h + extra
            for h, extra in zip(hours_min, per(m, st.sampled_from([0.0, 8.0])), strict=True)
        ],
        min_dutch_level=per(m, st.integers(0, 4)),
        ladder_min=ladder_min,
        ladder_max=[
            low + span for low, span in zip(ladder_min, per(m, st.integers(0, 3)), strict=True)
        ],
        kind=per(m, st.integers(0, 5)),
        sector=per(m, st.integers(-1, 3)),
        physical_demand=per(m, st.integers(0, 2)),
        within_school_hours=per(m, st.booleans()),
        capacity=per(m, st.integers(0, 3)),
        group_min=group_min,
        provider=per(m, st.integers(0, 2)),
        support_given=per(m, bits(3)),
        skills_required=per(m * N_SKILLS, st.booleans()),
        skills_desired=per(m * N_SKILLS, st.booleans()),
    )
    return candidates, offers
