"""rawi batch inputs (local engine): WARC pages, JSON Lines split across partitions, gzip,
Parquet columns; errors are recorded, never dropped; load-batch and the click commands."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (rawi batch needs it)")
import pyarrow.parquet as pq  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from rawi.batch import BatchOptions, iter_batch_documents, load_batch, plan_partitions, run_batch  # noqa: E402
from rawi.batch.worker import is_finished, paths_for  # noqa: E402
from rawi.cli.batch import batch as batch_cmd  # noqa: E402
from rawi.cli.batch import load_batch as load_batch_cmd  # noqa: E402
from rawi.model import Document  # noqa: E402
from rawi.readers import read_path  # noqa: E402
from rawi.store import open_store  # noqa: E402

LOCAL = BatchOptions(engine="local", partition_size=2, pipeline_version="test-inputs")

PAGE = """<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>{title} | موقع الوادي</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-03-14T08:00:00+00:00"></head>
<body><nav>الرئيسية | اقتصاد | رياضة</nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>وأضاف المتحدث أن اللجنة ستعقد اجتماعها المقبل الأسبوع القادم لمتابعة الملف مع الجهات المعنية في المحافظة.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""

ARTICLES = [
    ("وزير الزراعة يعلن خطة لدعم المزارعين",
     "قال وزير الزراعة سالم الخطيب، أمس الجمعة، إن الحكومة ستخصص مئة مليون دينار لدعم المزارعين المتضررين من الجفاف."),
    ("نقابة الأطباء تنفي إلغاء الإضراب",
     "نفت نقابة الأطباء في بيان الأنباء التي تحدثت عن إلغاء الإضراب، مؤكدة أن الإضراب سيبدأ صباح الأحد."),
]


def _identity(doc: Document) -> Document:
    return doc


def _fail_on_strike(doc: Document) -> Document:
    if "الإضراب" in doc.text:
        raise RuntimeError("boom")
    return doc


def make_warc(path: Path) -> list[str]:
    pytest.importorskip("warcio", reason="warcio is not installed (WARC input needs it)")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    uris = []
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for n, (title, body) in enumerate(ARTICLES):
            uri = f"https://wadi-news.example/ar/2026/03/14/story-{n}.html"
            uris.append(uri)
            w.write_record(w.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            html = PAGE.format(title=title, body=body).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(html), http_headers=headers))
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://wadi-news.example/logo.png", "response",
                                            payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=png))
        missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://wadi-news.example/gone.html", "response",
                                            payload=io.BytesIO(b"<html>not here</html>"), http_headers=missing))
    return uris


def test_batch_warc_html_pages_end_to_end(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    uris = make_warc(warc)
    report = run_batch([str(warc)], tmp_path / "out", BatchOptions(engine="local", partition_size=1,
                                                                   pipeline_version="t"))
    assert report.partitions == 2 and report.errors == 0
    docs = list(iter_batch_documents(str(tmp_path / "out")))
    assert [d.url for d in docs] == uris
    assert [d.title for d in docs] == [t for t, _ in ARTICLES]
    for doc, (_, body) in zip(docs, ARTICLES):
        assert body in doc.text and "جميع الحقوق" not in doc.text
        assert doc.input_format == "warc" and doc.source_path.startswith(str(warc) + "#")
        assert doc.attributions, f"no attribution found in {doc.title}"
    assert docs[1].attributions[0].stance == "deny"
    assert len({d.id for d in docs}) == 2


def test_batch_jsonl_split_keeps_reader_ids(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"title": t, "text": b, "outlet": "الوادي"}, ensure_ascii=False) for t, b in ARTICLES * 3]
    feed.write_text("\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    parts = plan_partitions([str(feed)], 2)
    assert len(parts) == 3 and [u.kind for p in parts for u in p.units] == ["lines"] * 3
    run_batch([str(feed)], tmp_path / "out", BatchOptions(engine="local", partition_size=2,
                                                          pipeline_version="t", analyze=_identity))
    got = [(d.id, d.text, d.meta.get("line")) for d in iter_batch_documents(str(tmp_path / "out"))]
    want = [(d.id, d.text, d.meta.get("line")) for d in read_path(feed)]
    assert got == want and len(got) == 6


def test_batch_gzip_and_parquet_inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    title, body = ARTICLES[0]
    with gzip.open(src / "one.txt.gz", "wt", encoding="utf-8") as f:
        f.write(f"{title}\n\n{body}\n")
    with gzip.open(src / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "title": ARTICLES[1][0], "text": ARTICLES[1][1]}, ensure_ascii=False) + "\n")
    table = pa.table({"id": ["p1", None, "p3"], "title": [t for t, _ in ARTICLES] + ["خبر ثالث"],
                      "text": [b for _, b in ARTICLES] + ["نص الخبر الثالث عن الطقس."],
                      "published": ["2026-03-14T10:00:00+03:00", None, "2026-03-15"]})
    pq.write_table(table, src / "rows.parquet", row_group_size=2)
    run_batch([str(src)], tmp_path / "out", BatchOptions(engine="local", partition_size=2,
                                                         pipeline_version="t", analyze=_identity))
    docs = {d.id: d for d in iter_batch_documents(str(tmp_path / "out"))}
    assert set(docs) == {"one", "g1", "p1", "rows-2", "p3"}  # a .gz file keeps its inner stem
    one = docs["one"]
    assert one.title == title and one.source_path.endswith("one.txt.gz")
    assert docs["g1"].title == ARTICLES[1][0] and docs["g1"].source_path.endswith("feed.jsonl.gz")
    assert docs["p1"].published.isoformat() == "2026-03-14T10:00:00+03:00"
    assert docs["p1"].input_format == "parquet" and docs["rows-2"].meta["row"] == 2
    assert docs["p3"].published is not None


