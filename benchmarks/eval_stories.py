#!/usr/bin/env python3
"""Story clustering on the development gold, scored by the official B-cubed scorer.

usage: python benchmarks/eval_stories.py [--shared DIR] [--threshold T] [--errors] [--no-fold]
                                         [--timing [N]]

Reads ../shared/gold/stories-dev/articles with rawi's readers, folds exact and near-duplicate
copies into their original the way ``rawi ingest`` does (rawi.store.dedup), groups the originals
with rawi.link.story_report.build_stories (the code `rawi stories` runs), writes the prediction
and runs score_clusters.py. ``--errors`` lists the predicted stories that mix gold stories and
the gold stories split over several predicted ones.

``--timing`` streams the ANT corpus (../shared/data/ant-multisource, 31,525 articles; the first
N with a number) through the incremental StoryIndex in publication order and prints the CPU
time of assignment per article, overall and for the last 5,000 (the archive at its largest).
On a machine shared with other jobs, report the figure as loaded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from rawi.link.stories import StoryIndex, StoryOptions
from rawi.link.story_report import build_stories, story_doc
from rawi.readers import iter_input_paths, read_path


def fold_copies(docs: list) -> tuple[list, dict[str, str]]:
    """Originals in input order and ``copy -> original`` (exact text hash, then MinHash near
    duplicates), as the store's ingest decides them."""
    from rawi.store.dedup import NearDuplicateIndex, content_hash, signature

    exact: dict[str, str] = {}
    near = NearDuplicateIndex()
    originals, folded = [], {}
    for d in docs:
        h = content_hash(d.text)
        if h in exact:
            folded[d.id] = exact[h]
            continue
        sig = signature(d.text, d.title)
        match = near.query(sig) if sig else None
        if match is not None:
            folded[d.id] = match.doc_id
            continue
        exact[h] = d.id
        if sig:
            near.add(d.id, sig)
        originals.append(d)
    return originals, folded


def read_gold(path: Path) -> dict[str, str]:
    g = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            for d in r["doc_ids"]:
                g[d] = r["cluster"]
    return g


def print_errors(clusters: list[list[str]], gold: dict[str, str], titles: dict[str, str]) -> None:
    for i, c in enumerate(clusters):
        labels = Counter(gold.get(d, "?") for d in c)
        if len(labels) > 1:
            print(f"-- predicted {i} mixes {dict(labels)}")
            for d in c:
                print(f"     {gold.get(d, '?')[:28]:<28} {titles.get(d, '')[:70]}")
    pred_of = {d: i for i, c in enumerate(clusters) for d in c}
    members: dict[str, list[str]] = defaultdict(list)
    for d, lab in gold.items():
        members[lab].append(d)
    for lab, ds in sorted(members.items(), key=lambda kv: -len(kv[1])):
        parts = Counter(pred_of.get(d, f"missing:{d}") for d in ds)
        if len(parts) > 1:
            print(f"-- gold {lab} ({len(ds)}) split over {len(parts)} predicted: "
                  f"{sorted(parts.values(), reverse=True)}")


def timing(shared: Path, limit: int | None, options: StoryOptions) -> None:
    root = shared / "data/ant-multisource"
    t0 = time.perf_counter()
    docs = []
    for p in iter_input_paths([str(root)]):
        for d in read_path(p):
            docs.append(story_doc(d))
        if limit and len(docs) >= limit:
            break
    docs = docs[:limit] if limit else docs
    docs.sort(key=lambda d: (d.published is None, d.published or datetime.min, d.doc_id))
    print(f"read {len(docs)} articles in {time.perf_counter() - t0:.1f} s")
    index = StoryIndex(options)
    tail = max(0, len(docs) - 5000)
    c0 = time.process_time()
    w0 = time.perf_counter()
    c_tail = c0
    for k, d in enumerate(docs):
        if k == tail:
            c_tail = time.process_time()
        index.add(d)
    c1, w1 = time.process_time(), time.perf_counter()
    n = max(1, len(docs))
    print(f"story assignment over {len(docs)} articles (loaded machine: other jobs share the CPUs): "
          f"{1000 * (c1 - c0) / n:.2f} ms CPU per article, {1000 * (w1 - w0) / n:.2f} ms wall; "
          f"last {len(docs) - tail}: {1000 * (c1 - c_tail) / max(1, len(docs) - tail):.2f} ms CPU "
          f"per article; {len(index.stories)} stories")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--window-hours", type=float, default=None)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-fold", action="store_true", help="compare duplicate copies on their own")
    ap.add_argument("--timing", nargs="?", type=int, const=0, default=None, metavar="N",
                    help="time assignment over the ANT corpus (all, or the first N articles)")
    args = ap.parse_args()
    opts = StoryOptions()
    if args.threshold is not None:
        opts = replace(opts, threshold=args.threshold)
    if args.window_hours is not None:
        opts = replace(opts, window_hours=args.window_hours)
    if args.timing is not None:
        timing(args.shared, args.timing or None, opts)
        return 0
    art = args.shared / "gold/stories-dev/articles"
    gold_path = args.shared / "gold/stories-dev/gold.jsonl"
    docs = [d for p in iter_input_paths([str(art)]) for d in read_path(p)]
    originals, folded = (docs, {}) if args.no_fold else fold_copies(docs)
    t0 = time.perf_counter()
    stories = build_stories(originals, opts, folded)
    dt = time.perf_counter() - t0
    clusters = [list(s.doc_ids) for s in stories]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for s in stories:
            f.write(json.dumps({"cluster": s.id, "doc_ids": list(s.doc_ids)}) + "\n")
    out = subprocess.run([sys.executable, str(args.shared / "eval/score_clusters.py"), str(gold_path), f.name],
                         capture_output=True, text=True).stdout
    print(out, end="")
    print(f"{len(folded)} copies folded; story assignment: {1000 * dt / max(1, len(originals)):.2f} ms "
          f"per article over {len(originals)} originals")
    if args.errors:
        print_errors(clusters, read_gold(gold_path), {d.id: d.title for d in docs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
