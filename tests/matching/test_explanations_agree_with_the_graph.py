"""explain_pair and the graph never contradict: a pair is an edge exactly when its explanation
says eligible, and the explanation's score is the edge's score."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings

from tests.matching.conftest import instances, scored_graph
from werkpad.matching.engine import SCORE_COMPONENTS, CandidateArrays, OfferArrays, explain_pair


@settings(max_examples=60, deadline=None)
@given(instances())
def test_edges_are_exactly_the_pairs_explained_eligible(
    instance: tuple[CandidateArrays, OfferArrays],
) -> None:
    candidates, offers = instance
    scored = scored_graph(candidates, offers)
    edge_of = {
        (int(i), int(j)): e for e, (i, j) in enumerate(zip(scored.cand, scored.offer, strict=True))
    }
    assert list(edge_of) == sorted(edge_of)

    for i in range(candidates.n):
        for j in range(offers.m):
            explanation = explain_pair(candidates=candidates, offers=offers, candidate=i, offer=j)
            assert explanation.eligible == ((i, j) in edge_of), explanation.checks
            if explanation.eligible:
                e = edge_of[i, j]
                assert explanation.points == scored.points[e]
                for name in SCORE_COMPONENTS:
                    assert np.isclose(explanation.components[name], getattr(scored, name)[e])
