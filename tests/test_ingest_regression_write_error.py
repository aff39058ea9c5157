"""Regression: one document that cannot be written must not abort the run (it once did, on the
ANT corpus) nor leave half of itself in the store."""

from __future__ import annotations

from test_ingest_pipeline import opts, write_corpus
from test_store_fixtures import backend, fresh_store, store  # noqa: F401

from rawi.store.ingest import ingest


def test_ingest_regression_write_error_records_the_article_and_goes_on(store, tmp_path, monkeypatch):
    write_corpus(tmp_path / "in", 10)
    real = store._write_analysis

    def failing(num, doc):
        if doc.id == "T-0003":
            raise RuntimeError("simulated write failure")
        return real(num, doc)

    monkeypatch.setattr(store, "_write_analysis", failing)
    report = ingest([str(tmp_path / "in")], store, opts())
    ids = set(store.doc_ids())
    assert "T-0003" not in ids  # rolled back whole: no document row without its analysis
    assert len(ids) == 9
    errs = [e for e in store.errors() if e.doc_id == "T-0003"]
    assert errs and errs[0].code == "E011" and "simulated write failure" in errs[0].message
    assert report.counts.errors >= 1
    monkeypatch.setattr(store, "_write_analysis", real)
    ingest([str(tmp_path / "in")], store, opts(retry_errors=True))
    assert "T-0003" in set(store.doc_ids())
