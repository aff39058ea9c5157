"""Fuzz every reader: random and format-shaped bytes through ``read_bytes`` and
``iter_read_bytes`` raise nothing but RawiError, finish within the time budget, and give
documents whose spans and fields are sound (see fuzz.targets.check_document)."""

from __future__ import annotations

import pytest
from fuzz.budget import time_budget
from fuzz.strategies import CI, any_bytes, format_bytes
from fuzz.targets import read_target
from hypothesis import given, settings

from rawi.errors import RawiError
from rawi.readers import ReaderOptions, read_bytes

BUDGET = 8.0  # seconds per example (HTML through trafilatura is the slowest reader)
FORMATS = ("text", "html", "trec", "jsonl", "csv")


@pytest.mark.parametrize("fmt", FORMATS)
def test_fuzz_readers_format_bytes(fmt: str) -> None:
    target = read_target(fmt)

    @settings(CI, max_examples=25 if fmt == "html" else 40)
    @given(format_bytes(fmt))
    def run(data: bytes) -> None:
        with time_budget(BUDGET):
            target(data)

    run()


def test_fuzz_readers_detect_random_bytes() -> None:
    target = read_target(None)

    @settings(CI, max_examples=40)
    @given(any_bytes)
    def run(data: bytes) -> None:
        with time_budget(BUDGET):
            target(data)

    run()


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("fmt", ["trec", "html", None])
@pytest.mark.parametrize("head", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_fuzz_readers_xml_bombs_never_expanded(fmt: str | None, head: str) -> None:
    body = ("<DOC><DOCNO>b1</DOCNO><TITLE>عنوان &lol9; &xxe;</TITLE><TEXT>قال الوزير &lol9; &xxe; "
            "&#1575; &amp;</TEXT></DOC>")
    if fmt == "html":
        body = "<html><head><title>عنوان &lol9;</title></head><body><p>قال الوزير &lol9; &xxe; نصاً طويلاً.</p></body></html>"
    data = (head + body).encode("utf-8")
    with time_budget(BUDGET):
        try:
            docs = read_bytes(data, "bomb.xml" if fmt != "html" else "bomb.html", ReaderOptions(input_format=fmt))
        except RawiError:
            return  # refused: fine
    for d in docs:
        assert len(d.text) < 2 * len(data), "an entity was expanded"
        assert "lollol" not in d.text and "root:" not in d.text


@pytest.mark.parametrize("declared", ["windows-1256", "iso-8859-6", "utf-16", "latin-1", "no-such-charset"])
def test_fuzz_readers_wrong_declared_encoding(declared: str) -> None:
    """UTF-8 bytes under a wrong declared charset: decoded by content, Arabic kept."""
    html = (f'<html><head><meta charset="{declared}"><title>عنوان الخبر</title></head><body><article>'
            + "<p>قال الوزير إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة.</p>" * 5 + "</article></body></html>")
    xml = (f'<?xml version="1.0" encoding="{declared}"?><DOC><DOCNO>e1</DOCNO><TITLE>عنوان الخبر</TITLE>'
           "<TEXT>قال الوزير إن المفاوضات ستستأنف.</TEXT></DOC>")
    for data, name in ((html.encode("utf-8"), "p.html"), (xml.encode("utf-8"), "d.xml")):
        docs = read_bytes(data, name)
        assert "الوزير" in docs[0].text, (declared, name)


def test_fuzz_readers_gzip_bytes_refused() -> None:
    """The readers take no compressed input: gzip bytes (whole or truncated) are refused with a
    RawiError, never decoded into garbage articles silently crashing later."""
    import gzip

    raw = gzip.compress(("قال الوزير إن الاجتماع انتهى.\n" * 200).encode("utf-8"))
    for data in (raw, raw[: len(raw) // 2], raw[:10]):
        try:
            docs = read_bytes(data, "a.txt.gz")
        except RawiError:
            continue
        for d in docs:
            assert "الوزير" not in d.text  # it was not silently decompressed into the text
