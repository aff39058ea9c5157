"""A per-example time budget: ``with time_budget(3): ...`` raises :class:`Hang` when the body
runs longer (SIGALRM, so only in the main thread; a no-op elsewhere or where there is no
SIGALRM).

Python's ``re`` engine does not look at signals while it matches, so a catastrophic regex is
caught only when the match returns; ``benchmarks/fuzz_all.py`` therefore also watches each
example from a parent process and kills a worker that stops reporting.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class Hang(Exception):
    """An example ran past its time budget."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _raise(signum, frame):  # noqa: ANN001, ARG001
        raise Hang(f"example ran longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
