"""Proposals spread over providers: one provider does not fill a candidate's whole list when
others offer something nearly as good, and the plan's offer comes first."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.matching.conftest import instances, make_candidates, make_offers, scored_graph
from werkpad.matching.engine import (
    PROVIDER_REPEAT_PENALTY,
    SCORE_SCALE,
    CandidateArrays,
    OfferArrays,
    ScoredEdges,
    top_k,
)

# Offers 0-3 from provider 0, offers 4-5 from provider 1, all a few hundred metres apart.
LATITUDES = [52.0120, 52.0122, 52.0124, 52.0126, 52.0130, 52.0132]
PROVIDERS = [0, 0, 0, 0, 1, 1]


def test_similar_offers_of_another_provider_get_a_turn() -> None:
    candidates = make_candidates(1)
    offers = make_offers(6, lat=LATITUDES, provider=PROVIDERS)
    scored = scored_graph(candidates, offers)
    assert np.ptp(scored.points) < PROVIDER_REPEAT_PENALTY * SCORE_SCALE

    proposals = top_k(candidates=candidates, offers=offers, scored=scored, k=3)

    assert proposals.offer.tolist() == [[0, 4, 1]]


def test_one_provider_fills_the_list_when_it_is_clearly_better() -> None:
    skill = [1] + [0] * 7
    candidates = make_candidates(1, skills=[skill])
    offers = make_offers(
        6, lat=LATITUDES, provider=PROVIDERS, skills_required=[skill] * 4 + [[0, 1] + [0] * 6] * 2
    )
    scored = scored_graph(candidates, offers)

    proposals = top_k(candidates=candidates, offers=offers, scored=scored, k=3)

    assert proposals.offer.tolist() == [[0, 1, 2]]


def test_without_penalty_the_list_is_by_score() -> None:
    candidates = make_candidates(1)
    offers = make_offers(6, lat=LATITUDES, provider=PROVIDERS)
    scored = scored_graph(candidates, offers)

    proposals = top_k(candidates=candidates, offers=offers, scored=scored, k=3, provider_penalty=0)

    assert proposals.offer.tolist() == [[0, 1, 2]]


def test_plan_offer_comes_first_so_not_everyone_gets_the_same_employer_first() -> None:
    # Three candidates, each best served by offer 0 (one place); the plan gives it to one.
    candidates = make_candidates(3)
    offers = make_offers(3, lat=LATITUDES[:3], provider=[0, 1, 2])
    scored = scored_graph(candidates, offers)
    planned = np.array([2, 0, 1])

    proposals = top_k(candidates=candidates, offers=offers, scored=scored, k=2, first=planned)

    assert proposals.offer[:, 0].tolist() == [2, 0, 1]
    assert len(set(proposals.offer[:, 0].tolist())) == 3


def test_short_lists_are_padded() -> None:
    candidates = make_candidates(2, max_travel_km=[10.0, 0.0])
    offers = make_offers(1, lat=52.05)

    proposals = top_k(
        candidates=candidates, offers=offers, scored=scored_graph(candidates, offers), k=2
    )

    assert proposals.offer.tolist() == [[0, -1], [-1, -1]]
    assert proposals.edge.tolist() == [[0, -1], [-1, -1]]


def greedy_pick(
    scored: ScoredEdges, providers: np.ndarray, i: int, k: int, first: int
) -> list[int]:
    """The rule as written: pick the best remaining offer, where every earlier pick from the
    same provider costs the penalty; the plan's offer first; ties to score, then offer row."""
    penalty = round(PROVIDER_REPEAT_PENALTY * SCORE_SCALE)
    mine = np.flatnonzero(scored.cand == i).tolist()
    picked: list[int] = []
    while mine and len(picked) < k:

        def key(e: int) -> tuple[int, int, int, int]:
            repeats = sum(providers[p] == providers[scored.offer[e]] for p in picked)
            pinned = int(scored.offer[e] == first)
            return (
                -pinned,
                -(scored.points[e] - penalty * repeats),
                -scored.points[e],
                scored.offer[e],
            )

        best = min(mine, key=key)
        picked.append(int(scored.offer[best]))
        mine.remove(best)
    return picked


@settings(max_examples=60, deadline=None)
@given(instances(max_candidates=4, max_offers=8), st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_ranking_is_the_greedy_pick_with_provider_penalty(
    instance: tuple[CandidateArrays, OfferArrays], k: int, seed: int
) -> None:
    candidates, offers = instance
    scored = scored_graph(candidates, offers)
    rng = np.random.default_rng(seed)
    first = np.where(rng.random(candidates.n) < 0.5, rng.integers(-1, offers.m, candidates.n), -1)

    proposals = top_k(candidates=candidates, offers=offers, scored=scored, k=k, first=first)

    for i in range(candidates.n):
        expected = greedy_pick(scored, offers.provider, i, k, int(first[i]))
        assert proposals.offer[i].tolist() == expected + [-1] * (k - len(expected))
