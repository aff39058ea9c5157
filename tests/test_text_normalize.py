"""Tests for rawi.text.normalize: folds, the fast path and the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.text.normalize import fold, normalize, normalize_text, strip_marks


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("وَقَالَ", "وقال"),
        ("الــــرئيس", "الرييس"),
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("على مستشفى", "علي مستشفي"),
        ("مدرسة الحكومة", "مدرسه الحكومه"),
        ("عام ٢٠١٨ و۱۳۹۷", "عام 2018 و1397"),
        ("ﻻ ﺍﻟﺴﻼﻡ", "لا السلام"),
        ("ﻷن", "لان"),
        ("قال\u200f \u202bداعش\u202c", "قال داعش"),
        ("مرحبا\u00a0بكم\u2009هنا", "مرحبا بكم هنا"),
        ("\ufeffنص", "نص"),
        ("قرآن\u0670", "قران"),
        ("٣٫٥ في المئة", "3.5 في الميه"),
        ("Latin TEXT stays", "Latin TEXT stays"),
    ],
)
def test_normalize_text_folds(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected
    assert normalize(raw).text == expected


def test_normalize_options_turn_folds_off() -> None:
    s = "مدرسة على مسؤول"
    assert normalize_text(s, fold_taa=False) == "مدرسة علي مسوول"
    assert normalize_text(s, fold_yaa=False) == "مدرسه على مسوول"
    assert normalize_text(s, fold_hamza=False) == "مدرسه علي مسؤول"
    assert normalize_text("أحمد", fold_hamza=False) == "احمد"  # alef forms always fold


def test_normalize_strip_punct_replaces_with_space() -> None:
    assert normalize_text("قال: «نعم»، ثم؟", strip_punct=True) == "قال   نعم   ثم "


def test_fold_is_aggressive_key() -> None:
    assert fold("  “داعشُ”،   قال:  إنّ! ") == "داعش قال ان"
    assert fold("الحكومةُ") == fold("الحكومه")


def test_strip_marks_keeps_letters() -> None:
    assert strip_marks("وَأَكَّدَ الــرئيس") == "وأكد الرئيس"


def test_normalize_offsets_diacritics() -> None:
    n = normalize("قَالَ")
    assert n.text == "قال"
    assert list(n.offsets) == [0, 2, 3, 5]
    assert n.to_raw(0, 3) == (0, 5)  # the trailing fatha belongs to the last letter
    assert n.to_raw(0, 1) == (0, 2)
    assert n.to_raw(1, 2) == (2, 3)


def test_normalize_offsets_ligature_one_to_many() -> None:
    raw = "ﻻ بد"
    n = normalize(raw)
    assert n.text == "لا بد"
    assert list(n.offsets) == [0, 0, 1, 2, 3, 4]
    assert n.to_raw(0, 2) == (0, 1)
    assert n.to_raw(0, 1) == (0, 1)  # half a ligature still maps to the whole raw char


def test_normalize_to_raw_does_not_swallow_bidi_marks() -> None:
    raw = "داعش\u200f قال"
    n = normalize(raw)
    assert n.text == "داعش قال"
    assert n.to_raw(0, 4) == (0, 4)


def test_normalize_to_raw_rejects_bad_span() -> None:
    with pytest.raises(ValueError):
        normalize("نص").to_raw(1, 5)


def test_normalize_to_norm_inverse() -> None:
    n = normalize("وَقَالَ الرئيس")
    for i, r in enumerate(n.offsets[:-1]):
        assert n.to_norm(r) == i


# --- properties ------------------------------------------------------------------------------

ARABIC_ALPHABET = (
    [chr(c) for c in range(0x0620, 0x0660)]  # letters, harakat
    + [chr(c) for c in range(0x0660, 0x066E)]  # digits, separators
    + ["\u0670", "\u0640", "ٱ", "ی", "ک"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + [chr(c) for c in range(0x06F0, 0x06FA)]
    + [chr(c) for c in range(0xFB50, 0xFB60)] + [chr(c) for c in range(0xFDF0, 0xFDFE)]
    + [chr(c) for c in range(0xFE70, 0xFF00)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e",
       "\u2066", "\u2069", "\ufeff", "\u061c", "\u00a0", "\u2009", "\u2028", " ", "\n", ".", "،"]
)
texts = st.text(alphabet=st.one_of(st.sampled_from(ARABIC_ALPHABET), st.characters()), max_size=150)


def _aligned(offsets, n: int, i: int) -> bool:
    return i == 0 or i == n or offsets[i] != offsets[i - 1]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_offsets_property(s: str) -> None:
    n = normalize(s)
    assert n.text == normalize_text(s)
    offs = list(n.offsets)
    assert len(offs) == len(n.text) + 1
    assert offs[-1] == len(s)
    assert all(0 <= o <= len(s) for o in offs)
    assert all(a <= b for a, b in zip(offs, offs[1:]))
    m = len(n.text)
    points = list(range(m + 1)) if m <= 30 else sorted({*range(0, m + 1, 7), m, 1, m - 1})
    for i in points:
        for j in (p for p in points if p >= i):
            rs, re_ = n.to_raw(i, j)
            assert 0 <= rs <= re_ <= len(s)
            if _aligned(offs, m, i) and _aligned(offs, m, j):
                assert normalize_text(s[rs:re_]) == n.text[i:j]
            else:  # a span cutting through a ligature maps to the whole raw character
                assert n.text[i:j] in normalize_text(s[rs:re_])


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fold_idempotent_property(s: str) -> None:
    assert fold(fold(s)) == fold(s)
    # the long-string path (replace + regex) agrees with the one-translate path
    long = s * 4 + "ـ" * 50
    assert normalize_text(long) == normalize(long).text
    assert normalize_text(long, fold_taa=False, strip_punct=True) == normalize(
        long, fold_taa=False, strip_punct=True).text
    assert normalize_text(normalize_text(s)) == normalize_text(s)
