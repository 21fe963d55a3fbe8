"""The city-wide plan: at most one offer per candidate, at most ``capacity`` candidates per offer,
group offers either empty or at their minimum, and the largest total score.

Solving. Without group minimums the plan is a maximum-weight b-matching, solved exactly as a
min-cost flow with OR-Tools' ``SimpleMinCostFlow`` (chosen by benchmark over SciPy's LAPJVsp,
HiGHS LP and HiGHS MIP: 4x to 700x faster on the Delft graph, see bench/README.md).
Candidate -> offer arcs cost ``SCORE_SCALE - points``; offer -> sink arcs hold the capacity; a
candidate -> sink arc costing ``SCORE_SCALE`` (a score of 0) is the "unmatched" option, so the
flow is always feasible. The eligibility graph falls apart into connected components (regions:
a town and the offers its people can reach), found with SciPy's ``connected_components`` and
solved separately, because cost-scaling time grows faster than the graph: the national
benchmark graph takes about 5 s of CPU as regions and 17 s as one flow, to the same optimum. Small
regions are packed into batches of about ``_BATCH_ARCS`` arcs; batches can be spread over
``workers`` forked processes. The plan does not depend on ``workers``.

Group minimums (an offer gets 0 or >= ``group_min`` candidates) make the problem NP-hard in
general (it contains facility location). ``group_minimums="iterative"`` (the default) plans
without them; then, in every region where a group offer got some but too few candidates, it
closes the emptier half of those short groups (at least one) and re-plans that region; until no
group is short. Each round closes at least one group, so it ends. The first round's total is an
upper bound, so a plan whose total equals ``upper_bound_points`` is proven optimal (the usual
case when candidates outnumber places: groups fill). It is the default because it is as fast as
the flow itself (a city plan well under a second, a national one in seconds) and on the
benchmark with many groups that cannot all fill it lands 0.13% below the exact optimum.
``group_minimums="exact"`` first plans by the iterative rule, then solves each region whose
plan stays below its upper bound as a MIP with SciPy's HiGHS (``scipy.optimize.milp``): binary
``open_j`` per group offer with ``group_min_j * open_j <= load_j <= capacity_j * open_j``; exact,
but about a minute for a city-sized region on the benchmark (measured with HiGHS presolve on;
against half a second), so meant for overnight runs and audits (see bench/README.md). Its time
grows without bound on larger regions, so each region's MIP stops after ``exact_time_limit``
seconds (60 by default). A MIP stopped there keeps the best plan HiGHS has found by then, if
any, which keeps every constraint but can score far below the iterative plan (on a generated
region of 9,613 MIP variables: 2,124,593 points after 0.3 s against 2,183,310); the region keeps
whichever of the two plans scores higher, so "exact" never does worse than the default. Such a
region is marked in ``RegionStats.timed_out`` and the plan is not ``proven_optimal`` (unless
the region's total reaches its upper bound anyway). The limit is not sharp: HiGHS does not check
it everywhere, in presolve (ERGO-Code/HiGHS#1501; delft-groups: a 5 s limit stopped after about
30 s) nor in the root node's cut rounds. The MIP runs without presolve: on generated regions of
24,000 to 97,000 variables that proved the same optimum 1.8-2.9x sooner (97,000: 25 s against
46 s; no difference below 10,000), and with limits of 1, 2 and 5 s on 91,000 to 378,000
variables the worst stop came after 13 s against 44 s, though a 1 s limit still ran up to 7 s
either way (2 shared cores).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from ortools.graph.python import min_cost_flow
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse.csgraph import connected_components

from .arrays import BoolArray, CandidateArrays, IntArray, OfferArrays, ScoredEdges
from .codes import SCORE_SCALE
from .parallel import fork_map

__all__ = ["EXACT_TIME_LIMIT", "GroupMinimums", "Plan", "RegionStats", "plan"]

GroupMinimums = Literal["iterative", "exact"]
#: Seconds each region's exact MIP may take before it stops with the best plan found so far.
EXACT_TIME_LIMIT = 60.0

# Regions are packed into batches of at least this many arcs: big enough that per-call overhead
# does not dominate thousands of tiny regions, small enough to keep cost scaling near-linear.
_BATCH_ARCS = 4_096
# scipy.optimize.milp's status when HiGHS stopped at a limit (here: the time limit).
_MILP_LIMIT_REACHED = 1


@dataclass(frozen=True, kw_only=True, eq=False)
class RegionStats:
    """Per region (connected component of the eligibility graph), arrays indexed by region id.

    Attributes:
        candidates, offers, edges: size of the region.
        matched: candidates planned on an offer.
        points: total points of the region's plan.
        upper_bound_points: optimum without group minimums; equals ``points`` when proven optimal.
        rounds: solves the region needed (1 when no group offer fell short).
        timed_out: the region's exact MIP stopped at ``exact_time_limit`` before proving its
            plan optimal (only with ``group_minimums="exact"``); the region then has the better
            of the MIP's plan so far and the iterative rule's.
    """

    candidates: IntArray
    offers: IntArray
    edges: IntArray
    matched: IntArray
    points: IntArray
    upper_bound_points: IntArray
    rounds: IntArray
    timed_out: BoolArray


@dataclass(frozen=True, kw_only=True, eq=False)
class Plan:
    """A city-wide plan.

    Attributes:
        offer: (n,) planned offer row per candidate, -1 when unmatched.
        edge: (n,) position of the planned pair in the ScoredEdges (its score components), or -1.
        load: (m,) candidates planned per offer.
        closed: (m,) group offers the plan does not run because they fell short of ``group_min``
            (or have less capacity than it).
        total_points: sum of the planned pairs' points (``/ SCORE_SCALE`` for the score).
        upper_bound_points: the optimum without group minimums, an upper bound on any plan.
        proven_optimal: no plan scores higher: every region's total reaches its upper bound or
            was proven optimal by its exact MIP (``group_minimums="exact"``, within
            ``exact_time_limit``).
        candidate_region, offer_region: (n,) and (m,) region id of every candidate and offer.
        regions: per-region statistics.
    """

    offer: IntArray
    edge: IntArray
    load: IntArray
    closed: BoolArray
    total_points: int
    upper_bound_points: int
    proven_optimal: bool
    candidate_region: IntArray
    offer_region: IntArray
    regions: RegionStats

    @property
    def total_score(self) -> float:
        """Total score of the plan (the sum of planned pairs' ``total``, to 1 / SCORE_SCALE)."""
        return self.total_points / SCORE_SCALE


@dataclass(frozen=True, kw_only=True, eq=False)
class _Batch:
    """One flow problem: some regions, renumbered locally (candidates 0.., offers 0..)."""

    cand: npt.NDArray[np.int32]
    offer: npt.NDArray[np.int32]
    points: IntArray
    capacity: IntArray
    n_cand: int


@dataclass(frozen=True, kw_only=True, eq=False)
class _ExactSolve:
    """One region's MIP: the positions of the edges its plan uses (None when HiGHS stopped at
    the time limit before finding any plan) and whether HiGHS proved that plan optimal."""

    used: IntArray | None
    optimal: bool


def plan(
    *,
    candidates: CandidateArrays,
    offers: OfferArrays,
    scored: ScoredEdges,
    group_minimums: GroupMinimums = "iterative",
    exact_time_limit: float = EXACT_TIME_LIMIT,
    workers: int = 1,
) -> Plan:
    """Plan every candidate on at most one eligible offer, maximising the total points.

    Guarantees: only pairs in ``scored`` are planned; each offer gets at most ``capacity``
    candidates; a group offer (``group_min >= 2``) gets none or at least ``group_min``. Without
    group offers the total is optimal; with them see the module docstring. ``exact_time_limit``
    is the time in seconds each region's MIP may take with ``group_minimums="exact"``.
    ``workers > 1`` solves batches of regions in that many forked processes (POSIX only); the
    plan is the same.
    """
    if not exact_time_limit > 0:
        raise ValueError(f"exact_time_limit must be > 0 seconds, not {exact_time_limit}")
    n, m = candidates.n, offers.m
    if np.any(scored.cand[1:] < scored.cand[:-1]):
        raise ValueError("scored edges must be sorted by candidate, as eligible_pairs returns them")
    edges_from = np.searchsorted(scored.cand, np.arange(n + 1))
    candidate_region, offer_region, n_regions = _regions(n, m, scored, edges_from)
    edge_region = candidate_region[scored.cand]
    by_region, region_start = _group_by_region(candidate_region, edges_from, n_regions)
    group = offers.group_min >= 2
    # A group that cannot seat its own minimum never runs; closing it up front saves a round.
    closed = group & (offers.capacity < offers.group_min)
    rounds = (region_start[1:] > region_start[:-1]).astype(np.int64)

    def edges_of(regions: IntArray) -> IntArray:
        return np.concatenate(
            [by_region[region_start[r] : region_start[r + 1]] for r in regions.tolist()]
            or [by_region[:0]]
        )

    def chosen_load(chosen: IntArray) -> IntArray:
        return np.bincount(scored.offer[chosen], minlength=m)

    def short_groups(chosen: IntArray) -> BoolArray:
        load = chosen_load(chosen)
        return group & (load > 0) & (load < offers.group_min)

    chosen = _solve_flows(
        scored, n, np.where(closed, 0, offers.capacity), by_region, edge_region, workers
    )
    upper_bound = _region_points(scored, chosen, edge_region, n_regions)
    short = short_groups(chosen)
    ever_short = short.copy()
    while short.any():
        short_regions = np.unique(offer_region[short])
        closed |= _emptier_half(short, chosen_load(chosen), offers.group_min, offer_region)
        capacity = np.where(closed, 0, offers.capacity)
        replanned = _solve_flows(scored, n, capacity, edges_of(short_regions), edge_region, workers)
        chosen = _replace_regions(chosen, edge_region, short_regions, [replanned])
        rounds[short_regions] += 1
        short = short_groups(chosen)
        ever_short |= short

    region_points = _region_points(scored, chosen, edge_region, n_regions)
    # "exact" solves a MIP only where the iterative plan is not proven optimal, and keeps the
    # MIP's plan only where it scores higher: one stopped at the time limit can score far below
    # the iterative plan (at worst nobody planned), and "exact" must never do worse.
    mip_tried = (region_points < upper_bound) & (group_minimums == "exact")
    mip_optimal = np.zeros(n_regions, dtype=bool)
    improved: list[int] = []
    improved_plans: list[IntArray] = []
    for region in np.flatnonzero(mip_tried).tolist():
        mip = _solve_exact(scored, offers, edges_of(np.array([region])), exact_time_limit)
        mip_optimal[region] = mip.optimal
        rounds[region] += 1
        if mip.used is None:
            continue
        mip_points = scored.points[mip.used].sum()
        if mip_points > region_points[region]:
            improved.append(region)
            improved_plans.append(mip.used)
            region_points[region] = mip_points
    chosen = _replace_regions(chosen, edge_region, np.array(improved, np.int64), improved_plans)

    chosen = np.sort(chosen)
    load = np.bincount(scored.offer[chosen], minlength=m)
    edge_of = np.full(n, -1, dtype=np.int64)
    edge_of[scored.cand[chosen]] = chosen
    offer_of = np.full(n, -1, dtype=np.int64)
    offer_of[scored.cand[chosen]] = scored.offer[chosen]
    proven = (region_points == upper_bound) | mip_optimal
    return Plan(
        offer=offer_of,
        edge=edge_of,
        load=load,
        closed=(closed | ever_short) & (load == 0),
        total_points=int(region_points.sum()),
        upper_bound_points=int(upper_bound.sum()),
        proven_optimal=bool(proven.all()),
        candidate_region=candidate_region,
        offer_region=offer_region,
        regions=RegionStats(
            candidates=np.bincount(candidate_region, minlength=n_regions),
            offers=np.bincount(offer_region, minlength=n_regions),
            edges=np.diff(region_start),
            matched=np.bincount(edge_region[chosen], minlength=n_regions),
            points=region_points,
            upper_bound_points=upper_bound,
            rounds=rounds,
            timed_out=mip_tried & ~mip_optimal,
        ),
    )


def _replace_regions(
    chosen: IntArray, edge_region: IntArray, regions: IntArray, plans: list[IntArray]
) -> IntArray:
    """``chosen`` (planned edge positions) with the edges of ``regions`` swapped for ``plans``."""
    return np.concatenate([chosen[~np.isin(edge_region[chosen], regions)], *plans])


def _emptier_half(
    short: BoolArray, load: IntArray, group_min: IntArray, offer_region: IntArray
) -> BoolArray:
    """The short groups to close this round: per region, the half (at least one) furthest from
    its minimum by ``load / group_min``, ties to the lower offer row.

    Closing every short group at once is quicker but over-closes: a group one person short often
    fills once an emptier group nearby closes and frees its people. On the delft-groups benchmark
    this halving loses 0.13% against the exact optimum where closing all at once loses 0.7%.
    """
    rows = np.flatnonzero(short)
    fill = load[rows] / group_min[rows]
    rows = rows[np.lexsort((rows, fill, offer_region[rows]))]
    region = offer_region[rows]
    first = np.searchsorted(region, region, side="left")
    rank = np.arange(len(rows)) - first
    count = np.bincount(region)[region]
    closing = np.zeros(len(short), dtype=bool)
    closing[rows[rank < np.maximum(1, count // 2)]] = True
    return closing


def _regions(
    n: int, m: int, scored: ScoredEdges, edges_from: IntArray
) -> tuple[IntArray, IntArray, int]:
    """Connected components of the bipartite graph; nodes are candidates, then offers.

    ``edges_from[i]`` is where candidate ``i``'s edges start (they are sorted by candidate), so
    the adjacency matrix is built without sorting.
    """
    indptr = np.r_[edges_from, np.full(m, len(scored))]
    adjacency = sp.csr_array(
        (np.ones(len(scored), dtype=np.int8), n + scored.offer, indptr), shape=(n + m, n + m)
    )
    count, label = connected_components(adjacency, directed=False)
    label = label.astype(np.int64)
    return label[:n], label[n:], int(count)


def _group_by_region(
    candidate_region: IntArray, edges_from: IntArray, n_regions: int
) -> tuple[IntArray, IntArray]:
    """Edge positions grouped by region, each candidate's edges kept together and in order, and
    where each region's run starts. Ordering the candidates (not the edges) avoids a sort of
    all edges: a candidate's edges are a contiguous range."""
    order = np.argsort(candidate_region, kind="stable")
    lengths = np.diff(edges_from)[order]
    placed_before = np.cumsum(lengths) - lengths
    by_region = np.repeat(edges_from[order] - placed_before, lengths) + np.arange(lengths.sum())
    per_region = np.bincount(candidate_region, weights=np.diff(edges_from), minlength=n_regions)
    region_start = np.r_[0, np.cumsum(per_region)].astype(np.int64)
    return by_region, region_start


def _region_points(
    scored: ScoredEdges, chosen: IntArray, edge_region: IntArray, n_regions: int
) -> IntArray:
    points = np.bincount(edge_region[chosen], weights=scored.points[chosen], minlength=n_regions)
    return np.rint(points).astype(np.int64)


def _solve_flows(
    scored: ScoredEdges,
    n_candidates: int,
    capacity: IntArray,
    edges: IntArray,
    edge_region: IntArray,
    workers: int,
) -> IntArray:
    """Solve the regions of ``edges`` (edge positions grouped by region) as min-cost flows and
    return the positions of the edges the plan uses."""
    if len(edges) == 0:
        return edges
    batch = _batch_ids(edge_region[edges])
    cand_local, _ = _local_ids(scored.cand[edges], batch, n_candidates)
    offer_local, offers_in_order = _local_ids(scored.offer[edges], batch, len(capacity))
    bounds = np.flatnonzero(np.r_[True, batch[1:] != batch[:-1], True]).tolist()
    batches = []
    offers_done = 0
    for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
        n_offer = int(offer_local[start:stop].max()) + 1
        batches.append(
            _Batch(
                cand=cand_local[start:stop],
                offer=offer_local[start:stop],
                points=scored.points[edges[start:stop]],
                capacity=capacity[offers_in_order[offers_done : offers_done + n_offer]],
                n_cand=int(cand_local[start:stop].max()) + 1,
            )
        )
        offers_done += n_offer
    largest_first = sorted(range(len(batches)), key=lambda b: -len(batches[b].points))
    solved = fork_map(_solve_flow, [batches[b] for b in largest_first], workers)
    results = [solved[rank] for rank in np.argsort(largest_first).tolist()]
    used = [edges[start + positions] for start, positions in zip(bounds[:-1], results, strict=True)]
    return np.concatenate(used) if used else edges[:0]


def _batch_ids(region: IntArray) -> IntArray:
    """Batch id per edge, for edges grouped by region: the regions that start within the same
    ``_BATCH_ARCS`` window of edges share a batch, so a region is never split."""
    starts = np.flatnonzero(np.r_[True, region[1:] != region[:-1]])
    sizes = np.diff(np.r_[starts, len(region)])
    return np.repeat(starts // _BATCH_ARCS, sizes)


def _local_ids(
    node: IntArray, batch: IntArray, n_nodes: int
) -> tuple[npt.NDArray[np.int32], IntArray]:
    """Renumber nodes 0.. within each batch (a node lies in one batch: its region's).

    Returns the local id per edge and the node ids ordered by (batch, local id).
    """
    node_batch = np.full(n_nodes, -1, dtype=np.int64)
    node_batch[node] = batch
    present = np.flatnonzero(node_batch >= 0)
    ordered = present[np.argsort(node_batch[present], kind="stable")]
    first = np.searchsorted(node_batch[ordered], node_batch[ordered], side="left")
    local = np.empty(n_nodes, dtype=np.int32)
    local[ordered] = np.arange(len(ordered)) - first
    return local[node], ordered


def _solve_flow(batch: _Batch) -> IntArray:
    """Positions (within the batch) of the arcs an optimal flow uses."""
    n_cand, n_offer, n_arc = batch.n_cand, len(batch.capacity), len(batch.points)
    sink = n_cand + n_offer
    cand_nodes = np.arange(n_cand, dtype=np.int32)
    offer_nodes = np.arange(n_cand, sink, dtype=np.int32)
    # Every candidate leaves through exactly one arc (an offer or "unmatched"), so charging
    # SCORE_SCALE on each shifts all plans' costs equally; non-negative costs make OR-Tools'
    # cost scaling 10-15% faster on the benchmark graphs.
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate([batch.cand, offer_nodes, cand_nodes]),
        np.concatenate([n_cand + batch.offer, np.full(n_offer + n_cand, sink, dtype=np.int32)]),
        np.concatenate([np.ones(n_arc, dtype=np.int64), batch.capacity, np.ones(n_cand, np.int64)]),
        np.concatenate(
            [
                SCORE_SCALE - batch.points,
                np.zeros(n_offer, dtype=np.int64),
                np.full(n_cand, SCORE_SCALE, dtype=np.int64),
            ]
        ),
    )
    supply = np.ones(sink + 1, dtype=np.int64)
    supply[n_cand:] = 0
    supply[sink] = -n_cand
    flow.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supply)
    status = flow.solve()
    if status != flow.OPTIMAL:  # the unmatched arcs make it feasible, so this is a bug
        raise RuntimeError(f"min-cost flow failed: {status}")
    return np.flatnonzero(flow.flows(np.arange(n_arc, dtype=np.int32)) > 0)


def _solve_exact(
    scored: ScoredEdges, offers: OfferArrays, edges: IntArray, time_limit: float
) -> _ExactSolve:
    """Exact plan of one region, group minimums included, as a HiGHS MIP that stops after
    ``time_limit`` seconds with the best plan found so far, if any.

    Variables: ``x_e`` per edge (plan the pair) and ``open_j`` per group offer; maximise
    ``sum(points_e x_e)`` subject to one offer per candidate, ``load_j <= capacity_j`` for other
    offers and ``group_min_j open_j <= load_j <= capacity_j open_j`` for group offers.
    """
    _, cand_row = np.unique(scored.cand[edges], return_inverse=True)
    offer_ids, offer_row = np.unique(scored.offer[edges], return_inverse=True)
    n_edge = len(edges)
    capacity = offers.capacity[offer_ids]
    group_min = offers.group_min[offer_ids]
    groups = np.flatnonzero(group_min >= 2)
    n_var = n_edge + len(groups)
    one_offer = sp.csr_array(
        (np.ones(n_edge), (cand_row, np.arange(n_edge))), shape=(cand_row.max() + 1, n_var)
    )

    def load_minus(per_group: IntArray) -> sp.csr_array:
        """Rows ``load_j - per_group_j * open_j`` (just ``load_j`` for offers without a group)."""
        return sp.csr_array(
            (
                np.r_[np.ones(n_edge), -per_group.astype(np.float64)],
                (
                    np.r_[offer_row, groups],
                    np.r_[np.arange(n_edge), n_edge + np.arange(len(groups))],
                ),
            ),
            shape=(len(offer_ids), n_var),
        )

    result = milp(
        c=-np.r_[scored.points[edges], np.zeros(len(groups))].astype(np.float64),
        constraints=[
            LinearConstraint(one_offer, -np.inf, 1),
            LinearConstraint(
                load_minus(capacity[groups]), -np.inf, np.where(group_min >= 2, 0, capacity)
            ),
            LinearConstraint(load_minus(group_min[groups])[groups], 0, np.inf),
        ],
        integrality=np.ones(n_var),
        bounds=Bounds(0, 1),
        # Without presolve HiGHS finished sooner and overshot the limit less at worst (measured,
        # see the module docstring).
        options={"time_limit": time_limit, "presolve": False},
    )
    stopped = result.status == _MILP_LIMIT_REACHED
    # Planning nobody is always feasible, so anything but optimal or the time limit is a bug.
    if not (result.success or stopped):
        raise RuntimeError(f"HiGHS MIP failed: {result.message}")
    used = None if result.x is None else edges[np.rint(result.x[:n_edge]) > 0]
    return _ExactSolve(used=used, optimal=bool(result.success))
