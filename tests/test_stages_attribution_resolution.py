"""Attribution stage: speakers beyond the gazetteers and coreference of short mentions.

Fixtures written for rawi (invented names and institutions), one per mechanism: family names
with the article, appositions with titles the lexicon does not list, ``ونقلت X، أمس، عن Y``
chains, a title or a short institution name resolved to the fullest name in the article, and
content introduced after a preposition followed by a quote mark.
"""

from __future__ import annotations

import pytest

from rawi.model import Document
from rawi.stages.attribution import find_attributions


def attributions(text: str) -> list[dict]:
    doc = find_attributions(Document(id="t", text=text))
    return [a.to_dict(doc.text) for a in doc.attributions]


def one(text: str, cue: str, k: int = 0) -> dict:
    found = [a for a in attributions(text) if a["cue"] == cue]
    assert len(found) > k, f"no attribution {k} with cue {cue!r} in {attributions(text)!r}"
    return found[k]


CASES = [
    # an unknown given name + a family name with the article, VSO
    ("وقال سامر العلواني إن المفاوضات متعثرة.", "وقال",
     {"source": "سامر العلواني", "source_type": "person", "content": "المفاوضات متعثرة"}),
    # the same before an appositive title and a time adjunct
    ("نفى المتحدث باسم شركة النخيل للأسمدة، وائل القرمادي، اليوم الأحد، الأنباء عن إفلاسها.", "نفى",
     {"source": "وائل القرمادي", "source_role": "المتحدث باسم شركة النخيل للأسمدة", "stance": "deny"}),
    # a feminine title not listed in the lexicon, then an adjunct before the colon
    ('وقالت سلوى الدباغ، الكاتبة العامة للجمعية، عقب اللقاء: "لن نوقع أي اتفاق".', "وقالت",
     {"source": "سلوى الدباغ", "source_role": "الكاتبة العامة للجمعية", "type": "direct",
      "content": "لن نوقع أي اتفاق"}),
    # a military rank (الفريق) before the name, after an appositive office and before a weekday
    ("قال رئيس هيئة العمليات في الجيش، الفريق كمال السراج، السبت، إن الطائرات عادت إلى قواعدها.", "قال",
     {"source": "كمال السراج", "content": "الطائرات عادت إلى قواعدها"}),
    # a quoted outlet name ending a channel phrase is not the content; the content follows إن
    ('وقالت الهيئة في بيان بثته وكالة الأنباء المحلية "نجمة" إن "الطريق الساحلي أغلق بالكامل".', "وقالت",
     {"source": "الهيئة", "content": "الطريق الساحلي أغلق بالكامل"}),
    ('وأوردت وزارة النقل في بيان نشرته "الرائد"، أن الرحلات ستستأنف غدا.', "وأوردت",
     {"source": "وزارة النقل", "content": "الرحلات ستستأنف غدا"}),
    # SVO quoting: the subject is the conduit, the NP after عن the speaker (with its apposition)
    ('بيد أن الصحيفة نقلت عن معاون وزير الزراعة، فادي النجار، قوله "المحصول تضاعف هذا العام".', "نقلت",
     {"source": "فادي النجار", "via": "الصحيفة", "content": "المحصول تضاعف هذا العام"}),
    # a hashtag speaker after the verb: the name, without the mark
    ('وقال #سامر_العلواني في تغريدة على حسابه: "المفاوضات انتهت".', "وقال",
     {"source": "سامر_العلواني", "content": "المفاوضات انتهت"}),
    # a title + name speaker followed by a second appositive title
    ("وقال العميد نادر الساعدي، قائد الشرطة في المدينة، إن الطريق أغلق.", "وقال",
     {"source": "نادر الساعدي", "content": "الطريق أغلق"}),
    # a title, then a name between commas that starts with the article (ال… بن …)
    ("قال وزير النقل، الطاهر بن عمار، الثلاثاء، إن القطار سيعود للعمل.", "قال",
     {"source": "الطاهر بن عمار", "source_role": "وزير النقل", "source_resolved": "الطاهر بن عمار"}),
    # ونقلت X، أمس، عن Y قوله: Y is the source, X the conduit, قوله is not in the source
    ("ونقلت وكالة الشمال للأنباء، أمس، عن مصدر عسكري قوله إن القوات انسحبت.", "ونقلت",
     {"source": "مصدر عسكري", "via": "وكالة الشمال للأنباء", "source_type": "anonymous",
      "content": "القوات انسحبت"}),
    # an apposition after the quoted source
    ("ونقلت صحيفة الفجر عن وزيرة البيئة، ندى الكيلاني، قولها إن التلوث تراجع.", "ونقلت",
     {"source": "ندى الكيلاني", "via": "صحيفة الفجر", "content": "التلوث تراجع"}),
    # ونقل X عن Y دعوتها Z إلى "…": the verbal noun gives the stance
    ('ونقل موقع المساء عن رابطة سكان الحي دعوتها البلدية إلى "إصلاح الطريق".', "ونقل",
     {"source": "رابطة سكان الحي", "via": "موقع المساء", "stance": "demand", "content": "إصلاح الطريق"}),
    # participles whose content follows a preposition and a quote mark
    ('وقال المحافظ إن الوضع تحت السيطرة، داعيا السكان إلى "البقاء في منازلهم".', "داعيا",
     {"stance": "demand", "content": "البقاء في منازلهم"}),
    ('وأكدت النائبة أن الأرقام خاطئة، متهمة الوزارة بـ"تضليل الرأي العام".', "متهمة",
     {"stance": "accuse", "content": "تضليل الرأي العام"}),
    ('يتهم حزب الوفاق الحكومة بـ"تبديد المال العام".', "يتهم",
     {"source": "حزب الوفاق", "stance": "accuse", "content": "تبديد المال العام"}),
    # وصف X (with a parenthetical) بأنه …: the content after بأنه; an invented figure is denied
    ('ووصف المدير التقرير الذي نشرته الصحيفة، والمؤلف من عشرين صفحة، بأنه "رقم خيالي لا أساس له".', "ووصف",
     {"content": "رقم خيالي لا أساس له", "stance": "deny", "type": "direct"}),
    ("ووصفت الوزيرة الزيارة بأنها «ناجحة بكل المقاييس».", "ووصفت",
     {"content": "ناجحة بكل المقاييس", "stance": "opinion"}),
    # titles with a ل-genitive or لدى before the name
    ("وقال المبعوث الخاص لشؤون المياه سليم الرحبي إن الأزمة تتفاقم.", "وقال",
     {"source": "سليم الرحبي", "source_role": "المبعوث الخاص لشؤون المياه"}),
    ("كتب السفير الكندي لدى الأردن مارك توماس أن الزيارة ناجحة.", "كتب",
     {"source": "مارك توماس", "source_role": "السفير الكندي لدى الأردن"}),
    # a name that starts with ل is not a genitive (النائبة لينا …)
    ("واتهمت النائبة لينا الحمدان الشركة بإخفاء الأرباح.", "واتهمت",
     {"source": "لينا الحمدان", "source_role": "النائبة", "content": "إخفاء الأرباح"}),
    # a question introduced by عما إذا
    ('وقال النائب إن الكلفة مرتفعة، متسائلا عما إذا كانت الدراسة "قد أنجزت فعلا".', "متسائلا",
     {"stance": "question"}),
]


