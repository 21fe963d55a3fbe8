"""Travel distance is the great-circle distance between PC4 centroids, shipped with the package."""

from __future__ import annotations

import numpy as np
import pytest

from werkpad.matching.geo import (
    UnknownPostcodeError,
    centroid,
    centroids,
    haversine_km,
    pc4_centroids,
    pc4_of,
)


def test_delft_to_rotterdam_centre_is_about_13_km() -> None:
    delft, rotterdam = centroid("2611"), centroid("3011")

    assert haversine_km(*delft, *rotterdam) == pytest.approx(13, abs=2)


def test_full_postcode_maps_through_its_four_digits() -> None:
    assert pc4_of("2624 AB") == 2624
    assert pc4_of("2624ab") == 2624
    assert centroid("2624 AB") == centroid("2624") == pytest.approx((51.9958, 4.3552))


def test_every_dutch_pc4_area_is_known() -> None:
    table = pc4_centroids()

    assert len(table) == 4064
    assert all(2611 <= pc4 <= 2629 for pc4 in table if table[pc4] == centroid("2611"))


@pytest.mark.parametrize("postcode", ["0123 AB", "26111", "AB 2611", "", "1000 AA"])
def test_unknown_or_malformed_postcodes_are_refused(postcode: str) -> None:
    with pytest.raises(UnknownPostcodeError):
        centroid(postcode)


def test_batch_lookup_marks_unknown_postcodes_as_nan() -> None:
    lat, lon = centroids(["2611 AB", "nonsense", "3011"])

    assert np.isfinite(lat).tolist() == [True, False, True]
    assert lat[0] == centroid("2611")[0]


def test_haversine_is_vectorised_and_zero_for_the_same_place() -> None:
    lat, lon = centroids(["2611", "3011", "1011"])

    distances = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])

    assert distances.shape == (3, 3)
    assert np.allclose(np.diag(distances), 0)
    assert np.allclose(distances, distances.T)
    assert distances[0, 2] == pytest.approx(52, abs=3)  # Delft - Amsterdam
