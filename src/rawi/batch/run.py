"""Running a batch: plan partitions, skip finished ones, run the rest on Dask (or inline).

``engine="dask"`` connects to the scheduler at ``scheduler`` or, without one, starts a
``LocalCluster`` of ``workers`` processes with one thread each. ``engine="local"`` runs the
partitions one after another in this process (no Dask needed; for debugging and small runs).
Finished partitions analysed with the same pipeline version are skipped; a changed pipeline
re-runs them. Files of partitions that are not in the current plan (the inputs or the
partition size changed) are removed, so OUTPUT always holds one plan. A partition whose task fails as a whole (a worker killed, an unexpected exception) gets an
errors file (kind ``partition``) and no completion marker, so the next run retries it.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from rawi.batch.plan import Partition, plan_partitions
from rawi.batch.worker import PartitionTask, is_finished, paths_for, run_partition
from rawi.model import Document

ENGINES = ("dask", "local")
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch; ``reader`` is a :class:`rawi.readers.ReaderOptions` (None: defaults)."""

    engine: str = "dask"
    scheduler: str | None = None
    workers: int = 2
    partition_size: int = 500
    reader: Any = None
    analyze: Callable[[Document], Document] | None = None
    near_duplicates: bool = True
    pipeline_version: str | None = None
    progress: Callable[[dict[str, Any]], None] | None = None


@dataclass
class BatchReport:
    output: str
    partitions: int
    skipped: int
    done: int
    failed: int
    documents: int
    errors: int
    seconds: float
    workers: int
    pipeline_version: str
    summaries: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "summaries"}


def _write_manifest(output: Path, inputs: list[str], parts: list[Partition], opts: BatchOptions,
                    version: str) -> None:
    from rawi.batch.worker import write_marker

    write_marker(output / MANIFEST, {
        "format": "rawi-batch-1", "inputs": inputs, "partition_size": opts.partition_size,
        "pipeline_version": version, "partitions": [p.to_dict() for p in parts]})


def read_manifest(output: str | Path) -> dict[str, Any]:
    path = Path(output) / MANIFEST
    from rawi.errors import UnreadableFile

    if not path.is_file():
        raise UnreadableFile(str(output), "no batch output here (manifest.json is missing)")
    return json.loads(path.read_text(encoding="utf-8"))


def _remove_stale(output: Path, parts: list[Partition]) -> int:
    """Delete partition files of an earlier plan (other inputs or partition size), so that
    ``documents/*.parquet`` read as one dataset holds each article once."""
    from rawi.batch.worker import DOCS_DIR, ERRORS_DIR, MARKERS_DIR

    current = {p.name for p in parts}
    n = 0
    for sub in (MARKERS_DIR, DOCS_DIR, ERRORS_DIR):  # the marker first: a half-removed partition is unfinished
        for f in sorted((output / sub).glob("part-*")):
            if f.name.split(".", 1)[0] not in current:
                f.unlink()
                n += 1
    return n


def _failed(output: str, part: Partition, exc: BaseException) -> dict[str, Any]:
    """Record a partition whose task failed as a whole (no marker: a re-run retries it)."""
    import pyarrow as pa

    from rawi.batch.tables import ERRORS, error_row
    from rawi.batch.worker import _atomic_parquet

    rows = [error_row(part.name, "partition", u.path, None, "E000",
                      f"partition {part.name} failed: {exc!r}"[:2000]) for u in part.units]
    _atomic_parquet(pa.Table.from_pylist(rows, schema=ERRORS), paths_for(output, part.name)["errors"])
    return {"partition": part.name, "failed": True, "errors": len(rows), "documents": 0,
            "message": repr(exc)}


def _run_local(tasks: list[PartitionTask], parts: list[Partition]) -> Iterator[dict[str, Any]]:
    for task, part in zip(tasks, parts):
        try:
            yield run_partition(task)
        except Exception as exc:  # noqa: BLE001
            yield _failed(task.output, part, exc)


def _run_dask(tasks: list[PartitionTask], parts: list[Partition], opts: BatchOptions) -> Iterator[dict[str, Any]]:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        cluster = LocalCluster(n_workers=opts.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        by_key = {}
        futures = []
        for task, part in zip(tasks, parts):
            fut = client.submit(run_partition, task, key=f"rawi-batch-{part.name}", pure=False)
            by_key[fut.key] = part
            futures.append(fut)
        for fut in as_completed(futures):
            part = by_key[fut.key]
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, a worker-side bug
                yield _failed(tasks[0].output, part, exc)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(inputs: list[str], output: str | Path, options: BatchOptions = BatchOptions()) -> BatchReport:
    """Analyse ``inputs`` into partitioned Parquet under ``output``; see the module docstring."""
    from rawi.store.ingest import pipeline_version

    if options.engine not in ENGINES:
        raise ValueError(f"unknown engine {options.engine!r}; expected one of {', '.join(ENGINES)}")
    t0 = time.perf_counter()
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    version = options.pipeline_version or pipeline_version(options.analyze)
    parts = plan_partitions(inputs, options.partition_size)
    _write_manifest(out, [str(i) for i in inputs], parts, options, version)
    _remove_stale(out, parts)
    todo = [p for p in parts if not is_finished(out, p.name, version)]
    tasks = [PartitionTask(p.to_dict(), str(out), options.reader, version, options.analyze,
                           options.near_duplicates) for p in todo]
    report = BatchReport(str(out), len(parts), len(parts) - len(todo), 0, 0, 0, 0, 0.0,
                         options.workers if options.engine == "dask" else 1, version)
    if tasks:
        results = _run_local(tasks, todo) if options.engine == "local" else _run_dask(tasks, todo, options)
        for summary in results:
            report.summaries.append(summary)
            if summary.get("failed"):
                report.failed += 1
            else:
                report.done += 1
            report.documents += summary["documents"]
            report.errors += summary["errors"]
            if options.progress is not None:
                options.progress(summary)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report
