"""Schema versioning and migrations, WAL mode, Datasette-friendly views."""

from __future__ import annotations

import sqlite3

from test_store_fixtures import backend, sample_docs, store  # noqa: F401

from rawi.store import StoredDoc, open_store
from rawi.store.dedup import content_hash
from rawi.store.sqlbase import migrations


def test_store_schema_version_is_latest_migration(store):
    latest = max(v for v, _, _ in migrations(store.backend))
    assert store.schema_version() == latest


def test_store_schema_migrations_numbered_in_order():
    for backend in ("sqlite", "postgres"):
        versions = [v for v, _, _ in migrations(backend)]
        assert versions == list(range(1, len(versions) + 1))
    assert [v for v, _, _ in migrations("sqlite")] == [v for v, _, _ in migrations("postgres")]


def test_store_schema_reopen_applies_nothing_twice(tmp_path):
    path = tmp_path / "r.db"
    with open_store(path) as st:
        with st.transaction():
            d = sample_docs()[0]
            st.put_document(StoredDoc(d, content_hash(d.text), "v"), None)
    latest = migrations("sqlite")[-1][0]
    with open_store(path) as st:
        assert st.schema_version() == latest
        assert st.stats()["documents"] == 1
    rows = sqlite3.connect(path).execute("SELECT version FROM schema_version").fetchall()
    assert rows == [(v,) for v in range(1, latest + 1)]


def test_store_schema_sqlite_is_wal(tmp_path):
    with open_store(tmp_path / "w.db"):
        pass
    mode = sqlite3.connect(tmp_path / "w.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_store_schema_views_read_span_texts(tmp_path):
    with open_store(tmp_path / "v.db") as st:
        with st.transaction():
            for d in sample_docs():
                st.put_document(StoredDoc(d, content_hash(d.text), "v"), None)
    con = sqlite3.connect(tmp_path / "v.db")
    rows = con.execute("SELECT doc_id, outlet, cue, source, content, via, stance, title "
                       "FROM attributions_view ORDER BY doc_id, idx").fetchall()
    assert rows[0][:4] == ("AR-1", "BBC", "نفى", "جون سميث")
    assert rows[2][5] == "وكالة الأنباء"
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert {"attributions_view", "speakers_view", "documents_view", "mentions_view",
            "errors_view"} <= names
    assert con.execute("SELECT entity, canonical_id FROM mentions_view WHERE text = 'واشنطن' "
                       "AND doc_id = 'AR-1'").fetchone() == ("واشنطن العاصمة", "Q1")


def test_store_schema_normalizer_change_rebuilds_index(tmp_path):
    from rawi.store import SearchQuery

    path = tmp_path / "n.db"
    with open_store(path) as st:
        with st.transaction():
            for d in sample_docs():
                st.put_document(StoredDoc(d, content_hash(d.text), "v"), None)
        st._exec("UPDATE meta SET value = 'old-normaliser' WHERE key = 'normalizer'")
    with open_store(path) as st:  # reopening notices and re-indexes
        assert st._one("SELECT value FROM meta WHERE key = 'normalizer'")[0] != "old-normaliser"
        assert [h.doc_id for h in st.search(SearchQuery("روحاني"))] == ["AR-2"]