@pytest.mark.parametrize("text,cue,expected", CASES, ids=[f"case{i:02d}" for i in range(len(CASES))])
def test_stages_attribution_resolution_mechanisms(text: str, cue: str, expected: dict) -> None:
    a = one(text, cue)
    for field, value in expected.items():
        assert a.get(field) == value, f"{field}: {a.get(field)!r} != {value!r} in {a!r}"


def test_stages_attribution_resolution_object_is_not_a_family_name() -> None:
    # the definite word after the name is the verb's object, not a family name
    a = one("أكد سامي الاستعداد للحوار مع المعارضة.", "أكد")
    assert a["source"] == "سامي"


def test_stages_attribution_resolution_title_to_name() -> None:
    # a title alone resolves to the person named with it elsewhere, even when that mention
    # does not speak (برئاسة …)
    text = ("عقدت الحكومة اجتماعا برئاسة رئيس الوزراء، جميل الصافي، مساء الأحد. "
            "وقال رئيس الوزراء إن الميزانية ستعرض على البرلمان. وأضاف الوزير الأول أن العجز تراجع.")
    a = one(text, "وقال")
    assert a["source"] == "رئيس الوزراء"
    assert a["source_resolved"] == "جميل الصافي"
    assert a["source_type"] == "person"


def test_stages_attribution_resolution_role_to_speaker() -> None:
    text = ("قال وزير الزراعة، منذر الحاج، إن المحصول وفير. "
            "وأضاف الوزير في تصريح للصحفيين أن الأسعار ستنخفض، نافيا وجود أزمة في التوزيع.")
    assert one(text, "وأضاف")["source_resolved"] == "منذر الحاج"
    assert one(text, "نافيا")["source_resolved"] == "منذر الحاج"


