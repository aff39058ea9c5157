"""rawi.signals on hand-built Arabic documents: each signal kind, its span and its absence."""

from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

import pytest
from signals_fixtures import att, border_doc, prices_doc

from rawi.model import Document, Entity
from rawi.signals import KINDS, CrossDoc, Signal, SignalOptions, claim_signals, document_signals
from rawi.signals import loaded as loaded_mod

NO_TAGGER = SignalOptions(use_tagger=False)


@pytest.fixture
def border():
    return {cs.idx: cs for cs in document_signals(border_doc(), options=NO_TAGGER)}


def _kind(cs, kind):
    return [s for s in cs.signals if s.kind == kind]


def test_signals_anonymous_source_on_the_source_span(border):
    (s,) = _kind(border[0], "anonymous_source")
    assert s.text == "مصدر أمني"
    assert "رفض الكشف عن اسمه" in s.explanation
    assert not _kind(border[4], "anonymous_source")  # a named spokesman


def test_signals_unverifiable_source_reports(border):
    (s,) = _kind(border[1], "unverifiable_source")
    assert s.text == "تقارير" and s.attrs["kind"] == "report"
    assert not _kind(border[0], "unverifiable_source")  # anonymous, not "unverifiable" twice


def test_signals_figures_and_dates_inside_the_content(border):
    figs = _kind(border[0], "figure")
    assert [f.text for f in figs] == ["300 مقاتل"]  # 100% here is certainty, not a figure
    (d,) = _kind(border[0], "date")
    assert d.text == "يوم 5 آذار" and d.attrs["value"] == "2026-03-05"
    assert [f.text for f in _kind(border[4], "figure")] == ["40 شخصا"]
    assert not _kind(border[3], "figure")


def test_signals_absolute_certainty_phrase_and_percent(border):
    texts = [s.text for s in _kind(border[0], "absolute_certainty")]
    assert texts == ["واقعة ثابتة", "100%"]


def test_signals_percent_as_rate_or_share_is_a_figure_not_certainty():
    (cs,) = document_signals(prices_doc(), options=NO_TAGGER)
    assert not _kind(cs, "absolute_certainty")
    assert [s.text for s in _kind(cs, "figure")] == ["100%", "100%"]


def test_signals_hedges_with_and_without_harakat(border):
    assert {s.text for s in _kind(border[1], "hedge")} == {"وزعمت", "المزعومين"}
    assert [s.text for s in _kind(border[4], "hedge")] == ["يُعتقد أن"]  # longest entry
    assert not _kind(border[0], "hedge")


def test_signals_denial_and_denied_in_the_same_article(border):
    (d,) = _kind(border[2], "denial")
    assert d.text == "ونفى" and "الجيش" in d.explanation
    (x,) = _kind(border[0], "denied")
    assert x.attrs["by_attribution"] == 2 and x.text.startswith("ونفى")
    for i in (1, 2, 3, 4):
        assert not _kind(border[i], "denied"), i


def test_signals_loaded_language_lexicon_fallback(border, monkeypatch):
    texts = {s.text for s in _kind(border[3], "loaded_language")}
    assert {"العصابات", "الإرهابية", "مجزرة"} <= texts
    assert all(s.attrs["method"] == "lexicon" for s in _kind(border[3], "loaded_language"))
    assert not _kind(border[0], "loaded_language")


def test_signals_loaded_language_uses_the_tagger_when_present(monkeypatch):
    doc = border_doc()
    i = doc.text.index("مجزرة")
    calls = []

    def fake(text):
        calls.append(text)
        return [SimpleNamespace(start=i, end=i + 5, label="Loaded_Language", attrs={"score": 0.9})]

    monkeypatch.setattr(loaded_mod, "tagger", lambda: fake)
    cs = document_signals(doc)[3]
    (s,) = _kind(cs, "loaded_language")
    assert s.text == "مجزرة" and s.attrs["method"] == "tagger" and "0.90" in s.explanation
    assert len(calls) == 1  # once per document, not once per claim


def test_signals_broken_tagger_falls_back_to_the_lexicon(monkeypatch):
    def broken(text):
        raise RuntimeError("model file missing")

    monkeypatch.setattr(loaded_mod, "tagger", lambda: broken)
    cs = document_signals(border_doc())[3]
    assert _kind(cs, "loaded_language") and all(
        s.attrs["method"] == "lexicon" for s in _kind(cs, "loaded_language"))


