"""For an ineligible pair, explain_pair names each failed constraint with the numbers compared."""

from __future__ import annotations

import json

import pytest

from tests.matching.conftest import make_candidates, make_offers
from werkpad.matching.engine import CONSTRAINT_CODES, OFFER_KINDS, explain_pair, mask_of


def test_each_failed_constraint_is_named_with_its_values() -> None:
    candidates = make_candidates(
        1,
        hours_available=12.0,
        max_travel_km=5.0,
        dutch_level=1,
        ladder_step=2,
        acceptable_kinds=mask_of(["volunteer"], OFFER_KINDS),
    )
    offers = make_offers(
        1, hours_min=20.0, lat=51.9197, lon=4.4875, min_dutch_level=3, ladder_min=4, capacity=0
    )

    explanation = explain_pair(candidates=candidates, offers=offers, candidate=0, offer=0)

    failed = {check.code: check.values for check in explanation.failed}
    assert list(failed) == ["hours", "kind", "dutch_level", "ladder_step", "capacity", "distance"]
    assert failed["capacity"] == {"capacity": 0}
    assert failed["kind"] == {"kind": "paid_job", "acceptable_kinds": ["volunteer"]}
    assert failed["hours"]["hours_available"] == 12.0
    assert failed["hours"]["hours_min"] == 20.0
    assert failed["dutch_level"] == {"dutch_level": 1, "min_dutch_level": 3}
    assert failed["ladder_step"] == {"ladder_step": 2, "ladder_min": 4, "ladder_max": 6}
    assert failed["distance"]["distance_km"] == pytest.approx(13.5, abs=1)
    assert failed["distance"]["max_travel_km"] == 5.0


def test_eligible_pair_lists_what_it_passed_and_its_score_parts() -> None:
    explanation = explain_pair(
        candidates=make_candidates(1), offers=make_offers(1), candidate=0, offer=0
    )

    assert explanation.eligible
    assert explanation.passed == (
        "hours",
        "kind",
        "dutch_level",
        "ladder_step",
        "capacity",
        "distance",
    )
    assert set(explanation.components) == {"skills", "preferences", "support", "travel"}
    assert 0 <= explanation.score <= 1


def test_codes_are_the_documented_ones_and_the_explanation_is_json() -> None:
    candidates = make_candidates(1, blocking_barriers=0b111_1111_1111)
    explanation = explain_pair(candidates=candidates, offers=make_offers(1), candidate=0, offer=0)

    codes = [check.code for check in explanation.checks]
    assert set(codes) <= set(CONSTRAINT_CODES)
    assert len([code for code in codes if code.startswith("barrier:")]) == 11
    assert json.loads(json.dumps(explanation.as_dict()))["eligible"] is False


def test_pair_outside_the_arrays_is_refused() -> None:
    with pytest.raises(IndexError):
        explain_pair(candidates=make_candidates(1), offers=make_offers(1), candidate=1, offer=0)
