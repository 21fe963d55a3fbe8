"""Bad input fails early with the field's name, not with a wrong plan."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import scipy.sparse as sp

from tests.matching.conftest import make_candidates, make_offers


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"lat": [np.nan, 52.0]}, "lat/lon"),
        ({"dutch_level": [7, 0]}, "dutch_level"),
        ({"ladder_step": [0, 1]}, "ladder_step"),
        ({"blocking_barriers": [1 << 11, 0]}, "blocking_barriers"),
        ({"hours_available": [-1.0, 8.0]}, "hours_available"),
    ],
)
def test_bad_candidate_field_is_named(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_candidates(2, **fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hours_min": [30.0], "hours_max": [20.0]}, "hours"),
        ({"kind": [6]}, "kind"),
        ({"capacity": [-1]}, "capacity"),
        ({"ladder_min": [5], "ladder_max": [4]}, "ladder_min"),
    ],
)
def test_bad_offer_field_is_named(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_offers(1, **fields)


def test_skill_matrix_must_have_a_row_per_candidate() -> None:
    with pytest.raises(ValueError, match="skills"):
        dataclasses.replace(make_candidates(2), skills=sp.csr_array((1, 8), dtype=bool))
