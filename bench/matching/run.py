"""Benchmark of the matching engine: ``python -m bench.matching.run [scenario ...] [--repeat N]``.

Each scenario runs in a fresh interpreter so that its peak memory is its own. Times are the
fastest of ``--repeat`` runs (wall clock, and the CPU seconds of that run including worker
processes), because the benchmark machine is shared. Nothing here is asserted: the figures go
into bench/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from bench.matching import instances
from werkpad.matching.engine import (
    CandidateArrays,
    OfferArrays,
    Plan,
    ScoredEdges,
    eligible_pairs,
    plan,
    planning,
    score_pairs,
)
from werkpad.matching.engine.planning import _Batch, _solve_flow

Result = dict[str, Any]

# The exact optimum is the yardstick for plan quality, so its MIP gets far more than the engine's
# default minute (delft-groups took 44-107 s); "exact_proven_optimal" says if it finished.
EXACT_TIME_LIMIT_S = 3_600.0


@dataclass
class Clock:
    """Wall and CPU seconds (this process and its finished children) since creation."""

    wall: float
    cpu: float

    @staticmethod
    def cpu_now() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    @classmethod
    def start(cls) -> Clock:
        return cls(time.perf_counter(), cls.cpu_now())

    def lap(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, self.cpu_now() - self.cpu


class MemoryWatch:
    """Peak memory of this process and its forked workers together, sampled every few ms.

    Sums the proportional set size (PSS, /proc/<pid>/smaps_rollup, Linux) of the process tree:
    pages a worker shares with its parent after fork count once, so the sum is the real use.
    """

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._running = True
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    @staticmethod
    def _tree(pid: int) -> list[int]:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as listing:
                children = [int(child) for child in listing.read().split()]
        except OSError:
            return []
        return [pid] + [grandchild for child in children for grandchild in MemoryWatch._tree(child)]

    @staticmethod
    def _pss_mb(pid: int) -> float:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _watch(self) -> None:
        while self._running:
            total = sum(self._pss_mb(pid) for pid in self._tree(os.getpid()))
            self.peak_mb = max(self.peak_mb, total)
            time.sleep(0.02)

    def stop(self) -> float:
        self._running = False
        self._thread.join()
        return self.peak_mb


def fastest(runs: int, step: Callable[[], Result]) -> Result:
    """Run ``step`` ``runs`` times; keep the run with the least wall time."""
    return min((step() for _ in range(runs)), key=lambda result: result["wall_s"])


def build_and_plan(
    candidates: CandidateArrays, offers: OfferArrays, workers: int
) -> tuple[Result, ScoredEdges, Plan]:
    clock = Clock.start()
    edges = eligible_pairs(candidates=candidates, offers=offers, workers=workers)
    eligible_s = clock.lap()
    scored = score_pairs(candidates=candidates, offers=offers, edges=edges)
    scored_s = clock.lap()
    city = plan(
        candidates=candidates,
        offers=offers,
        scored=scored,
        workers=workers,
    )
    wall, cpu = clock.lap()
    timing = {
        "wall_s": wall,
        "cpu_s": cpu,
        "eligible_wall_s": eligible_s[0],
        "score_wall_s": scored_s[0] - eligible_s[0],
        "plan_wall_s": wall - scored_s[0],
    }
    return timing, scored, city


def greedy_total(offers: OfferArrays, scored: ScoredEdges) -> int:
    """Greedy baseline: pairs by falling score, taken while candidate and offer are free; then
    group offers below their minimum are emptied (their candidates stay unmatched)."""
    order = np.lexsort((scored.offer, scored.cand, -scored.points))
    free = offers.capacity.tolist()
    placed: dict[int, int] = {}
    for edge, cand, offer in zip(
        order.tolist(), scored.cand[order].tolist(), scored.offer[order].tolist(), strict=True
    ):
        if cand not in placed and free[offer] > 0:
            placed[cand] = edge
            free[offer] -= 1
    taken = np.fromiter(placed.values(), dtype=np.int64, count=len(placed))
    load = np.bincount(scored.offer[taken], minlength=offers.m)
    short = (offers.group_min >= 2) & (load < offers.group_min)
    return int(scored.points[taken[~short[scored.offer[taken]]]].sum())


def close_all_at_once(
    candidates: CandidateArrays, offers: OfferArrays, scored: ScoredEdges
) -> Result:
    """The simpler iterative rule the engine does not use: close every short group each round."""
    halving = planning._emptier_half
    planning._emptier_half = lambda short, *_: short
    try:
        clock = Clock.start()
        city = plan(candidates=candidates, offers=offers, scored=scored)
        wall = clock.lap()[0]
    finally:
        planning._emptier_half = halving
    return {
        "all_at_once_points": city.total_points,
        "all_at_once_rounds": int(city.regions.rounds.max(initial=0)),
        "all_at_once_wall_s": wall,
    }


def plan_summary(city: Plan, scored: ScoredEdges, offers: OfferArrays, n: int) -> Result:
    regions_with_edges = city.regions.edges > 0
    return {
        "edges": len(scored),
        "edges_per_candidate": len(scored) / n,
        "regions": int(regions_with_edges.sum()),
        "largest_region_edges": int(city.regions.edges.max(initial=0)),
        "largest_region_candidates": int(
            city.regions.candidates[regions_with_edges].max(initial=0)
        ),
        "matched": int((city.offer >= 0).sum()),
        "total_points": city.total_points,
        "upper_bound_points": city.upper_bound_points,
        "proven_optimal": city.proven_optimal,
        "rounds": int(city.regions.rounds.max(initial=0)),
        "groups_closed": int(city.closed.sum()),
        "greedy_points": greedy_total(offers, scored),
    }


def direct_flow(offers: OfferArrays, scored: ScoredEdges, n: int) -> Result:
    """One OR-Tools solve of the whole graph, no region split, no group minimums: the same
    flow network the engine builds per batch."""
    clock = Clock.start()
    used = _solve_flow(
        _Batch(
            cand=scored.cand.astype(np.int32),
            offer=scored.offer.astype(np.int32),
            points=scored.points,
            capacity=offers.capacity,
            n_cand=n,
        )
    )
    wall, cpu = clock.lap()
    return {
        "direct_wall_s": wall,
        "direct_cpu_s": cpu,
        "direct_points": int(scored.points[used].sum()),
    }


# --- solver comparison on one graph (no group minimums) ----------------------------------------


def solver_ortools(offers: OfferArrays, scored: ScoredEdges, n: int) -> int:
    used = _solve_flow(
        _Batch(
            cand=scored.cand.astype(np.int32),
            offer=scored.offer.astype(np.int32),
            points=scored.points,
            capacity=offers.capacity,
            n_cand=n,
        )
    )
    return int(scored.points[used].sum())


def _b_matching_rows(offers: OfferArrays, scored: ScoredEdges, n: int) -> list[LinearConstraint]:
    columns = np.arange(len(scored))
    ones = np.ones(len(scored))
    per_cand = sp.csr_array((ones, (scored.cand, columns)), shape=(n, len(scored)))
    per_offer = sp.csr_array((ones, (scored.offer, columns)), shape=(offers.m, len(scored)))
    return [
        LinearConstraint(per_cand, -np.inf, 1),
        LinearConstraint(per_offer, -np.inf, offers.capacity),
    ]


def solver_linprog(offers: OfferArrays, scored: ScoredEdges, n: int) -> int:
    """The b-matching LP is totally unimodular, so HiGHS' LP optimum is integral."""
    rows = _b_matching_rows(offers, scored, n)
    result = linprog(
        -scored.points.astype(float),
        A_ub=sp.vstack([r.A for r in rows]),
        b_ub=np.r_[np.ones(n), offers.capacity],
        bounds=(0, 1),
        method="highs",
    )
    return round(-result.fun)


