"""Large inputs through ``rawi ingest``, with peak RSS (``resource.getrusage``) per run:

    .venv/bin/python benchmarks/large_input.py [--text-mb 200] [--jsonl-mb 1024] [--analysis]

- a plain-text file of ``--text-mb`` MB: to the text reader one article, so it is refused
  (ReaderOptions.max_article_bytes, 32 MiB) before it is read;
- a JSON Lines file of ``--jsonl-mb`` MB of distinct articles, stored text-only unless
  ``--analysis`` (near-duplicate detection off).

The files are generated in a temporary folder (``--dir``) and deleted afterwards.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fuzz.large import measured_ingest, write_jsonl, write_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--text-mb", type=int, default=200)
    ap.add_argument("--jsonl-mb", type=int, default=1024)
    ap.add_argument("--analysis", action="store_true", help="run the analysis pipeline too (slow)")
    ap.add_argument("--dir", default=None, help="where to write the generated files")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        if args.text_mb:
            path = Path(tmp, "one-article.txt")
            write_text(path, args.text_mb * 2 ** 20)
            got = measured_ingest([str(path)], str(Path(tmp, "text.db")))
            print(f"text {args.text_mb} MB: exit {got['returncode']}, peak RSS {got['peak_rss_mb']:.0f} MB, "
                  f"{got['seconds']:.1f} s")
            print("  " + got["output"].strip().replace("\n", "\n  "))
            path.unlink()
        if args.jsonl_mb:
            path = Path(tmp, "many.jsonl")
            t0 = time.monotonic()
            n = write_jsonl(path, args.jsonl_mb * 2 ** 20)
            print(f"generated {n} records ({args.jsonl_mb} MB) in {time.monotonic() - t0:.0f} s", flush=True)
            db = str(Path(tmp, "jsonl.db"))
            got = measured_ingest([str(path)], db, analysis=args.analysis)
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
            print(f"jsonl {args.jsonl_mb} MB: exit {got['returncode']}, {stored}/{n} stored, peak RSS "
                  f"{got['peak_rss_mb']:.0f} MB, {got['seconds']:.1f} s "
                  f"({args.jsonl_mb / max(got['seconds'], 1e-9):.2f} MB/s)")
            print("  " + got["output"].strip().replace("\n", "\n  "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
