"""Scaling of ``rawi batch`` on a Dask LocalCluster: 1 worker against 2 (or more).

    .venv/bin/python benchmarks/bench_batch.py [--corpus DIR] [--articles N]
                                               [--workers 1,2] [--partition-size P]

Takes N ANT articles spread over all outlets and categories (every K-th file), reads them
once so the page cache is warm, then runs the same batch with each worker count into a fresh
output directory. Prints per run: wall time (cluster start, model loading and analysis),
throughput, per-article cost inside the workers (sum of partition wall times / articles, and
the same in CPU time, which other work on the machine does not inflate) and the speed-up
against the first worker count. The machine's load average is printed too: the
figures mean little on a machine shared with other work.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rawi.batch import BatchOptions, run_batch  # noqa: E402
from rawi.readers import iter_input_paths  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ant-multisource"


def sample(corpus: Path, n: int) -> list[str]:
    files = [str(p) for p in iter_input_paths([str(corpus)]) if p.suffix == ".txt"]
    step = max(1, len(files) // n)
    return files[::step][:n]


def run(files: list[str], workers: int, partition_size: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="rawi-bench-batch-") as out:
        load0 = os.getloadavg()[0]
        t0 = time.perf_counter()
        rep = run_batch(files, out, BatchOptions(engine="dask", workers=workers,
                                                 partition_size=partition_size))
        wall = time.perf_counter() - t0
    worker_s = sum(s.get("seconds", 0.0) for s in rep.summaries)
    cpu_s = sum(s.get("cpu_seconds", 0.0) for s in rep.summaries)
    cold = sum(1 for s in rep.summaries if not s.get("pipeline_was_loaded", True))
    return {"workers": workers, "articles": rep.documents, "errors": rep.errors,
            "partitions": rep.partitions, "failed": rep.failed, "wall_s": round(wall, 2),
            "articles_per_s": round(rep.documents / wall, 2),
            "worker_ms_per_article": round(1000 * worker_s / max(1, rep.documents), 1),
            "worker_cpu_ms_per_article": round(1000 * cpu_s / max(1, rep.documents), 1),
            "cold_starts": cold, "load_before": round(load0, 2), "load_after": round(os.getloadavg()[0], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--partition-size", type=int, default=50)
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: corpus not found")
    files = sample(args.corpus, args.articles)
    for f in files:  # warm the page cache so that the first run pays no extra disk reads
        Path(f).read_bytes()
    print(f"{len(files)} files, partition size {args.partition_size}, cpus {os.cpu_count()}", flush=True)
    results = []
    for w in (int(x) for x in args.workers.split(",")):
        r = run(files, w, args.partition_size)
        r["speedup_vs_first"] = round(r["articles_per_s"] / results[0]["articles_per_s"], 2) if results else 1.0
        results.append(r)
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