def solver_milp(offers: OfferArrays, scored: ScoredEdges, n: int) -> int:
    result = milp(
        -scored.points.astype(float),
        constraints=_b_matching_rows(offers, scored, n),
        integrality=np.ones(len(scored)),
        bounds=Bounds(0, 1),
    )
    return round(-result.fun)


def solver_lapjv(offers: OfferArrays, scored: ScoredEdges, n: int) -> int:
    """SciPy's LAPJVsp needs a full matching of the smaller side: offers become one column per
    place, and every candidate gets a private "unmatched" column."""
    places = np.repeat(np.arange(offers.m), offers.capacity)
    first_place = np.r_[0, np.cumsum(offers.capacity)[:-1]]
    per_edge = offers.capacity[scored.offer]
    rows = np.r_[np.repeat(scored.cand, per_edge), np.arange(n)]
    within = np.arange(per_edge.sum()) - np.repeat(np.cumsum(per_edge) - per_edge, per_edge)
    cols = np.r_[
        np.repeat(first_place[scored.offer], per_edge) + within, len(places) + np.arange(n)
    ]
    # Costs must be positive (explicit zeros are not edges): shift all by one score unit.
    top = int(scored.points.max(initial=0)) + 1
    weights = np.r_[np.repeat(top - scored.points, per_edge), np.full(n, top)].astype(float)
    matrix = sp.csr_array((weights, (rows, cols)), shape=(n, len(places) + n))
    row, col = min_weight_full_bipartite_matching(matrix)
    return int(top * n - matrix[row, col].sum())


SOLVERS: dict[str, Callable[[OfferArrays, ScoredEdges, int], int]] = {
    "OR-Tools SimpleMinCostFlow": solver_ortools,
    "SciPy linprog (HiGHS LP)": solver_linprog,
    "SciPy milp (HiGHS MIP)": solver_milp,
    "SciPy min_weight_full_bipartite_matching": solver_lapjv,
}


# --- scenarios ---------------------------------------------------------------------------------


def scenario_city(instance: instances.Instance, repeat: int, workers: int) -> Result:
    return city_run(instance, repeat, workers)[0]


