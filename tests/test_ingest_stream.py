"""A large input file is read as a stream of records and stored in batches: the same result as
whole-file ingest, and a run stopped in the middle of the file resumes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_ingest_pipeline import article, dump, fake_analyze, opts
from test_store_fixtures import backend, fresh_store, store  # noqa: F401

from rawi.store import open_store
from rawi.store.ingest import ingest

N = 30


def write_big(path: Path, n: int = N) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            title, body = article(i)
            f.write(json.dumps({"id": f"rec-{i:03d}", "title": title, "text": body,
                                "outlet": "BBC"}, ensure_ascii=False) + "\n")
        f.write("{not json\n")  # one broken record: an error row, the rest stored
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_stream_equals_whole_file_ingest(store, tmp_path, jobs):
    big = write_big(tmp_path / "in" / "big.jsonl")
    (tmp_path / "ref").mkdir()
    with open_store(tmp_path / "ref" / "ref.db") as ref:
        whole = ingest([str(big)], ref, opts())
        expected = dump(ref)
    r = ingest([str(big)], store, opts(jobs=jobs, stream_bytes=1024, batch_size=4))
    assert r.counts.docs_stored == whole.counts.docs_stored == N and r.counts.errors == 1
    assert dump(store) == expected
    again = ingest([str(big)], store, opts(jobs=jobs, stream_bytes=1024))
    assert again.counts.files_skipped == 1 and again.counts.docs_stored == 0


_calls = {"n": 0}


def stop_after_12(doc):
    _calls["n"] += 1
    if _calls["n"] > 12:
        raise KeyboardInterrupt
    return fake_analyze(doc)


stop_after_12.version = fake_analyze.version


def test_ingest_stream_stopped_mid_file_resumes(tmp_path):
    big = write_big(tmp_path / "in" / "big.jsonl")
    st = fresh_store("sqlite", tmp_path)
    _calls["n"] = 0
    with pytest.raises(KeyboardInterrupt):
        ingest([str(big)], st, opts(analyze=stop_after_12, stream_bytes=1024, batch_size=5))
    stored = st.stats()["documents"]
    assert stored == 10, "two whole batches were committed"
    assert st.source_files([str(big)]) == {}, "the file is not marked done"
    r = ingest([str(big)], st, opts(stream_bytes=1024, batch_size=5))
    assert r.counts.docs_unchanged == 10 and r.counts.docs_stored == N - 10
    assert st.source_files([str(big)])[str(big)][2] == "error"  # its broken record
    assert st.stats()["documents"] == N
    st.close()
