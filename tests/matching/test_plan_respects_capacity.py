"""An offer never gets more candidates than its capacity."""

from __future__ import annotations

import numpy as np

from tests.matching.conftest import make_candidates, make_offers, scored_graph
from werkpad.matching.engine import plan


def test_offer_with_three_places_and_five_candidates_gets_three() -> None:
    candidates = make_candidates(5)
    offers = make_offers(1, capacity=3)
    scored = scored_graph(candidates, offers)
    assert len(scored) == 5

    result = plan(candidates=candidates, offers=offers, scored=scored)

    assert result.load.tolist() == [3]
    assert (result.offer >= 0).sum() == 3


def test_the_best_fitting_candidates_get_the_places() -> None:
    # Candidate 3 and 4 have the skill the offer asks for; the others do not.
    skill = [1] + [0] * 7
    candidates = make_candidates(5, skills=[[0] * 8] * 3 + [skill] * 2)
    offers = make_offers(1, capacity=2, skills_required=[skill])

    result = plan(candidates=candidates, offers=offers, scored=scored_graph(candidates, offers))

    assert np.flatnonzero(result.offer == 0).tolist() == [3, 4]


def test_full_offer_takes_nobody_and_says_why() -> None:
    candidates = make_candidates(2)
    offers = make_offers(1, capacity=0)
    scored = scored_graph(candidates, offers)

    result = plan(candidates=candidates, offers=offers, scored=scored)

    assert len(scored) == 0
    assert result.offer.tolist() == [-1, -1]