def test_stages_attribution_resolution_family_name_is_a_person() -> None:
    text = "وقال المتحدث باسم البلدية، رامز الشريف، إن الأشغال بدأت. وأضاف الشريف أن الكلفة معقولة."
    a = one(text, "وأضاف")
    assert a["source"] == "الشريف"
    assert a["source_resolved"] == "رامز الشريف"
    assert a["source_type"] == "person"


def test_stages_attribution_resolution_short_institution() -> None:
    # الوزارة / النقابة → the full names, met in a coordination (بين … و…) that is not a speaker
    text = ("انطلقت المفاوضات بين وزارة الصحة والنقابة العامة للأطباء يوم الخميس. "
            "وقالت الوزارة إن العرض نهائي. وقالت النقابة إن العرض غير كاف.")
    assert one(text, "وقالت", 0)["source_resolved"] == "وزارة الصحة"
    assert one(text, "وقالت", 1)["source_resolved"] == "النقابة العامة للأطباء"


def test_stages_attribution_resolution_genitive_word_of_full_name() -> None:
    # a short name that is a genitive inside the full one (الأرصاد → الهيئة العامة للأرصاد الجوية)
    text = ("الأرصاد تحذر من عاصفة رملية\n\n"
            "حذرت الهيئة العامة للأرصاد الجوية، اليوم، من عاصفة رملية تبدأ مساء الاثنين.")
    a = one(text, "تحذر")
    assert a["source"] == "الأرصاد"
    assert a["source_resolved"] == "الهيئة العامة للأرصاد الجوية"


def test_stages_attribution_resolution_estimated_at_is_no_attribution() -> None:
    # تقدر بـ / تقدر قيمتها بـ: "is estimated at", the narrator's figure
    text = "وبنت الشركة مصنعا جديدا تقدر كلفته بنحو مليون دولار، وتقدر مساحته بألفي متر."
    assert [a for a in attributions(text) if a["cue"] in ("تقدر", "وتقدر")] == []


def test_stages_attribution_resolution_anonymity_clause_is_no_cue() -> None:
    # ذكر in طلب عدم ذكر اسمه is the speaker's anonymity, not a second statement
    text = "وقال ضابط في الشرطة، طلب عدم ذكر اسمه، إن التحقيق مستمر."
    found = attributions(text)
    assert [a["cue"] for a in found] == ["وقال"]
    assert found[0]["source_type"] == "anonymous"
    # a participle form of the clause between the speaker and a colon
    a = one('وقال أحد الباعة، رافضا ذكر اسمه: "الأسعار تضاعفت".', "وقال")
    assert a["content"] == "الأسعار تضاعفت"
    assert a["anonymous"] is True
