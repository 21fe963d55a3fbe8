"""Postcode centroids and great-circle distances for matching (pure Python/NumPy, no Django).

Travel distance in Werkpad is the great-circle distance between the centroids of two four-digit
postcode areas (PC4). The centroids ship with the package in ``data/nl-pc4.csv`` (GeoNames,
CC BY 4.0, see ``data/README.md``) and are read with :mod:`importlib.resources`, so lookups work
offline and from an installed wheel.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

__all__ = [
    "EARTH_RADIUS_KM",
    "UnknownPostcodeError",
    "centroid",
    "centroids",
    "chord_for_km",
    "haversine_km",
    "km_for_chord",
    "pc4_centroids",
    "pc4_of",
    "unit_vectors",
]

FloatArray = npt.NDArray[np.float64]

#: Mean Earth radius (IUGG), in km.
EARTH_RADIUS_KM = 6371.0088

# "2611", "2611AB", "2611 ab" — the letters are optional because only the PC4 part has a centroid.
_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")


class UnknownPostcodeError(KeyError):
    """The postcode is malformed or its PC4 area has no known centroid."""


@cache
def pc4_centroids() -> Mapping[int, tuple[float, float]]:
    """Return ``{pc4: (latitude, longitude)}`` for every Dutch PC4 area, loaded once per process."""
    text = (
        resources.files("werkpad.matching").joinpath("data/nl-pc4.csv").read_text(encoding="utf-8")
    )
    return {
        int(row["pc4"]): (float(row["latitude"]), float(row["longitude"]))
        for row in csv.DictReader(io.StringIO(text))
    }


def pc4_of(postcode: str) -> int:
    """Return the four-digit area of a Dutch postcode ("2611 AB" -> 2611).

    Raises :class:`UnknownPostcodeError` when the text is not a Dutch postcode.
    """
    found = _POSTCODE.match(postcode)
    if found is None:
        raise UnknownPostcodeError(postcode)
    return int(found.group(1))


def centroid(postcode: str) -> tuple[float, float]:
    """Return ``(latitude, longitude)`` of the PC4 area a postcode lies in.

    Raises :class:`UnknownPostcodeError` for a malformed postcode or an area without a centroid.
    """
    try:
        return pc4_centroids()[pc4_of(postcode)]
    except KeyError as missing:
        raise UnknownPostcodeError(postcode) from missing


def centroids(postcodes: Iterable[str]) -> tuple[FloatArray, FloatArray]:
    """Vectorised :func:`centroid` for a batch: ``(latitudes, longitudes)``.

    A postcode that cannot be placed gives NaN rather than aborting the batch; the matching
    engine rejects NaN coordinates, so callers keep only ``np.isfinite(latitudes)``.
    """
    table = pc4_centroids()
    places: list[tuple[float, float]] = []
    for postcode in postcodes:
        try:
            places.append(table[pc4_of(postcode)])
        except KeyError:
            places.append((np.nan, np.nan))
    located = np.array(places, dtype=np.float64).reshape(-1, 2)
    return located[:, 0].copy(), located[:, 1].copy()


def haversine_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> FloatArray:
    """Great-circle distance in km between points in degrees; arguments broadcast like NumPy."""
    phi1, lam1, phi2, lam2 = (
        np.radians(np.asarray(a, dtype=np.float64)) for a in (lat1, lon1, lat2, lon2)
    )
    half = (
        np.sin((phi2 - phi1) / 2.0) ** 2
        + np.cos(phi1) * np.cos(phi2) * np.sin((lam2 - lam1) / 2.0) ** 2
    )
    # Clipping guards arcsin against rounding just above 1 for antipodal points.
    return np.asarray(2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(half, 0.0, 1.0))))


def unit_vectors(lat: npt.ArrayLike, lon: npt.ArrayLike) -> FloatArray:
    """Points on the unit sphere (n x 3), so that a k-d tree on them finds neighbours by chord."""
    phi = np.radians(np.asarray(lat, dtype=np.float64))
    lam = np.radians(np.asarray(lon, dtype=np.float64))
    cos_phi = np.cos(phi)
    return np.column_stack((cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)))


def chord_for_km(km: npt.ArrayLike) -> FloatArray:
    """Straight-line distance on the unit sphere between two points ``km`` apart on the surface."""
    angle = np.minimum(np.asarray(km, dtype=np.float64) / EARTH_RADIUS_KM, np.pi)
    return np.asarray(2.0 * np.sin(angle / 2.0))


def km_for_chord(chord: npt.ArrayLike) -> FloatArray:
    """Great-circle km between two points whose unit vectors are ``chord`` apart (inverse of
    :func:`chord_for_km`); the same distance as :func:`haversine_km`."""
    half = np.clip(np.asarray(chord, dtype=np.float64) / 2.0, 0.0, 1.0)
    return np.asarray(2.0 * EARTH_RADIUS_KM * np.arcsin(half))
