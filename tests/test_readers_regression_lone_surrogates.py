"""Regression (found by benchmarks/fuzz_all.py): a JSON Lines record with an escaped lone
surrogate (``"\\ud800"``) gave a Document whose text could not be encoded, so the NER tagger
crashed and ``rawi ingest`` lost the article ("unexpected reader failure:
UnicodeEncodeError"). Readers now replace lone surrogates by U+FFFD (same length)."""

from __future__ import annotations

import json

from rawi.readers import ReaderOptions, document_from_text, read_bytes
from rawi.store import open_store
from rawi.store.ingest import IngestOptions, ingest


def test_readers_regression_lone_surrogates_jsonl_record(tmp_path) -> None:
    line = '{"id": "a\\ud800", "title": "\\udfff عنوان", "text": "قال \\ud800 الوزير", "x": ["\\udc00"]}'
    doc = read_bytes(line.encode(), "s.jsonl", ReaderOptions(input_format="jsonl"))[0]
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
    assert doc.text == "\ufffd عنوان\n\nقال \ufffd الوزير" and doc.id == "a\ufffd"
    assert doc.meta["x"] == ["\ufffd"]
    path = tmp_path / "s.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with open_store(str(tmp_path / "s.db")) as store:
        report = ingest([str(path)], store, IngestOptions(jobs=1, progress=False))
    assert report.counts.to_dict().get("errors", 0) == 0


def test_readers_regression_lone_surrogates_offsets_kept() -> None:
    text = "عنوان\n\nنص \udfff آخر"
    doc = document_from_text(text, doc_id="d")
    assert len(doc.text) == len(text) and doc.text[doc.text.index("\ufffd")] == "\ufffd"


def test_readers_regression_lone_surrogates_python_api_document() -> None:
    """Found by benchmarks/fuzz_all.py: a Document built directly (not by a reader) with a lone
    surrogate crashed the NER stage (crfsuite SystemError) and the attribution stage."""
    import rawi
    from rawi.model import Document

    text = "قال وزير الخارجية إن الاتفاق قريب \ud800 جدا."
    doc = rawi.analyze_document(Document(id="d", text=text, title="عنوان \udfff"))
    assert len(doc.text) == len(text) and "\ud800" not in doc.text and doc.title == "عنوان \ufffd"
    assert doc.attributions and all(0 <= a.cue.start < a.cue.end <= len(doc.text) for a in doc.attributions)
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
