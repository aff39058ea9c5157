"""Large inputs through ``rawi ingest``: generated files of a given size, and an ingest run in
a fresh process that reports its peak RSS (``resource.getrusage``)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from fuzz.faults import ROOT, article, child_env, ingest_command

_MEASURE = """
import resource, subprocess, sys, time
t0 = time.monotonic()
res = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(res.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, round(time.monotonic() - t0, 2))
sys.stderr.write(res.stdout[-3000:] + res.stderr[-3000:])
"""


def write_jsonl(path: Path, size: int, seed: int = 0) -> int:
    """A JSON Lines file of about ``size`` bytes of distinct articles; returns the record count."""
    n = 0
    written = 0
    with path.open("w", encoding="utf-8") as f:
        while written < size:
            title, body = article(n, seed, paragraphs=6)
            line = json.dumps({"id": f"big-{n:07d}", "title": title, "text": body}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def write_text(path: Path, size: int, seed: int = 0) -> None:
    """One plain-text file of about ``size`` bytes (to the text reader: one article)."""
    title, body = article(0, seed, paragraphs=6)
    chunk = (body + "\n\n").encode("utf-8")
    with path.open("wb") as f:
        f.write((title + "\n\n").encode("utf-8"))
        for _ in range(size // len(chunk) + 1):
            f.write(chunk)


def measured_ingest(inputs: list[str], db: str, *, analysis: bool = False, batch_size: int = 200,
                    near_duplicates: bool = False, timeout: float = 3600) -> dict:
    """Run ``rawi ingest`` in a fresh process: exit code, peak RSS in MB, seconds, output tail."""
    cmd = [sys.executable, "-c", _MEASURE, *ingest_command(inputs, db, analysis=analysis, batch_size=batch_size,
                                                           near_duplicates=near_duplicates)]
    t0 = time.monotonic()
    res = subprocess.run(cmd, env=child_env(), cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    code, rss_kb, secs = res.stdout.split()
    return {"returncode": int(code), "peak_rss_mb": int(rss_kb) / 1024, "seconds": float(secs),
            "wall": time.monotonic() - t0, "output": res.stderr}
