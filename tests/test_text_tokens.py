"""Tests for rawi.text.tokens and rawi.text.clitics: words, offsets and clitic analysis."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.model import Token
from rawi.text.clitics import analyze_clitics, clitic_data, peel
from rawi.text.tokens import tokenize


def _one(word: str) -> tuple[tuple[str, ...], str, str, str]:
    (tok,) = tokenize(word)
    return tok.prefixes, word[tok.stem_start:tok.stem_end], tok.suffix, tok.norm


CLITIC_CASES = [
    # word, prefixes, surface stem, suffix, norm
    ("وقال", ("و",), "قال", "", "قال"),
    ("فقال", ("ف",), "قال", "", "قال"),
    ("وأكدت", ("و",), "أكدت", "", "اكدت"),
    ("لداعش", ("ل",), "داعش", "", "داعش"),
    ("بالحكومة", ("ب", "ال"), "حكومة", "", "حكومه"),
    ("للحكومة", ("ل", "ال"), "حكومة", "", "حكومه"),
    ("وللحكومة", ("و", "ل", "ال"), "حكومة", "", "حكومه"),
    ("والوزير", ("و", "ال"), "وزير", "", "وزير"),
    ("فالمعارضة", ("ف", "ال"), "معارضة", "", "معارضه"),
    ("كالعادة", ("ك", "ال"), "عادة", "", "عاده"),
    ("وبالتنسيق", ("و", "ب", "ال"), "تنسيق", "", "تنسيق"),
    ("سيكون", ("س",), "يكون", "", "يكون"),
    ("وستعقد", ("و", "س"), "تعقد", "", "تعقد"),
    ("رئيسها", (), "رئيس", "ها", "رييس"),
    ("حكومته", (), "حكومت", "ه", "حكومه"),  # taa marbuta restored in the norm
    ("وحلفائهم", ("و",), "حلفائ", "هم", "حلفاي"),
    ("بلادنا", (), "بلاد", "نا", "بلاد"),
    # protected: the leading / trailing letters belong to the word
    ("وزير", (), "وزير", "", "وزير"),
    ("وزيرها", (), "وزير", "ها", "وزير"),
    ("فرنسا", (), "فرنسا", "", "فرنسا"),
    ("بيروت", (), "بيروت", "", "بيروت"),
    ("لبنان", (), "لبنان", "", "لبنان"),
    ("ولبنان", ("و",), "لبنان", "", "لبنان"),
    ("الله", (), "الله", "", "الله"),
    ("التي", (), "التي", "", "التي"),
    ("تفاهم", (), "تفاهم", "", "تفاهم"),
    ("اتجاه", (), "اتجاه", "", "اتجاه"),
    ("عليه", (), "عليه", "", "عليه"),
    ("كما", (), "كما", "", "كما"),
    ("لكن", (), "لكن", "", "لكن"),
    # too short to split
    ("وقع", (), "وقع", "", "وقع"),
    ("بها", (), "بها", "", "بها"),
    ("منهم", (), "منهم", "", "منهم"),
    # nisba adjectives and second-person endings are never split in tokens
    ("العربي", ("ال",), "عربي", "", "عربي"),
    ("دولي", (), "دولي", "", "دولي"),
    ("هناك", (), "هناك", "", "هناك"),
    # diacritics and tatweel inside the word
    ("وَقَالَ", ("و",), "قَالَ", "", "قال"),
    ("والـــوزير", ("و", "ال"), "وزير", "", "وزير"),
]


@pytest.mark.parametrize("word, prefixes, stem, suffix, norm", CLITIC_CASES)
def test_tokens_clitics(word: str, prefixes: tuple, stem: str, suffix: str, norm: str) -> None:
    assert _one(word) == (prefixes, stem, suffix, norm)


@pytest.mark.parametrize(
    "word, first, also",
    [
        ("وقال", (("و",), "قال", ""), [((), "وقال", "")]),
        ("لداعش", (("ل",), "داعش", ""), [((), "لداعش", "")]),
        ("وأكدت", (("و",), "أكدت", ""), [((), "وأكدت", "")]),
        ("حكومته", ((), "حكومت", "ه"), [((), "حكومة", "ه"), ((), "حكومته", "")]),
        ("للجنة", (("ل", "ال"), "لجنة", ""), [(("ل", "ال"), "جنة", ""), ((), "للجنة", "")]),
        ("وزير", ((), "وزير", ""), [(("و",), "زير", "")]),
        ("كتابك", ((), "كتابك", ""), [((), "كتاب", "ك")]),
        ("والسلام", (("و", "ال"), "سلام", ""), [(("و",), "السلام", ""), ((), "والسلام", "")]),
    ],
)
def test_tokens_analyze_clitics(word: str, first: tuple, also: list) -> None:
    got = analyze_clitics(word)
    assert got[0] == first
    for a in also:
        assert a in got
    assert len(got) == len(set(got))


def test_tokens_analyze_clitics_empty() -> None:
    assert analyze_clitics("") == []
    assert analyze_clitics("\u064e") == []


def test_tokens_words_and_punctuation() -> None:
    text = "قال: «الوضع مستقر»، وأضاف (3.5%) أن G20 و4آذار… ٣٫٥"
    toks = tokenize(text)
    assert [text[t.start:t.end] for t in toks] == [
        "قال", "الوضع", "مستقر", "وأضاف", "3.5", "أن", "G20", "و", "4", "آذار", "٣٫٥"]
    assert all(isinstance(t, Token) for t in toks)
    assert toks[-1].norm == "3.5"


def test_tokens_offsets_are_surface_offsets() -> None:
    text = "  وللحكومةِ رئيسها"
    a, b = tokenize(text)
    assert text[a.start:a.end] == "وللحكومةِ"
    assert text[a.stem_start:a.stem_end] == "حكومةِ"
    assert text[b.stem_start:b.stem_end] == "رئيس" and b.suffix == "ها"


def test_tokens_lexicon_has_protection_lists() -> None:
    d = clitic_data()
    assert "الله" in d.keep_pre and "وزير" in d.keep_pre
    assert len(d.keep_pre) > 1000  # the corpus-derived list is loaded
    assert d.primary_suffixes[0] == "هما"


def test_tokens_peel_is_cached_and_pure() -> None:
    assert peel("وقال") is peel("وقال")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("وفبلكسالةتهمنايـَُ .،3")), max_size=40))
def test_tokens_offsets_property(text: str) -> None:
    prev = 0
    for t in tokenize(text):
        assert prev <= t.start <= t.stem_start <= t.stem_end <= t.end <= len(text)
        assert t.start < t.end
        prev = t.end
        if t.prefixes or t.suffix:
            assert t.stem_end > t.stem_start


def test_tokens_clitic_stats_derive_protects_unattested_remainders() -> None:
    from collections import Counter

    from rawi.text.clitic_stats import derive

    counts = Counter({"وزير": 100, "الوزير": 60, "قال": 90, "وقال": 80, "تفاهم": 40,
                      "التفاهم": 30, "رئيس": 120, "رئيسه": 20, "اللجنة": 50, "للجنة": 30,
                      "الجنة": 5})
    rows = {(kind, form): cls for kind, form, cls in derive(counts)}
    assert rows[("keep", "وزير")] == "pre"
    assert ("keep", "وقال") not in rows and ("keep", "رئيسه") not in rows
    assert rows[("keep", "تفاهم")] == "suf"
    assert ("lam", "للجنة") in rows
