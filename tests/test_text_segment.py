"""Tests for rawi.text.segment: sentence and paragraph splitting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.text.quotes import find_quotes
from rawi.text.segment import abbreviations, split_paragraphs, split_sentences


def _sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


SENTENCE_CASES = [
    ("قال الوزير إن الوضع مستقر. وأضاف أن الحكومة مستعدة.",
     ["قال الوزير إن الوضع مستقر.", "وأضاف أن الحكومة مستعدة."]),
    ("هل ستنسحب القوات؟ لا أحد يعرف! ربما غدا",
     ["هل ستنسحب القوات؟", "لا أحد يعرف!", "ربما غدا"]),
    ("ارتفع المؤشر؛ وانخفض الدولار", ["ارتفع المؤشر؛", "وانخفض الدولار"]),
    ("بلغ النمو 3.5 في المئة وبلغ الدين 1.000 مليار.", ["بلغ النمو 3.5 في المئة وبلغ الدين 1.000 مليار."]),
    ("قال د. محمد علي إن الدواء آمن.", ["قال د. محمد علي إن الدواء آمن."]),
    ("التقى أ.د. سمير حسن بالطلاب.", ["التقى أ.د. سمير حسن بالطلاب."]),
    ("التقى الرئيس ج. بوش نظيره الروسي.", ["التقى الرئيس ج. بوش نظيره الروسي."]),
    ("ولد عام 1950 م. وتوفي في القاهرة.", ["ولد عام 1950 م.", "وتوفي في القاهرة."]),
    ("بنيت المدينة عام 300 ق.م. وبقيت حتى اليوم", ["بنيت المدينة عام 300 ق.م.", "وبقيت حتى اليوم"]),
    ("باع الملابس والأحذية إلخ. وقال التاجر إن السوق راكد",
     ["باع الملابس والأحذية إلخ.", "وقال التاجر إن السوق راكد"]),
    ("ترامب يأمر بضرب سوريا.. وانفجارات تهز دمشق", ["ترامب يأمر بضرب سوريا.. وانفجارات تهز دمشق"]),
    ("وأضاف أن الأمر صعب... لكننا سنواصل العمل.", ["وأضاف أن الأمر صعب... لكننا سنواصل العمل."]),
    ('وقال إن "الوضع صعب. لكننا سنواصل" أمس.', ['وقال إن "الوضع صعب. لكننا سنواصل" أمس.']),
    ('وقال: "نحن هنا. ونريد السلام." وأضاف أن الحل قريب.',
     ['وقال: "نحن هنا. ونريد السلام."', "وأضاف أن الحل قريب."]),
    ("وأكد أن “القوات انسحبت من البلدة”. وتابع أن المفاوضات مستمرة.",
     ["وأكد أن “القوات انسحبت من البلدة”.", "وتابع أن المفاوضات مستمرة."]),
    ("عنوان الخبر\n\nالفقرة الأولى\nالفقرة الثانية", ["عنوان الخبر", "الفقرة الأولى", "الفقرة الثانية"]),
    ('وتابع "علينا أن نعمل. ونحن مستعدون\nوقال آخر', ['وتابع "علينا أن نعمل.', "ونحن مستعدون", "وقال آخر"]),
    ("تجدون التفاصيل على www.example.com اليوم.", ["تجدون التفاصيل على www.example.com اليوم."]),
    ("وصل وفد من U.S. إلى بغداد.", ["وصل وفد من U.S. إلى بغداد."]),
    ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
    ("انتهى الاجتماع الماضي.وأضاف الوزير أنه متفائل", ["انتهى الاجتماع الماضي.", "وأضاف الوزير أنه متفائل"]),
    ("ماذا حدث؟! لا نعرف", ["ماذا حدث؟!", "لا نعرف"]),
    ("   قال الوزير.   ", ["قال الوزير."]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_segment_split_sentences(text: str, expected: list[str]) -> None:
    assert _sents(text) == expected


def test_segment_uses_given_quotes() -> None:
    text = '"لا. نعم" قال'
    assert _sents(text) == ['"لا. نعم" قال']
    assert _sents(text) == [text[a:b] for a, b in split_sentences(text, find_quotes(text))]
    assert [text[a:b] for a, b in split_sentences(text, [])] == ['"لا.', 'نعم" قال']


def test_segment_split_paragraphs() -> None:
    text = "العنوان\n\n  الفقرة الأولى. جملة ثانية\n\nالفقرة الثانية  \n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == [
        "العنوان", "الفقرة الأولى. جملة ثانية", "الفقرة الثانية"]


def test_segment_abbreviation_lexicon_loads() -> None:
    title, trailing = abbreviations()
    assert "د.م" in title and "إلخ" in trailing and "Dr" in title


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \n.؟!؛…\"“”«»قالد123م")), max_size=80))
def test_segment_sentences_property(text: str) -> None:
    spans = split_sentences(text)
    prev_end = 0
    covered = set()
    for a, b in spans:
        assert 0 <= prev_end <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        assert "\n" not in text[a:b]
        covered.update(range(a, b))
        prev_end = b
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
