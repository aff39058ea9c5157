"""The work of one partition, run in a worker process: read, analyse, write Parquet.

The analysis is :func:`rawi.pipeline.analyze_document` (the same as ``rawi ingest``); its
models load on first use in each worker process and stay loaded for every later partition
that process runs (:func:`pipeline_loaded` tells whether they were already there).

Output is written atomically: the documents file and the errors file go to temporary names and
are renamed into place, and only then is the completion marker written (also via a rename).
A partition counts as finished only when its marker exists.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from rawi.batch.plan import Partition
from rawi.batch.tables import DOCUMENTS, ERRORS, document_row, error_row
from rawi.errors import RawiError, StageError
from rawi.model import Document

DOCS_DIR = "documents"
ERRORS_DIR = "errors"
MARKERS_DIR = "_done"


@dataclass(frozen=True)
class PartitionTask:
    """Everything a worker needs for one partition (picklable)."""

    partition: dict[str, Any]
    output: str
    reader: Any
    pipeline_version: str
    analyze: Callable[[Document], Document] | None = None
    near_duplicates: bool = True


def paths_for(output: str | Path, name: str) -> dict[str, Path]:
    root = Path(output)
    return {"documents": root / DOCS_DIR / f"{name}.parquet",
            "errors": root / ERRORS_DIR / f"{name}.parquet",
            "marker": root / MARKERS_DIR / f"{name}.json"}


def is_finished(output: str | Path, name: str, pipeline_version: str | None = None) -> bool:
    """Whether partition ``name`` has its files and marker (and, when ``pipeline_version`` is
    given, was analysed with that version)."""
    p = paths_for(output, name)
    if not (p["marker"].is_file() and p["documents"].is_file() and p["errors"].is_file()):
        return False
    if pipeline_version is None:
        return True
    try:
        marker = json.loads(p["marker"].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return marker.get("pipeline_version") == pipeline_version


def pipeline_loaded() -> bool:
    """Whether this process has already loaded the default pipeline's stages."""
    from rawi import pipeline

    return pipeline._DEFAULT is not None and pipeline._DEFAULT._funcs is not None


def _atomic_parquet(table, path: Path) -> None:  # noqa: ANN001 - a pyarrow Table
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def write_marker(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _analyse(doc: Document, analyze: Callable[[Document], Document] | None) -> tuple[Document, tuple[str, str] | None]:
    try:
        if analyze is None:
            from rawi.pipeline import analyze_document

            return analyze_document(doc), None
        return analyze(doc), None
    except RawiError as exc:
        return doc, (exc.code, exc.message)
    except Exception as exc:  # noqa: BLE001 - a stage bug must not stop the partition
        return doc, (StageError.code, f"analysis failed: {exc!r}")


def run_partition(task: PartitionTask) -> dict[str, Any]:
    """Process one partition and write its files; returns the marker's summary."""
    import pyarrow as pa

    from rawi.batch.read import iter_unit
    from rawi.readers import ReaderOptions
    from rawi.store import dedup

    t0, cpu0 = time.perf_counter(), time.process_time()
    part = Partition.from_dict(task.partition)
    name = part.name
    warm = pipeline_loaded()
    reader = task.reader or ReaderOptions()
    docs: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for unit in part.units:
        try:
            for got in iter_unit(unit, reader):
                if isinstance(got, RawiError):
                    errors.append(error_row(name, "read", got.path or unit.path, None, got.code, got.message))
                    continue
                analysed, err = _analyse(got, task.analyze)
                if err is not None:
                    errors.append(error_row(name, "analysis", got.source_path or unit.path, got.id, *err))
                sig = dedup.signature(got.text, got.title) if task.near_duplicates else None
                docs.append(document_row(analysed.evolve(tokens=()), content_hash=dedup.content_hash(got.text),
                                         minhash=sig, pipeline_version=task.pipeline_version, error=err))
        except RawiError as exc:
            errors.append(error_row(name, "read", exc.path or unit.path, None, exc.code, exc.message))
        except Exception as exc:  # noqa: BLE001 - one broken file must not stop the partition
            errors.append(error_row(name, "read", unit.path, None, RawiError.code,
                                    f"unexpected reader failure: {exc!r}"))
    p = paths_for(task.output, name)
    _atomic_parquet(pa.Table.from_pylist(docs, schema=DOCUMENTS), p["documents"])
    _atomic_parquet(pa.Table.from_pylist(errors, schema=ERRORS), p["errors"])
    summary = {"partition": name, "key": part.key, "documents": len(docs), "errors": len(errors),
               "seconds": round(time.perf_counter() - t0, 3),
               "cpu_seconds": round(time.process_time() - cpu0, 3), "pid": os.getpid(),
               "pipeline_was_loaded": warm, "pipeline_version": task.pipeline_version}
    write_marker(p["marker"], summary)
    return summary
