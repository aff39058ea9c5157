#!/usr/bin/env python3
"""Score rawi on the demo corpus against its hand-made expectations (demo/expected.json).

usage: python benchmarks/eval_demo.py [--shared DIR]

The demo articles are fictional and were written for rawi, never tuned on: a second,
independent check beside the development gold. Writes the expectations in the gold formats and
runs the official scorers from ../shared/eval on `rawi analyze demo/corpus` output. Plain-text
demo files carry no publication date; their expectations assume one, which is passed to the
analysis the way a user would (a .meta.json sidecar is not used, --published is per file here).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    from rawi.pipeline import analyze_document
    from rawi.readers import iter_input_paths, iter_read_path
    from rawi.readers.dates import parse_published

    exp = json.loads((ROOT / "demo" / "expected.json").read_text(encoding="utf-8"))["articles"]
    tmp = Path(tempfile.mkdtemp())
    gold_a, gold_d, pred = tmp / "gold_attr.jsonl", tmp / "gold_dn.jsonl", tmp / "pred.jsonl"
    with gold_a.open("w", encoding="utf-8") as ga, gold_d.open("w", encoding="utf-8") as gd:
        for doc_id, a in exp.items():
            ga.write(json.dumps({"doc_id": doc_id, "attributions": a["attributions"]}, ensure_ascii=False) + "\n")
            gd.write(json.dumps({"doc_id": doc_id, "dates": a["dates"], "numbers": a["numbers"]}, ensure_ascii=False) + "\n")
    with pred.open("w", encoding="utf-8") as out:
        for p in iter_input_paths([str(ROOT / "demo" / "corpus")]):
            for doc in iter_read_path(p):
                if isinstance(doc, Exception) or doc.id not in exp:
                    continue
                pub = exp[doc.id].get("published") or exp[doc.id].get("assumed_published")
                if doc.published is None and pub:
                    doc = doc.evolve(published=parse_published(pub))
                out.write(json.dumps(analyze_document(doc).to_dict(), ensure_ascii=False) + "\n")
    for scorer, gold in (("score_attribution.py", gold_a), ("score_dates_numbers.py", gold_d)):
        res = subprocess.run([sys.executable, str(args.shared / "eval" / scorer), str(gold), str(pred)],
                             capture_output=True, text=True)
        print(res.stdout + res.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
