"""Independent work in slices on every core, without copying its inputs.

The framed pages of a 20,000-alumni site (some 40,000) are framed, written
and turned into search documents one by one in MkDocs' process: a minute on one
core while the other idles. Worker processes *forked* from that process
already hold every page, so only the bounds of a slice go to a worker and only
what the parent must know comes back. Results come back in slice order, so
the output never depends on which worker finished first.

Fork only, and only from a process with no other thread (forking a
multi-threaded process can deadlock); elsewhere the caller runs the work itself.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_JOB: Callable[[int, int], Any] | None = None


WORKERS_ENV = "PORTAL_PEKERJA"
"""How many worker processes (1: none). Changes how fast, never what is built: the
tests build with 1 and 2 and compare every file."""


def worker_count() -> int:
    """The cores this process may use (2 on the benchmark machine), at most 4."""
    if os.environ.get(WORKERS_ENV, "").isdigit():
        return max(1, int(os.environ[WORKERS_ENV]))
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        cores = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count()
    return max(1, min(cores or 1, 4))


def can_fork() -> bool:
    return (sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def slices(count: int, parts: int) -> list[tuple[int, int]]:
    """``range(count)`` cut into ``parts`` contiguous slices of near-equal size (fewer if count is small)."""
    size = max(1, math.ceil(count / max(1, parts)))
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def _run(bounds: tuple[int, int]) -> Any:
    assert _JOB is not None
    return _JOB(*bounds)


def in_slices(count: int, job: Callable[[int, int], T], *, workers: int | None = None,
              minimum: int = 100) -> list[T] | None:
    """``job(start, stop)`` for slices of ``range(count)`` in forked workers, results in
    slice order; None when there is too little work, one core, or no safe fork (the
    caller then runs ``job(0, count)`` itself)."""
    global _JOB
    workers = worker_count() if workers is None else workers
    if workers < 2 or count < minimum or not can_fork():
        return None
    _JOB = job
    gc.freeze()  # the workers never collect the parent's objects: fewer shared pages copied
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # Several slices a worker, so one slow slice does not leave a core idle.
            return pool.map(_run, slices(count, workers * 4), chunksize=1)
    finally:
        gc.unfreeze()
        _JOB = None
