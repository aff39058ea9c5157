"""Load test: N concurrent clients for T seconds against search and article pages (HTML and
API) of a uvicorn server on 127.0.0.1 (loopback only), with a bounded request count.

    .venv/bin/python benchmarks/load_test.py [--clients 50] [--seconds 60] [--max-requests 20000]
        [--db rawi.db] [--articles 200]

Without ``--db`` a store is built first from generated news-style articles. Prints requests,
errors (status >= 500, timeouts, connection errors; 4xx counted apart), throughput and
p50/p95/p99 latency, per kind of page and overall. Exit status 1 on any error.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
HOST = "127.0.0.1"  # loopback only, never any other address
QUERIES = ("الوزير", "المفاوضات", "الحكومة", "\"رئيس الوزراء\"", "القاهرة", "مليون دولار", "الهدنة", "مصدر")

SERVER = """
import sys, uvicorn
from rawi.web.app import create_app
uvicorn.run(create_app(sys.argv[1], rate_limit=None), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning")
"""


def build_store(root: Path, n: int) -> str:
    from fuzz.faults import write_corpus

    from rawi.store import open_store
    from rawi.store.ingest import IngestOptions, ingest

    paths = [str(p) for p in write_corpus(root / "corpus", n, seed=4)]
    db = str(root / "load.db")
    with open_store(db) as store:
        ingest(paths, store, IngestOptions(jobs=1, progress=False))
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_up(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on {HOST}:{port} did not start")


class Budget:
    """A shared request counter: ``take()`` is False once ``limit`` requests were taken."""

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


def client(port: int, urls: list[tuple[str, str]], until: float, budget: Budget, seed: int,
           out: dict[str, list[float]], errors: dict[str, int], lock: threading.Lock) -> None:
    r = random.Random(seed)
    con = http.client.HTTPConnection(HOST, port, timeout=30)
    lat: dict[str, list[float]] = defaultdict(list)
    err: dict[str, int] = defaultdict(int)
    while time.monotonic() < until and budget.take():
        kind, url = r.choice(urls)
        t0 = time.perf_counter()
        try:
            con.request("GET", url)
            resp = con.getresponse()
            resp.read()
            dt = time.perf_counter() - t0
            if resp.status >= 500:
                err[f"{kind}: HTTP {resp.status}"] += 1
            elif resp.status >= 400:
                err[f"{kind}: HTTP {resp.status} (client error)"] += 1
            lat[kind].append(dt)
        except (OSError, http.client.HTTPException) as exc:
            err[f"{kind}: {type(exc).__name__}"] += 1
            con.close()
            con = http.client.HTTPConnection(HOST, port, timeout=30)
    con.close()
    with lock:
        for k, v in lat.items():
            out[k].extend(v)
        for k, v in err.items():
            errors[k] += v


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=20_000)
    ap.add_argument("--db", default=None, help="an existing store (default: build one)")
    ap.add_argument("--articles", type=int, default=200, help="articles in the built store")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_store(Path(tmp), args.articles)
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY random() LIMIT 200")]
        con.close()
        urls = ([("search page", f"/search?q={quote(q)}") for q in QUERIES]
                + [("search api", f"/api/v1/search?q={quote(q)}") for q in QUERIES]
                + [("article page", f"/article/{quote(i, safe='')}") for i in ids]
                + [("article api", f"/api/v1/documents/{quote(i, safe='')}") for i in ids])
        port = free_port()
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        server = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port)], env=env)
        try:
            wait_up(port)
            lat: dict[str, list[float]] = defaultdict(list)
            errors: dict[str, int] = defaultdict(int)
            lock, budget = threading.Lock(), Budget(args.max_requests)
            t0 = time.monotonic()
            until = t0 + args.seconds
            threads = [threading.Thread(target=client, args=(port, urls, until, budget, i, lat, errors, lock))
                       for i in range(args.clients)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            wall = time.monotonic() - t0
        finally:
            server.terminate()
            server.wait(10)
    everything = [v for vs in lat.values() for v in vs]
    print(f"{args.clients} clients, {wall:.1f} s, {len(everything)} requests, "
          f"{len(everything) / wall:.1f} req/s, {len(ids)} documents")
    print(f"{'kind':<14} {'n':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for kind in sorted(lat) + ["ALL"]:
        vs = everything if kind == "ALL" else lat[kind]
        print(f"{kind:<14} {len(vs):>7} {pct(vs, 50):>8.1f} {pct(vs, 95):>8.1f} {pct(vs, 99):>8.1f} "
              f"{statistics.fmean(vs) * 1000 if vs else float('nan'):>8.1f}")
    hard = {k: v for k, v in errors.items() if "client error" not in k}
    print(f"errors: {sum(hard.values())}" + "".join(f"\n  {k}: {v}" for k, v in sorted(errors.items())))
    return 1 if hard else 0


if __name__ == "__main__":
    sys.exit(main())
