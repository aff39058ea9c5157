import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest

from rawi.model import (Attribution, DateMention, Document, Entity, NumberMention, RemovedLine, Sentence,
                        Span, Token)

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src/rawi/schema/document-v1.json").read_text())

TEXT = "الوزارة تنفي\n\nنفت الوزارة في بيان الأنباء التي تحدثت عن إجلاء 22 قياديا أمس."


def _full_doc() -> Document:
    cue = TEXT.index("نفت")
    src = TEXT.index("الوزارة", cue)
    ch = TEXT.index("في بيان")
    content = TEXT.index("الأنباء")
    num = TEXT.index("22")
    return Document(
        id="d1", text=TEXT, title="الوزارة تنفي", outlet="وكالة الأفق", url="https://example.invalid/1",
        published=datetime(2026, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=3))),
        boilerplate=(RemovedLine("أضف تعليقاً", "comment-form", 3),),
        sentences=(Sentence(0, 12), Sentence(14, len(TEXT))),
        tokens=(Token(cue, cue + 3, "نفت", cue, cue + 3),),
        entities=(Entity(src, src + 7, "ORG", "الوزارة", "org:وزاره", "الوزارة"),),
        dates=(DateMention(TEXT.index("أمس"), TEXT.index("أمس") + 3, "أمس", "2026-03-13", "relative", "day"),),
        numbers=(NumberMention(num, num + 9, "22 قياديا", 22, None, "قيادي", False),),
        attributions=(Attribution(cue=Span(cue, cue + 3), content=Span(content, len(TEXT) - 5), type="indirect",
                                  stance="deny", source=Span(src, src + 7), source_resolved="الوزارة",
                                  source_type="organization", channel=Span(ch, ch + 7)),),
    )


def test_model_round_trip_through_json():
    doc = _full_doc()
    d = json.loads(json.dumps(doc.to_dict(with_tokens=True), ensure_ascii=False))
    back = Document.from_dict(d)
    assert back == doc
    assert back.published.utcoffset() == timedelta(hours=3)
    assert back.attributions[0].channel == doc.attributions[0].channel


def test_model_output_validates_against_schema():
    jsonschema.validate(_full_doc().to_dict(with_tokens=True), SCHEMA)


def test_model_attribution_fields_are_exact_substrings():
    doc = _full_doc()
    a = doc.to_dict()["attributions"][0]
    for name in ("cue", "source", "content", "channel"):
        assert doc.text[a[f"{name}_start"]:a[f"{name}_end"]] == a[name]
    assert a["stance"] == "deny" and a["channel"] == "في بيان"


def test_model_document_is_immutable():
    doc = _full_doc()
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):
        doc.evolve(text="another text")
    assert doc.evolve(outlet="x").text == doc.text


def test_model_published_must_be_timezone_aware():
    with pytest.raises(ValueError, match="timezone"):
        Document(id="x", text="نص", published=datetime(2026, 1, 1))


@pytest.mark.parametrize("start,end", [(-1, 2), (5, 3)])
def test_model_span_rejects_bad_offsets(start, end):
    with pytest.raises(ValueError):
        Span(start, end)


def test_model_pro_drop_source_is_null_in_output():
    a = Attribution(cue=Span(0, 5), content=Span(6, 10), source_resolved="فرانز كلينتسيفيش", source_type="person")
    d = a.to_dict("وأردف ننن نننن")
    assert d["source"] is None and "source_start" not in d
    assert Attribution.from_dict(d) == a


def test_model_regression_attribution_without_content_is_refused():
    # an attribution with no content once reached the store and aborted a whole ingest
    with pytest.raises(ValueError, match="content"):
        Attribution(cue=Span(0, 3), content=None)  # type: ignore[arg-type]
