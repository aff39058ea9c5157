"""HTML reader: trafilatura main text with boilerplate removed, and the lxml fallback."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from rawi.errors import EmptyArticle
from rawi.readers import read_bytes, read_path
from rawi.readers import html as html_reader

FIX = Path(__file__).parent / "fixtures" / "readers"
NAV_WORDS = ("الرئيسية", "الأكثر قراءة", "منتخب الوادي", "ملفات تعريف الارتباط", "جميع الحقوق", "تابعونا",
             "شارك على فيسبوك", "tracking", "color")


def _check_article(doc):
    assert doc.title == "وزير المالية يعلن خطة لخفض العجز"
    assert doc.text.startswith(doc.title + "\n\nأعلن وزير المالية خالد المنصوري")
    assert doc.text.count(doc.title) == 1
    assert 'نفى النائب سامي الحداد أن تكون الخطة قابلة للتطبيق' in doc.text
    assert "مجلس الوزراء سيناقش الخطة الأسبوع المقبل." in doc.text
    for word in NAV_WORDS:
        assert word not in doc.text, word


def test_readers_html_main_text_metadata_and_boilerplate():
    doc = read_path(FIX / "article.html")[0]
    _check_article(doc)
    assert doc.input_format == "html" and doc.id == "article"
    assert doc.url == "https://alwadi.example/news/2024/03/deficit-plan"
    assert doc.outlet == "صحيفة الوادي"
    assert doc.published == datetime.fromisoformat("2024-03-05T09:30:00+03:00")
    assert "اقرأ أيضاً" not in doc.text and "البنك المركزي يثبت" not in doc.text
    assert {r.reason for r in doc.boilerplate} == {"read more", "read more (link)"}


def test_readers_html_lxml_fallback_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_reader, "_trafilatura", lambda html, url: None)
    doc = read_path(FIX / "article.html")[0]
    _check_article(doc)
    assert "لا تظهر" not in doc.text  # script content is dropped


def test_readers_html_detected_by_content_and_page_without_text_is_empty():
    page = "<!doctype html><html><head><title>ع</title></head><body><p>خبر قصير عن الطقس.</p></body></html>"
    doc = read_bytes(page.encode(), "page.txt")[0]
    assert doc.input_format == "html" and "خبر قصير عن الطقس." in doc.text
    with pytest.raises(EmptyArticle, match="empty.html"):
        read_bytes(b"<html><body><script>x()</script></body></html>", "empty.html")


def test_readers_html_xhtml_with_xml_declaration_and_title_suffix(monkeypatch):
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            "<title>الأمطار تغمر شوارع المدينة | موقع المطر</title></head><body>"
            "<p>غمرت الأمطار الغزيرة شوارع المدينة صباح اليوم، وقال الدفاع المدني إنه تلقى عشرات البلاغات.</p>"
            "</body></html>")
    monkeypatch.setattr(html_reader, "_trafilatura", lambda html, url: None)
    doc = read_bytes(page.encode(), "rain.xhtml")[0]
    assert doc.title == "الأمطار تغمر شوارع المدينة"
    assert "تلقى عشرات البلاغات" in doc.text
