"""A group offer runs with at least its minimum group size, or not at all."""

from __future__ import annotations

import pytest

from tests.matching.conftest import make_candidates, make_offers, scored_graph
from werkpad.matching.engine import GroupMinimums, plan


@pytest.mark.parametrize("group_minimums", ["iterative", "exact"])
def test_two_willing_candidates_do_not_open_a_group_of_three(
    group_minimums: GroupMinimums,
) -> None:
    # Offer 0 is a group (min 3) both candidates like best (it asks their skill); offer 1 is a
    # single place elsewhere; offer 2 is a single place only candidate 1 can take.
    skill = [1] + [0] * 7
    candidates = make_candidates(2, skills=[skill, skill], ladder_step=[4, 5])
    offers = make_offers(
        3,
        capacity=[10, 1, 1],
        group_min=[3, 0, 0],
        skills_required=[skill, [0] * 8, [0] * 8],
        ladder_min=[1, 1, 5],
        lat=[52.0120, 52.0500, 52.0120],
    )
    scored = scored_graph(candidates, offers)
    assert set(scored.offer[scored.cand == 0].tolist()) == {0, 1}
    assert set(scored.offer[scored.cand == 1].tolist()) == {0, 1, 2}

    result = plan(
        candidates=candidates, offers=offers, scored=scored, group_minimums=group_minimums
    )

    assert result.load[0] == 0
    assert result.closed.tolist() == [True, False, False]
    assert sorted(result.offer.tolist()) == [1, 2]
    assert result.total_points < result.upper_bound_points


def test_group_reaching_its_minimum_runs() -> None:
    candidates = make_candidates(3)
    offers = make_offers(1, capacity=5, group_min=3)

    result = plan(candidates=candidates, offers=offers, scored=scored_graph(candidates, offers))

    assert result.load.tolist() == [3]
    assert result.proven_optimal


def test_group_with_fewer_places_than_its_minimum_never_runs() -> None:
    candidates = make_candidates(3)
    offers = make_offers(1, capacity=2, group_min=3)

    result = plan(candidates=candidates, offers=offers, scored=scored_graph(candidates, offers))

    assert result.load.tolist() == [0]
    assert result.closed.tolist() == [True]