def city_run(
    instance: instances.Instance, repeat: int, workers: int, exact: bool = True
) -> tuple[Result, ScoredEdges]:
    """Build and plan ``repeat`` times; with ``exact``, also the exact optimum (HiGHS MIP) when
    the plan is not proven optimal."""
    c, o = instance.candidates, instance.offers
    kept: dict[str, Any] = {}

    def once() -> Result:
        kept.clear()  # so that a run's memory is its own, not two runs' together
        timing, kept["scored"], kept["plan"] = build_and_plan(c, o, workers)
        return timing

    result = fastest(repeat, once)
    # Memory in a run of its own: sampling /proc costs CPU that would blur the timings.
    kept.clear()
    watch = MemoryWatch()
    _, kept["scored"], kept["plan"] = build_and_plan(c, o, workers)
    result["peak_mb"] = watch.stop()
    result |= plan_summary(kept["plan"], kept["scored"], o, c.n)
    if exact and not kept["plan"].proven_optimal:
        clock = Clock.start()
        optimum = plan(
            candidates=c,
            offers=o,
            scored=kept["scored"],
            group_minimums="exact",
            exact_time_limit=EXACT_TIME_LIMIT_S,
        )
        result |= {
            "exact_points": optimum.total_points,
            "exact_wall_s": clock.lap()[0],
            "exact_proven_optimal": optimum.proven_optimal,
        }
        result |= close_all_at_once(c, o, kept["scored"])
    return result, kept["scored"]


def scenario_solvers(instance: instances.Instance, repeat: int, workers: int) -> Result:
    c, o = instance.candidates, instance.offers
    scored = score_pairs(candidates=c, offers=o, edges=eligible_pairs(candidates=c, offers=o))
    result: Result = {"edges": len(scored), "solvers": {}}
    for name, solve in SOLVERS.items():
        clock = Clock.start()
        points = solve(o, scored, c.n)
        wall, cpu = clock.lap()
        result["solvers"][name] = {"wall_s": wall, "cpu_s": cpu, "points": points}
    return result


def scenario_national(instance: instances.Instance, repeat: int, workers: int) -> Result:
    """The engine, then one direct OR-Tools solve of the same graph without the region split
    (measured after the engine's peak memory was read)."""
    result, scored = city_run(instance, repeat, workers, exact=False)
    return result | direct_flow(instance.offers, scored, instance.candidates.n)


def scenario_batch_size(instance: instances.Instance, repeat: int, workers: int) -> Result:
    """Plan time of the national graph without group minimums, in one process, as regions are
    packed into ever larger batches up to the whole graph in one: why the engine splits."""
    c = instance.candidates
    o = dataclasses.replace(instance.offers, group_min=np.zeros(instance.offers.m, dtype=np.int64))
    scored = score_pairs(candidates=c, offers=o, edges=eligible_pairs(candidates=c, offers=o))
    result: Result = {"edges": len(scored), "batches": {}}
    for batch_arcs in (512, 4_096, 32_768, 262_144, 2_097_152, len(scored) + 1):
        planning._BATCH_ARCS = batch_arcs
        clock = Clock.start()
        city = plan(candidates=c, offers=o, scored=scored)
        wall, cpu = clock.lap()
        result["batches"][batch_arcs] = {"wall_s": wall, "cpu_s": cpu, "points": city.total_points}
    return result


SCENARIOS: dict[str, Callable[[int, int], Result]] = {
    "delft": lambda repeat, workers: scenario_city(instances.delft(), repeat, workers),
    "delft-groups": lambda repeat, workers: scenario_city(
        instances.delft_groups(), repeat, workers
    ),
    "solvers-delft": lambda repeat, workers: scenario_solvers(instances.delft(), repeat, workers),
    "national-uniform": lambda repeat, workers: scenario_national(
        instances.national(travel="uniform"), repeat, workers
    ),
    "national-nearest": lambda repeat, workers: scenario_national(
        instances.national(travel="nearest"), repeat, workers
    ),
    "batch-size": lambda repeat, workers: scenario_batch_size(
        instances.national(travel="uniform"), repeat, workers
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenarios", nargs="*", metavar="scenario", help=", ".join(SCENARIOS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--inline", action="store_true", help="run in this process, print JSON")
    args = parser.parse_args()
    names = args.scenarios or list(SCENARIOS)
    unknown = set(names) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {sorted(unknown)}")
    if args.inline:
        for name in names:
            print(json.dumps({name: SCENARIOS[name](args.repeat, args.workers)}))
        return
    results: Result = {
        "date": datetime.now(tz=UTC).isoformat(timespec="minutes"),
        "machine": f"{platform.processor() or platform.machine()}, {platform.python_version()}",
        "cores": os.cpu_count(),
        "load_average": [round(load, 1) for load in os.getloadavg()],
    }
    for name in names:
        command = [sys.executable, "-m", "bench.matching.run", name, "--inline"]
        command += ["--repeat", str(args.repeat), "--workers", str(args.workers)]
        child = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)  # noqa: S603
        output = child.stdout
        results |= json.loads(output.strip().splitlines()[-1])
        print(json.dumps({name: results[name]}), flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
