"""Synthetic matching instances placed on the real PC4 centroids.

People and offers sit at a PC4 centroid jittered by a few hundred metres; their attributes follow
the caseload shape in DESIGN.md (many candidates on the low ladder steps, the barrier mix seen in
Delft) loosely enough to exercise every constraint, not to forecast anything.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.spatial import cKDTree

from werkpad.matching.engine import (
    BARRIER_KINDS,
    OFFER_KINDS,
    CandidateArrays,
    OfferArrays,
)
from werkpad.matching.geo import haversine_km, km_for_chord, pc4_centroids, unit_vectors

Generator = np.random.Generator
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

DELFT_PC4 = (2611, 2629)
DELFT_CENTRE = (52.0116, 4.3571)
# Offers come from Delft and the towns around it (Den Haag, Rijswijk, Westland, Rotterdam ...).
NEIGHBOURHOOD_KM = 15.0
N_SKILLS = 48
N_SECTORS = 21  # the SBI sections A..U
JITTER_KM = 0.4

# Share of candidates per participatieladder step 1..6 in a bijstand caseload.
_LADDER_SHARE = np.array([0.12, 0.18, 0.25, 0.22, 0.15, 0.08])
# Chance of an open barrier per kind (BARRIER_KINDS order), and of it blocking work once open.
_BARRIER_CHANCE = np.array([0.25, 0.22, 0.05, 0.12, 0.08, 0.2, 0.2, 0.08, 0.08, 0.1, 0.05])
_BLOCKS_WORK = 0.35
# Offer kinds (OFFER_KINDS order): share, ladder range, places range, share that are groups.
_KIND_SHARE = np.array([0.35, 0.15, 0.2, 0.1, 0.1, 0.1])
_KIND_LADDER = np.array([[5, 6], [4, 5], [2, 4], [1, 3], [2, 5], [3, 5]])
_KIND_GROUP = np.array([0.0, 0.1, 0.3, 0.8, 0.6, 0.2])


@dataclass(frozen=True)
class Instance:
    """A generated instance and how it was made."""

    name: str
    candidates: CandidateArrays
    offers: OfferArrays


def _places(pc4_lo: int, pc4_hi: int) -> tuple[FloatArray, FloatArray]:
    table = pc4_centroids()
    chosen = [table[p] for p in sorted(table) if pc4_lo <= p <= pc4_hi]
    located = np.array(chosen)
    return located[:, 0], located[:, 1]


def _around(
    rng: Generator, lat: FloatArray, lon: FloatArray, size: int
) -> tuple[FloatArray, FloatArray]:
    """``size`` points, each a random centroid moved by up to JITTER_KM."""
    pick = rng.integers(0, len(lat), size)
    km_per_degree = 111.2
    dlat = rng.normal(0, JITTER_KM / 2, size) / km_per_degree
    dlon = rng.normal(0, JITTER_KM / 2, size) / (km_per_degree * np.cos(np.radians(lat[pick])))
    return lat[pick] + dlat, lon[pick] + dlon


def _random_mask(rng: Generator, size: int, chance: FloatArray) -> IntArray:
    hits = rng.random((size, len(chance))) < chance
    return (hits.astype(np.int64) << np.arange(len(chance))).sum(axis=1)


def _skills(rng: Generator, size: int, mean: float) -> sp.csr_array:
    # Skills are Zipf-like: a few (cleaning, customer contact) are common, most are rare.
    popularity = 1.0 / np.arange(1, N_SKILLS + 1)
    popularity /= popularity.sum()
    counts = rng.poisson(mean, size)
    rows = np.repeat(np.arange(size), counts)
    cols = rng.choice(N_SKILLS, size=counts.sum(), p=popularity)
    data = np.ones(len(rows), dtype=bool)
    matrix = sp.csr_array((data, (rows, cols)), shape=(size, N_SKILLS))
    matrix.sum_duplicates()
    return sp.csr_array(matrix, dtype=bool)


def make_candidates(
    rng: Generator, lat: FloatArray, lon: FloatArray, travel_km: FloatArray
) -> CandidateArrays:
    """Candidates at the given (already jittered) places, each reaching its ``travel_km``."""
    n = len(lat)
    ladder = rng.choice(np.arange(1, 7), size=n, p=_LADDER_SHARE)
    open_barriers = _random_mask(rng, n, _BARRIER_CHANCE)
    blocking = open_barriers & _random_mask(rng, n, np.full(len(BARRIER_KINDS), _BLOCKS_WORK))
    kinds = len(OFFER_KINDS)
    return CandidateArrays(
        lat=lat,
        lon=lon,
        max_travel_km=travel_km,
        hours_available=rng.choice(np.array([8.0, 12, 16, 20, 24, 32, 36, 40]), size=n),
        dutch_level=rng.choice(np.arange(7), size=n, p=[0.04, 0.06, 0.1, 0.2, 0.3, 0.2, 0.1]),
        ladder_step=ladder,
        blocking_barriers=blocking,
        acceptable_kinds=np.where(
            rng.random(n) < 0.3, _random_mask(rng, n, np.full(kinds, 0.6)), 0
        ),
        preferred_kinds=_random_mask(rng, n, np.full(kinds, 0.3)),
        preferred_sectors=_random_mask(rng, n, np.full(N_SECTORS, 0.1)),
        support_needs=_random_mask(rng, n, np.array([0.3, 0.25, 0.15])),
        skills=_skills(rng, n, 3.0),
    )


def make_offers(
    rng: Generator,
    lat: FloatArray,
    lon: FloatArray,
    places: int,
    providers: int,
    group_boost: float = 1.0,
    group_min: tuple[int, int] = (2, 4),
) -> OfferArrays:
    """Offers at the given places with about ``places`` places in total from ``providers``;
    ``group_boost`` multiplies each kind's share of group offers, whose minimum is drawn from
    ``group_min`` (inclusive)."""
    m = len(lat)
    kind = rng.choice(len(OFFER_KINDS), size=m, p=_KIND_SHARE)
    group = rng.random(m) < np.minimum(_KIND_GROUP[kind] * group_boost, 1.0)
    # Single places hold 1-2; group offers hold the rest of the places, 5+ each.
    capacity = np.where(group, 0, rng.integers(1, 3, m))
    group_places = max(places - int(capacity.sum()), 5 * int(group.sum()))
    capacity[group] = 5 + rng.multinomial(
        group_places - 5 * int(group.sum()), np.full(group.sum(), 1 / max(group.sum(), 1))
    )
    hours_min = rng.choice(np.array([4.0, 8, 12, 16, 20, 24, 32]), size=m)
    ladder = _KIND_LADDER[kind]
    return OfferArrays(
        lat=lat,
        lon=lon,
        hours_min=hours_min,
        hours_max=hours_min + rng.choice(np.array([0.0, 4, 8, 16]), size=m),
        min_dutch_level=np.where(kind <= 1, rng.integers(0, 5, m), rng.integers(0, 3, m)),
        ladder_min=ladder[:, 0],
        ladder_max=ladder[:, 1],
        kind=kind,
        sector=np.where(rng.random(m) < 0.8, rng.integers(0, N_SECTORS, m), -1),
        physical_demand=rng.choice(3, size=m, p=[0.5, 0.3, 0.2]),
        within_school_hours=rng.random(m) < 0.4,
        capacity=capacity,
        group_min=np.where(group, rng.integers(group_min[0], group_min[1] + 1, m), 0),
        # Provider sizes are skewed: a few large care organisations, many small employers.
        provider=np.minimum(rng.zipf(1.6, m), providers) - 1,
        support_given=_random_mask(rng, m, np.array([0.35, 0.4, 0.3])),
        skills_required=_skills(rng, m, 1.2),
        skills_desired=_skills(rng, m, 1.5),
    )


def _delft_places(rng: Generator, people: int, offers: int) -> tuple[FloatArray, ...]:
    """People in Delft; offers half in Delft, half in the towns within 15 km of its centre."""
    home_lat, home_lon = _places(*DELFT_PC4)
    all_lat, all_lon = _places(1000, 9999)
    near = haversine_km(all_lat, all_lon, *DELFT_CENTRE) <= NEIGHBOURHOOD_KM
    c_lat, c_lon = _around(rng, home_lat, home_lon, people)
    o_lat_d, o_lon_d = _around(rng, home_lat, home_lon, offers // 2)
    o_lat_n, o_lon_n = _around(rng, all_lat[near], all_lon[near], offers - offers // 2)
    return c_lat, c_lon, np.r_[o_lat_d, o_lat_n], np.r_[o_lon_d, o_lon_n]


def _delft_reach(rng: Generator, people: int) -> FloatArray:
    return rng.choice(np.array([3.0, 5.0, 8.0, 12.0, 15.0]), size=people)


def delft(seed: int = 2019) -> Instance:
    """3,500 candidates in Delft (PC4 2611-2629) x 1,000 offers with 2,000 places in and
    around Delft, each candidate reaching 3-15 km."""
    rng = np.random.default_rng(seed)
    c_lat, c_lon, o_lat, o_lon = _delft_places(rng, 3_500, 1_000)
    return Instance(
        name="delft",
        candidates=make_candidates(rng, c_lat, c_lon, _delft_reach(rng, 3_500)),
        offers=make_offers(rng, o_lat, o_lon, 2_000, 150),
    )


def delft_groups(seed: int = 2020) -> Instance:
    """Group minimums under stress: 1,000 candidates x 1,000 offers with about 3,100 places,
    455 of the offers groups that need 3-8 people. Three places per person, so many groups
    cannot all reach their minimum."""
    rng = np.random.default_rng(seed)
    c_lat, c_lon, o_lat, o_lon = _delft_places(rng, 1_000, 1_000)
    return Instance(
        name="delft-groups",
        candidates=make_candidates(rng, c_lat, c_lon, _delft_reach(rng, 1_000)),
        offers=make_offers(rng, o_lat, o_lon, 2_000, 150, group_boost=2.5, group_min=(3, 8)),
    )


def national(seed: int = 2023, travel: str = "uniform") -> Instance:
    """400,000 candidates x 100,000 offers (about 200,000 places) over all Dutch PC4 areas.

    ``travel="uniform"``: everyone travels at most 2 km, which leaves about 20 eligible offers per
    candidate; the graph falls apart into towns and city districts. ``travel="nearest"``: a
    candidate reaches their 60th-nearest offer (rounded up to 0.5 km, times 0.8, 1 or 1.25), also
    about 20 eligible offers each, but longer reaches in the countryside join almost the whole
    country into one region: the case where splitting into regions cannot help.
    """
    rng = np.random.default_rng(seed)
    lat, lon = _places(1000, 9999)
    c_lat, c_lon = _around(rng, lat, lon, 400_000)
    o_lat, o_lon = _around(rng, lat, lon, 100_000)
    offers = make_offers(rng, o_lat, o_lon, 200_000, 20_000)
    if travel == "uniform":
        reach = np.full(len(c_lat), 2.0)
    else:
        chord, _ = cKDTree(unit_vectors(o_lat, o_lon)).query(
            unit_vectors(c_lat, c_lon), k=[60], workers=2
        )
        nearest = np.ceil(km_for_chord(chord[:, 0]) * 2) / 2
        reach = nearest * rng.choice(np.array([0.8, 1.0, 1.25]), size=len(c_lat))
    return Instance(
        name=f"national-{travel}",
        candidates=make_candidates(rng, c_lat, c_lon, reach),
        offers=offers,
    )
