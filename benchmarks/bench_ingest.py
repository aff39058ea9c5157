"""Ingest speed, memory and size, against a plain read-and-split of the same files.

    .venv/bin/python benchmarks/bench_ingest.py [--corpus DIR] [--db FILE] [--jobs N]
                                                [--every K] [--limit N]

Prints, for the same files in the same run: the wall time of a plain read + regex split
(the floor any reader pays; page cache warmed, fastest of three passes), of a first ingest
into an empty SQLite store and of a second, identical ingest (which must add nothing); their
ratios; peak RSS of the ingest process and of its largest worker; database size against the
raw input bytes; and whether every input file ended up stored or recorded as failed. ``--every K`` keeps every K-th file (a subset
spread over all outlets and categories), ``--limit N`` the first N of those.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rawi.readers import iter_input_paths  # noqa: E402
from rawi.store import open_store  # noqa: E402
from rawi.store.ingest import IngestOptions, ingest, no_analysis  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ant-multisource"
_SENT = re.compile(r"[.!?؟\n]+")
_WORD = re.compile(r"\w+")


def plain_read_split(files: list[str]) -> tuple[float, int, int]:
    """Seconds to read, decode and regex-split every file into sentences and words."""
    t0 = time.perf_counter()
    n_sent = n_words = 0
    for f in files:
        text = Path(f).read_bytes().decode("utf-8", errors="replace")
        for s in _SENT.split(text):
            n_sent += 1
            n_words += len(_WORD.findall(s))
    return time.perf_counter() - t0, n_sent, n_words


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS (MiB) of this process and of its largest finished child."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="Input directory.")
    ap.add_argument("--db", default=None, help="SQLite file to create (default: a temp file).")
    ap.add_argument("--jobs", type=int, default=None, help="Worker processes (default: all cores).")
    ap.add_argument("--every", type=int, default=1, help="Keep every K-th file (a spread subset).")
    ap.add_argument("--limit", type=int, default=None, help="Keep at most N files.")
    ap.add_argument("--analysis", choices=("pipeline", "none"), default="pipeline",
                    help="Run the rawi pipeline, or none (readers, dedup, store and index only).")
    ap.add_argument("--json", default=None, help="Also write the figures to this JSON file.")
    args = ap.parse_args()

    files = [str(p) for p in iter_input_paths([args.corpus])][::args.every]
    if args.limit:
        files = files[:args.limit]
    raw_bytes = sum(os.path.getsize(f) for f in files)
    db = args.db or os.path.join(tempfile.mkdtemp(prefix="rawi-bench-"), "bench.db")
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    load = os.getloadavg()
    print(f"files: {len(files)} ({raw_bytes / 1e6:.1f} MB) from {args.corpus}"
          f"{f' (every {args.every}th)' if args.every > 1 else ''}; db: {db}")
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")

    # An untimed pass brings every file into the page cache, then the fastest of three timed
    # passes is the floor: a floor slowed by disk reads or a busy moment would flatter rawi.
    plain_read_split(files)
    floors = [plain_read_split(files) for _ in range(3)]
    base_s, n_sent, n_words = min(floors)
    print(f"plain read + regex split: {base_s:.2f} s, fastest of "
          f"{', '.join(f'{f[0]:.2f}' for f in floors)} ({n_sent} sentences, {n_words} words)")

    opts = IngestOptions(jobs=args.jobs, progress=sys.stderr.isatty(),
                         analyze=no_analysis if args.analysis == "none" else None)
    print(f"analysis: {args.analysis}")
    with open_store(db) as st:
        r1 = ingest(files, st, opts)
        st.checkpoint()
        s1 = st.stats()
        size = st.file_size()
        text_bytes = st._one("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents")[0]
        stored_paths = {p for (p,) in st._all("SELECT source_path FROM documents")}
        failed_paths = {p for (p,) in st._all("SELECT path FROM errors WHERE doc_id IS NULL")}
        r2 = ingest(files, st, opts)
        s2 = st.stats()
    me, kid = peak_rss_mb()
    missing = [f for f in files if f not in stored_paths and f not in failed_paths]
    c1 = r1.counts
    figures = {
        "files": len(files), "raw_mb": raw_bytes / 1e6, "plain_s": base_s,
        "first_s": r1.seconds, "ratio_first_to_plain": r1.seconds / base_s,
        "rerun_s": r2.seconds, "rerun_fraction": r2.seconds / r1.seconds,
        "docs_per_s": (c1.docs_stored + c1.docs_duplicate) / r1.seconds,
        "peak_rss_main_mb": me, "peak_rss_worker_mb": kid,
        "db_mb": size / 1e6, "db_to_raw": size / raw_bytes, "db_to_text": size / max(1, text_bytes),
        "stored": c1.docs_stored, "duplicates": c1.docs_duplicate,
        "near_duplicates": c1.docs_near_duplicate, "errors": c1.errors,
        "unanalysed": s1["unanalysed"], "files_neither_stored_nor_failed": len(missing),
        "rerun_added_nothing": s1["documents"] == s2["documents"] and r2.counts.docs_stored == 0,
        "jobs": opts.jobs or os.cpu_count(), "load_before": load, "load_after": os.getloadavg(),
        "pipeline_version": r1.pipeline_version,
    }
    print(f"first ingest: {r1.seconds:.1f} s = {figures['ratio_first_to_plain']:.1f}x plain "
          f"({figures['docs_per_s']:.1f} docs/s, jobs={figures['jobs']}): {c1.docs_stored} stored, "
          f"{c1.docs_duplicate} exact duplicates, {c1.docs_near_duplicate} near-duplicates, "
          f"{c1.errors} errors ({s1['unanalysed']} stored unanalysed)")
    print(f"re-run: {r2.seconds:.2f} s = {100 * figures['rerun_fraction']:.1f}% of the first; "
          f"added nothing: {figures['rerun_added_nothing']}")
    print(f"peak RSS: main {me:.0f} MiB, largest worker {kid:.0f} MiB")
    print(f"database: {size / 1e6:.1f} MB = {figures['db_to_raw']:.2f}x raw input, "
          f"{figures['db_to_text']:.2f}x stored text ({text_bytes / 1e6:.1f} MB)")
    print(f"files neither stored nor recorded as failed: {len(missing)}")
    la = figures["load_after"]
    print(f"load average after: {la[0]:.2f} {la[1]:.2f} {la[2]:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
