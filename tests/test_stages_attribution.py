"""Attribution stage: one short news-style fixture per mechanism (fixtures written for rawi)."""

from __future__ import annotations

import pytest

from rawi.model import Document
from rawi.stages.attribution import find_attributions


def attributions(text: str, title: str = "") -> list[dict]:
    doc = Document(id="t", text=text, title=title)
    doc = find_attributions(doc)
    return [a.to_dict(doc.text) for a in doc.attributions]


def one(text: str, cue: str) -> dict:
    found = [a for a in attributions(text) if a["cue"] == cue]
    assert found, f"no attribution with cue {cue!r} in {attributions(text)!r}"
    return found[0]


# (sentence, cue, expected fields): every listed field must equal the attribution's value
CASES = [
    # VSO with a named speaker and a title split off
    ("وقال وزير الخارجية الأردني أيمن الصفدي إن المحادثات كانت مثمرة.", "وقال",
     {"source": "أيمن الصفدي", "source_role": "وزير الخارجية الأردني", "source_type": "person",
      "content": "المحادثات كانت مثمرة", "type": "indirect", "stance": "assert"}),
    # appositive role between commas, after the name
    ("وأكد خالد العمري، المتحدث باسم الحكومة، أن الانتخابات ستجري في موعدها.", "وأكد",
     {"source": "خالد العمري", "source_role": "المتحدث باسم الحكومة", "content": "الانتخابات ستجري في موعدها"}),
    # appositive name between commas, after the title
    ("قال الرئيس الفرنسي، إيمانويل ماكرون، إن بلاده لن تتراجع.", "قال",
     {"source": "إيمانويل ماكرون", "source_role": "الرئيس الفرنسي", "content": "بلاده لن تتراجع"}),
    # SVO
    ("المصدر قال إن الاجتماع تأجل إلى الأسبوع المقبل.", "قال",
     {"source": "المصدر", "source_type": "anonymous", "anonymous": True, "content": "الاجتماع تأجل إلى الأسبوع المقبل"}),
    # direct quote after the cue
    ('وقالت الوزيرة "لن نسمح بتكرار ما حدث".', "وقالت",
     {"source": "الوزيرة", "type": "direct", "content": "لن نسمح بتكرار ما حدث"}),
    # colon then guillemets
    ("وأضاف المتحدث: «سنرد في الوقت المناسب».", "وأضاف",
     {"type": "direct", "content": "سنرد في الوقت المناسب"}),
    # mixed: a quoted fragment inside a paraphrase
    ('وأوضح النائب أن القرار "خطوة في الاتجاه الصحيح" رغم التحفظات.', "وأوضح",
     {"type": "mixed", "content": 'القرار "خطوة في الاتجاه الصحيح" رغم التحفظات'}),
    # a quoted name does not make a paraphrase mixed
    ('وذكر المرصد أن مقاتلي تنظيم "داعش" انسحبوا من البلدة.', "وذكر",
     {"type": "indirect", "source_type": "organization"}),
    # verbal-noun content
    ("أكد مسؤول عراقي انسحاب القوات الأجنبية من القاعدة.", "أكد",
     {"source": "مسؤول عراقي", "source_type": "official", "content": "انسحاب القوات الأجنبية من القاعدة"}),
    # accuse with target and content after ب
    ("اتهمت وزارة الخارجية الإيرانية الولايات المتحدة بتأجيج التوتر في المنطقة.", "اتهمت",
     {"source": "وزارة الخارجية الإيرانية", "stance": "accuse", "target": "الولايات المتحدة",
      "content": "تأجيج التوتر في المنطقة", "source_type": "organization"}),
    # deny by verb class
    ("ونفى الجيش وقوع إصابات بين المدنيين.", "ونفى",
     {"source": "الجيش", "stance": "deny", "content": "وقوع إصابات بين المدنيين"}),
    # deny by content with a neutral verb
    ('وقال المتحدث باسم الشرطة إن "هذه الأنباء عارية عن الصحة".', "وقال",
     {"stance": "deny", "type": "direct", "content": "هذه الأنباء عارية عن الصحة"}),
    # warn with من
    ("وحذر الأمين العام من تدهور الأوضاع الإنسانية.", "وحذر",
     {"stance": "warn", "content": "تدهور الأوضاع الإنسانية"}),
    # demand with إلى
    ("ودعت المنظمة إلى وقف فوري لإطلاق النار.", "ودعت",
     {"stance": "demand", "content": "وقف فوري لإطلاق النار", "source_type": "organization"}),
    # opinion
    ("واعتبر المحلل أن الاتفاق لن يصمد طويلا.", "واعتبر",
     {"stance": "opinion", "source_type": "official"}),
    # question
    ("وتساءل الكاتب عن جدوى المفاوضات الجارية.", "وتساءل",
     {"stance": "question", "content": "جدوى المفاوضات الجارية"}),
    # channel
    ("وقال رئيس الوزراء في مؤتمر صحفي إن الحكومة ستخفض الضرائب.", "وقال",
     {"channel": "في مؤتمر صحفي", "content": "الحكومة ستخفض الضرائب"}),
    # channel with a quoted platform
    ('وكتب النائب على صفحته في "فيسبوك" أن الجلسة ألغيت.', "وكتب",
     {"channel": 'على صفحته في "فيسبوك"', "content": "الجلسة ألغيت"}),
    # via with ل
    ("وقال مصدر أمني لوكالة الأنباء الألمانية إن الهجوم أسفر عن قتيلين.", "وقال",
     {"source": "مصدر أمني", "via": "وكالة الأنباء الألمانية", "anonymous": True}),
    # ونقلت X عن Y: Y speaks, X is the conduit
    ("ونقلت رويترز عن مسؤول أمريكي أن المحادثات ستستأنف.", "ونقلت",
     {"source": "مسؤول أمريكي", "via": "رويترز", "content": "المحادثات ستستأنف"}),
    # anonymity clause
    ("وقال مسؤول طلب عدم الكشف عن اسمه إن الصفقة شبه منجزة.", "وقال",
     {"source": "مسؤول", "anonymous": True, "source_type": "anonymous", "content": "الصفقة شبه منجزة"}),
    # according to, phrase at the start
    ("وبحسب وزارة الصحة، ارتفع عدد الضحايا إلى خمسين.", "وبحسب",
     {"source": "وزارة الصحة", "type": "according_to", "content": "ارتفع عدد الضحايا إلى خمسين"}),
    # according to, phrase at the end
    ("ارتفعت أسعار الوقود بنسبة عشرة في المئة، وفقا لهيئة الإحصاء.", "وفقا",
     {"type": "according_to", "content": "ارتفعت أسعار الوقود بنسبة عشرة في المئة"}),
    # بحسب ما قاله X: the verb belongs to the cue
    ("وقتل ثلاثة أشخاص في الانفجار، بحسب ما قاله الدفاع المدني.", "بحسب ما قاله",
     {"source": "الدفاع المدني", "type": "according_to"}),
    # media as speaker
    ("وذكرت وكالة رويترز أن الشركة ألغت الصفقة.", "وذكرت",
     {"source": "وكالة رويترز", "source_type": "media"}),
    # document as speaker
    ("وأضاف البيان أن الوفد سيزور العاصمة الشهر المقبل.", "وأضاف",
     {"source": "البيان", "source_type": "document"}),
    # group as speaker
    ("وقال ناشطون إن القصف استهدف سوقا شعبيا.", "وقال",
     {"source": "ناشطون", "source_type": "group"}),
    # plural verb: no subject after it, the paraphrase follows
    ("وأكد الوزراء أن التعاون سيستمر، وشددوا على أهمية الحوار.", "وشددوا",
     {"source": None, "content": "أهمية الحوار"}),
    # coordination: two speakers joined by و stay in one source phrase
    ("وقالت الولايات المتحدة والاتحاد الأوروبي إن العقوبات ستبقى.", "وقالت",
     {"source": "الولايات المتحدة والاتحاد الأوروبي"}),
    # future imperfect
    ("وسيقول الرئيس في خطابه إن المرحلة المقبلة صعبة.", "وسيقول",
     {"source": "الرئيس", "channel": "في خطابه"}),
    # unclosed quote ends with its sentence
    ('وحذر السفير من "عواقب وخيمة. وأعلنت الوزارة أن الاجتماع انتهى.', "وأعلنت",
     {"source": "الوزارة", "content": "الاجتماع انتهى"}),
    # a quoted outlet after لـ is the conduit
    ('وقالت مصادر محلية لـ"سكاي نيوز عربية" إن الطريق أغلق.', "وقالت",
     {"source": "مصادر محلية", "via": "سكاي نيوز عربية", "anonymous": True, "content": "الطريق أغلق"}),
    # a family name written with ال resolves to the full name given earlier
    ("وقال الرئيس المصري عبد الفتاح السيسي إن الوضع مستقر. وأضاف السيسي أن الاقتصاد يتحسن.", "وأضاف",
     {"source": "السيسي", "source_resolved": "عبد الفتاح السيسي", "source_type": "person"}),
    # a homograph of a cue form (فرات = ف + رأت) is a name here
    ("وأضاف فرات خليل أن الحكومة استعادت الأحياء.", "وأضاف",
     {"source": "فرات خليل"}),
    # ونقلت X عن Y قوله: the conduit, the speaker, and قوله is not part of the name
    ("ونقلت الوكالة عن الزعيم الكوري الشمالي كيم جونغ أون قوله إن السلام ممكن.", "ونقلت",
     {"source": "كيم جونغ أون", "via": "الوكالة", "content": "السلام ممكن"}),
    # a quotation followed directly by a new cue ends there (direct, not mixed)
    ('وتحدث الوزير عن الاتفاق، قائلا: "سنلتزم به،" مضيفا: "لن نتراجع".', "قائلا",
     {"type": "direct", "content": "سنلتزم به"}),
    # hamza-initial name is not read as the article
    ("وقال ألكسندر بيسونيت إنه نادم على ما فعل.", "وقال",
     {"source": "ألكسندر بيسونيت", "source_type": "person"}),
]


