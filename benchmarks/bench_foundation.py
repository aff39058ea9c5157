#!/usr/bin/env python3
"""Reading + normalising + segmenting a corpus, as a ratio to a plain read-and-regex-split.

usage: python benchmarks/bench_foundation.py [DIR] [--limit N] [--no-tokens]

Both passes read the same files in the same run, after an untimed pass that brings every
file into the page cache (otherwise the first timed pass pays the disk and looks slower). The floor reads each file, decodes UTF-8 and
splits the text on sentence punctuation with one regex. rawi's pass runs the real readers
(encoding detection, format detection, TREC parsing, boilerplate filter), normalises the text
and runs the segmentation stage (sentences, and tokens with clitic analysis unless
--no-tokens). Prints both times, the ratio and the peak memory (RSS).
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

from rawi.readers import iter_input_paths, iter_read_path
from rawi.text.normalize import normalize_text
from rawi.text.quotes import find_quotes
from rawi.text.segment import split_sentences

_SPLIT = re.compile(r"[.!?؟؛\n]+")


def floor(paths: list[Path]) -> tuple[float, int]:
    t = time.perf_counter()
    n = 0
    for p in paths:
        n += len(_SPLIT.split(p.read_bytes().decode("utf-8", "replace")))
    return time.perf_counter() - t, n


def rawi_pass(paths: list[Path], tokens: bool) -> tuple[float, int, int, int]:
    from rawi.stages.segmentation import segment

    t = time.perf_counter()
    docs = sents = failed = 0
    for p in paths:
        for item in iter_read_path(p):
            if isinstance(item, Exception):
                failed += 1
                continue
            docs += 1
            if tokens:
                sents += len(segment(item).sentences)
            else:
                normalize_text(item.text)
                sents += len(split_sentences(item.text, find_quotes(item.text)))
    return time.perf_counter() - t, docs, sents, failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/data/ant-multisource"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-tokens", action="store_true")
    args = ap.parse_args()
    paths = list(iter_input_paths([args.dir]))[: args.limit]
    floor(paths)  # warm the page cache for every file, so neither pass reads from disk
    tf, pieces = floor(paths)
    tr, docs, sents, failed = rawi_pass(paths, not args.no_tokens)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    what = "read+normalise+sentences" + ("" if args.no_tokens else "+tokens")
    print(f"files {len(paths)}  documents {docs}  failed {failed}")
    print(f"floor  read+regex-split           {tf:8.2f} s  ({pieces} pieces)")
    print(f"rawi   {what:<27} {tr:8.2f} s  ({sents} sentences)")
    print(f"ratio  {tr / tf:.2f}x   peak RSS {rss:.0f} MiB   {1000 * tr / max(1, docs):.2f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
