"""Claim-link cues (rawi.link.claim_cues) and the mechanisms of rawi.link.claims built on them."""

from datetime import datetime, timedelta, timezone

import pytest

from rawi.link.claim_cues import counts, denial, figures_differ, keys, polarity_conflict, sides
from rawi.link.claims import Claim, document_denials, find_links
from rawi.link.groups import build_groups

T0 = datetime(2026, 3, 12, 9, 0, tzinfo=timezone.utc)


def _c(doc, idx, content, speaker, stance="assert", hours=0.0, start=0):
    return Claim(doc, idx, content, start, start + len(content), speaker, stance, T0 + timedelta(hours=hours),
                 "o", None, "organization", None)


@pytest.mark.parametrize("a,b", [
    ("اعترضت الدفاعات", "تصدت الدفاعات"),
    ("أسقطت صاروخا", "إسقاط صواريخ"),
    ("الهجوم الكيماوي", "الهجوم الكيميائي"),
    ("القوات الأمريكية", "القوات الأميركية"),
])
def test_link_claims_cues_paraphrases_share_keys(a, b):
    assert set(keys(a)) == set(keys(b))


def test_link_claims_cues_sides_of_speakers():
    assert sides("وزارة الدفاع الروسية") == {"RU"}
    assert sides("البيت الأبيض") == {"US"}
    assert sides("مصدر مطلع") == frozenset()


def test_link_claims_cues_negation_applies_to_the_predicate_after_it():
    assert polarity_conflict("الدفاعات السورية اعترضت أغلب الصواريخ", "الدفاعات السورية فشلت في إسقاط أي صاروخ")
    # both deny taking part: no conflict, whatever else they say
    assert not polarity_conflict("لم تشارك الطائرات في الضربات", "عدم مشاركة الطائرات في الضربات")


def test_link_claims_cues_figures_compare_the_same_counted_thing():
    assert figures_differ(counts("أطلقت ما بين 100 إلى 120 صاروخا"), counts("تلقينا حوالي 30 صاروخا"))
    assert not figures_differ(counts("أطلقت 103 صواريخ"), counts("أطلقت 110 صواريخ"))  # within 30 %
    assert not figures_differ(counts("أربع طائرات على بعد 15 ميلا"), counts("أطلقت 103 صواريخ"))


def test_link_claims_cues_denial_formulas():
    assert denial("هذه الأخبار كاذبة")
    assert denial("حادثة دوما مجرد مسرحية")
    assert not denial("الضربات حققت أهدافها")


def test_link_claims_denial_by_the_accused_side_links_to_first_accusation():
    acc = _c("a", 0, "واثق بأن النظام السوري مسؤول عن الهجوم الكيمياوي في دوما", "البيت الأبيض", "accuse")
    rep = _c("b", 0, "النظام السوري نفذ الهجوم الكيمياوي في مدينة دوما", "البيت الأبيض", "accuse", hours=4)
    den = _c("c", 0, "استخدام أي أسلحة كيميائية في دوما", "الحكومة السورية", "deny", hours=8)
    links = find_links([acc, rep, den])
    denies = [l for l in links if l.relation == "denies"]
    assert [(l.a.doc_id, l.b.doc_id) for l in denies] == [("a", "c")]
    assert any(l.relation == "same" for l in links)


def test_link_claims_same_side_never_denies_itself():
    acc = _c("a", 0, "واثق بأن النظام السوري مسؤول عن الهجوم الكيمياوي في دوما", "البيت الأبيض", "accuse")
    den = _c("c", 0, "التقارير عن الهجوم الكيمياوي في دوما كاذبة", "وزارة الخارجية الأمريكية", "deny", hours=8)
    assert not [l for l in find_links([acc, den]) if l.relation == "denies"]


def test_link_claims_same_document_denial_attaches_to_the_claim_it_answers():
    text_claim = "القوات الجوية الأمريكية قامت بإجلاء أكثر من 22 قياديا من دير الزور"
    claim = _c("s", 0, text_claim, "مصدر عسكري دبلوماسي", start=0)
    other = _c("s", 1, "الولايات المتحدة لا تزال ترى معنى وجودها في المواجهة مع روسيا", "مسؤول روسي", start=100)
    news = _c("s", 2, "الأنباء التي تحدثت عن إجلائه أكثر من 22 قياديا من دير الزور", "التحالف الدولي", "deny",
              start=200)
    short = _c("s", 3, "هذه الأخبار كاذبة", "متحدث باسم التحالف", "deny", start=300)
    claims = [claim, other, news, short]
    dd = document_denials(claims)
    assert {(l.a.idx, l.b.idx) for l in dd} == {(0, 2), (0, 3)}
    assert not find_links(claims)  # cross-article links only
    g = [g for g in build_groups(claims, find_links(claims)) if claim in g.claims][0]
    assert len(g.denials) == 2
