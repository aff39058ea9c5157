"""Ingest real ANT articles with the real pipeline (needs ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rawi.store import SearchQuery, open_store
from rawi.store.ingest import IngestOptions, ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ANT = SHARED / "data" / "ant-multisource"

pytestmark = pytest.mark.skipif(not ANT.exists(), reason="../shared is absent")


def test_ingest_shared_ant_sample_stored_or_failed_and_searchable(tmp_path):
    files = []
    for outlet in ("Alarabia", "BBC", "CNN", "France24", "SkyNews"):
        files += sorted((ANT / outlet).rglob("*.txt"))[:6]
    with open_store(tmp_path / "ant.db") as st:
        r = ingest([str(f) for f in files], st, IngestOptions(jobs=1, progress=False))
        assert r.status == "done" and r.counts.files_seen == 30
        failed = {e.path for e in st.errors(r.run_id) if e.doc_id is None}
        stored = {st.document_info(i)["source_path"] for i in st.doc_ids()}
        assert {str(f) for f in files} <= stored | failed
        assert len(stored) >= 25
        outlets = {st.document_info(i)["outlet"] for i in st.doc_ids()}
        assert len(outlets) == 5
        doc = st.get_document(st.doc_ids()[0])
        word = max(doc.title.split(), key=len)
        assert doc.id in [h.doc_id for h in st.search(SearchQuery(word, limit=50))]
        again = ingest([str(f) for f in files], st, IngestOptions(jobs=1, progress=False))
        assert again.counts.files_skipped == 30 and again.counts.docs_stored == 0