def test_signals_every_span_is_the_text_it_cites():
    for doc in (border_doc(), prices_doc()):
        for cs in document_signals(doc, options=NO_TAGGER):
            for s in cs.signals:
                assert 0 <= s.start <= s.end <= len(doc.text)
                assert doc.text[s.start:s.end] == s.text
                assert s.kind in KINDS and s.explanation


def test_signals_no_crossdoc_signal_without_links(border):
    for cs in border.values():
        assert not {"single_source", "corroborated", "contradicted"} & set(cs.kinds)


def _claim(doc_id, idx, content, speaker, outlet):
    return SimpleNamespace(doc_id=doc_id, idx=idx, content=content, speaker=speaker,
                           outlet=outlet, published=None)


def test_signals_crossdoc_links_corroborated_denied_single_source():
    doc = border_doc()
    me = _claim("border", 0, "…", "مصدر أمني", "صحيفة الأفق")
    echo = _claim("other-1", 0, "عبر 300 مقاتل الحدود", "مصدر أمني", "قناة السهل")
    denial = _claim("other-2", 1, "لم يعبر أحد الحدود", "وزارة الدفاع", "وكالة الغد")
    links = [SimpleNamespace(a=me, b=echo, relation="same", score=0.8),
             SimpleNamespace(a=me, b=denial, relation="denies", score=0.5)]
    known = [me, echo, denial, _claim("border", 3, "…", "وزارة الداخلية", "صحيفة الأفق")]
    cx = CrossDoc.from_links(links, known)
    out = {cs.idx: cs for cs in document_signals(doc, cx, NO_TAGGER)}
    (c,) = _kind(out[0], "corroborated")
    assert c.attrs["outlets"] == ["قناة السهل"] and c.attrs["same_speaker"] == 1
    assert "repeat" in c.explanation
    cross_denied = [s for s in _kind(out[0], "denied") if "by_article" in s.attrs]
    assert cross_denied and cross_denied[0].attrs["by_article"]["doc_id"] == "other-2"
    assert _kind(out[3], "single_source")  # linked, and nobody else carries it
    assert not _kind(out[1], "single_source")  # not part of the linking: nothing is known


def test_signals_crossdoc_from_groups_and_link_lists_are_accepted():
    doc = border_doc()
    me = _claim("border", 3, "…", "وزارة الداخلية", "صحيفة الأفق")
    same_outlet = _claim("border-2", 0, "…", "وزارة الداخلية", "صحيفة الأفق")
    group = SimpleNamespace(claims=[me, same_outlet], denials=[], contradictions=[])
    cs = claim_signals(doc, 3, [group], NO_TAGGER)
    assert _kind(cs, "single_source")  # the only repetition is in the same outlet
    link = SimpleNamespace(a=me, b=_claim("x", 0, "…", "شهود", "قناة السهل"), relation="same",
                           score=0.9)
    cs = claim_signals(doc, 3, [link], NO_TAGGER)
    assert _kind(cs, "corroborated") and "repeat" not in _kind(cs, "corroborated")[0].explanation


def test_signals_signal_record_validates_and_serialises():
    s = Signal("hedge", 3, 7, "يبدو", "x")
    assert s.to_dict() == {"kind": "hedge", "span": [3, 7], "text": "يبدو", "explanation": "x"}
    with pytest.raises(ValueError):
        Signal("verdict", 0, 1, "", "")
    with pytest.raises(ValueError):
        Signal("hedge", 5, 2, "", "")


def test_signals_checkworthiness_score_is_optional():
    doc = border_doc()
    assert all(cs.checkworthiness is None for cs in document_signals(doc, options=NO_TAGGER))
    scored = document_signals(doc, options=SignalOptions(use_tagger=False, checkworthiness=True))
    for cs in scored:
        assert cs.checkworthiness is None or 0.0 <= cs.checkworthiness <= 1.0


# --- the guards found by error analysis ------------------------------------------------------


def _doc(text, atts, **kw):
    return Document(id="g", text=text, title=text.split("\n", 1)[0],
                    published=datetime(2026, 3, 1, tzinfo=timezone.utc), attributions=atts, **kw)


