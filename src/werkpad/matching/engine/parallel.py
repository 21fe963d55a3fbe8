"""Spreading independent pieces of work over forked processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["fork_map"]

Item = TypeVar("Item")
Output = TypeVar("Output")

# The work of the fork_map call in progress. Children inherit it through fork, so the items
# (often hundreds of MB of arrays) reach them without being pickled; only results travel back.
_pending: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run(index: int) -> Any:
    assert _pending is not None, "fork_map sets the work before it forks"  # noqa: S101
    function, items = _pending
    return function(items[index])


def fork_map(
    function: Callable[[Item], Output], items: Sequence[Item], workers: int
) -> list[Output]:
    """``[function(item) for item in items]``, in order, over ``workers`` forked processes.

    Processes rather than threads because OR-Tools and the k-d tree joins hold the GIL; fork
    (POSIX) because children then share the parent's memory and modules and start in
    milliseconds. With one worker or one item everything runs in this process, which is what a
    web request wants. Items are handed out one at a time, so listing the largest first balances
    the load. Not for concurrent use from several threads of one process.
    """
    global _pending
    if workers <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    _pending = (function, items)
    try:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(workers, len(items)), mp_context=fork) as pool:
            return list(pool.map(_run, range(len(items))))
    finally:
        _pending = None
