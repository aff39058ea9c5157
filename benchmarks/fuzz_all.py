"""The long fuzz run: every target of ``tests/fuzz`` for N generated inputs in all.

    .venv/bin/python benchmarks/fuzz_all.py --examples 100000 [--seed 1] [--budget 5]
        [--only read_html,quotes] [--counts read_html=200] [--out fuzz-findings] [--json figures.json]

Prints, per target, the examples run, crashes, hangs, broken properties, memory errors, slow
(over the budget once but not on the retry) examples,
seconds and worker peak RSS, then one line per distinct finding. The first input of each
finding is written to ``--out`` (replay: ``python -c "from fuzz.runner import replay;
replay('read_html', SEED, INDEX)"`` with ``tests`` on ``sys.path``). Exit status 1 when
anything was found.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fuzz.runner import run_target, share  # noqa: E402
from fuzz.targets import all_targets  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=10_000, help="inputs in all, shared by weight")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=5.0, help="seconds per example")
    ap.add_argument("--only", default="", help="comma-separated target names")
    ap.add_argument("--counts", default="", help="per-target examples, e.g. read_html=200,quotes=5000 "
                    "(overrides the share of --examples for those targets)")
    ap.add_argument("--out", default="fuzz-findings", help="folder for finding inputs")
    ap.add_argument("--json", default=None, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    targets = all_targets()
    if args.only:
        wanted = set(args.only.split(","))
        targets = [t for t in targets if t.name in wanted]
    counts = share(targets, args.examples)
    for item in filter(None, args.counts.split(",")):
        name, _, n = item.partition("=")
        counts[name] = int(n)
    t0 = time.monotonic()
    rows = []
    print(f"{'target':<20} {'examples':>9} {'crash':>6} {'hang':>5} {'prop':>5} {'mem':>4} {'slow':>5} {'sec':>8} {'rss MB':>7}", flush=True)
    for t in targets:
        r = run_target(t, counts[t.name], args.seed, args.budget, Path(args.out))
        rows.append(r)
        print(f"{r.name:<20} {r.examples:>9} {r.crashes:>6} {r.hangs:>5} {r.properties:>5} {r.memory:>4} {r.slow:>5} "
              f"{r.seconds:>8.1f} {r.peak_rss_kb / 1024:>7.0f}", flush=True)
    total = {k: sum(getattr(r, k) for r in rows) for k in ("examples", "crashes", "hangs", "properties", "memory", "slow")}
    print(f"{'TOTAL':<20} {total['examples']:>9} {total['crashes']:>6} {total['hangs']:>5} "
          f"{total['properties']:>5} {total['memory']:>4} {total['slow']:>5} {time.monotonic() - t0:>8.1f}")
    for r in rows:
        for key, g in r.findings.items():
            if key.startswith("slow"):
                continue
            print(f"  {r.name}: {key} x{g['count']} (first index {g['first_index']}): {g['detail'][:200]}")
    if args.json:
        Path(args.json).write_text(json.dumps({"seed": args.seed, "total": total, "targets": [
            {k: v for k, v in vars(r).items()} for r in rows]}, ensure_ascii=False, indent=1, default=str))
    return 1 if any(total[k] for k in ("crashes", "hangs", "properties", "memory")) else 0


if __name__ == "__main__":
    sys.exit(main())
