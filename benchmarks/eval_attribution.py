"""Score the attribution stage on the development gold with the official scorer.

usage: python benchmarks/eval_attribution.py [--errors] [--gold DIR] [--out PRED.jsonl]

Builds a Document from every ``plain/<doc_id>.txt`` (text = file, title = first line), runs
``find_attributions``, writes PRED, runs ``shared/eval/score_attribution.py`` and prints its
output. ``--errors`` also lists misses, false hits and speaker errors by kind.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from rawi.model import Document  # noqa: E402
from rawi.stages.attribution import find_attributions  # noqa: E402


def predict(gold_dir: Path) -> list[dict]:
    out = []
    for path in sorted((gold_dir / "plain").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document(id=path.stem, text=text, title=text.split("\n", 1)[0])
        doc = find_attributions(doc)
        out.append({"doc_id": doc.id, "attributions": [a.to_dict(doc.text) for a in doc.attributions]})
    return out


def _scorer():
    spec = importlib.util.spec_from_file_location("score_attribution", SHARED / "eval" / "score_attribution.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def errors(gold_path: Path, pred: list[dict]) -> None:
    sc = _scorer()
    gold = sc.load(gold_path)
    preds = {r["doc_id"]: r["attributions"] for r in pred}
    kinds: Counter = Counter()
    lines = []
    for doc, golds in gold.items():
        ps = preds.get(doc, [])
        cands = []
        for i, g in enumerate(golds):
            for j, p in enumerate(ps):
                s = sc.f1(sc.tokens(g["content"]), sc.tokens(p.get("content", "")))
                if s >= 0.5:
                    cands.append((s, i, j))
        ug, up, pairs = set(), set(), []
        for s, i, j in sorted(cands, reverse=True):
            if i in ug or j in up:
                continue
            ug.add(i), up.add(j)
            pairs.append((i, j))
        for i, g in enumerate(golds):
            if i not in ug:
                kinds["miss"] += 1
                lines.append(f"MISS  {doc} [{g['cue']}] {g.get('source')} || {g['content'][:90]}")
        for j, p in enumerate(ps):
            if j not in up:
                kinds["false"] += 1
                lines.append(f"FALSE {doc} [{p['cue']}] {p.get('source')} || {p['content'][:90]}")
        for i, j in pairs:
            g, p = golds[i], ps[j]
            gs, pp = sc.speaker(g), sc.speaker(p)
            if not ((not gs and not pp) or sc.f1(gs, pp) >= 0.5):
                kinds["speaker"] += 1
                lines.append(f"SPKR  {doc} [{g['cue']}] gold={g.get('source_resolved')} pred={p.get('source_resolved')} (src={p.get('source')})")
            for f in ("type", "stance", "source_type"):
                if g.get(f) != p.get(f):
                    kinds[f] += 1
                    lines.append(f"{f.upper():5} {doc} [{g['cue']}] gold={g.get(f)} pred={p.get(f)} || {g['content'][:50]}")
            if g.get("via") and not (p.get("via") and sc.f1(sc.tokens(g["via"]), sc.tokens(p["via"])) >= 0.5):
                kinds["via"] += 1
                lines.append(f"VIA   {doc} [{g['cue']}] gold={g['via']} pred={p.get('via')}")
    for line in sorted(lines):
        print(line)
    print("error kinds:", dict(kinds))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "attribution-dev")
    ap.add_argument("--out", type=Path, default=Path("/tmp/rawi-attribution-pred.jsonl"))
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    if not args.gold.exists():
        sys.exit(f"{args.gold}: development gold is absent")
    pred = predict(args.gold)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred), encoding="utf-8")
    if args.errors:
        errors(args.gold / "gold.jsonl", pred)
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score_attribution.py"),
                          str(args.gold / "gold.jsonl"), str(args.out)], capture_output=True, text=True)
    print(res.stdout, end="")
    if res.returncode:
        print(res.stderr, file=sys.stderr)
        sys.exit(res.returncode)


if __name__ == "__main__":
    main()
