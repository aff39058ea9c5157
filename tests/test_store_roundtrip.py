"""Writing analysed documents and reading them back, on both backends."""

from __future__ import annotations

from datetime import date

from test_store_fixtures import backend, make_doc, sample_docs, store  # noqa: F401

from rawi.store import ClaimFilter, StoredDoc
from rawi.store.dedup import content_hash, signature


def put_all(st, docs, version="test-1", **extra):
    with st.transaction():
        for d in docs:
            st.put_document(StoredDoc(d, content_hash(d.text), version,
                                      minhash=signature(d.text, d.title), **extra), None)


def test_store_roundtrip_document_equals_what_was_written(store):
    docs = sample_docs()
    put_all(store, docs)
    for d in docs:
        got = store.get_document(d.id)
        assert got == d  # every record, every attribution field, every span
        assert got.to_dict() == d.to_dict()
        assert got.meta == d.meta


def test_store_roundtrip_missing_document_is_none(store):
    assert store.get_document("nope") is None
    assert store.document_info("nope") is None


def test_store_roundtrip_stats_and_views(store):
    put_all(store, sample_docs())
    s = store.stats()
    assert s["documents"] == 3 and s["originals"] == 3 and s["attributions"] == 5
    assert s["speakers"] == 3  # جون سميث (twice), مصدر عسكري, حسن روحاني (twice)
    speakers = {r.name: r for r in store.speakers()}
    assert speakers["جون سميث"].attributions == 2
    assert speakers["جون سميث"].denials == 2
    assert speakers["حسن روحاني"].documents == 1


def test_store_roundtrip_claims_filters(store):
    put_all(store, sample_docs())
    denials = store.claims(ClaimFilter(stance="deny"))
    assert {c.content for c in denials} == {"التقارير عن إرسال قوات", "هذه الأنباء عارية عن الصحة"}
    assert all(c.speaker == "جون سميث" and c.outlet == "BBC" for c in denials)
    # speaker filter folds hamza/harakat and matches a part of the name
    assert len(store.claims(ClaimFilter(speaker="روحانى"))) == 2
    assert [c.cue for c in store.claims(ClaimFilter(source_type="anonymous"))] == ["قوله"]
    assert len(store.claims(ClaimFilter(since=date(2018, 5, 1)))) == 2
    assert len(store.claims(ClaimFilter(outlet="CNN", stance="warn"))) == 1
    assert store.claims(ClaimFilter(speaker="' OR 1=1 --")) == []


def test_store_roundtrip_near_duplicates_not_counted_twice(store):
    docs = sample_docs()
    put_all(store, docs)
    copy = make_doc("AR-1-copy", docs[0].title, docs[0].text[len(docs[0].title) + 2:],
                    outlet="SkyNews", quotes=None)
    copy = copy.evolve(attributions=docs[0].attributions)
    put_all(store, [copy], near_duplicate_of="AR-1", near_duplicate_score=1.0)
    assert store.stats()["near_duplicates"] == 1
    assert {r.name: r.attributions for r in store.speakers()}["جون سميث"] == 2
    assert len(store.claims(ClaimFilter(stance="deny"))) == 2
    assert len(store.claims(ClaimFilter(stance="deny", include_near_duplicates=True))) == 4
    assert "AR-1-copy" not in store.doc_ids(include_duplicates=False)


def test_store_roundtrip_replace_analysis_and_delete(store):
    docs = sample_docs()
    put_all(store, docs)
    bare = docs[0].evolve(attributions=docs[0].attributions[:1], entities=())
    store.replace_analysis("AR-1", bare, "test-2")
    got = store.get_document("AR-1")
    assert len(got.attributions) == 1 and got.entities == ()
    assert store.document_info("AR-1")["analysed_with"] == "test-2"
    assert store.stale_documents("test-2") == ["AR-2", "AR-3"]
    store.delete_document("AR-2")
    assert store.get_document("AR-2") is None
    assert store.stats()["documents"] == 2
    assert store.doc_ids() == ["AR-1", "AR-3"]


def test_store_roundtrip_transaction_rolls_back_whole_batch(store):
    docs = sample_docs()
    try:
        with store.transaction():
            store.put_document(StoredDoc(docs[0], content_hash(docs[0].text), "v"), None)
            raise RuntimeError("crash in the middle of a batch")
    except RuntimeError:
        pass
    assert store.stats()["documents"] == 0 and store.stats()["sentences"] == 0
    put_all(store, docs)  # caches were cleared: outlet and entity ids are valid again
    assert store.get_document("AR-1") == docs[0]


def test_store_roundtrip_runs_and_errors(store):
    from rawi.store import RunCounts

    run = store.begin_run("v1", ["a/", "b.txt"])
    with store.transaction():
        store.put_error(run, "b.txt", None, "E005", "no <DOC> element")
    store.finish_run(run, RunCounts(files_seen=2, errors=1))
    (r,) = store.runs()
    assert r["status"] == "done" and r["files_seen"] == 2 and r["errors"] == 1
    (e,) = store.errors(run)
    assert (e.path, e.code, e.run_id) == ("b.txt", "E005", run)
