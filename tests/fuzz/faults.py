"""Fault injection around ``rawi ingest``: a generated fixture corpus, a store summary to
compare runs, kill -9 at random moments with resume, and a size-limited tmpfs.

Run the long kill test (20 kills) as a script::

    .venv/bin/python tests/fuzz/faults.py --kills 20 [--articles 150] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]

_SPEAKERS = ("وزير الخارجية", "المتحدث باسم الجيش", "رئيس الوزراء", "مصدر أمني", "الناطق باسم الحكومة",
             "وزيرة الصحة", "محافظ البنك المركزي", "قائد الشرطة")
_CITIES = ("القاهرة", "بيروت", "الرباط", "عمّان", "تونس", "بغداد", "الدوحة", "الخرطوم")
_TOPICS = ("المفاوضات", "الانتخابات", "الميزانية", "الهدنة", "الاتفاق التجاري", "خطة الإعمار")


def article(i: int, seed: int = 0, *, paragraphs: int = 3) -> tuple[str, str]:
    """(title, body) of a short news-style article; different for every ``i``."""
    r = random.Random(f"{seed}:{i}")
    sp, sp2 = r.sample(_SPEAKERS, 2)
    city, topic = r.choice(_CITIES), r.choice(_TOPICS)
    title = f"{sp} يعلق على {topic} في {city} ({i})"
    paras = [
        f"قال {sp} يوم الأحد إن {topic} ستستأنف خلال {r.randint(2, 30)} يوماً، مضيفاً أن "
        f"{r.randint(10, 900)} مشاركاً سيحضرون الجلسة رقم {i}.",
        f"وأضاف في مؤتمر صحفي في {city}: «لن نقبل بأي شروط مسبقة، والحوار هو الطريق الوحيد».",
        f"في المقابل، نفى {sp2} هذه التصريحات، مؤكداً أن الموعد لم يحدد بعد وأن الكلفة تبلغ "
        f"{r.randint(1, 99)} مليون دولار بحسب مصادر مطلعة.",
    ]
    while len(paras) < paragraphs:
        paras.append(f"وأوضح {r.choice(_SPEAKERS)} أن الوضع في {r.choice(_CITIES)} مستقر نسبياً منذ "
                     f"{r.randint(1, 28)} مايو {r.randint(2015, 2024)}، وفق ما نقلته وكالة الأنباء.")
    return title, "\n\n".join(paras)


def write_corpus(root: Path, n: int, seed: int = 0, *, paragraphs: int = 3) -> list[Path]:
    """``n`` articles: most as ``.txt`` files, every fifth as a record of one ``.jsonl`` file
    (so that a kill can also land inside a multi-record file)."""
    root.mkdir(parents=True, exist_ok=True)
    paths, records = [], []
    for i in range(n):
        title, body = article(i, seed, paragraphs=paragraphs)
        if i % 5 == 4:
            records.append({"id": f"rec-{i:04d}", "title": title, "text": body,
                            "published": "2024-05-05T08:00:00+03:00", "outlet": "Fixture"})
            continue
        p = root / f"art-{i:04d}.txt"
        p.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        paths.append(p)
    if records:
        p = root / "records.jsonl"
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        paths.append(p)
    return paths


def ingest_command(inputs: list[str], db: str, *, analysis: bool = True, batch_size: int = 3,
                   near_duplicates: bool = True) -> list[str]:
    """``rawi ingest`` with one job (the machine is shared) and small batches."""
    cmd = [sys.executable, "-m", "rawi", "ingest", *inputs, "--db", db, "--quiet", "--jobs", "1",
           "--batch-size", str(batch_size)]
    return cmd + ([] if analysis else ["--no-analysis"]) + ([] if near_duplicates else ["--no-near-duplicates"])


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def integrity(db: str) -> str:
    """``PRAGMA integrity_check`` of the store (read-only), "ok" when sound."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return "; ".join(r[0] for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def summary(db: str) -> dict[str, tuple[str, int]]:
    """doc id -> (content hash, number of attributions) for every stored document."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT d.id, d.content_hash, (SELECT count(*) FROM attributions a WHERE a.doc_num = d.num) "
            "FROM documents d").fetchall()
    finally:
        con.close()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "a document id is stored twice"
    return {r[0]: (r[1], r[2]) for r in rows}


def _stored_count(db: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


def _remove_store(db: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(db + suffix).unlink(missing_ok=True)


def kill_and_resume(inputs: list[str], db: str, kills: int, rng: random.Random,
                    ref: dict[str, tuple[str, int]], timeout: float = 300.0) -> list[dict]:
    """Start ``rawi ingest`` ``kills`` times and SIGKILL each one mid-ingest: once the store
    holds a random number of documents between what it held and all of ``ref``, after a
    further random 0-0.4 s (so the kill lands anywhere in a batch: analysing, writing,
    committing). The store is checked after each kill. When a resumed run completes the store,
    it must equal ``ref`` (the summary of an uninterrupted run) and the next kill starts a new
    store, so every kill lands in a partial ingest. Finally the ingest is run to the end. One
    log row per kill."""
    log = []
    expected = len(ref)
    for k in range(kills):
        before = _stored_count(db) if Path(db).exists() else 0
        if before >= expected:
            assert summary(db) == ref, "a resumed store differs from the uninterrupted run"
            _remove_store(db)
            before = 0
        goal = rng.randint(before + 1, expected - 1) if before + 1 < expected else expected
        proc = subprocess.Popen(ingest_command(inputs, db), env=child_env(), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t0 = time.monotonic()
        while proc.poll() is None and _stored_count(db) < goal and time.monotonic() - t0 < timeout:
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 0.4))
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stored = len(summary(db)) if Path(db).exists() else 0
        check = integrity(db) if Path(db).exists() else "no file yet"
        log.append({"kill": k + 1, "after_s": round(time.monotonic() - t0, 2), "finished_first": finished,
                    "stored_before": before, "stored": stored, "integrity": check})
        assert check in ("ok", "no file yet"), check
    done = subprocess.run(ingest_command(inputs, db), env=child_env(), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return log


@contextmanager
def small_tmpfs(path: Path, size: str = "2m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` at ``path`` (root only); raises PermissionError/OSError when
    mounting is not permitted."""
    path.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise PermissionError(f"mount -t tmpfs not permitted: {res.stderr.strip() or res.returncode}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def main(argv: list[str] | None = None) -> int:
    import tempfile

    ap = argparse.ArgumentParser(description="kill -9 rawi ingest repeatedly, resume, compare")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [str(p) for p in write_corpus(Path(tmp, "corpus"), args.articles, args.seed)]
        ref_db, db = str(Path(tmp, "ref.db")), str(Path(tmp, "killed.db"))
        t0 = time.monotonic()
        subprocess.run(ingest_command(inputs, ref_db), env=child_env(), cwd=ROOT, check=True)
        full = time.monotonic() - t0
        log = kill_and_resume(inputs, db, args.kills, rng, summary(ref_db))
        ref, got = summary(ref_db), summary(db)
        for row in log:
            print(json.dumps(row))
        missing, extra = sorted(set(ref) - set(got)), sorted(set(got) - set(ref))
        differ = sorted(k for k in set(ref) & set(got) if ref[k] != got[k])
        mid = sum(1 for row in log if row["stored"] < len(ref) and not row["finished_first"])
        print(f"{mid} of {args.kills} kills left a partly ingested store")
        print(f"uninterrupted run {full:.1f} s, {len(ref)} documents, "
              f"{sum(v[1] for v in ref.values())} attributions")
        print(f"after {args.kills} kills and resume: {len(got)} documents, "
              f"{sum(v[1] for v in got.values())} attributions; integrity {integrity(db)}; "
              f"missing {len(missing)}, extra {len(extra)}, different {len(differ)}")
        return 0 if not (missing or extra or differ) and integrity(db) == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
