"""The score is a weighted mean of four named components, each with its documented rule."""

from __future__ import annotations

import pytest

from tests.matching.conftest import make_candidates, make_offers, scored_graph
from werkpad.matching.engine import (
    OFFER_KINDS,
    SCORE_SCALE,
    ScoreWeights,
    eligible_pairs,
    mask_of,
    score_pairs,
)

A, B, C = ([1 if k == s else 0 for k in range(8)] for s in range(3))


def test_skills_count_required_twice_desired_once() -> None:
    # The offer asks A (required), B and C (desired); the candidate has A and B: (2+1)/(2+2).
    candidates = make_candidates(1, skills=[[a | b for a, b in zip(A, B, strict=True)]])
    offers = make_offers(
        1, skills_required=[A], skills_desired=[[b | c for b, c in zip(B, C, strict=True)]]
    )

    assert scored_graph(candidates, offers).skills[0] == pytest.approx(3 / 4)


def test_preferences_reward_kind_and_sector_and_are_neutral_when_unstated() -> None:
    volunteer = OFFER_KINDS.index("volunteer")
    candidates = make_candidates(
        3,
        preferred_kinds=[
            mask_of(["volunteer"], OFFER_KINDS),
            mask_of(["paid_job"], OFFER_KINDS),
            0,
        ],
        preferred_sectors=[1 << 2, 1 << 2, 0],
    )
    offers = make_offers(1, kind=volunteer, sector=2, capacity=3)

    assert scored_graph(candidates, offers).preferences.tolist() == [1.0, 0.5, 0.5]


def test_support_is_the_share_of_needs_the_offer_meets() -> None:
    candidates = make_candidates(2, support_needs=[0b011, 0])
    offers = make_offers(1, support_given=0b001, capacity=2)

    assert scored_graph(candidates, offers).support.tolist() == [0.5, 1.0]


def test_closer_is_better_relative_to_the_candidates_reach() -> None:
    candidates = make_candidates(1, max_travel_km=10.0)
    offers = make_offers(2, lat=[52.0120, 52.0570], capacity=1)  # 0 and 5 km north

    travel = scored_graph(candidates, offers).travel

    assert travel[0] == pytest.approx(1.0)
    assert travel[1] == pytest.approx(0.5, abs=0.01)


def test_total_is_the_weighted_mean_and_points_are_its_integer_scale() -> None:
    candidates = make_candidates(1, support_needs=0b001)
    offers = make_offers(1, skills_required=[A])
    edges = eligible_pairs(candidates=candidates, offers=offers)

    only_support = score_pairs(
        candidates=candidates,
        offers=offers,
        edges=edges,
        weights=ScoreWeights(skills=0, preferences=0, support=1, travel=0),
    )
    mixed = score_pairs(
        candidates=candidates,
        offers=offers,
        edges=edges,
        weights=ScoreWeights(skills=1, preferences=0, support=0, travel=3),
    )

    assert only_support.total[0] == 0.0
    assert mixed.total[0] == pytest.approx((0 + 3 * 1.0) / 4)
    assert mixed.points[0] == round(0.75 * SCORE_SCALE)


def test_weights_must_not_all_be_zero() -> None:
    with pytest.raises(ValueError):
        ScoreWeights(skills=0, preferences=0, support=0, travel=0)
