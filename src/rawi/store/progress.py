"""The ingest progress bar (rich, on stderr): files done, documents per second, ETA."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)


class IngestProgress:
    """A progress bar that does nothing when disabled (tests, ``--quiet``)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._t0 = time.perf_counter()
        self._docs = 0

    def __enter__(self) -> "IngestProgress":
        if self.enabled:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("files"), TextColumn("{task.fields[rate]}"),
                TextColumn("{task.fields[counts]}"), TimeElapsedColumn(), TextColumn("ETA"),
                TimeRemainingColumn(), console=Console(stderr=True), transient=False)
            self._progress.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
            self._progress = None

    def start(self, what: str, total: int) -> None:
        self._t0, self._docs = time.perf_counter(), 0
        if self._progress is not None:
            if self._task is not None:
                self._progress.update(self._task, visible=True)
            self._task = self._progress.add_task(what, total=total, rate="", counts="")

    def advance(self, files: int, docs: int, counts: Any) -> None:
        self._docs += docs
        if self._progress is None or self._task is None:
            return
        rate = self._docs / max(1e-9, time.perf_counter() - self._t0)
        self._progress.update(
            self._task, advance=files, rate=f"{rate:,.0f} docs/s",
            counts=(f"stored {counts.docs_stored} · dup {counts.docs_duplicate}"
                    f" · near {counts.docs_near_duplicate} · errors {counts.errors}"))
