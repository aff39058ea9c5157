"""Plain-text reader and document_from_text."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from rawi.errors import EmptyArticle
from rawi.readers import document_from_text, read_path
from rawi.readers.text import clean_text

FIX = Path(__file__).parent / "fixtures" / "readers"


def test_readers_text_first_line_is_title_and_text_is_title_blank_body():
    doc = document_from_text("  عنوان الخبر  \nالسطر الأول.\nالسطر الثاني.", doc_id="d1")
    assert doc.title == "عنوان الخبر"
    assert doc.text == "عنوان الخبر\n\nالسطر الأول.\nالسطر الثاني."
    assert doc.title_span.end == len("عنوان الخبر")


def test_readers_text_given_title_keeps_whole_text_as_body():
    doc = document_from_text("قال الوزير إن الاجتماع تأجل.", doc_id="d2", title="الاجتماع\nيتأجل")
    assert doc.title == "الاجتماع يتأجل"
    assert doc.text == "الاجتماع يتأجل\n\nقال الوزير إن الاجتماع تأجل."


def test_readers_text_title_alone_when_no_body():
    assert document_from_text("عنوان وحيد\n\n\n", doc_id="d3").text == "عنوان وحيد"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", "\ufeff"])
def test_readers_text_empty_raises_empty_article(text):
    with pytest.raises(EmptyArticle):
        document_from_text(text, doc_id="e", source_path="x.txt")


def test_readers_text_clean_normalises_lines_but_keeps_characters():
    raw = "سطر أول  \r\nسطر\u00a0ثانٍ\t\r\n\r\n\r\n\r\nسطرٌ ثالث «مقتبس»\rأخير"
    assert clean_text(raw) == "سطر أول\nسطر\u00a0ثانٍ\n\nسطرٌ ثالث «مقتبس»\nأخير"


def test_readers_text_fields_and_meta_are_routed():
    when = datetime(2024, 1, 2, 3, 4, tzinfo=timezone.utc)
    doc = document_from_text("عنوان\nنص.", doc_id="m", published=when, url="https://e.x/1",
                             outlet="منفذ", category="سياسة", abstract="ملخص", reporter="سلمى")
    assert (doc.published, doc.url, doc.outlet, doc.category, doc.abstract) == (
        when, "https://e.x/1", "منفذ", "سياسة", "ملخص")
    assert doc.meta == {"reporter": "سلمى"}


def test_readers_text_comment_form_tail_removed_and_recorded():
    doc = read_path(FIX / "comment_tail.txt")[0]
    assert doc.id == "comment_tail" and doc.input_format == "text" and doc.encoding == "utf-8"
    assert "أضف تعليقاً" not in doc.text
    assert "لن يتم نشر" not in doc.text
    assert "شارك على فيسبوك" not in doc.text
    # the paragraph that merely mentions Facebook and Twitter stays
    assert "على صفحتها في فيسبوك وحسابها على تويتر" in doc.text
    reasons = [(r.text, r.reason) for r in doc.boilerplate]
    assert ("أضف تعليقاً", "comment form") in reasons
    assert ("شارك على فيسبوك", "share prompt") in reasons and ("تويتر", "share prompt") in reasons
    assert len(doc.boilerplate) == 4
    assert doc.text.endswith("تدريجيا.")
    assert "\n\n\n" not in doc.text and "   \n" not in doc.text


def test_readers_text_sidecar_metadata_applies():
    doc = read_path(FIX / "dated.txt")[0]
    assert doc.id == "budget-2024"
    assert doc.published == datetime.fromisoformat("2024-02-14T03:10:00+03:00")
    assert doc.outlet == "صحيفة النهار" and doc.url == "https://example.org/budget"
    assert doc.meta["reporter"] == "سلمى"


def test_readers_text_bad_sidecar_names_the_sidecar(tmp_path):
    from rawi.errors import BadRecord

    (tmp_path / "a.txt").write_text("عنوان\nنص.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(BadRecord, match="a.meta.json"):
        read_path(tmp_path / "a.txt")


_LINE = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإىة،.:\"«»0123456789")), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=8))
def test_readers_text_property_kept_lines_survive_exactly(lines):
    text = "\n".join(lines)
    if not text.strip():
        return
    doc = document_from_text(text, doc_id="p")
    assert doc.text.startswith(doc.title)
    removed = {r.text for r in doc.boilerplate}
    body_lines = [ln.rstrip() for ln in text.split("\n")]
    for line in body_lines:
        if line.strip() and line.strip() not in removed:
            assert line.strip() in doc.text
