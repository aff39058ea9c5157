"""Attribution cue lexicon: inflection generation and the compiled cue regex."""

from __future__ import annotations

import pytest

from rawi.stages.attribution.cues import Lemma, cue_lexicon, inflect, trie_regex
from rawi.stages.attribution.textutil import fold


def _forms(lemma: Lemma) -> dict[str, tuple[str, str, str]]:
    return {w: (f.kind, f.gender, f.number) for w, f in inflect(lemma)}


def test_stages_attribution_cues_inflect_sound_verb() -> None:
    forms = _forms(Lemma(fold("أضاف"), fold("يضيف"), fold("مضيف"), (), "assert", frozenset({"weak"})))
    expected = {
        "اضاف": ("perfect", "m", "sg"), "اضافت": ("perfect", "f", "sg"), "اضافوا": ("perfect", "m", "pl"),
        "اضافا": ("perfect", "m", "du"), "اضافتا": ("perfect", "f", "du"),
        "يضيف": ("imperfect", "m", "sg"), "تضيف": ("imperfect", "f", "sg"), "يضيفون": ("imperfect", "m", "pl"),
        "سيضيف": ("imperfect", "m", "sg"),
        "مضيفا": ("participle", "m", "sg"), "مضيفة": ("participle", "f", "sg"), "مضيفين": ("participle", "m", "pl"),
        "واضاف": ("perfect", "m", "sg"), "فاضافت": ("perfect", "f", "sg"), "ويضيف": ("imperfect", "m", "sg"),
    }
    for word, analysis in expected.items():
        assert forms.get(word) == analysis, word


def test_stages_attribution_cues_inflect_defective_verbs() -> None:
    nafa = _forms(Lemma(fold("نفى"), fold("ينفي"), fold("نافي"), ("نفي",), "deny", frozenset({"np"})))
    for word in ("نفي", "نفت", "نفوا", "نفيا", "ينفي", "تنفي", "ينفون", "نافيا", "نافية", "ونفت", "النفي"):
        assert word in nafa, word
    daa = _forms(Lemma(fold("دعا"), fold("يدعو"), None, (), "demand", frozenset({"الي"})))
    for word in ("دعا", "دعت", "دعوا", "دعتا", "يدعو", "تدعو", "يدعون", "ودعت"):
        assert word in daa, word


def test_stages_attribution_cues_lexicon_has_brief_forms() -> None:
    forms = cue_lexicon().forms
    for word in ("وقال", "وأضافت", "مضيفا", "قائلا", "مشيرا", "مؤكدا", "نافيا", "متهما", "وأردف", "اتهمت",
                 "يتهم", "حذر", "تساءل", "تصريحات", "وأكدوا"):
        assert fold(word) in forms, word
    assert forms[fold("قائلا")].lemma.stance == "assert"
    assert forms[fold("نافيا")].lemma.stance == "deny"
    assert forms[fold("اتهمت")].gender == "f"


@pytest.mark.parametrize("words", [["قال", "قالت", "قالوا"], ["ا", "ab", "abc", "b"]])
def test_stages_attribution_cues_trie_regex_matches_exactly_the_words(words: list[str]) -> None:
    import re
    rx = re.compile("^(?:" + trie_regex(words) + ")$")
    for w in words:
        assert rx.match(w), w
    for w in ("قا", "قالتا", "bc", "abcd"):
        if w not in words:
            assert not rx.match(w), w


def test_stages_attribution_cues_regex_finds_generated_forms() -> None:
    lex = cue_lexicon()
    text = fold("وقال المتحدث إن الجيش نفى ذلك، مضيفا أن التحقيق مستمر")
    assert [m.group() for m in lex.regex.finditer(text)] == [fold("وقال"), fold("نفى"), fold("مضيفا")]
