"""Each work-blocking barrier excludes exactly the offers its rule names, and says so."""

from __future__ import annotations

from typing import Any

import pytest

from tests.matching.conftest import make_candidates, make_offers
from werkpad.matching.engine import BARRIER_KINDS, BARRIER_RULES, eligible_pairs, explain_pair

PAID, VOLUNTEER = 0, 2
JOB_COACH, ADJUSTED_HOURS = 0b001, 0b010
# barrier -> (an offer the rule excludes, a similar offer it leaves open)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "physical": ({"physical_demand": 2}, {"physical_demand": 1}),
    "psychological": ({"kind": PAID}, {"kind": PAID, "support_given": JOB_COACH}),
    "addiction": ({"kind": PAID}, {"kind": VOLUNTEER}),
    "care_duties": ({"hours_min": 24.0}, {"hours_min": 24.0, "support_given": ADJUSTED_HOURS}),
    "childcare": ({"within_school_hours": False}, {"within_school_hours": True}),
    "language": ({"min_dutch_level": 1}, {"min_dutch_level": 0}),
    "debts": ({"kind": PAID}, {"kind": VOLUNTEER}),
    "housing": ({"kind": 5}, {"kind": 4}),
    "transport": ({"lat": 52.07}, {"lat": 52.03}),
    "digital_skills": ({"kind": 1}, {"kind": 1, "support_given": JOB_COACH}),
    "other": ({"kind": PAID}, {"kind": 3}),
}


def test_the_table_covers_every_barrier_kind() -> None:
    assert tuple(rule.barrier for rule in BARRIER_RULES) == BARRIER_KINDS
    assert set(CASES) == set(BARRIER_KINDS)


@pytest.mark.parametrize("barrier", BARRIER_KINDS)
def test_barrier_excludes_what_its_rule_names(barrier: str) -> None:
    excluded, allowed = CASES[barrier]
    candidates = make_candidates(2, blocking_barriers=[1 << BARRIER_KINDS.index(barrier), 0])
    fields = {key: [excluded[key], allowed[key]] for key in excluded}
    fields.setdefault(
        "support_given", [excluded.get("support_given", 0), allowed.get("support_given", 0)]
    )
    offers = make_offers(2, capacity=2, **fields)

    edges = eligible_pairs(candidates=candidates, offers=offers)
    blocked = explain_pair(candidates=candidates, offers=offers, candidate=0, offer=0)
    open_ = explain_pair(candidates=candidates, offers=offers, candidate=0, offer=1)

    pairs = set(zip(edges.cand.tolist(), edges.offer.tolist(), strict=True))
    assert pairs == {(0, 1), (1, 0), (1, 1)}
    assert [check.code for check in blocked.failed] == [f"barrier:{barrier}"]
    assert f"barrier:{barrier}" in open_.passed
