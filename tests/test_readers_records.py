"""JSON Lines and CSV readers: field mapping and per-record errors."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from rawi.errors import BadRecord, RawiError
from rawi.readers import ReaderOptions, iter_read_path, read_bytes, read_path

FIX = Path(__file__).parent / "fixtures" / "readers"
CSV_OPTIONS = ReaderOptions(csv_delimiter=";", text_field="body", title_field="headline", id_field="key",
                            published_field="date", outlet_field="source", url_field="link")


def test_readers_jsonl_good_records_survive_bad_lines():
    items = list(iter_read_path(FIX / "records.jsonl"))
    docs = [i for i in items if not isinstance(i, RawiError)]
    errors = [i for i in items if isinstance(i, RawiError)]
    assert [d.id for d in docs] == ["j-1", "records-2", "j-7"]
    assert all(isinstance(e, BadRecord) for e in errors)
    messages = [str(e) for e in errors]
    assert all("records.jsonl" in m for m in messages)
    assert [m.split(": ")[1] for m in messages] == ["line 3", "line 4", "line 5"]
    assert "invalid JSON" in messages[0] and "not a JSON object" in messages[1] and "'text'" in messages[2]
    assert len(read_path(FIX / "records.jsonl")) == 3


def test_readers_jsonl_fields_are_mapped():
    first, second, third = read_path(FIX / "records.jsonl")
    assert first.title == "وزيرة الصحة: لا إصابات جديدة"
    assert first.outlet == "المرصد" and first.url == "https://example.org/a/1"
    assert first.category == "health" and first.input_format == "jsonl"
    assert first.published == datetime.fromisoformat("2024-05-02T10:00:00+02:00")
    assert second.published.tzinfo is not None  # no zone given: default UTC
    assert third.title == "الرئيس يستقبل وفدا برلمانيا"  # no title field: first line
    assert third.published is None and "published_error" in third.meta


def test_readers_jsonl_default_timezone_and_outlet_override():
    opts = ReaderOptions(default_timezone="Asia/Riyadh", outlet="مصدري")
    doc = read_bytes('{"text": "عنوان\\nنص", "published": "2024-05-02 18:30", "outlet": "x"}'.encode(), "s.jsonl", opts)[0]
    assert doc.published.utcoffset().total_seconds() == 3 * 3600
    assert doc.outlet == "مصدري" and doc.id == "s-1"


def test_readers_jsonl_all_bad_raises_first_error():
    with pytest.raises(BadRecord, match=r"bad.jsonl: line 1"):
        read_bytes(b'{"title": "x"}\n[1]\n', "bad.jsonl")


def test_readers_csv_custom_columns_and_delimiter():
    items = list(iter_read_path(FIX / "custom.csv", CSV_OPTIONS))
    docs = [i for i in items if not isinstance(i, RawiError)]
    errors = [i for i in items if isinstance(i, RawiError)]
    assert [d.id for d in docs] == ["c-1", "c-2"]
    c1, c2 = docs
    assert c1.title == "الشرطة تعتقل مشتبها به في حادث السطو"
    assert 'وقال المتحدث باسم الشرطة إن "التحقيقات ما زالت جارية".' in c1.text  # quoted multi-line field
    assert c1.outlet == "الوكالة" and c1.url == "https://example.com/c/1" and c2.url is None
    assert c1.published == datetime.fromisoformat("2024-06-01T09:00:00+00:00")
    assert c2.published.date().isoformat() == "2024-06-01"
    assert c1.meta["section"] == "أمن" and c2.meta["line"] == 4
    assert len(errors) == 1 and "custom.csv: line 5" in str(errors[0])


def test_readers_csv_missing_text_column_is_an_error():
    with pytest.raises(BadRecord, match="no 'text' column"):
        read_path(FIX / "custom.csv")


def test_readers_csv_tsv_uses_tab_and_large_fields_are_allowed():
    doc = read_path(FIX / "records.tsv")[0]
    assert doc.id == "post-1" and doc.title == "عنوان من ملف TSV" and doc.input_format == "csv"
    big = "نص " * 100_000
    docs = read_bytes(f"title,text\nعنوان,{big}\n".encode(), "big.csv")
    assert len(docs[0].text) > 200_000


def test_readers_jsonl_whole_json_array_file():
    data = ('[\n  {"id": "a", "text": "عنوان أول\\nنص أول."},\n  {"id": "b", "text": "عنوان ثان\\nنص ثان."},\n'
            '  "ليس كائنا"\n]\n').encode()
    assert [d.id for d in read_bytes(data, "arr.json")] == ["a", "b"]


def test_readers_jsonl_fields_named_like_analysis_results_go_to_meta():
    doc = read_bytes('{"text": "عنوان\\nنص", "entities": [1], "dates": "x", "language": "ar"}'.encode(), "m.jsonl")[0]
    assert doc.entities == () and doc.dates == () and doc.meta["entities"] == [1] and doc.language == "ar"
