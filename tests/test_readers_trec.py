"""TREC-style XML reader (ANT corpus layout)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rawi.errors import BadXML
from rawi.readers import iter_read_path, read_bytes, read_path
from rawi.readers.trec import unescape

FIX = Path(__file__).parent / "fixtures" / "readers"


def test_readers_trec_two_docs_with_raw_ampersand_and_less_than():
    docs = read_path(FIX / "two_docs.xml")
    assert [d.id for d in docs] == ["XX-economy-1-20240310", "XX-economy-2-20240311"]
    first, second = docs
    assert first.title == "شركة الاتصالات & شركاؤها يعلنون نتائج الربع الأول"
    assert "أعلنت شركة الاتصالات & شركاؤها" in first.text
    assert "كانت < 15 في المئة" in first.text
    assert "3 مليارات & 200 مليون" in first.text  # &amp; unescaped
    assert "إن القرار" in second.text  # &#1575; is the alef
    assert first.text.startswith(first.title + "\n\n")
    assert first.outlet == "example" and first.category == "economy"
    assert first.url == "https://example.net/economy/1"
    assert first.abstract == "أعلنت شركة الاتصالات نتائجها المالية للربع الأول."
    assert "نتائجها المالية" not in first.text  # the abstract is metadata, not body
    assert second.abstract is None
    assert first.meta["author"] == "محرر الاقتصاد" and "author" not in second.meta
    assert first.published == datetime.fromisoformat("2024-03-10T08:15:00+00:00")
    assert second.published.utcoffset() == timedelta(hours=3)
    assert first.input_format == "trec" and first.encoding == "utf-8"


def test_readers_trec_detected_by_content_in_a_txt_file():
    doc = read_path(FIX / "ant_style.txt")[0]
    assert doc.input_format == "trec" and doc.id == "XX-sport-7-20240402"
    assert doc.title == "المدرب: سنعود أقوى في المباراة المقبلة"
    assert [r.reason for r in doc.boilerplate] == ["app promotion"]
    assert "تطبيق" not in doc.text


def test_readers_trec_without_doc_is_bad_xml_naming_the_file():
    with pytest.raises(BadXML, match="no_doc.xml"):
        read_path(FIX / "no_doc.xml")


def test_readers_trec_entity_bomb_is_not_expanded():
    start = time.perf_counter()
    doc = read_path(FIX / "bomb.xml")[0]
    assert time.perf_counter() - start < 2
    assert "&lol9;" in doc.text and "lollol" not in doc.text
    assert len(doc.text) < 200


def test_readers_trec_record_without_text_or_title_is_reported_and_others_kept():
    data = ("<DOC><DOCNO>a-1</DOCNO><TITLE>عنوان</TITLE><TEXT>نص الخبر.</TEXT></DOC>\n"
            "<DOC><DOCNO>a-2</DOCNO><URL>https://e.x</URL></DOC>\n").encode()
    docs = read_bytes(data, "pair.xml")
    assert [d.id for d in docs] == ["a-1"]


def test_readers_trec_iter_yields_error_for_bad_record(tmp_path):
    path = tmp_path / "pair.xml"
    path.write_text("<DOC><DOCNO>a-1</DOCNO><TEXT>\nعنوان\nنص.\n</TEXT></DOC><DOC><DOCNO>x</DOCNO></DOC>",
                    encoding="utf-8")
    items = list(iter_read_path(path))
    assert items[0].title == "عنوان"  # no TITLE: first line of TEXT
    assert isinstance(items[1], BadXML) and "record 2" in str(items[1])


def test_readers_trec_unclosed_text_and_doc_still_read():
    docs = read_bytes("<DOC>\n<DOCNO>t-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\nنص مبتور".encode(), "cut.xml")
    assert docs[0].text == "عنوان\n\nنص مبتور"


def test_readers_trec_bad_time_keeps_document_and_notes_error():
    doc = read_bytes("<DOC><DOCNO>t</DOCNO><TITLE>ع</TITLE><TIME>قريبا</TIME><TEXT>نص.</TEXT></DOC>".encode(), "t.xml")[0]
    assert doc.published is None and "unrecognised timestamp" in doc.meta["published_error"]


@pytest.mark.parametrize("raw,expected", [
    ("a &amp; b", "a & b"), ("&lt;x&gt;", "<x>"), ("&#1604;&#x627;", "لا"),
    ("AT&T", "AT&T"), ("&copy; &nbsp;", "&copy; &nbsp;"), ("<![CDATA[&amp;]]>", "&amp;"),
])
def test_readers_trec_unescape_only_xml_entities(raw, expected):
    assert unescape(raw) == expected
