"""The entities stage on short hand-written news sentences, and on the seeds when present."""

from __future__ import annotations

import pytest

from conftest import SHARED, make_doc, needs_shared
from rawi.ner.tagger import MODEL_PATH
from rawi.stages.entities import find_entities

needs_model = pytest.mark.skipif(not MODEL_PATH.exists(), reason="NER model not built")


class FixedTagger:
    """Tags from a word -> tag map, so that tests of the stage do not depend on the model."""

    def __init__(self, tags: dict[str, str]) -> None:
        self.tags = tags

    def tag(self, tokens):
        return [self.tags.get(t, "O") for t in tokens]


def _ents(text, tags):
    doc = find_entities(make_doc(text), tagger=FixedTagger(tags))
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    return doc.entities


def test_stages_entities_bio_to_char_spans():
    text = "عنوان\n\nقال دونالد ترامب في واشنطن اليوم."
    ents = _ents(text, {"دونالد": "B-PER", "ترامب": "I-PER", "واشنطن": "B-LOC"})
    assert [(e.text, e.label) for e in ents] == [("دونالد ترامب", "PER"), ("واشنطن", "LOC")]
    assert ents[0].start == text.index("دونالد") and ents[0].end == text.index(" في")


def test_stages_entities_alias_strips_clitic_and_collapses():
    text = "خبر\n\nتابع لداعش ومقاتلو تنظيم الدولة الإسلامية في المدينة."
    ents = _ents(text, {"لداعش": "B-ORG"})
    ids = {e.canonical_id for e in ents}
    assert ids == {"org:isis"}
    first = ents[0]
    assert first.text == "داعش" and first.start == text.index("لداعش") + 1  # proclitic left out
    assert any(e.text == "تنظيم الدولة الإسلامية" for e in ents)  # added although untagged


def test_stages_entities_known_actor_added_when_tagger_misses():
    text = "بيان\n\nاتهمت وزارة الدفاع الروسية التحالف الدولي بالتقصير."
    ents = _ents(text, {})
    assert [(e.text, e.canonical_id) for e in ents] == [
        ("وزارة الدفاع الروسية", "org:ru-mod"), ("التحالف الدولي", "org:us-led-coalition")]


def test_stages_entities_lexicon_span_replaces_shorter_tagged_part():
    text = "بيان\n\nقالت وزارة الدفاع الروسية إن الهجوم فشل."
    ents = _ents(text, {"الروسية": "B-LOC"})
    assert [(e.text, e.label) for e in ents] == [("وزارة الدفاع الروسية", "ORG")]


def test_stages_entities_within_article_linking():
    text = "خبر\n\nقال الرئيس الأمريكي جون سميثسون إن البلاد بخير. وأضاف سميثسون أن الاقتصاد ينمو."
    ents = _ents(text, {"جون": "B-PER", "سميثسون": "I-PER"})
    # the second سميثسون follows وأضاف (O) so the fixed tagger gives I-PER -> a lone name
    assert len(ents) == 2
    assert ents[0].canonical_id == ents[1].canonical_id == "per:جون_سميثسون"
    assert ents[1].canonical_name == "جون سميثسون"


def test_stages_entities_rapidfuzz_spelling_variant_links():
    text = "خبر\n\nصرح يوري بلاتونيفيتش للصحفيين. وقال بلاتونيفيش إن الاتفاق قريب."
    ents = _ents(text, {"يوري": "B-PER", "بلاتونيفيتش": "I-PER", "بلاتونيفيش": "B-PER"})
    assert ents[0].canonical_id == ents[1].canonical_id


def test_stages_entities_place_with_coordinates_and_country_context():
    text = "خبر\n\nوصل الوفد إلى بيروت ثم إلى طرابلس شمال لبنان."
    ents = _ents(text, {"بيروت": "B-LOC", "طرابلس": "B-LOC", "لبنان": "B-LOC"})
    trip = next(e for e in ents if e.text == "طرابلس")
    assert trip.country == "LB" and 34 < trip.lat < 35
    text2 = "خبر\n\nوصل الوفد إلى بنغازي ثم إلى طرابلس غرب ليبيا."
    ents2 = _ents(text2, {"بنغازي": "B-LOC", "طرابلس": "B-LOC", "ليبيا": "B-LOC"})
    assert next(e for e in ents2 if e.text == "طرابلس").country == "LY"


def test_stages_entities_empty_document():
    assert find_entities(make_doc("", title=""), tagger=FixedTagger({})).entities == ()


@needs_model
def test_stages_entities_with_model_tags_news_sentence():
    doc = find_entities(make_doc("خبر\n\nقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة."))
    got = {(e.text, e.label) for e in doc.entities}
    assert ("فلاديمير بوتين", "PER") in got and ("موسكو", "LOC") in got


@needs_shared
@needs_model
def test_stages_entities_seeds_canonicalised():
    docs = []
    for p in sorted((SHARED / "data" / "seeds").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        docs.append(find_entities(make_doc(text)))
    ents = [e for d in docs for e in d.entities]
    by_id: dict[str, set[str]] = {}
    for e in ents:
        by_id.setdefault(e.canonical_id, set()).add(e.text)
    assert {"داعش", "تنظيم الدولة", "تنظيم الدولة الإسلامية"} <= {t.removeprefix("تنظيم ") if t == "تنظيم داعش" else t for t in by_id["org:isis"]}
    assert "كلينتسيفيش" in by_id["per:فرانتس_كلينتسيفيتش"]
    assert "وزارة الدفاع الروسية" in by_id["org:ru-mod"]
    assert "التحالف الدولي" in by_id["org:us-led-coalition"]
    places = {e.canonical_name: e for e in ents if e.lat is not None}
    assert places["دير الزور"].country == "SY"
    assert places["البوكمال"].country == "SY"
    assert places["قاعدة العديد"].country == "QA"


def test_stages_entities_short_name_takes_alias_of_full_name():
    text = "خبر\n\nقال فلاديمير بوتين إن الاتفاق قريب. وأضاف فلاديمير أن روسيا مستعدة."
    ents = _ents(text, {"فلاديمير": "B-PER", "بوتين": "I-PER"})
    pers = [e for e in ents if e.label == "PER"]
    assert len(pers) == 2 and {e.canonical_id for e in pers} == {"per:فلاديمير_بوتين"}
