"""Speed of the attribution stage on ANT articles.

usage: python benchmarks/bench_attribution.py [--n 2000] [--data DIR]

Reads up to N TREC-style ANT files (<TITLE> and <TEXT> extracted with a regex), builds
Documents (title + blank line + body), warms the stage up on a few, then times
``find_attributions`` alone and prints ms/article and attributions/article.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from rawi.model import Document  # noqa: E402
from rawi.stages.attribution import find_attributions  # noqa: E402

_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def load(data: Path, n: int) -> list[Document]:
    files = []
    for outlet in sorted(data.iterdir()):
        if outlet.is_dir():
            for cat in ("internationalNews", "middleEast"):
                files += sorted((outlet / cat).glob("*.txt"))[: n // 8 + 1]
    docs = []
    for path in files[:n]:
        raw = path.read_text(encoding="utf-8", errors="replace")
        t, b = _TITLE.search(raw), _TEXT.search(raw)
        if not b:
            continue
        title = (t.group(1).strip() if t else "")
        body = b.group(1).strip()
        docs.append(Document(id=path.stem, text=f"{title}\n\n{body}", title=title))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ant-multisource")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data}: ANT data is absent")
    docs = load(args.data, args.n)
    for d in docs[:20]:
        find_attributions(d)
    t0, c0 = time.perf_counter(), time.process_time()
    total = 0
    for d in docs:
        total += len(find_attributions(d).attributions)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(d.text) for d in docs) / max(len(docs), 1)
    print(f"articles {len(docs)}  mean chars {chars:.0f}  attributions/article {total / max(len(docs), 1):.2f}")
    n = max(len(docs), 1)
    c1 = time.process_time()
    acc = 0
    for i in range(1_000_000):
        acc += i
    ref = 1000 * (time.process_time() - c1)
    # a machine reference: on an idle modern core this loop takes about 50-70 ms
    print(f"reference: 1M-iteration Python loop {ref:.0f} ms CPU")
    # CPU time is the figure to compare: wall time swells when other processes share the cores
    print(f"attribution stage: {1000 * dc / n:.2f} ms/article CPU  ({1000 * dt / n:.2f} ms/article wall)")


if __name__ == "__main__":
    main()
