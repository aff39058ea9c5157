#!/usr/bin/env python3
"""Run the official scorers on the development gold and compare with the pinned floors.

usage: python benchmarks/quality.py [--shared DIR] [--update] [--only STAGE ...]

Prints every scorer's figures. Exits 1 when a figure falls below its floor in
benchmarks/baseline.json. A floor is only lowered on purpose, in the same commit, with the
reason written in baseline.json's "notes".
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "benchmarks" / "baseline.json"


def _rawi(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "rawi", *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"rawi {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return proc.stdout


def _score(script: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{script.name} failed:\n{proc.stderr[-3000:]}")
    return proc.stdout


def eval_analyze(shared: Path, tmp: Path) -> dict[str, float]:
    """Attribution, dates and numbers: the official command, the official scorers."""
    pred = tmp / "pred.jsonl"
    pred.write_text(_rawi("analyze", str(shared / "gold/attribution-dev/articles"), "--format", "jsonl"),
                    encoding="utf-8")
    out: dict[str, float] = {}
    res = json.loads(_score(shared / "eval/score_attribution.py", str(shared / "gold/attribution-dev/gold.jsonl"),
                            str(pred), "--json"))
    print(_score(shared / "eval/score_attribution.py", str(shared / "gold/attribution-dev/gold.jsonl"), str(pred)))
    out["attribution.who_said_what_f1"] = res["who_said_what"]["f1"]
    out["attribution.f1"] = res["attribution"]["f1"]
    out["attribution.content_f1"] = res["content_f1"]
    out["attribution.stance_accuracy"] = res["accuracy"].get("stance", 0.0)
    out["attribution.deny_recall"] = res["deny"]["recall"]
    out["attribution.deny_precision"] = res["deny"]["precision"]
    out["attribution.via_recall"] = res["via_recall"]
    text = _score(shared / "eval/score_dates_numbers.py", str(shared / "gold/dates-numbers-dev/gold.jsonl"), str(pred))
    print(text)
    m = re.search(r"dates found and right / gold dates ([0-9.]+)", text)
    n = re.search(r"numbers found and right / gold numbers ([0-9.]+)", text)
    out["dates.found_and_right"] = float(m.group(1)) if m else 0.0
    out["numbers.found_and_right"] = float(n.group(1)) if n else 0.0
    return out


def eval_ner(shared: Path, tmp: Path) -> dict[str, float]:
    """NER on rawi's own held-out tenth of the ANERcorp train part."""
    script = ROOT / "benchmarks" / "eval_ner.py"
    if not script.exists():
        return {}
    proc = subprocess.run([sys.executable, str(script), "--shared", str(shared)], capture_output=True, text=True)
    print(proc.stdout[-2000:])
    m = re.findall(r"^micro\s+P [0-9.]+ R [0-9.]+ F1 ([0-9.]+)", proc.stdout, flags=re.M)
    return {"ner.micro_f1": float(m[-1])} if m else {}


EVALS = {"analyze": eval_analyze, "ner": eval_ner}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--update", action="store_true", help="write the measured figures as the new floors")
    ap.add_argument("--only", nargs="*", choices=sorted(EVALS), default=None)
    args = ap.parse_args(argv)
    if not args.shared.exists():
        print(f"{args.shared} is absent: nothing to measure", file=sys.stderr)
        return 0
    base = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {"floors": {}, "notes": {}}
    measured: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or sorted(EVALS):
            measured.update(EVALS[name](args.shared, Path(tmp)))
    failed = []
    print(f"{'figure':<34} {'measured':>9} {'floor':>9}")
    for key, value in sorted(measured.items()):
        floor = base["floors"].get(key)
        flag = ""
        if floor is not None and value + 1e-9 < floor:
            failed.append(key)
            flag = "  BELOW FLOOR"
        print(f"{key:<34} {value:9.3f} {floor if floor is not None else float('nan'):9.3f}{flag}")
    if args.update:
        base["floors"].update({k: round(v - 0.005, 3) for k, v in measured.items()})
        BASELINE.write_text(json.dumps(base, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"floors written to {BASELINE}")
    if failed:
        print("quality below the pinned floor: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
