"""Tagging speed of the shipped NER model on one core (tokens per second).

usage: python benchmarks/bench_ner.py [CONLL] [--repeat N]
Without CONLL it tags the ANERcorp train file from ../shared. The first pass (cold per-word
feature cache) and the following passes (warm cache) are reported separately, each as wall-clock
and as process CPU time (the single-core figure when the machine is shared).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rawi.ner.corpus import read_tokens
from rawi.ner.tagger import CrfTagger


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("conll", nargs="?", type=Path,
                    default=Path(__file__).resolve().parents[1].parent / "shared/data/ner/anercorp-train.conll")
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    sents = read_tokens(a.conll)
    ntok = sum(len(s) for s in sents)
    t = CrfTagger()
    t0 = time.perf_counter()
    t.tag(sents[0])
    print(f"model load + first sentence: {time.perf_counter() - t0:.3f} s")
    for r in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for s in sents:
            t.tag(s)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        print(f"pass {r + 1} ({'cold' if r == 0 else 'warm'} cache): {ntok} tokens, wall {dt:.2f} s = "
              f"{ntok / dt:,.0f} tokens/s, cpu {dc:.2f} s = {ntok / dc:,.0f} tokens/s")


if __name__ == "__main__":
    main()
