"""Counted nouns and units of number mentions, and the approximation markers.

``singular(word)`` gives the singular base form used as a mention's ``unit``: first the
units.tsv lexicon (broken plurals, accusative forms), then a conservative generic rule
(drop the article, accusative tanween alef, sound plural endings ون/ين → base, ات → ة).
"""

from __future__ import annotations

import re

from rawi.stages.dates_norm import START, alternation, fold_word, load_tsv

_UNITS: dict[str, str] = {fold_word(r[0]): r[1] for r in load_tsv("units.tsv")}
_UNITS.update({fold_word(v): v for v in list(_UNITS.values()) if fold_word(v) not in _UNITS})
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def _context() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in load_tsv("numbers_context.tsv"):
        out.setdefault(row[1], []).append(row[0])
    return out


CONTEXT = _context()


def context_words(kind: str) -> frozenset[str]:
    """Folded single words of one type of numbers_context.tsv."""
    return frozenset(fold_word(w) for w in CONTEXT.get(kind, ()))


STOP_AFTER = context_words("stop_after")
APPROX_BEFORE = CONTEXT["approx_before"]
APPROX_AFTER = CONTEXT["approx_after"]
APPROX_BEFORE_RE = re.compile(START + "(?:" + alternation(APPROX_BEFORE) + r")\s*$")
_SCALES = frozenset(fold_word(r[0]) for r in load_tsv("number_words.tsv", 3)
                    if r[2] in ("scale", "dual", "vague"))


def looks_counted(word: str, strict: bool = False) -> bool:
    """True when a folded word after a number is a counted noun or unit (not a clause word);
    ``strict``: only the scale words and the nouns of units.tsv."""
    w = word[2:] if word.startswith("ال") and len(word) > 4 else word
    if word in _SCALES or w in _UNITS or word in _UNITS:
        return True
    if strict:
        return False
    if word in STOP_AFTER or not word.isalpha() or len(word) < 3:
        return word in _UNITS
    # accusative tanween or sound plural endings typical of counted nouns
    return bool(re.search(r"(?:[^ا]ا|ين|ات)$", word)) and not word.startswith("و")


def counted_singular(word: str) -> bool:
    """True for a folded word that is a known unit in the singular (2000 غارة, 1500 شخص,
    300 قتيلا): what follows a count above ten, unlike a year's plural subject (2016 أعضاء)."""
    if word in _SCALES:
        return True
    base = _UNITS.get(word)
    return base is not None and (fold_word(base) == word or word.endswith("ا"))


def singular(raw: str) -> str:
    """Singular base form of a counted noun or unit as written in the text."""
    word = _DIACRITICS.sub("", raw).strip()
    key = fold_word(word)
    for k in (key, key[2:] if key.startswith("ال") else None, key[1:] if key[:1] in "بل" else None):
        if k and k in _UNITS:
            return _UNITS[k]
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if len(word) >= 4 and word.endswith("ا") and word[-2] not in "اى":
        word = word[:-1]
    if len(word) >= 5 and word.endswith(("يين", "يون")):
        word = word[:-2]
    elif len(word) >= 6 and word.endswith(("ون", "ين")):
        word = word[:-2]
    elif len(word) >= 5 and word.endswith("ات"):
        word = word[:-2] + "ة"
    elif len(word) >= 5 and word.endswith("يي"):
        word = word[:-1]
    return word
