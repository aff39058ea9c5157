"""Score the shipped stance models with the official scorer, through ``rawi stance``.

usage: python benchmarks/eval_stance.py ans [--split dev] [--keep DIR] [--errors]
       python benchmarks/eval_stance.py ufc --fold Fold_5 [--keep DIR] [--errors]

ans: writes pairs.csv (s1, s2) and gold.txt (agree / disagree / other) for the ANS split, runs
``rawi stance pairs.csv --a s1 --b s2``, maps discuss and unrelated to ANS's ``other`` and runs
score_labels.py. ufc: the same for the claim–article pairs of one UnifiedFC fold (the shipped
model is trained on folds 1–4, so only a fold outside them is a fair test), scored over the
four classes and then with ``--positive disagree``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

from rawi.classify.data import ANS_DIR, SHARED, UFC_DIR, read_ans, read_unifiedfc


def run_cli(pairs: list[tuple[str, str]], out: Path, kind: str) -> list[str]:
    with open(out / "pairs.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["a", "b"])
        w.writerows(pairs)
    res = subprocess.run([sys.executable, "-m", "rawi", "stance", str(out / "pairs.csv"),
                          "--a", "a", "--b", "b", "--kind", kind],
                         check=True, capture_output=True, text=True)
    return res.stdout.splitlines()


def score(gold: list[str], pred: list[str], out: Path, positive: str | None = None) -> None:
    (out / "gold.txt").write_text("\n".join(gold) + "\n", encoding="utf-8")
    (out / "pred.txt").write_text("\n".join(pred) + "\n", encoding="utf-8")
    cmd = [sys.executable, str(SHARED / "eval/score_labels.py"), str(out / "gold.txt"), str(out / "pred.txt")]
    subprocess.run(cmd + (["--positive", positive] if positive else []), check=True)


def confusions(gold: list[str], pred: list[str], pairs: list[tuple[str, str]], n: int = 3) -> None:
    c = collections.Counter((g, p) for g, p in zip(gold, pred) if g != p)
    for (g, p), k in c.most_common(6):
        print(f"{k:5d} gold {g} -> {p}")
        for (a, b), gg, pp in list(zip(pairs, gold, pred)):
            if (gg, pp) == (g, p) and n:
                print(f"        {a[:90]} || {b[:90]}")
                n -= 1
        n = 3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["ans", "ufc"])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--fold", default="Fold_5")
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    out = a.keep or Path(tempfile.mkdtemp(prefix="rawi-stance-"))
    out.mkdir(parents=True, exist_ok=True)
    if a.set == "ans":
        pairs, gold = read_ans(ANS_DIR / f"{a.split}.csv")
        pred = [p if p in ("agree", "disagree") else "other" for p in run_cli(pairs, out, "claim")]
        score(gold, pred, out)
    else:
        data = [p for p in read_unifiedfc(UFC_DIR) if p.fold == a.fold]
        if not data:
            sys.exit(f"no UnifiedFC claims of {a.fold} under {UFC_DIR}")
        pairs, gold = [(p.claim, p.article) for p in data], [p.stance for p in data]
        pred = run_cli(pairs, out, "article")
        score(gold, pred, out)
        score(gold, pred, out, positive="disagree")
    if a.errors:
        confusions(gold, pred, pairs)


if __name__ == "__main__":
    main()
