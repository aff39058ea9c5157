"""Score the shipped check-worthiness model on CheckThat! 2024 Arabic dev, via the CLI.

usage: python benchmarks/eval_checkworthy.py [--file TSV] [--keep DIR] [--errors]
Runs ``rawi checkworthy FILE --text-column tweet_text``, then score_labels.py twice (macro-F1,
and F1 of ``Yes``); with --errors prints the most confident misses and false hits.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from rawi.classify.data import CT_DIR, SHARED, read_checkthat


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", type=Path, default=CT_DIR / "CT24_checkworthy_arabic_dev.tsv")
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    out = a.keep or Path(tempfile.mkdtemp(prefix="rawi-cw-"))
    out.mkdir(parents=True, exist_ok=True)
    _, texts, gold = read_checkthat(a.file)
    res = subprocess.run([sys.executable, "-m", "rawi", "checkworthy", str(a.file),
                          "--text-column", "tweet_text"], check=True, capture_output=True, text=True)
    rows = [line.split("\t") for line in res.stdout.splitlines()]
    (out / "gold.txt").write_text("\n".join(gold) + "\n", encoding="utf-8")
    (out / "pred.txt").write_text("\n".join(r[0] for r in rows) + "\n", encoding="utf-8")
    scorer = [sys.executable, str(SHARED / "eval/score_labels.py"), str(out / "gold.txt"), str(out / "pred.txt")]
    subprocess.run(scorer, check=True)
    subprocess.run(scorer + ["--positive", "Yes"], check=True)
    if a.errors:
        scored = sorted(zip((float(r[1]) for r in rows), gold, texts))
        print("missed Yes (lowest scores):")
        for s, g, t in [x for x in scored if x[1] == "Yes"][:8]:
            print(f"  {s:.3f} {t[:120]}")
        print("false Yes (highest scores):")
        for s, g, t in [x for x in scored if x[1] == "No"][-8:]:
            print(f"  {s:.3f} {t[:120]}")


if __name__ == "__main__":
    main()
