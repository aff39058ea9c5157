"""Tests for rawi.text.quotes: nested, unbalanced and straight quotation marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.text.quotes import Quote, find_quotes, inside_quote, quote_at


def _summary(text: str) -> list[tuple[str, bool, int]]:
    return [(text[q.start:q.end], q.close is not None, q.depth) for q in find_quotes(text)]


QUOTE_CASES = [
    # curly, one pair
    ("قال الوزير “الوضع مستقر” أمس.", [("الوضع مستقر", True, 0)]),
    # guillemets
    ("وصف البيان الهجوم بأنه «عمل إرهابي» جبان.", [("عمل إرهابي", True, 0)]),
    # a nested curly pair: the outer closes at the last ”
    ("وأكد أن “قيام طائرات بإجلاء قادة “التنظيم” من المدينة واقعة ثابتة 100%”.",
     [("قيام طائرات بإجلاء قادة “التنظيم” من المدينة واقعة ثابتة 100%", True, 0),
      ("التنظيم", True, 1)]),
    # two nested curly pairs in one quotation
    ("قال إن “مقاتلي “الجبهة” و“الكتائب” انسحبوا”.",
     [("مقاتلي “الجبهة” و“الكتائب” انسحبوا", True, 0), ("الجبهة", True, 1),
      ("الكتائب", True, 1)]),
    # a stray closer is ignored
    ("أعلن “الجيش” سيطرته على” القرية و“المطار”.", [("الجيش", True, 0), ("المطار", True, 0)]),
    # straight quotes pair by alternation
    ('وقال "نحن مستعدون" ثم أضاف "للحوار".', [("نحن مستعدون", True, 0), ("للحوار", True, 0)]),
    # straight quote after a colon with a space inside
    ('وأضافت: " إننا فخورون بهذا الإنجاز".', [(" إننا فخورون بهذا الإنجاز", True, 0)]),
    # a quote that never closes runs to the end of its line
    ('وتابع "علينا أن نستغل هذا التوافق السياسي.\nوقال مسؤول آخر إن الأمر صعب.',
     [("علينا أن نستغل هذا التوافق السياسي.", False, 0)]),
    # an unclosed quote does not cross a paragraph; the next paragraph's pair is separate
    ('قال "لن ننسحب\n\nوقال "سنبقى هنا".', [("لن ننسحب", False, 0), ("سنبقى هنا", True, 0)]),
    # straight quotes nested: opener before a word while one is open
    ('وقال "إن الوضع "خطير" جدا" أمس.', [('إن الوضع "خطير" جدا', True, 0), ("خطير", True, 1)]),
    # a straight quote glued to the Arabic article-tatweel
    ('في دورته الـ"71" التي تفتتح اليوم.', [("71", True, 0)]),
    # a stray straight closer at the end is ignored
    ('وخلف القتال 16 قتيلا من المسلحين".', []),
    # reversed typographic opener ” used as an opener
    ('سيكون البديل في ”البلوز".', [("البلوز", True, 0)]),
    # an apostrophe inside a Latin word is not a quote
    ("He said 'no' and didn't stay.", [("no", True, 0)]),
    # curly single quotes
    ("نقلت عن مصدر ‘مطلع’ قوله.", [("مطلع", True, 0)]),
    # German-style „…“ pair
    ("بعنوان „الحرية“ أمس.", [("الحرية", True, 0)]),
    # guillemets containing curly quotes, the inner left open: it ends where the outer does
    ("قال «سنقاتل “حتى النهاية» كلها.", [("سنقاتل “حتى النهاية", True, 0), ("حتى النهاية", False, 1)]),
    # mixed families close independently
    ("وقال «الموقف “واضح” تماما» أمس.", [("الموقف “واضح” تماما", True, 0), ("واضح", True, 1)]),
    # four openers and five closers: one stray closer after the last pair
    ("“أ” و“ب” و“ج” و“د”” نهاية.", [("أ", True, 0), ("ب", True, 0), ("ج", True, 0), ("د", True, 0)]),
    # spaces inside straight quotes: the second mark, before a comma, closes
    ('قال المدير " سرينيفاس بولافارتي "، إن الخيار واضح.', [(" سرينيفاس بولافارتي ", True, 0)]),
    # a straight mark before punctuation with nothing open is a stray closer
    ("وهي أمور أكثر أهمية \".", []),
    # a single mark standing in for a hamza, never closed, is dropped
    ("تأهلت لـ‘ول مرة منذ 1958.", []),
    # reversed single quotes ’…‘
    ("فرنسا ’صبرت ونالت‘ في النهائي", [("صبرت ونالت", True, 0)]),
    # no quote marks at all
    ("لا توجد علامات اقتباس هنا.", []),
]


@pytest.mark.parametrize("text, expected", QUOTE_CASES)
def test_quotes_find(text: str, expected: list[tuple[str, bool, int]]) -> None:
    assert _summary(text) == expected


def test_quotes_marks_positions() -> None:
    text = "قال “نعم” ثم"
    (q,) = find_quotes(text)
    assert text[q.open] == "“" and text[q.close] == "”"
    assert (q.start, q.end) == (q.open + 1, q.close)


def test_quotes_unclosed_trims_trailing_space() -> None:
    text = 'قال "لا شيء   \nثم'
    (q,) = find_quotes(text)
    assert q.close is None and text[q.start:q.end] == "لا شيء"


def test_quote_at_innermost() -> None:
    text = "قال إن “مقاتلي “الجبهة” انسحبوا” أمس"
    quotes = find_quotes(text)
    i = text.index("الجبهة")
    assert quote_at(quotes, i).depth == 1
    j = text.index("انسحبوا")
    assert quote_at(quotes, j).depth == 0
    assert quote_at(quotes, text.index("أمس")) is None
    assert inside_quote(quotes, i) and not inside_quote(quotes, 0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("“”«»\"'‘’„ \nقال.ab")), max_size=60))
def test_quotes_offsets_property(text: str) -> None:
    quotes = find_quotes(text)
    opens = [q.open for q in quotes]
    assert opens == sorted(opens)
    for q in quotes:
        assert isinstance(q, Quote)
        assert 0 <= q.open < q.start <= q.end <= len(text)
        assert q.start == q.open + 1
        if q.close is not None:
            assert q.end == q.close < len(text)
        assert "\n" not in text[q.start:q.end]
