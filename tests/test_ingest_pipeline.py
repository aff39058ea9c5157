"""The ingest pipeline end to end: files in, analysed documents stored, incremental re-runs."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from test_store_fixtures import backend, fresh_store, store  # noqa: F401

from rawi.errors import StageError
from rawi.model import Attribution, Sentence, Span
from rawi.store import ClaimFilter, SearchQuery
from rawi.store.ingest import IngestOptions, ingest

WORDS = ("الحكومة المجلس الوزراء الاقتصاد النفط الأسعار السوق المدينة الشرطة الجيش الحدود "
         "المفاوضات الاتفاق البرلمان الانتخابات الرئيس الوزير المعارضة الأزمة المساعدات "
         "اللاجئين المستشفى المدارس الطلاب المياه الكهرباء الطرق المطار الميناء الشركة "
         "المصرف العملة الضرائب الزراعة القمح الصادرات الواردات الاستثمار المشروع الخطة").split()
SPEAKERS = ("أحمد الخطيب", "سمير عبد الله", "ليلى منصور", "وزير المالية")
_QUOTE = re.compile(r"(وقال|وأكد|ونفى) ([^ ]+ [^ ]+) إن ([^.]+)\.")


def article(i: int, seed: int = 0) -> tuple[str, str]:
    """A made-up article ``(title, body)``: random news words around two quotes."""
    rnd = random.Random(i * 7919 + seed)
    filler = lambda n: " ".join(rnd.choice(WORDS) for _ in range(n))  # noqa: E731
    speaker = SPEAKERS[i % len(SPEAKERS)]
    cue = ("وقال", "وأكد", "ونفى")[i % 3]
    title = f"{filler(5)} رقم {i}"
    body = (f"{filler(30)}.\n{cue} {speaker} إن {filler(12)}.\n{filler(25)}.\n"
            f"وقال {SPEAKERS[(i + 1) % len(SPEAKERS)]} إن {filler(10)}.")
    return title, body


def trec(doc_id: str, title: str, body: str, outlet: str = "BBC",
         time: str = "Mon, 26 Feb 2018 02:20:10 GMT") -> str:
    return (f"<DOC>\n<DOCNO>{doc_id}</DOCNO>\n<URL>https://example.org/{doc_id}</URL>\n"
            f"<SRC>{outlet}</SRC>\n<CAT>middleEast</CAT>\n<TITLE>{title}</TITLE>\n"
            f"<TIME>{time}</TIME>\n<AUTHOR></AUTHOR>\n<ABSTRACT>\nملخص\n</ABSTRACT>\n"
            f"<TEXT>\n{body}\n</TEXT>\n</DOC>\n")


def write_corpus(root: Path, n: int, seed: int = 0) -> list[Path]:
    paths = []
    for i in range(n):
        sub = root / ("BBC" if i % 2 else "CNN")
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"doc-{i:04d}.txt"
        p.write_text(trec(f"T-{i:04d}", *article(i, seed), outlet=sub.name), encoding="utf-8")
        paths.append(p)
    return paths


def fake_analyze(doc):
    """Sentences at line ends and one attribution per "وقال X Y إن …" (deterministic)."""
    if "انهيار" in doc.text:
        raise StageError(doc.source_path, "stage attribution failed: test failure")
    sents, pos = [], 0
    for line in doc.text.split("\n"):
        if line.strip():
            sents.append(Sentence(pos, pos + len(line)))
        pos += len(line) + 1
    attrs = []
    for m in _QUOTE.finditer(doc.text):
        stance = "deny" if m.group(1) == "ونفى" else "assert"
        attrs.append(Attribution(cue=Span(m.start(1), m.end(1), "cue"),
                                 content=Span(m.start(3), m.end(3), "content"),
                                 source=Span(m.start(2), m.end(2), "source"),
                                 source_resolved=m.group(2), source_type="person", stance=stance))
    return doc.evolve(sentences=tuple(sents), attributions=tuple(attrs))


fake_analyze.version = "fake-1"


def fake_analyze_v2(doc):
    return fake_analyze(doc)


fake_analyze_v2.version = "fake-2"


def opts(**kw) -> IngestOptions:
    base = dict(jobs=1, analyze=fake_analyze, progress=False, batch_size=7)
    base.update(kw)
    return IngestOptions(**base)


def dump(st) -> dict:
    """Everything a store holds about its documents, without run ids and timestamps."""
    out = {}
    for doc_id in st.doc_ids():
        info = st.document_info(doc_id)
        info.pop("run_id")
        out[doc_id] = (st.get_document(doc_id).to_dict(), info)
    out["errors"] = sorted((Path(e.path).name if e.path else None, e.doc_id, e.code)
                           for e in st.errors())
    return out


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_pipeline_stores_everything_and_rerun_adds_nothing(store, tmp_path, jobs):
    write_corpus(tmp_path / "in", 24)
    r1 = ingest([str(tmp_path / "in")], store, opts(jobs=jobs))
    assert r1.status == "done" and r1.counts.files_seen == 24 and r1.counts.docs_stored == 24
    assert r1.counts.errors == 0 and r1.counts.docs_near_duplicate == 0
    s = store.stats()
    assert s["documents"] == 24 and s["attributions"] >= 24 and s["unanalysed"] == 0
    before = dump(store)
    r2 = ingest([str(tmp_path / "in")], store, opts(jobs=jobs))
    assert r2.counts.files_skipped == 24 and r2.counts.docs_stored == 0
    assert dump(store) == before
    # touched files are read again, but their documents are recognised by hash
    for p in (tmp_path / "in").rglob("*.txt"):
        p.touch()
    r3 = ingest([str(tmp_path / "in")], store, opts(jobs=jobs))
    assert r3.counts.files_skipped == 0 and r3.counts.docs_unchanged == 24
    assert r3.counts.docs_stored == 0 and dump(store) == before


def test_ingest_pipeline_parallel_equals_serial(tmp_path):
    write_corpus(tmp_path / "in", 20)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = fresh_store("sqlite", tmp_path / "a")
    b = fresh_store("sqlite", tmp_path / "b")
    ingest([str(tmp_path / "in")], a, opts(jobs=1))
    ingest([str(tmp_path / "in")], b, opts(jobs=2, batch_size=3))
    assert dump(a) == dump(b)


def test_ingest_pipeline_broken_files_recorded_and_run_continues(store, tmp_path):
    write_corpus(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "broken.xml").write_text("<DOC><DOCNO>x</DOCNO><TEXT>", encoding="utf-8")
    (tmp_path / "in" / "latin1.html").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x00\xff")
    crash_title, crash_body = article(99)
    (tmp_path / "in" / "crash.txt").write_text(
        trec("T-CRASH", crash_title, crash_body + "\nانهيار"), encoding="utf-8")
    r = ingest([str(tmp_path / "in"), str(tmp_path / "missing-dir")], store, opts())
    assert r.status == "done"
    errs = {(Path(e.path).name, e.code) for e in store.errors(r.run_id)}
    assert ("missing-dir", "E001") in errs
    assert ("empty.txt", "E004") in errs
    assert ("crash.txt", "E010") in errs
    assert any(name == "broken.xml" for name, _ in errs) or store.get_document("x") is not None
    # every input is stored or recorded as failed
    stored_paths = {Path(store.document_info(i)["source_path"]).name for i in store.doc_ids()}
    failed = {name for name, _ in errs}
    for p in (tmp_path / "in").rglob("*"):
        if p.is_file():
            assert p.name in stored_paths | failed, p.name
    # the article whose analysis failed is stored unanalysed, searchable, and re-analysable
    info = store.document_info("T-CRASH")
    assert info["analysed_with"] is None
    assert [e.doc_id for e in store.errors(r.run_id) if e.code == "E010"] == ["T-CRASH"]
    assert r.counts.docs_stored == 6


def test_ingest_pipeline_exact_and_near_duplicates(store, tmp_path):
    paths = write_corpus(tmp_path / "in", 6)
    title, body = article(2)
    (tmp_path / "in" / "zz").mkdir()  # walked after BBC/ and CNN/: the first seen is the original
    (tmp_path / "in" / "zz" / "copy.txt").write_text(trec("T-COPY", title, body, outlet="BBC")
                                              .replace("T-0002", "T-COPY"), encoding="utf-8")
    # a syndicated copy: same body with a new headline and one sentence more, another outlet
    t3, b3 = article(3)
    (tmp_path / "in" / "zz" / "synd.txt").write_text(
        trec("T-SYND", "عنوان جديد من وكالة", b3 + "\nوأضافت الوكالة أن التحقيق مستمر.",
             outlet="SkyNews"), encoding="utf-8")
    assert paths
    r = ingest([str(tmp_path / "in")], store, opts())
    assert r.counts.docs_duplicate == 1 and r.counts.docs_near_duplicate == 1
    assert store.document_info("T-COPY")["duplicate_of"] == "T-0002"
    near = store.document_info("T-SYND")
    assert near["near_duplicate_of"] == "T-0003" and near["near_duplicate_score"] >= 0.8
    # the copy has no analysis and no index row; the near-duplicate is analysed but not counted
    assert store.get_document("T-COPY").attributions == ()
    assert all(h.doc_id != "T-COPY" for h in store.search(SearchQuery(body.split()[0])))
    synd_claims = store.claims(ClaimFilter(doc_id="T-SYND", include_near_duplicates=True))
    assert synd_claims and store.claims(ClaimFilter(doc_id="T-SYND")) == []
    counted = sum(s.attributions for s in store.speakers())
    assert counted == store.stats()["attributions"] - len(synd_claims)
    # a later run still knows the originals' signatures
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "synd2.txt").write_text(
        trec("T-SYND2", "نسخة أخرى", b3, outlet="France24"), encoding="utf-8")
    r2 = ingest([str(tmp_path / "more")], store, opts())
    assert r2.counts.docs_near_duplicate == 1
    assert store.document_info("T-SYND2")["near_duplicate_of"] == "T-0003"


def test_ingest_pipeline_changed_file_replaces_document(store, tmp_path):
    write_corpus(tmp_path / "in", 3)
    ingest([str(tmp_path / "in")], store, opts())
    p = tmp_path / "in" / "CNN" / "doc-0000.txt"
    title, body = article(0)
    p.write_text(trec("T-0000", title, body + "\nوقال أحمد الخطيب إن الزلزال ضرب المدينة."),
                 encoding="utf-8")
    r = ingest([str(tmp_path / "in")], store, opts())
    assert r.counts.docs_updated == 1 and r.counts.docs_stored == 0
    assert store.stats()["documents"] == 3
    assert [h.doc_id for h in store.search(SearchQuery("الزلزال"))] == ["T-0000"]
    assert any("الزلزال" in c.content for c in store.claims(ClaimFilter(doc_id="T-0000")))


def test_ingest_pipeline_reanalyse_on_new_pipeline_version(store, tmp_path):
    write_corpus(tmp_path / "in", 8)
    ingest([str(tmp_path / "in")], store, opts())
    r = ingest([str(tmp_path / "in")], store, opts(analyze=fake_analyze_v2))
    assert r.stale == 8 and r.counts.docs_reanalysed == 0
    before = dump(store)
    r = ingest([str(tmp_path / "in")], store, opts(analyze=fake_analyze_v2, reanalyse=True))
    assert r.counts.docs_reanalysed == 8 and r.stale == 0
    assert store.stale_documents("fake-2") == []
    after = dump(store)
    before.pop("errors")
    for doc_id, (d, _info) in before.items():
        assert after[doc_id][0] == d and after[doc_id][1]["analysed_with"] == "fake-2"
