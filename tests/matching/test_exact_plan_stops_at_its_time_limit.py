"""group_minimums="exact" stops each region's MIP at ``exact_time_limit``: a plan made in too
little time still keeps every capacity and group minimum, and does not claim to be optimal."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings

from tests.matching.conftest import (
    DELFT,
    N_SKILLS,
    assert_plan_keeps_capacities_and_group_minimums,
    brute_force_optimum,
    instances,
    make_candidates,
    make_offers,
    scored_graph,
)
from werkpad.matching.engine import CandidateArrays, OfferArrays, Plan, ScoredEdges, plan
from werkpad.matching.engine.planning import EXACT_TIME_LIMIT

# Far less than HiGHS needs to set up any MIP.
NO_TIME = 1e-6


def neighbourhood_with_groups(n: int = 100, m: int = 40) -> tuple[CandidateArrays, OfferArrays]:
    """``n`` people and ``m`` offers around Delft, half of them groups of 3 to 6 that cannot all
    fill."""
    rng = np.random.default_rng(1)
    candidates = make_candidates(
        n,
        lat=DELFT[0] + rng.normal(0, 0.03, n),
        lon=DELFT[1] + rng.normal(0, 0.05, n),
        max_travel_km=rng.choice([2.0, 4.0, 6.0], n),
        skills=rng.random((n, N_SKILLS)) < 0.4,
        ladder_step=rng.integers(1, 7, n),
    )
    offers = make_offers(
        m,
        lat=DELFT[0] + rng.normal(0, 0.03, m),
        lon=DELFT[1] + rng.normal(0, 0.05, m),
        capacity=rng.integers(1, 9, m),
        group_min=rng.choice([0, 0, 3, 5, 6], m),
        skills_desired=rng.random((m, N_SKILLS)) < 0.3,
        skills_required=rng.random((m, N_SKILLS)) < 0.1,
    )
    return candidates, offers


def exact_plan(
    candidates: CandidateArrays,
    offers: OfferArrays,
    scored: ScoredEdges,
    time_limit: float = EXACT_TIME_LIMIT,
) -> Plan:
    """The plan with group minimums solved exactly, in ``time_limit`` seconds per region."""
    return plan(
        candidates=candidates,
        offers=offers,
        scored=scored,
        group_minimums="exact",
        exact_time_limit=time_limit,
    )


def test_out_of_time_the_plan_keeps_every_limit_and_is_not_proven_optimal() -> None:
    candidates, offers = neighbourhood_with_groups()
    scored = scored_graph(candidates, offers)

    result = exact_plan(candidates, offers, scored, NO_TIME)

    assert_plan_keeps_capacities_and_group_minimums(result, offers, scored)
    assert result.total_points < result.upper_bound_points
    assert not result.proven_optimal
    assert result.regions.timed_out.any()


def test_with_the_default_limit_the_exact_plan_is_proven_optimal() -> None:
    candidates, offers = neighbourhood_with_groups()
    scored = scored_graph(candidates, offers)

    exact = exact_plan(candidates, offers, scored)
    out_of_time = exact_plan(candidates, offers, scored, NO_TIME)
    iterative = plan(candidates=candidates, offers=offers, scored=scored)

    assert_plan_keeps_capacities_and_group_minimums(exact, offers, scored)
    assert exact.proven_optimal
    assert not exact.regions.timed_out.any()
    assert exact.total_points >= max(out_of_time.total_points, iterative.total_points)


@pytest.mark.parametrize("time_limit", [0.01, 0.1, 0.5])
def test_out_of_time_the_exact_plan_scores_at_least_the_iterative_plan(time_limit: float) -> None:
    # 300 people, 100 offers: HiGHS needs about 1.5 s to prove its optimum and, stopped
    # earlier, often holds a plan far below the iterative one.
    candidates, offers = neighbourhood_with_groups(300, 100)
    scored = scored_graph(candidates, offers)
    iterative = plan(candidates=candidates, offers=offers, scored=scored)
    assert not iterative.proven_optimal  # so "exact" does run its MIP

    exact = exact_plan(candidates, offers, scored, time_limit)

    assert_plan_keeps_capacities_and_group_minimums(exact, offers, scored)
    assert exact.total_points >= iterative.total_points


@settings(max_examples=60, deadline=None)
@given(instances(max_candidates=5, max_offers=3))
def test_out_of_time_the_plan_claims_optimality_only_when_it_is_optimal(
    instance: tuple[CandidateArrays, OfferArrays],
) -> None:
    candidates, offers = instance
    scored = scored_graph(candidates, offers)

    result = exact_plan(candidates, offers, scored, NO_TIME)

    assert_plan_keeps_capacities_and_group_minimums(result, offers, scored)
    optimum = brute_force_optimum(candidates, offers, scored)
    assert result.total_points <= optimum
    if result.proven_optimal:
        assert result.total_points == optimum


@pytest.mark.parametrize("time_limit", [0.0, -1.0, math.nan])
def test_a_time_limit_that_is_not_positive_is_refused(time_limit: float) -> None:
    candidates, offers = make_candidates(1), make_offers(1)

    with pytest.raises(ValueError, match="exact_time_limit"):
        exact_plan(candidates, offers, scored_graph(candidates, offers), time_limit)
