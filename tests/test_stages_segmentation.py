"""Tests for rawi.stages.segmentation: the segment stage on hand-built and real documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from rawi.model import Document, Sentence, Token
from rawi.stages.segmentation import quotes_of, segment

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PLAIN = SHARED / "gold" / "attribution-dev" / "plain"

TITLE = "مسؤول يتهم التحالف بإجلاء قادة “التنظيم” من المدينة"
BODY = (
    "أكد مسؤول أن “مسألة قيام طائرات بإجلاء قادة “التنظيم” من المدينة واقعة ثابتة 100%”.\n"
    "وقال المصدر إن العملية جرت ليلا. وأضاف أن د. سمير شهد ذلك.\n"
    'وعقب المتحدث باسم التحالف قائلا "هذه الأخبار كاذبة".'
)


def _doc(title: str = TITLE, body: str = BODY) -> Document:
    return Document(id="t1", text=f"{title}\n\n{body}", title=title)


def test_stages_segmentation_sentences_and_tokens() -> None:
    doc = segment(_doc())
    assert isinstance(doc, Document) and doc.text == _doc().text
    sents = [doc.span_text(s) for s in doc.sentences]
    assert sents == [
        TITLE,
        "أكد مسؤول أن “مسألة قيام طائرات بإجلاء قادة “التنظيم” من المدينة واقعة ثابتة 100%”.",
        "وقال المصدر إن العملية جرت ليلا.",
        "وأضاف أن د. سمير شهد ذلك.",
        'وعقب المتحدث باسم التحالف قائلا "هذه الأخبار كاذبة".',
    ]
    assert all(isinstance(s, Sentence) for s in doc.sentences)
    assert all(isinstance(t, Token) for t in doc.tokens)
    words = [doc.span_text(t) for t in doc.tokens]
    assert words[:3] == ["مسؤول", "يتهم", "التحالف"]
    wa_qal = next(t for t in doc.tokens if doc.span_text(t) == "وقال")
    assert wa_qal.prefixes == ("و",) and wa_qal.norm == "قال"


def test_stages_segmentation_is_pure() -> None:
    doc = _doc()
    out = segment(doc)
    assert doc.sentences == () and doc.tokens == ()
    assert segment(doc) == out


def test_stages_segmentation_quotes_of() -> None:
    quotes = quotes_of(_doc())
    assert any(q.depth == 1 and _doc().text[q.start:q.end] == "التنظيم" for q in quotes)


def test_stages_segmentation_empty_document() -> None:
    doc = segment(Document(id="e", text=""))
    assert doc.sentences == () and doc.tokens == ()


def test_stages_segmentation_roundtrip_dict() -> None:
    doc = segment(_doc())
    back = Document.from_dict(doc.to_dict(with_tokens=True))
    assert back.sentences == doc.sentences and back.tokens == doc.tokens


@pytest.mark.skipif(not PLAIN.exists(), reason="../shared is absent")
def test_stages_segmentation_covers_real_articles() -> None:
    files = sorted(PLAIN.glob("*.txt"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        doc = segment(Document(id=path.stem, text=text))
        covered = bytearray(len(text))
        prev = 0
        for s in doc.sentences:
            assert prev <= s.start < s.end <= len(text), path.name
            covered[s.start:s.end] = b"\x01" * (s.end - s.start)
            prev = s.end
        assert all(covered[i] or ch.isspace() for i, ch in enumerate(text)), path.name
        # every paragraph line is at least one sentence; none has a runaway length
        assert len(doc.sentences) >= text.count("\n") // 2
        assert doc.tokens and all(t.end <= len(text) for t in doc.tokens)
