"""Text folding with an offset map, and lexicon loading, shared by the dates and numbers stages.

:func:`fold` returns a matching copy of the text (alef/yaa/taa-marbuta folded, Arabic-Indic
digits made Latin, diacritics and tatweel dropped) and ``offsets`` such that character ``i``
of the folded text is character ``offsets[i]`` of the raw text. Regexes run on the folded
text; :func:`raw_span` maps a folded span back to raw offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rawi.errors import RawiError

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"

_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_KEEP_RUN = re.compile("[^\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "٫": ".", "٬": ",", "٪": "%", "\u00a0": " ", "\u200f": " ", "\u200e": " ", "\u200b": " ",
})

# Proclitics that may be glued to a date or number phrase: و ف ب ل ك (one or two).
START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك])|(?<=[^\W\d_A-Za-z])(?=\d))"
# (the last branch: digits glued to an Arabic word, as in ضمنها250 or في2013)
END = r"(?!\w)"


class LexiconError(RawiError):
    """A lexicon data file is missing or malformed."""

    code = "E030"


@lru_cache(maxsize=8)
def fold(text: str) -> tuple[str, list[int] | None]:
    """Folded copy of ``text`` and the offset map (``None`` when it is the identity)."""
    mapped = text.translate(_MAP)
    if not _DROP.search(mapped):
        return mapped, None
    keep: list[int] = []
    parts: list[str] = []
    for m in _KEEP_RUN.finditer(mapped):
        keep.extend(range(m.start(), m.end()))
        parts.append(m.group(0))
    return "".join(parts), keep


def fold_word(s: str) -> str:
    """Fold a lexicon entry the same way as the text."""
    return _DROP.sub("", s.translate(_MAP))


def raw_span(offsets: list[int] | None, start: int, end: int, raw_len: int) -> tuple[int, int]:
    """Map a folded ``[start, end)`` to raw offsets (trailing diacritics stay with the word)."""
    if offsets is None:
        return start, end
    rs = offsets[start] if start < len(offsets) else raw_len
    re_ = offsets[end] if end < len(offsets) else raw_len
    # do not swallow spaces that followed dropped characters
    return rs, max(rs, re_)


@lru_cache(maxsize=None)
def load_tsv(name: str, min_cols: int = 2) -> tuple[tuple[str, ...], ...]:
    """Rows of a ``#``-commented TSV lexicon in ``rawi/lexicons``."""
    path = LEXICONS / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(str(path), f"cannot read lexicon: {exc.strerror}") from exc
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = tuple(c.strip() for c in line.split("\t"))
        if len(cols) < min_cols:
            raise LexiconError(f"{path}:{n}", f"expected {min_cols} tab-separated columns")
        rows.append(cols)
    return tuple(rows)


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of folded words, longest first, spaces matching any blank."""
    out = sorted({fold_word(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in out)


_TOKEN = re.compile(r"\w+")
_PROCLITIC = frozenset("وفبلك")
_DIGITS = frozenset("0123456789")
_GLUED_DIGITS = re.compile(r"(?<=[^\W\d_A-Za-z])\d[\d.,]*$")


def scan(pattern: re.Pattern, norm: str, first: frozenset[str], handle) -> None:
    """Try ``pattern.match`` only where a word (after up to two proclitics) is in ``first`` or
    starts with a digit (``first`` must hold every word a match can start with): much faster
    than letting the regex try every position. ``handle(match)`` returns the end it consumed,
    or None to reject the match (scanning then goes on from the next word)."""
    pos_end = 0
    match = pattern.match

    def glued(tok: re.Match) -> None:  # ضمنها250, في2013: digits glued to a word
        nonlocal pos_end
        g = _GLUED_DIGITS.search(tok.group())
        if g and g.start() > 0:
            m = match(norm, tok.start() + g.start())
            if m:
                end = handle(m)
                if end is not None:
                    pos_end = end

    for tok in _TOKEN.finditer(norm):
        w = tok.group()
        c0 = w[0]
        start = tok.start()
        if start < pos_end:
            continue
        if c0 not in _PROCLITIC and w not in first and c0 not in _DIGITS and not (
                c0 == "ا" and w[2:3] in _DIGITS and w[1:2] == "ل"):
            if w[-1] in _DIGITS:
                glued(tok)
            continue  # the common case: a word no match can start with
        for off in (0, 1, 2):
            if off and (off > len(w) - 1 or w[off - 1] not in _PROCLITIC):
                break
            rest = w[off:] if off else w
            if rest in first or rest[0] in _DIGITS or (rest[:2] == "ال" and rest[2:3] in _DIGITS):
                m = match(norm, start + off)
                if m:
                    end = handle(m)
                    if end is not None:
                        pos_end = end
                        break
        if w[-1] in _DIGITS and start >= pos_end:
            glued(tok)
