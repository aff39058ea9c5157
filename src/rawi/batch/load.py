"""Loading batch output into a store, with the same bookkeeping as ``rawi ingest``.

Each finished partition is loaded in one transaction: its read errors become ``errors`` rows,
each document goes through ingest's writer (exact duplicates stored without analysis,
near-duplicates marked, ids that clash with another file's renamed, analysis errors recorded)
and the partition's documents file is recorded in ``source_files``, so loading again skips
partitions already loaded (a changed file is loaded again).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from rawi.batch.run import read_manifest
from rawi.batch.tables import row_to_document
from rawi.batch.worker import is_finished, paths_for
from rawi.store.base import RunCounts, Store


@dataclass
class LoadReport:
    run_id: int
    partitions: int
    loaded: int
    skipped: int
    unfinished: int
    counts: RunCounts
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "partitions": self.partitions, "loaded": self.loaded,
                "skipped": self.skipped, "unfinished": self.unfinished,
                "seconds": round(self.seconds, 3), **self.counts.to_dict()}


def _rows(path: Path, batch_size: int = 256) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
        yield from batch.to_pylist()


def load_batch(output: str | Path, store: Store, *, near_duplicates: bool = True) -> LoadReport:
    """Load every finished partition of the batch at ``output`` into ``store``."""
    from rawi.store.ingest import IngestOptions, Item, _Writer

    t0 = time.perf_counter()
    manifest = read_manifest(output)
    version = manifest["pipeline_version"]
    names = [p["name"] for p in manifest["partitions"]]
    run_id = store.begin_run(version, [str(output)])
    counts = RunCounts(files_seen=len(names))
    writer = _Writer(store, run_id, version, IngestOptions(near_duplicates=near_duplicates), counts)
    report = LoadReport(run_id, len(names), 0, 0, 0, counts, 0.0)
    status = "failed"
    try:
        finished = [n for n in names if is_finished(output, n)]
        report.unfinished = len(names) - len(finished)
        files = {n: paths_for(output, n) for n in finished}
        known = store.source_files([str(f["documents"]) for f in files.values()])
        for name, p in files.items():
            st = p["documents"].stat()
            got = known.get(str(p["documents"]))
            if got is not None and got[0] == st.st_size and got[1] == st.st_mtime_ns:
                report.skipped += 1
                counts.files_skipped += 1
                continue
            with store.transaction():
                bad = False
                for err in _rows(p["errors"]):
                    if err["kind"] != "analysis":  # analysis errors come with their document
                        writer.error(err["path"], err["doc_id"], err["code"], err["message"])
                        bad = True
                n_docs = 0
                for row in _rows(p["documents"]):
                    doc = row_to_document(row)
                    stage_error = ((row["analysis_error_code"], row["analysis_error"])
                                   if row["analysis_error_code"] else None)
                    item = Item(doc=doc, doc_id=doc.id, content_hash=row["content_hash"],
                                sig=row["minhash"], stage_error=stage_error)
                    bad |= writer.write_item(doc.source_path or str(p["documents"]), item)
                    n_docs += 1
                store.put_source_file(str(p["documents"]), st.st_size, st.st_mtime_ns,
                                      "error" if bad else "ok", n_docs, run_id)
            report.loaded += 1
        status = "done"
    finally:
        store.finish_run(run_id, counts, status)
    report.seconds = time.perf_counter() - t0
    return report
