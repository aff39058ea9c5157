"""Boilerplate line filter and its lexicon."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rawi.readers.boilerplate import MAX_LINE, _parse, filter_lines, normalize_line, rules

REMOVED = [
    ("أضف تعليقاً", "comment form"),
    ("اترك رداً", "comment form"),
    ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comment form"),
    ("شارك", "share prompt"),
    ("شارك على فيسبوك", "share prompt"),
    ("فيسبوك تويتر واتساب", "share prompt"),
    ("تابعونا على تويتر وإنستغرام", "follow prompt"),
    ("اقرأ أيضاً:", "read more"),
    ("اقرأ أيضا: الحكومة تستقيل بعد تصويت حجب الثقة", "read more"),
    ("للمزيد: ملفنا الخاص بالانتخابات", "read more"),
    ("مصدر الصورةGetty Images", "photo credit"),
    ("صورة أرشيفية", "photo credit"),
    ("(رويترز)", "agency credit"),
    ("فرانس24/ أ ف ب", "agency credit"),
    ("نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.", "cookie notice"),
    ("جميع الحقوق محفوظة © 2024", "rights notice"),
    ("© 2024 All rights reserved", "rights notice"),
    ("اشترك في النشرة البريدية لتصلك آخر الأخبار", "newsletter"),
    ("يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.", "app promotion"),
    ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "disclaimer"),
    ("*نقلاً عن الرؤية الإماراتية", "republication credit"),
    ("----------------------", "separator"),
    ("لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...", "viewer link"),
]

KEPT = [
    "وقالت الوزارة في بيان نشرته عبر حسابيها في فيسبوك وتويتر إن الوضع تحت السيطرة.",
    "شارك في المؤتمر نحو 40 دولة وعشر منظمات دولية.",
    "وأعلن المرصد السوري لحقوق الإنسان أن 27 من القتلى مدنيون.",
    "ويعتمد فيسبوك على ملفات تعريف الارتباط لتتبع المستخدمين عبر مواقع أخرى، بحسب الدراسة.",
    "نقلا عن مصادر مطلعة، قالت الصحيفة إن الاتفاق بات وشيكا.",
    "فيسبوك تغير سياسة الخصوصية بعد الفضيحة",
    "تويتر يحظر حساب الرئيس",
    "من هم الأكراد؟",
]


@pytest.mark.parametrize("line,reason", REMOVED)
def test_readers_boilerplate_removes_whole_boilerplate_lines(line, reason):
    body = f"قال المتحدث إن الاجتماع سيعقد غدا.\n{line}\nوأضاف أن جدول الأعمال لم يحدد."
    kept, removed = filter_lines(body)
    assert [(r.text, r.reason, r.line_no) for r in removed] == [(line, reason, 1)]
    assert kept == "قال المتحدث إن الاجتماع سيعقد غدا.\nوأضاف أن جدول الأعمال لم يحدد."


@pytest.mark.parametrize("line", KEPT)
def test_readers_boilerplate_keeps_news_lines(line):
    kept, removed = filter_lines(line)
    assert removed == () and kept == line


def test_readers_boilerplate_never_removes_long_lines():
    line = "شارك على فيسبوك " + "وقال الوزير إن المفاوضات مستمرة " * 10
    assert len(normalize_line(line)) > MAX_LINE
    assert filter_lines(line)[1] == ()


def test_readers_boilerplate_read_also_heading_takes_its_links_only():
    body = ("الفقرة الأولى من الخبر.\nاقرأ أيضاً:\nمن هم الأكراد؟\nحقائق عن إقليم كردستان العراق\n"
            "وبحسب المفوضية، فإن عدد الناخبين بلغ 174 ألفا موزعين على أربع محافظات في الإقليم.")
    kept, removed = filter_lines(body)
    assert [r.reason for r in removed] == ["read more", "read more (link)", "read more (link)"]
    assert [r.line_no for r in removed] == [1, 2, 3]
    assert kept == "الفقرة الأولى من الخبر.\nوبحسب المفوضية، فإن عدد الناخبين بلغ 174 ألفا موزعين على أربع محافظات في الإقليم."


def test_readers_boilerplate_normalisation_folds_letters_and_marks():
    assert normalize_line("  أَضِفْ   تعليقـــاً\u200f ") == "اضف تعليقا"
    assert normalize_line("إلى مكتبة") == "الي مكتبه"


def test_readers_boilerplate_lexicon_is_valid_and_rejects_bad_rows():
    assert len(rules().reasons) >= 30
    with pytest.raises(ValueError, match="x.tsv:2"):
        _parse("# header\njust-a-pattern-without-reason\n", "x.tsv")
    with pytest.raises(ValueError, match="scope"):
        _parse("abc\treason\tsometimes\n", "x.tsv")
    with pytest.raises(ValueError, match="bad pattern"):
        _parse("(abc\treason\n", "x.tsv")


def test_readers_boilerplate_floating_patterns_are_prefiltered_by_their_keywords():
    compiled = _parse("x\tanchored\n.{0,20}(foo bar|baz)+ end\tfloating\n.{0,5}qux?\tfloating2\n"
                      ".{0,9}(a|b)?c\tgroup may be absent\n", "t.tsv")
    assert compiled.keywords == ("baz", "foo bar", "qu")
    assert compiled.floating is not None and "r1" in compiled.floating.pattern
    assert "r3" in compiled.regex.pattern  # no safe keyword: always tried
    assert filter_lines("مقدمة\nhello foo bar end\nخبر")[0] != "" and filter_lines(
        "مقدمة\nhello foo bar end", compiled)[1][0].reason == "floating"
    assert filter_lines("قصة\nzzc", compiled)[1][0].reason == "group may be absent"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_readers_boilerplate_every_floating_match_contains_a_keyword(data):
    import re
    compiled = rules()
    assert compiled.floating is not None
    alternatives = [p for p in compiled.floating.pattern.split("|(?P<r")]
    pattern = data.draw(st.sampled_from(alternatives))
    body = pattern if pattern.startswith("(?P<r") else "(?P<r" + pattern
    line = data.draw(st.from_regex(re.compile(body), fullmatch=True))
    assert "\n" in line or any(word in line for word in compiled.keywords)
