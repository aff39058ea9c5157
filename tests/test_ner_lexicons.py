"""Alias table, gazetteer and within-article linking."""

from __future__ import annotations

from collections import Counter

import pytest

from rawi.ner.aliases import alias_table
from rawi.ner.gazetteer import gazetteer
from rawi.ner.link import link_names, name_words
from rawi.ner.normalize import lookup_variants, norm


def test_ner_norm_folds_spelling():
    assert norm("إسرائيلُ") == norm("اسرائيل")
    assert norm("الرقّة") == "الرقه"


@pytest.mark.parametrize("word,variants", [
    ("والرقة", ["والرقه", "الرقه", "رقه"]),
    ("لداعش", ["لداعش", "داعش"]),
])
def test_ner_lookup_variants(word, variants):
    assert lookup_variants(norm(word)) == tuple(variants)


@pytest.mark.parametrize("name", ["داعش", "لداعش", "تنظيم الدولة الإسلامية", "تنظيم الدولة", "الدولة الإسلامية"])
def test_ner_aliases_isis_one_id(name):
    a = alias_table().lookup(name)
    assert a is not None and a.id == "org:isis" and a.name == "داعش"


def test_ner_aliases_tagged_only_alias_is_not_matched_freely():
    t = alias_table()
    assert t.lookup("القاعدة").id == "org:al-qaeda"
    assert t.match_tokens([norm(w) for w in "هبطت الطائرة في القاعدة".split()]) == []
    hits = t.match_tokens([norm(w) for w in "قصف التحالف الدولي مواقع".split()])
    assert [(i, j, a.id) for i, j, a in hits] == [(1, 3, "org:us-led-coalition")]


def test_ner_aliases_fuzzy_variant():
    a = alias_table().fuzzy("كلينتسيفيتس", "PER")
    assert a is not None and a.id.startswith("per:")


def test_ner_gazetteer_place_and_clitic():
    g = gazetteer()
    p = g.resolve("بالبوكمال")
    assert p.country == "SY" and abs(p.lat - 34.45) < 0.5
    assert g.resolve("العديد").country == "QA"
    assert g.resolve("دير الزور السورية").name == "دير الزور"


def test_ner_gazetteer_country_context_resolves_ambiguity():
    g = gazetteer()
    assert {p.country for p in g.candidates("طرابلس")} >= {"LY", "LB"}
    assert g.resolve("طرابلس", Counter({"LB": 3})).country == "LB"
    assert g.resolve("طرابلس", Counter({"LY": 2})).country == "LY"


def test_ner_link_short_name_to_fullest():
    names = [name_words(x) for x in ["دونالد ترامب", "ترامب", "لترامب", "محمد علي", "علي"]]
    linked = link_names(names)
    assert linked[name_words("ترامب")] == name_words("دونالد ترامب")
    assert linked[name_words("لترامب")] == name_words("دونالد ترامب")
    assert linked[name_words("علي")] == name_words("محمد علي")


def test_ner_link_spelling_variant():
    names = [name_words(x) for x in ["يوري كلينتسيفيش", "كلينتسيفيتش"]]
    assert link_names(names)[name_words("كلينتسيفيتش")] == name_words("يوري كلينتسيفيش")