def test_signals_negated_certainty_marker_is_not_absolute():
    t = "خبر\n\nوقال المتحدث فادي نصار إن الحكومة لم تقدم أي أدلة دامغة على الاتهام، وإن الأمر بالتأكيد سياسي.\n"
    a = att(t, "وقال", "الحكومة لم تقدم أي أدلة دامغة على الاتهام، وإن الأمر بالتأكيد سياسي",
            "المتحدث فادي نصار", source_resolved="فادي نصار", source_type="official")
    (cs,) = document_signals(_doc(t, (a,)), options=NO_TAGGER)
    assert [s.text for s in _kind(cs, "absolute_certainty")] == ["بالتأكيد"]  # not "أدلة دامغة"


def test_signals_unverifiable_only_for_impersonal_cues_and_unnamed_reports():
    t = ("خبر\n\nويقال إن الوزير سيستقيل قريبا.\nوأضاف أن الاجتماع تأجل إلى الأسبوع المقبل.\n"
         "وذكر تقرير سبوتنيك أن الطائرة هبطت بسلام.\n")
    atts = (att(t, "ويقال", "الوزير سيستقيل قريبا"),
            att(t, "وأضاف", "الاجتماع تأجل إلى الأسبوع المقبل"),  # implied speaker
            att(t, "وذكر", "الطائرة هبطت بسلام", "تقرير سبوتنيك", source_type="media"))
    i = t.index("سبوتنيك")
    doc = _doc(t, atts, entities=(Entity(i, i + 7, "ORG", "سبوتنيك"),))
    out = document_signals(doc, options=NO_TAGGER)
    (u,) = _kind(out[0], "unverifiable_source")
    assert u.text == "ويقال" and u.attrs["kind"] == "impersonal"
    assert not _kind(out[1], "unverifiable_source")
    assert not _kind(out[2], "unverifiable_source")  # a named agency's report
    bare = _doc(t, atts)  # without the entity the report is nobody in particular
    assert _kind(document_signals(bare, options=NO_TAGGER)[2], "unverifiable_source")


def test_signals_denied_needs_a_denial_verb_another_speaker_and_matching_years():
    t = ("خبر\n\nقال الناشط كريم سالم إن الشرطة اعتقلت 20 متظاهرا في ساحة المدينة عام 2024.\n"
         "وقالت الشرطة إن القول إن الشرطة اعتقلت متظاهرا في ساحة المدينة عام 2024 تضليل.\n"
         "ونفت الشرطة أن تكون الشرطة اعتقلت متظاهرا في ساحة المدينة عام 2019.\n"
         "ونفى كريم سالم لاحقا أن تكون الشرطة اعتقلت متظاهرين في ساحة المدينة عام 2024.\n"
         "ونفت البلدية أن تكون الشرطة اعتقلت متظاهرين في ساحة المدينة عام 2024.\n")
    after = t.index("ونفت البلدية")
    atts = (att(t, "قال", "الشرطة اعتقلت 20 متظاهرا في ساحة المدينة عام 2024", "الناشط كريم سالم",
                source_resolved="كريم سالم", source_type="person"),
            att(t, "وقالت", "القول إن الشرطة اعتقلت متظاهرا في ساحة المدينة عام 2024 تضليل", "الشرطة",
                stance="deny", source_resolved="الشرطة", source_type="organization"),
            att(t, "ونفت", "الشرطة اعتقلت متظاهرا في ساحة المدينة عام 2019", "الشرطة",
                after=t.index("ونفت"), stance="deny", source_resolved="الشرطة",
                source_type="organization"),
            att(t, "ونفى", "الشرطة اعتقلت متظاهرين في ساحة المدينة عام 2024", "كريم سالم",
                after=t.index("ونفى"), stance="deny", source_resolved="كريم سالم",
                source_type="person"),
            att(t, "ونفت", "الشرطة اعتقلت متظاهرين في ساحة المدينة عام 2024", "البلدية",
                after=after, stance="deny", source_resolved="البلدية", source_type="organization"))
    cs = claim_signals(_doc(t, atts), 0, options=NO_TAGGER)
    # 1: no denial verb; 2: another year; 3: the claimant himself; 4: the only real one
    assert [s.attrs["by_attribution"] for s in _kind(cs, "denied")] == [4]