@pytest.mark.parametrize("text,cue,expected", CASES, ids=[f"case{i:02d}" for i in range(len(CASES))])
def test_stages_attribution_mechanisms(text: str, cue: str, expected: dict) -> None:
    a = one(text, cue)
    for field, value in expected.items():
        assert a.get(field) == value, f"{field}: {a.get(field)!r} != {value!r} in {a!r}"


def test_stages_attribution_prodrop_agrees_in_gender() -> None:
    text = ("وقالت وزارة الصحة إن المستشفيات ممتلئة. وقال المدير العام للمستشفى إن الأدوية نفدت. "
            "وأضافت أن فرق الإسعاف تعمل بلا توقف.")
    a = one(text, "وأضافت")
    assert a["source"] is None
    assert a["source_resolved"] == "وزارة الصحة"


def test_stages_attribution_participle_takes_main_speaker() -> None:
    text = "أعلن الجيش السيطرة على المدينة، مضيفا أن العمليات ستتواصل."
    a = one(text, "مضيفا")
    assert a["source"] is None and a["source_resolved"] == "الجيش"
    assert a["content"] == "العمليات ستتواصل"


def test_stages_attribution_resolves_short_mentions_to_fullest() -> None:
    text = ("وقال الرئيس الأمريكي دونالد ترامب إن الصفقة سيئة. "
            "وأضاف ترامب أن بلاده ستنسحب منها. "
            "وقال مصدر دبلوماسي غربي إن الحلفاء فوجئوا. وأوضح المصدر أن المشاورات مستمرة.")
    assert one(text, "وأضاف")["source_resolved"] == "دونالد ترامب"
    assert one(text, "وأوضح")["source_resolved"] == "مصدر دبلوماسي غربي"


