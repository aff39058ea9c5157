"""kill -9 in the middle of an ingest leaves a consistent store; the next run resumes and
ends with exactly what an uninterrupted run stores."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_ingest_pipeline import dump, fake_analyze, opts, write_corpus
from test_store_fixtures import backend, fresh_store  # noqa: F401

from rawi.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
N_FILES = 120

CHILD = """
import sys
sys.path[:0] = [{src!r}, {tests!r}]
from test_ingest_kill import slow_analyze
from rawi.store import open_store
from rawi.store.ingest import IngestOptions, ingest
with open_store(sys.argv[1]) as st:
    ingest([sys.argv[2]], st, IngestOptions(jobs=2, analyze=slow_analyze, batch_size=5,
                                            progress=False))
"""


def slow_analyze(doc):
    time.sleep(0.03)
    return fake_analyze(doc)


slow_analyze.version = fake_analyze.version  # the same analysis, only slower


def derived(st) -> tuple:
    """The stored stories and claim links."""
    from rawi.store import link_store, story_store

    return ([s.to_dict() for s in story_store.read_stories(st)],
            [ln.to_dict() for ln in link_store.read_links(st)])


def _count(url: str) -> int:
    if url.startswith("postgresql://"):
        import psycopg

        try:
            with psycopg.connect(url) as con:
                return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        except psycopg.Error:
            return 0
    try:
        con = sqlite3.connect(f"file:{url}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_ingest_kill_minus_9_then_resume_equals_uninterrupted(backend, tmp_path):
    corpus = tmp_path / "in"
    write_corpus(corpus, N_FILES)
    (tmp_path / "ref").mkdir()
    ref = fresh_store("sqlite", tmp_path / "ref")
    ingest([str(corpus)], ref, opts())
    expected = dump(ref)
    expected_derived = derived(ref)
    ref.close()

    st = fresh_store(backend, tmp_path)  # creates the schema; the child opens the same store
    url = st.url
    st.close()
    code = CHILD.format(src=str(ROOT / "src"), tests=str(ROOT / "tests"))
    child = subprocess.Popen([sys.executable, "-c", code, url, str(corpus)],
                             start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while _count(url) < 25 and time.time() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert child.poll() is None, child.stderr.read().decode()
    os.killpg(child.pid, signal.SIGKILL)  # the ingest and its workers, at once
    child.wait()
    stored = _count(url)
    assert 25 <= stored < N_FILES, "the kill did not land in the middle of the run"

    from rawi.store import open_store

    with open_store(url) as st:
        assert stored == st.stats()["documents"]
        if backend == "sqlite":
            assert st._one("PRAGMA integrity_check")[0] == "ok"
            st._exec("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
            # a document's rows are all there or not at all: every stored doc is complete
            for doc_id in st.doc_ids():
                assert st.get_document(doc_id).to_dict() == expected[doc_id][0]
        runs = st.runs()
        assert runs[-1]["status"] == "running"  # the killed run never finished
        r = ingest([str(corpus)], st, opts())
        assert r.counts.docs_stored == N_FILES - stored
        assert r.counts.files_skipped == stored
        assert dump(st) == expected
        assert derived(st) == expected_derived  # stories and links as if never interrupted
