"""Whatever the instance, the plan keeps every hard constraint, capacity and group minimum."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings

from tests.matching.conftest import (
    assert_plan_keeps_capacities_and_group_minimums,
    instances,
    scored_graph,
)
from werkpad.matching.engine import CandidateArrays, OfferArrays, explain_pair, plan


@settings(max_examples=80, deadline=None)
@given(instances(max_candidates=8, max_offers=5))
def test_plan_never_breaks_a_hard_constraint(instance: tuple[CandidateArrays, OfferArrays]) -> None:
    candidates, offers = instance
    scored = scored_graph(candidates, offers)

    result = plan(candidates=candidates, offers=offers, scored=scored)

    matched = np.flatnonzero(result.offer >= 0)
    for i in matched:
        explanation = explain_pair(
            candidates=candidates, offers=offers, candidate=int(i), offer=int(result.offer[i])
        )
        assert explanation.eligible, explanation.failed
    assert_plan_keeps_capacities_and_group_minimums(result, offers, scored)
