"""Both cores for a cold build: independent, pure jobs run in forked worker processes.

A job is a function of no arguments returning a picklable value (a Document, SVG text, an
Output). Workers are forked, so they inherit the jobs, the Site and the Jinja environment
as they are in memory; only the results travel back. The jobs are handed over through
`_JOBS`, set just before the fork and cleared after: the one piece of module state here, and
it never outlives a call. Small batches, one core or no `fork` (Windows, macOS spawn) run
in this process, in order, as does a process running other threads; either way the results
come back in the order of the jobs.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
MIN_JOBS = 48  # below this, starting workers costs more than it saves
_JOBS: Sequence[Callable[[], Any]] = ()


def workers() -> int:
    """How many processes to use: 1 unless forking is safe and there is more than one core.

    Forking a process that runs other threads (the dev server, a test's HTTP server) can copy
    a lock another thread holds and hang the child, so such a process works alone.
    """
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return min(os.cpu_count() or 1, 8)


def run_all(jobs: Sequence[Callable[[], T]], progress: Callable[[int, int], None] | None = None) -> list[T]:
    """The result of every job, in order; on several cores when there are enough jobs."""
    count = workers()
    if len(jobs) < MIN_JOBS or count < 2:
        results = []
        for i, job in enumerate(jobs, start=1):
            results.append(job())
            if progress is not None:
                progress(i, len(jobs))
        return results
    global _JOBS
    _JOBS = jobs
    try:
        size = max(8, len(jobs) // (count * 8))
        ranges = [(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
        out: list[T] = []
        with multiprocessing.get_context("fork").Pool(count) as pool:
            for chunk in pool.imap(_run_range, ranges):
                out += chunk
                if progress is not None:
                    progress(len(out), len(jobs))
        return out
    finally:
        _JOBS = ()


def _run_range(bounds: tuple[int, int]) -> list[Any]:
    start, end = bounds
    return [_JOBS[i]() for i in range(start, end)]
