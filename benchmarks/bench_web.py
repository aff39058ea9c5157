"""Web latency on loopback: article and search pages, then many concurrent clients.

    .venv/bin/python benchmarks/bench_web.py --db FILE [--requests 100] [--clients 50] [--seconds 10]
    .venv/bin/python benchmarks/bench_web.py --url http://127.0.0.1:8000 --db FILE   # a running server

Without ``--url`` it starts ``rawi serve`` (uvicorn, one process, rate limit off) on a free
loopback port. It times ``--requests`` article-page requests (ids spread over the store) and as
many search-page requests (words taken from stored titles), one at a time with httpx, and prints
the median and p95; then ``--clients`` concurrent clients fetch a mix of pages for ``--seconds``
and it prints the request rate and the error count (anything but HTTP 200 is an error).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402

from rawi.store import open_store  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    code = "from rawi.cli.serve import serve; serve()"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("RAWI_INGEST_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-c", code, "--db", db, "--port", str(port), "--rate-limit", "0",
                             "--log-level", "warning"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/static/rawi.css", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def workload(db: str, n: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """``n`` article URLs and ``n`` search URLs drawn from the store."""
    rnd = random.Random(seed)
    with open_store(db, readonly=True) as store:
        ids = store.doc_ids(include_duplicates=False)
        if not ids:
            raise SystemExit(f"{db}: no documents")
        picked = [ids[(i * len(ids)) // n] for i in range(n)] if len(ids) >= n else [rnd.choice(ids) for _ in range(n)]
        words: list[str] = []
        for doc_id in ids[: min(len(ids), 300)]:
            info = store.document_info(doc_id) or {}
            words += [w for w in (info.get("title") or "").split() if len(w) >= 4 and w.isalpha()]
    words = words or ["خبر"]
    articles = [f"/article/{quote(i)}" for i in picked]
    searches = [f"/search?q={quote(rnd.choice(words))}" for _ in range(n)]
    return articles, searches


def time_sequential(client: httpx.Client, urls: list[str]) -> tuple[list[float], int]:
    times, errors = [], 0
    for u in urls:
        t0 = time.perf_counter()
        r = client.get(u)
        times.append((time.perf_counter() - t0) * 1000)
        errors += r.status_code != 200
    return times, errors


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


async def concurrent(base: str, urls: list[str], clients: int, seconds: float) -> dict:
    done = errors = 0
    lat: list[float] = []
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as ac:
        async def one(k: int) -> None:
            nonlocal done, errors
            i = k
            while time.monotonic() < stop:
                u = urls[i % len(urls)]
                i += clients
                t0 = time.perf_counter()
                try:
                    r = await ac.get(u)
                    errors += r.status_code != 200
                except httpx.HTTPError:
                    errors += 1
                lat.append((time.perf_counter() - t0) * 1000)
                done += 1

        t0 = time.perf_counter()
        await asyncio.gather(*(one(k) for k in range(clients)))
        wall = time.perf_counter() - t0
    return {"clients": clients, "seconds": round(wall, 1), "requests": done, "errors": errors,
            "rps": round(done / wall, 1), "median_ms": round(statistics.median(lat), 1) if lat else None,
            "p95_ms": round(pct(lat, 0.95), 1) if lat else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="the store (SQLite file) to read ids and words from")
    ap.add_argument("--url", default=None, help="a running server (default: start one)")
    ap.add_argument("--requests", type=int, default=100)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = ap.parse_args()

    articles, searches = workload(args.db, args.requests)
    proc = None
    base = args.url
    if base is None:
        port = free_port()
        proc = start_server(args.db, port)
        base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as c:
            c.get(articles[0]), c.get(searches[0]), c.get("/stories"), c.get("/claims")  # warm caches
            a_ms, a_err = time_sequential(c, articles)
            s_ms, s_err = time_sequential(c, searches)
        conc = asyncio.run(concurrent(base, [u for pair in zip(articles, searches) for u in pair],
                                      args.clients, args.seconds))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
    fig = {"article": {"n": len(a_ms), "median_ms": round(statistics.median(a_ms), 1),
                       "p95_ms": round(pct(a_ms, 0.95), 1), "errors": a_err},
           "search": {"n": len(s_ms), "median_ms": round(statistics.median(s_ms), 1),
                      "p95_ms": round(pct(s_ms, 0.95), 1), "errors": s_err},
           "concurrent": conc}
    print(f"article page: {fig['article']['n']} requests, median {fig['article']['median_ms']} ms, "
          f"p95 {fig['article']['p95_ms']} ms, {a_err} errors")
    print(f"search page:  {fig['search']['n']} requests, median {fig['search']['median_ms']} ms, "
          f"p95 {fig['search']['p95_ms']} ms, {s_err} errors")
    print(f"concurrent:   {conc['clients']} clients for {conc['seconds']} s: {conc['requests']} requests, "
          f"{conc['rps']} req/s, median {conc['median_ms']} ms, p95 {conc['p95_ms']} ms, {conc['errors']} errors")
    if args.json:
        print(json.dumps(fig))
    if a_err or s_err or conc["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
