"""Word tokens with clitic analysis, as :class:`rawi.model.Token` records.

A token is a run of Arabic letters (with internal diacritics / tatweel), a run of Latin or
other letters and digits, or a number (``3.5``, ``1,000``, ``٣٫٥`` stay one token); punctuation
is not a token. Arabic letter runs and digit runs are separate tokens (``4آذار`` -> ``4``,
``آذار``). Arabic words get :func:`rawi.text.clitics.peel`'s conservative analysis; analyses
are cached per distinct word, so a corpus costs one regex pass plus a dict hit a token.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rawi.model import Token
from rawi.text.clitics import analyze_clitics, peel
from rawi.text.normalize import MARKS_CLASS, normalize_text

__all__ = ["tokenize", "analyze_clitics", "word_pattern", "WORD"]

_AR_LETTER = "\u0621-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06FA-\u06FF" \
             "\uFB50-\uFD3D\uFD50-\uFDFF\uFE70-\uFEFC"
_NUM = r"\d+(?:[.,\u066B\u066C]\d+)*"
_AR = f"[{_AR_LETTER}][{_AR_LETTER}{MARKS_CLASS}]*"
_OTHER = r"[^\W\d_\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF][^\W_\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]*"

#: The word regex (numbers | Arabic letter runs | other letter-digit runs).
WORD = re.compile(f"{_NUM}|{_AR}|{_OTHER}")
_HAS_MARK = re.compile(f"[{MARKS_CLASS}]")
_IS_ARABIC = re.compile(f"[{_AR_LETTER}]")


def word_pattern() -> re.Pattern:
    """The compiled word regex (for callers that scan text the same way)."""
    return WORD


@lru_cache(maxsize=1 << 18)
def _analyse(word: str) -> tuple[int, int, tuple[str, ...], str, str]:
    """(stem start, stem end) relative to the word, prefixes, suffix, normalised stem."""
    if not _IS_ARABIC.match(word):
        return 0, len(word), (), "", normalize_text(word)
    if not _HAS_MARK.search(word):
        p = peel(word)
        return p.prefix_len, p.prefix_len + len(p.stem), p.prefixes, p.suffix, p.norm
    # map skeleton (marks removed) positions back to the surface word
    keep = [i for i, ch in enumerate(word) if not _HAS_MARK.match(ch)]
    if not keep:
        return 0, len(word), (), "", normalize_text(word)
    skel = "".join(word[i] for i in keep)
    p = peel(skel)
    a = keep[p.prefix_len] if p.prefix_len < len(keep) else len(word)
    stop = p.prefix_len + len(p.stem)  # skeleton index just after the stem
    # the stem keeps the marks on its last letter: it runs to the suffix's first letter
    b = keep[stop] if stop < len(keep) else len(word)
    return a, b, p.prefixes, p.suffix, p.norm


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their clitic analysis, in order."""
    out: list[Token] = []
    append = out.append
    analyse = _analyse
    new = tuple.__new__  # Token(...) goes through a Python-level __new__ (its defaults)
    for m in WORD.finditer(text):
        s, e = m.span()
        a, b, prefixes, suffix, norm = analyse(m.group())
        append(new(Token, (s, e, norm, s + a, s + b, prefixes, suffix)))
    return out