def test_stages_attribution_headline_speaker_colon() -> None:
    text = "لافروف: الغرب يتحمل مسؤولية التصعيد\n\nقال وزير الخارجية الروسي سيرغي لافروف إن الغرب يتحمل المسؤولية."
    found = attributions(text, title="لافروف: الغرب يتحمل مسؤولية التصعيد")
    head = [a for a in found if a["cue"] == ":"]
    assert head and head[0]["type"] == "direct"
    assert head[0]["content"] == "الغرب يتحمل مسؤولية التصعيد"
    assert head[0]["source_resolved"] == "سيرغي لافروف"


def test_stages_attribution_headline_place_label_is_not_attribution() -> None:
    text = "سوريا: قصف جديد على ريف إدلب\n\nقتل خمسة مدنيين في قصف على ريف إدلب."
    assert not [a for a in attributions(text, title="سوريا: قصف جديد على ريف إدلب") if a["cue"] == ":"]


def test_stages_attribution_nested_in_outer_content() -> None:
    text = "وقالت الوزارة إن المسؤولين الأمريكيين أكدوا أن القوات ستبقى."
    found = attributions(text)
    outer = next(i for i, a in enumerate(found) if a["cue"] == "وقالت")
    inner = next(a for a in found if a["cue"] == "أكدوا")
    assert inner["nested_in"] == outer


@pytest.mark.parametrize("text", [
    "يذكر أن الحرب اندلعت قبل سبع سنوات.",
    "وقررت المحكمة تأجيل الجلسة إلى الشهر المقبل.",
    "وأمرت الحكومة بإغلاق المدارس.",
    "واعتقلت الشرطة ثلاثة أشخاص في المدينة.",
    "وشاهد السكان أعمدة الدخان فوق المصنع.",
])
def test_stages_attribution_non_attributions(text: str) -> None:
    assert attributions(text) == []


def test_stages_attribution_offsets_survive_diacritics() -> None:
    text = "وقالَ المتحدّثُ إنّ الوضعَ هادئٌ."
    a = attributions(text)[0]
    assert text[a["cue_start"]:a["cue_end"]] == a["cue"] == "وقالَ"
    assert a["content"] == "الوضعَ هادئٌ"


@pytest.mark.parametrize("with_sentences", [False, True])
def test_stages_attribution_same_with_or_without_doc_sentences(with_sentences: bool) -> None:
    from rawi.model import Sentence
    text = "وقال المتحدث إن الوضع هادئ. وأضاف أن الطرق مفتوحة."
    sents = (Sentence(0, 28), Sentence(29, len(text))) if with_sentences else ()
    doc = Document(id="t", text=text, sentences=sents)
    out = find_attributions(doc).attributions
    assert [doc.span_text(a.content) for a in out] == ["الوضع هادئ", "الطرق مفتوحة"]


def test_stages_attribution_multi_sentence_quote_stays_one_content() -> None:
    text = 'وقال الوزير: "الوضع صعب. لكننا سننتصر". وأضاف أن الدعم مستمر.'
    a = one(text, "وقال")
    assert a["type"] == "direct" and a["content"] == "الوضع صعب. لكننا سننتصر"
