"""Regression (found by benchmarks/fuzz_all.py, target read_html): a 690 KB page of unclosed
block tags made htmldate's extensive date search and trafilatura's readability fallback
quadratic (over 15 s for one page); large pages now use the markup-only date search and
skip the fallback."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

from rawi.readers import ReaderOptions, read_bytes
from rawi.readers.html import EXTENSIVE_DATE_MAX_CHARS

PAGE = Path(__file__).parent / "fuzz" / "corpus" / "html-slow-date-search.html.gz"


def test_readers_regression_html_slow_dates_large_unclosed_page() -> None:
    data = gzip.decompress(PAGE.read_bytes())
    assert len(data) > EXTENSIVE_DATE_MAX_CHARS
    read_bytes(b"<html><body><p>warm</p></body></html>", "w.html", ReaderOptions(input_format="html"))
    t0 = time.monotonic()
    docs = read_bytes(data, "page.html", ReaderOptions(input_format="html"))
    assert time.monotonic() - t0 < 6.0
    assert docs and docs[0].text


def test_readers_regression_html_slow_dates_small_page_keeps_text_date() -> None:
    page = ("<html><head><title>عنوان الخبر</title></head><body><article><h1>عنوان الخبر</h1>"
            "<p>نشر في 2024-05-05</p><p>" + "قال الوزير إن الاجتماع انتهى دون اتفاق. " * 20 + "</p>"
            "</article></body></html>")
    doc = read_bytes(page.encode(), "p.html", ReaderOptions(input_format="html"))[0]
    assert doc.published is not None and doc.published.date().isoformat() == "2024-05-05"
