"""Arabic normalisation for NER matching (character maps, no offsets needed here).

Folds diacritics, tatweel, directional marks, alef/yaa/taa-marbuta variants and Arabic-Indic
digits so that ANERcorp (hamzated) and NewsFANE (de-hamzated) spellings meet, and so that
gazetteer and alias look-ups ignore spelling noise. Token-level only: the entities stage keeps
offsets itself (it never maps a normalised string back to raw text).
"""

from __future__ import annotations

import re
from functools import lru_cache

_DROP = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\ufeff]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
})

# Proclitic chains kept by ANERcorp-style tokenisation, longest first: conjunction (و ف),
# preposition (ب ل ك), article (ال); "لل" is ل + ال with the alef dropped.
_PROCLITIC = re.compile(r"^(?:(?P<c>[وف])?(?:(?P<p>[بكل])?(?P<a>ال)|(?P<ll>لل)|(?P<p2>[بكل])))")
_PROCLITIC_CONJ = re.compile(r"^[وف](?=..)")


@lru_cache(maxsize=262144)
def norm(word: str) -> str:
    """The folded form of one token (lower-cased for Latin script)."""
    return _DROP.sub("", word).translate(_FOLD).lower()


def strip_proclitics(n: str) -> tuple[str, str]:
    """Split a normalised word into (proclitics, rest); rest keeps at least two letters.

    ``والحكومه`` -> (``وال``, ``حكومه``); ``لداعش`` -> (``ل``, ``داعش``); ``بوتين`` is left
    alone only when the rest would be too short (the caller keeps both forms as features).
    """
    m = _PROCLITIC.match(n)
    if m and len(n) - m.end() >= 2:
        return n[:m.end()], n[m.end():]
    m = _PROCLITIC_CONJ.match(n)
    if m:
        return n[:1], n[1:]
    return "", n


def strip_article(n: str) -> str:
    """A normalised word without its proclitics but also without a bare ``ال``."""
    return strip_proclitics(n)[1]


def norm_phrase(text: str) -> str:
    """Normalise a multi-word name: fold every word, single spaces."""
    return " ".join(norm(w) for w in text.split())


@lru_cache(maxsize=262144)
def lookup_variants(n: str) -> tuple[str, ...]:
    """Candidate forms of a normalised word for lexicon look-up, surface form first.

    ``والرقه`` -> (``والرقه``, ``الرقه``, ``رقه``); ``لسوريا`` -> (``لسوريا``, ``سوريا``);
    ``للتحالف`` -> (``للتحالف``, ``التحالف``, ``تحالف``). Cached: call it freely.
    """
    out = [n]
    m = _PROCLITIC.match(n)
    if m and len(n) - m.end() >= 2:
        rest = n[m.end():]
        if m.group("a") or m.group("ll"):
            out.append("ال" + rest)
        out.append(rest)
    elif _PROCLITIC_CONJ.match(n):
        out.append(n[1:])
    return tuple(dict.fromkeys(out))


def longest_matches(norms: list[str], first_words, keys, max_len: int) -> list[tuple[int, int, str]]:
    """Longest non-overlapping phrase matches over normalised tokens: ``(i, j, key)`` where
    ``key`` (in ``keys``) is tokens ``i..j`` joined by spaces, the first token read through
    :func:`lookup_variants` (clitics off). Shared by the alias table and the gazetteer."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(norms)
    while i < n:
        hit = None
        for first in lookup_variants(norms[i]):
            if first not in first_words:
                continue
            for j in range(min(n, i + max_len), i, -1):
                key = " ".join([first, *norms[i + 1:j]])
                if key in keys:
                    if hit is None or j > hit[1]:
                        hit = (i, j, key)
                    break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out
