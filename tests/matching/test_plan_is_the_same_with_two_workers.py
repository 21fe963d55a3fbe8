"""Solving regions in two processes changes the wall time, not the plan."""

from __future__ import annotations

import numpy as np

from tests.matching.conftest import make_candidates, make_offers, scored_graph
from werkpad.matching.engine import plan
from werkpad.matching.geo import centroids


def test_two_workers_give_the_same_plan_over_separate_regions() -> None:
    # Towns 40+ km apart with a 10 km reach: each town is its own region.
    towns = ["2611", "1011", "9711", "6211", "7511"]
    lat, lon = centroids([t for t in towns for _ in range(4)])
    rng = np.random.default_rng(7)
    candidates = make_candidates(20, lat=lat, lon=lon, ladder_step=rng.integers(1, 7, 20))
    o_lat, o_lon = centroids([t for t in towns for _ in range(3)])
    offers = make_offers(
        15, lat=o_lat, lon=o_lon, capacity=rng.integers(1, 3, 15), ladder_min=rng.integers(1, 5, 15)
    )
    scored = scored_graph(candidates, offers)

    one = plan(candidates=candidates, offers=offers, scored=scored)
    two = plan(candidates=candidates, offers=offers, scored=scored, workers=2)

    assert (one.regions.candidates > 0).sum() >= 5
    assert one.offer.tolist() == two.offer.tolist()
    assert one.total_points == two.total_points
