"""The plan's total equals an optimum computed independently of the min-cost-flow solver:
by brute force on tiny instances and with a HiGHS MIP (scipy.optimize.milp) on larger ones."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from scipy.optimize import Bounds, LinearConstraint, milp

from tests.matching.conftest import brute_force_optimum, instances, scored_graph
from werkpad.matching.engine import CandidateArrays, OfferArrays, ScoredEdges, plan


def milp_optimum(candidates: CandidateArrays, offers: OfferArrays, scored: ScoredEdges) -> int:
    """Best total of the b-matching LP (one offer per candidate, capacities), solved by HiGHS."""
    if len(scored) == 0:
        return 0
    columns = np.arange(len(scored))
    per_candidate = sp.csr_array(
        (np.ones(len(scored)), (scored.cand, columns)), shape=(candidates.n, len(scored))
    )
    per_offer = sp.csr_array(
        (np.ones(len(scored)), (scored.offer, columns)), shape=(offers.m, len(scored))
    )
    result = milp(
        c=-scored.points.astype(float),
        constraints=[
            LinearConstraint(per_candidate, -np.inf, 1),
            LinearConstraint(per_offer, -np.inf, offers.capacity),
        ],
        integrality=np.ones(len(scored)),
        bounds=Bounds(0, 1),
    )
    assert result.success
    return round(-result.fun)


@settings(max_examples=80, deadline=None)
@given(instances(max_candidates=5, max_offers=3, groups=False))
def test_total_equals_brute_force_optimum(instance: tuple[CandidateArrays, OfferArrays]) -> None:
    candidates, offers = instance
    scored = scored_graph(candidates, offers)

    result = plan(candidates=candidates, offers=offers, scored=scored)

    assert result.total_points == brute_force_optimum(candidates, offers, scored)
    assert result.proven_optimal


@settings(max_examples=60, deadline=None)
@given(instances(max_candidates=30, max_offers=10, groups=False))
def test_total_equals_milp_optimum(instance: tuple[CandidateArrays, OfferArrays]) -> None:
    candidates, offers = instance
    scored = scored_graph(candidates, offers)

    result = plan(candidates=candidates, offers=offers, scored=scored)

    assert result.total_points == milp_optimum(candidates, offers, scored)


@settings(max_examples=60, deadline=None)
@given(instances(max_candidates=5, max_offers=3))
def test_group_minimums_iterative_is_bounded_and_exact_is_optimal(
    instance: tuple[CandidateArrays, OfferArrays],
) -> None:
    candidates, offers = instance
    scored = scored_graph(candidates, offers)
    optimum = brute_force_optimum(candidates, offers, scored)

    iterative = plan(candidates=candidates, offers=offers, scored=scored)
    exact = plan(candidates=candidates, offers=offers, scored=scored, group_minimums="exact")

    assert iterative.total_points <= optimum <= iterative.upper_bound_points
    assert exact.total_points == optimum
    assert exact.proven_optimal
    assert not exact.regions.timed_out.any()
