"""Ordered, bounded parallel map over an iterator (streaming: memory stays bounded)."""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(func: Callable[[T], R], items: Iterable[T], jobs: int = 1,
                window: int | None = None) -> Iterator[R]:
    """Yield ``func(item)`` in input order, using ``jobs`` worker processes.

    At most ``window`` items are in flight at once, so a million-article input streams.
    ``func`` must be picklable (a module-level function). With ``jobs <= 1`` it runs inline.
    """
    if jobs <= 1:
        for item in items:
            yield func(item)
        return
    window = window or jobs * 8
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future] = deque()
        for item in items:
            pending.append(pool.submit(func, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
