"""An open childcare barrier that blocks work keeps a candidate to offers within school hours."""

from __future__ import annotations

import numpy as np

from tests.matching.conftest import make_candidates, make_offers, scored_graph
from werkpad.matching.engine import (
    BARRIER_KINDS,
    eligible_pairs,
    explain_pair,
    mask_of,
    plan,
)

CHILDCARE = mask_of(["childcare"], BARRIER_KINDS)


def test_only_school_hours_offers_are_eligible() -> None:
    candidates = make_candidates(2, blocking_barriers=[CHILDCARE, 0])
    offers = make_offers(2, within_school_hours=[False, True], capacity=2)

    edges = eligible_pairs(candidates=candidates, offers=offers)

    assert sorted(zip(edges.cand.tolist(), edges.offer.tolist(), strict=True)) == [
        (0, 1),
        (1, 0),
        (1, 1),
    ]


def test_plan_gives_no_offer_outside_school_hours() -> None:
    # The evening job scores higher (it asks the candidate's skill), yet stays out of reach.
    candidates = make_candidates(1, blocking_barriers=CHILDCARE, skills=[[1] + [0] * 7])
    offers = make_offers(
        2, within_school_hours=[False, True], skills_required=[[1] + [0] * 7, [0] * 8]
    )

    result = plan(candidates=candidates, offers=offers, scored=scored_graph(candidates, offers))

    assert result.offer.tolist() == [1]


def test_explanation_says_childcare_is_why_not() -> None:
    candidates = make_candidates(1, blocking_barriers=CHILDCARE)
    offers = make_offers(1, within_school_hours=False)

    explanation = explain_pair(candidates=candidates, offers=offers, candidate=0, offer=0)

    assert not explanation.eligible
    assert [check.code for check in explanation.failed] == ["barrier:childcare"]
    assert explanation.failed[0].values == {"within_school_hours": False}
    assert "distance" in explanation.passed


def test_a_barrier_that_does_not_block_work_excludes_nothing() -> None:
    # Only work-blocking barriers reach the engine; an open but manageable one is just absent.
    candidates = make_candidates(1, blocking_barriers=0)
    offers = make_offers(1, within_school_hours=False)

    explanation = explain_pair(candidates=candidates, offers=offers, candidate=0, offer=0)

    assert explanation.eligible
    assert not any(code.startswith("barrier:") for code in explanation.passed)
    assert np.isclose(explanation.components["travel"], 1.0)
