"""Spreading independent pieces of work over forked processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["fork_map"]

Item = TypeVar("Item")
Output = TypeVar("Output")


def fork_map(
    function: Callable[[Item], Output], items: Sequence[Item], workers: int
) -> list[Output]:
    """``[function(item) for item in items]``, in order, over ``workers`` forked processes.

    Processes rather than threads because OR-Tools and the k-d tree joins hold the GIL; fork
    (POSIX) because children then share the parent's modules and start in milliseconds. With one
    worker or one item everything runs in this process, which is what a web request wants.
    Items are handed out one at a time, so listing the largest first balances the load.
    """
    if workers <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(min(workers, len(items)), mp_context=fork) as pool:
        return list(pool.map(function, items))
