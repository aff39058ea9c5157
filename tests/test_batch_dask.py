"""rawi batch on a Dask LocalCluster (2 workers): the same analysis as ingest, models loaded
once per worker, broken input in the errors partition, re-runs skip finished partitions."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

import pyarrow.parquet as pq  # noqa: E402

from rawi.batch import BatchOptions, iter_batch_documents, load_batch, run_batch  # noqa: E402
from rawi.batch.worker import paths_for  # noqa: E402
from rawi.pipeline import analyze_document  # noqa: E402
from rawi.readers import iter_input_paths, iter_read_path  # noqa: E402
from rawi.store import open_store  # noqa: E402
from rawi.store.ingest import IngestOptions, ingest  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"
OPTS = BatchOptions(engine="dask", workers=2, partition_size=4, pipeline_version="test-batch")
ANALYSIS = ("sentences", "entities", "dates", "numbers", "attributions", "boilerplate_removed")


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("batch") / "out"
    report = run_batch([str(DEMO)], out, OPTS)
    return out, report


def test_batch_dask_same_analysis_as_analyze_document(batch_out):
    out, report = batch_out
    assert report.failed == 0 and report.done == report.partitions
    got = {d.id: d.to_dict() for d in iter_batch_documents(str(out))}
    expected = {}
    for path in iter_input_paths([str(DEMO)]):
        try:
            for doc in iter_read_path(path):
                if not isinstance(doc, Exception):
                    expected[doc.id] = analyze_document(doc).evolve(tokens=()).to_dict()
        except Exception:  # the broken file: its good record is read, the bad one is an error
            continue
    assert set(got) == set(expected) and len(got) == report.documents
    for doc_id, exp in expected.items():
        for key in ANALYSIS:
            assert got[doc_id][key] == exp[key], f"{doc_id}: {key} differ"
        assert got[doc_id] == exp


def test_batch_dask_loads_models_once_per_worker(batch_out):
    _, report = batch_out
    summaries = report.summaries
    assert len(summaries) == report.partitions > OPTS.workers
    pids = {s["pid"] for s in summaries}
    assert len(pids) <= OPTS.workers
    cold = [s["pid"] for s in summaries if not s["pipeline_was_loaded"]]
    assert len(cold) == len(set(cold)) <= OPTS.workers  # at most one cold start per process


def test_batch_dask_errors_partition_records_broken_input(batch_out):
    out, report = batch_out
    errors = pq.read_table(out / "errors").to_pylist()
    assert report.errors == len(errors) >= 1
    bad = [e for e in errors if e["path"].endswith("bad.jsonl")]
    assert bad and bad[0]["code"] == "E006" and "line 2" in bad[0]["message"]
    assert bad[0]["kind"] == "read" and bad[0]["partition"].startswith("part-")


def test_batch_dask_rerun_skips_finished_partitions(batch_out):
    out, report = batch_out
    again = run_batch([str(DEMO)], out, OPTS)
    assert again.skipped == again.partitions == report.partitions and again.done == 0
    victim = report.summaries[0]["partition"]
    paths_for(out, victim)["marker"].unlink()
    before = {n: paths_for(out, s["partition"])["documents"].stat().st_mtime_ns
              for n, s in enumerate(report.summaries)}
    third = run_batch([str(DEMO)], out, BatchOptions(engine="local", partition_size=4,
                                                     pipeline_version="test-batch"))
    assert third.done == 1 and third.skipped == report.partitions - 1
    assert [s["partition"] for s in third.summaries] == [victim]
    after = {n: paths_for(out, s["partition"])["documents"].stat().st_mtime_ns
             for n, s in enumerate(report.summaries)}
    assert [n for n in before if before[n] != after[n]] == [0]


def test_batch_dask_load_batch_matches_ingest(batch_out, tmp_path):
    out, _ = batch_out
    with open_store(tmp_path / "batch.db") as b, open_store(tmp_path / "ingest.db") as i:
        rep = load_batch(out, b)
        ingest([str(DEMO)], i, IngestOptions(jobs=1, progress=False))
        assert rep.loaded == rep.partitions
        assert sorted(b.doc_ids()) == sorted(i.doc_ids())
        for doc_id in i.doc_ids():
            db, di = b.get_document(doc_id).to_dict(), i.get_document(doc_id).to_dict()
            for key in ("attributions", "entities", "dates", "numbers", "sentences"):
                assert db[key] == di[key], f"{doc_id}: {key} differ"
        assert {(e.code, e.doc_id) for e in b.errors()} == {(e.code, e.doc_id) for e in i.errors()}
        assert b.stats() == i.stats()
        again = load_batch(out, b)
        assert again.loaded == 0 and again.skipped == again.partitions
