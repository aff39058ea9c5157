"""Speed of the text layer against a plain read-and-split floor, in one run.

    .venv/bin/python benchmarks/bench_text.py [DIR] [--limit N]

Reads every ``*.txt`` under DIR (default: the ANT corpus), takes the ``<TEXT>`` body with a
regex, and times (1) the floor: read + regex body + ``re.split`` on sentence punctuation, and
(2) rawi: read + regex body + ``normalize_text`` + ``split_sentences`` (quotes included), then
``tokenize`` on top. Prints seconds, the ratios to the floor and the peak memory.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rawi.text.normalize import normalize_text  # noqa: E402
from rawi.text.segment import split_sentences  # noqa: E402
from rawi.text.tokens import tokenize  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-multisource"
BODY = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
PLAIN_SPLIT = re.compile(r"[.!?؟؛\n]+")


def _bodies(files: list[Path]):
    for path in files:
        m = BODY.search(path.read_text(encoding="utf-8", errors="replace"))
        yield m.group(1) if m else ""


def floor(files: list[Path]) -> tuple[float, int]:
    t = time.perf_counter()
    n = 0
    for body in _bodies(files):
        n += len(PLAIN_SPLIT.split(body))
    return time.perf_counter() - t, n


def rawi_text(files: list[Path], with_tokens: bool) -> tuple[float, int, int]:
    t = time.perf_counter()
    sents = toks = 0
    for body in _bodies(files):
        normalize_text(body)
        sents += len(split_sentences(body))
        if with_tokens:
            toks += len(tokenize(body))
    return time.perf_counter() - t, sents, toks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    args = ap.parse_args(argv)
    root = Path(args.dir)
    files = sorted(root.rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"{root}: no .txt files", file=sys.stderr)
        return 2
    chars = sum(len(b) for b in _bodies(files))  # also warms the page cache
    t_floor, n_floor = floor(files)
    t_seg, n_sent, _ = rawi_text(files, with_tokens=False)
    t_tok, _, n_tok = rawi_text(files, with_tokens=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files {len(files)}  body chars {chars}")
    print(f"floor  read+regex+re.split               {t_floor:7.2f} s  ({n_floor} pieces)")
    print(f"rawi   read+regex+normalize+sentences    {t_seg:7.2f} s  ({n_sent} sentences)"
          f"  ratio {t_seg / t_floor:.2f}x")
    print(f"rawi   ... + tokenize                    {t_tok:7.2f} s  ({n_tok} tokens)"
          f"  ratio {t_tok / t_floor:.2f}x")
    print(f"peak memory {peak_mb:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
