#!/usr/bin/env python3
"""Story clustering on the development gold, scored by the official B-cubed scorer.

usage: python benchmarks/eval_stories.py [--shared DIR] [--threshold T] [--errors]

Reads ../shared/gold/stories-dev/articles with rawi's readers, clusters them with
rawi.link.stories (the same code `rawi stories` uses), writes the prediction and runs
score_clusters.py. Also prints the per-article cost of story assignment.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from rawi.link.stories import StoryDoc, StoryOptions, cluster_documents
from rawi.readers import iter_input_paths, read_path


def story_doc(doc) -> StoryDoc:
    body = doc.text[len(doc.title):].lstrip()
    ents = frozenset(e.canonical_id for e in doc.entities if e.canonical_id)
    return StoryDoc(doc.id, doc.published, doc.title, body, doc.outlet, ents)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--entities", action="store_true", help="run the entity stage first (shared entities)")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    art = args.shared / "gold/stories-dev/articles"
    gold = args.shared / "gold/stories-dev/gold.jsonl"
    docs = [d for p in iter_input_paths([str(art)]) for d in read_path(p)]
    if args.entities:
        from rawi.stages.entities import find_entities
        docs = [find_entities(d) for d in docs]
    opts = StoryOptions()
    if args.threshold is not None:
        opts = replace(opts, threshold=args.threshold)
    sdocs = [story_doc(d) for d in docs]
    t0 = time.perf_counter()
    clusters = cluster_documents(sdocs, opts)
    dt = time.perf_counter() - t0
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, c in enumerate(clusters):
            f.write(json.dumps({"cluster": i, "doc_ids": c}) + "\n")
    out = subprocess.run([sys.executable, str(args.shared / "eval/score_clusters.py"), str(gold), f.name],
                         capture_output=True, text=True).stdout
    print(out, end="")
    print(f"story assignment: {1000 * dt / max(1, len(sdocs)):.2f} ms per article over {len(sdocs)} articles")
    if args.errors:
        g = {}
        for line in gold.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            for d in r["doc_ids"]:
                g[d] = r["cluster"]
        titles = {d.id: d.title for d in docs}
        for i, c in enumerate(clusters):
            labels = {g.get(d, "?") for d in c}
            if len(labels) > 1:
                print(f"-- predicted {i} mixes {sorted(labels)}")
                for d in c:
                    print(f"     {g.get(d, '?')[:28]:<28} {titles[d][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