def test_batch_errors_recorded_never_dropped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad.jsonl").write_text('{"id": "ok1", "title": "خبر", "text": "نص سليم."}\n{"id": "x", "text": "مقطوع\n',
                                   encoding="utf-8")
    (src / "broken.txt.gz").write_bytes(b"\x1f\x8bnot really gzip")
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    title, body = ARTICLES[1]
    (src / "strike.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "out"
    report = run_batch([str(src)], out, BatchOptions(engine="local", partition_size=10,
                                                     pipeline_version="t", analyze=_fail_on_strike))
    errors = pq.read_table(out / "errors").to_pylist()
    by_path = {Path(e["path"]).name: e for e in errors}
    assert report.errors == len(errors) == 4
    assert by_path["bad.jsonl"]["code"] == "E006" and by_path["bad.jsonl"]["kind"] == "read"
    assert by_path["broken.txt.gz"]["code"] == "E001"
    assert by_path["empty.txt"]["code"] == "E004"
    strike = by_path["strike.txt"]
    assert strike["kind"] == "analysis" and strike["doc_id"] == "strike" and "boom" in strike["message"]
    docs = {d.id for d in iter_batch_documents(str(out))}
    assert docs == {"ok1", "strike"}  # the article that failed analysis keeps its text
    with open_store(tmp_path / "s.db") as store:
        load_batch(out, store)
        assert {(Path(e.path).name, e.code) for e in store.errors()} == {
            ("bad.jsonl", "E006"), ("broken.txt.gz", "E001"), ("empty.txt", "E004"), ("strike.txt", "E010")}
        assert store.document_info("strike")["analysed_with"] is None
        assert store.document_info("ok1")["analysed_with"] == "t"


def test_batch_truncated_jsonl_gz_keeps_lines_before_the_break(tmp_path):
    """Found by benchmarks/fuzz_all.py: a .jsonl.gz cut short made planning raise a bare
    EOFError ("Aborted!"). Now the lines before the break are analysed and the break is
    recorded as the file's error (E001)."""
    src = tmp_path / "in"
    src.mkdir()
    lines = "".join(json.dumps({"id": f"t{i}", "title": ARTICLES[i % 2][0], "text": ARTICLES[i % 2][1] * 3},
                               ensure_ascii=False) + "\n" for i in range(60))
    data = gzip.compress(lines.encode("utf-8"))
    (src / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    out = tmp_path / "out"
    report = run_batch([str(src)], out, BatchOptions(engine="local", partition_size=25,
                                                     pipeline_version="t", analyze=_identity))
    errors = pq.read_table(out / "errors").to_pylist()
    assert report.errors == len(errors) == 1 and errors[0]["code"] == "E001"
    assert "damaged gzip" in errors[0]["message"] and errors[0]["path"].endswith("cut.jsonl.gz")
    ids = [d.id for d in iter_batch_documents(str(out))]
    assert 0 < len(ids) < 60 and ids == [f"t{i}" for i in range(len(ids))]  # a prefix, nothing invented


def test_batch_jsonl_gz_is_one_unit_read_once(tmp_path):
    """Found by benchmarks/fuzz_all.py (batch_gzip, a 7.5 KB gzip of 31,000 short lines took
    over 100 s): each unit of a split .jsonl.gz decompressed the file from its start again.
    A .jsonl.gz is now one unit, so it is read once."""
    from rawi.batch.plan import units_of

    lines = "".join(json.dumps({"id": f"z{i}", "text": "نص قصير."}, ensure_ascii=False) + "\n" for i in range(400))
    path = tmp_path / "many.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode("utf-8")))
    units = list(units_of(str(path), 50))
    assert len(units) == 1 and units[0].weight == 400 and units[0].start == 1
    plain = tmp_path / "many.jsonl"
    plain.write_text(lines, encoding="utf-8")
    assert len(list(units_of(str(plain), 50))) == 8  # a plain file still splits (it can seek)


def test_batch_failed_partition_gets_errors_and_is_retried(tmp_path, monkeypatch):
    import rawi.batch.run as run_mod

    src = tmp_path / "a.txt"
    src.write_text("عنوان\n\nنص قصير.\n", encoding="utf-8")

    def explode(task):  # noqa: ANN001, ANN202
        raise MemoryError("worker ran out of memory")

    monkeypatch.setattr(run_mod, "run_partition", explode)
    report = run_batch([str(src)], tmp_path / "out", LOCAL)
    assert report.failed == 1 and report.done == 0
    name = report.summaries[0]["partition"]
    errs = pq.read_table(paths_for(tmp_path / "out", name)["errors"]).to_pylist()
    assert errs[0]["kind"] == "partition" and "MemoryError" in errs[0]["message"]
    assert not is_finished(tmp_path / "out", name)
    monkeypatch.undo()
    again = run_batch([str(src)], tmp_path / "out", BatchOptions(engine="local", pipeline_version="t2",
                                                                 analyze=_identity))
    assert again.done == 1 and again.errors == 0


def test_batch_cli_commands(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n, (title, body) in enumerate(ARTICLES):
        (src / f"a{n}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    out, db = tmp_path / "out", tmp_path / "s.db"
    runner = CliRunner()
    res = runner.invoke(batch_cmd, [str(src), str(out), "--engine", "local", "--partition-size", "1",
                                    "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.splitlines()[-1])["documents"] == 2
    res = runner.invoke(batch_cmd, [str(src), str(out), "--engine", "local", "--partition-size", "1"])
    assert res.exit_code == 0 and "2 already finished" in res.output
    res = runner.invoke(load_batch_cmd, [str(out), "--db", str(db)])
    assert res.exit_code == 0 and "2 partitions loaded" in res.output and "2 stored" in res.output
    res = runner.invoke(load_batch_cmd, [str(out), "--db", str(db)])
    assert "0 partitions loaded, 2 already loaded" in res.output
    res = runner.invoke(load_batch_cmd, [str(tmp_path / "nothing"), "--db", str(db)])
    assert res.exit_code != 0 and "manifest.json" in res.output
    res = runner.invoke(batch_cmd, [str(tmp_path / "missing"), str(out), "--engine", "local"])
    assert res.exit_code != 0 and "no such file" in res.output


def test_batch_new_plan_removes_stale_partitions(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n, (title, body) in enumerate(ARTICLES * 2):
        (src / f"a{n}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "out"
    opts = BatchOptions(engine="local", partition_size=1, pipeline_version="t", analyze=_identity)
    assert run_batch([str(src)], out, opts).partitions == 4
    rep = run_batch([str(src)], out, BatchOptions(engine="local", partition_size=2,
                                                  pipeline_version="t", analyze=_identity))
    assert rep.partitions == 2 and rep.skipped == 0
    assert len(list((out / "documents").glob("*.parquet"))) == 2
    assert len(list((out / "_done").glob("*.json"))) == 2
    assert pq.read_table(out / "documents").num_rows == 4
