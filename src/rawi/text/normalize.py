"""Arabic normalisation for matching, with an offset map back to the raw text.

The character maps are module-level data built once (camel_tools style): one ``str.translate``
table per option set does every fold in a single pass (diacritics and tatweel removed, alef /
hamza / yaa / taa-marbuta folded, Arabic-Indic and Persian digits to ASCII, presentation forms
expanded, zero-width and bidi marks removed, unicode spaces to ``' '``).

Because the table maps each raw character independently, ``normalize(raw[a:b])`` is the
concatenation of the per-character outputs; :class:`Normalized` keeps, for each normalised
character, the raw index it came from, so nothing downstream loses the way back.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

__all__ = [
    "Normalized", "normalize", "normalize_text", "fold", "strip_marks",
    "DIACRITICS", "TATWEEL", "MARKS_CLASS",
]

# --- character data ------------------------------------------------------------------------

#: Harakat, Quranic annotation signs and superscript alef (all removed).
DIACRITICS = (
    "".join(map(chr, range(0x064B, 0x0660)))
    + "\u0670"
    + "".join(map(chr, range(0x0610, 0x061B)))
    + "".join(map(chr, range(0x06D6, 0x06EE)))
)
TATWEEL = "\u0640"
#: A regex character class body matching every combining mark we strip (diacritics + tatweel).
MARKS_CLASS = "\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640"

#: Zero-width and bidi control characters (removed).
INVISIBLES = (
    "".join(map(chr, range(0x200B, 0x2010)))
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
    + "\uFEFF\u061C\u00AD\u2060"
)

#: Unicode spaces other than ASCII space / tab / newline (mapped to ' ').
SPACES = "\u00A0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202F\u205F\u3000"
LINE_SEPARATORS = "\u2028\u2029\u0085"  # mapped to '\n'

ALEF_VARIANTS = "أإآٱ\u0672\u0673\u0675"  # hamza above / below, madda, wasla, wavy hamzas
HAMZA_CARRIERS = {"ؤ": "و", "ئ": "ي"}
YAA_FOLDS = {"ى": "ي", "ی": "ي"}  # alef maqsura, Farsi yeh
TAA_FOLDS = {"ة": "ه"}
EXTRA_LETTERS = {"ک": "ك", "ڪ": "ك", "ھ": "ه", "ۀ": "ه", "ە": "ه"}  # Persian/Urdu shapes

DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
DIGIT_SEPARATORS = {"\u066B": ".", "\u066C": ","}  # Arabic decimal / thousands separators

PRESENTATION_RANGES = ((0xFB50, 0xFE00), (0xFE70, 0xFF00))


def _punctuation_chars() -> str:
    """Every punctuation character (Unicode category P*) in the blocks news text uses."""
    blocks = ((0x0000, 0x3000), (0xFE10, 0xFE70), (0xFF00, 0xFF66))
    return "".join(
        chr(c) for lo, hi in blocks for c in range(lo, hi)
        if unicodedata.category(chr(c)).startswith("P")
    )


@lru_cache(maxsize=None)
def _table(fold_taa: bool, fold_yaa: bool, fold_hamza: bool, strip_punct: bool) -> dict[int, str]:
    """The translate table for one option set (built once per set, then cached)."""
    base: dict[str, str] = {}
    for ch in DIACRITICS + TATWEEL + INVISIBLES:
        base[ch] = ""
    for ch in SPACES:
        base[ch] = " "
    for ch in LINE_SEPARATORS:
        base[ch] = "\n"
    for ch in ALEF_VARIANTS:
        base[ch] = "ا"
    base.update(EXTRA_LETTERS)
    base.update(DIGITS)
    base.update(DIGIT_SEPARATORS)
    if fold_hamza:
        base.update(HAMZA_CARRIERS)
    if fold_yaa:
        base.update(YAA_FOLDS)
    if fold_taa:
        base.update(TAA_FOLDS)
    if strip_punct:
        for ch in _punctuation_chars():
            base[ch] = " "
    table = {ord(k): v for k, v in base.items()}
    # Presentation forms: NFKC on those characters only, then the same folds on the result.
    for lo, hi in PRESENTATION_RANGES:
        for c in range(lo, hi):
            if c in table:
                continue
            ch = chr(c)
            nf = unicodedata.normalize("NFKC", ch)
            if nf != ch:
                table[c] = nf.translate(table)
    return table


# --- the fast path ---------------------------------------------------------------------------

_SPACE_RUN = re.compile(r"\s+")


#: Frequent one-to-one folds, done with ``str.replace`` (a C pass each) on long strings.
_FREQUENT = frozenset("أإآةىئؤ")
_SHORT = 48  # below this many characters one ``translate`` call is cheaper


def _char_class(codepoints: list[int]) -> str:
    """A regex character class for code points, consecutive ones merged into ranges."""
    ranges: list[list[int]] = []
    for c in sorted(codepoints):
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "[" + "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges) + "]"


@lru_cache(maxsize=None)
def _plan(fold_taa: bool, fold_yaa: bool, fold_hamza: bool, strip_punct: bool):
    """The long-string plan for one option set: replace pairs, then one regex for the rest."""
    table = _table(fold_taa, fold_yaa, fold_hamza, strip_punct)
    pairs = tuple((chr(c), v) for c, v in table.items() if chr(c) in _FREQUENT)
    rest = _char_class([c for c in table if chr(c) not in _FREQUENT])
    return pairs, re.compile(rest), table


def normalize_text(s: str, *, fold_taa: bool = True, fold_yaa: bool = True,
                   fold_hamza: bool = True, strip_punct: bool = False) -> str:
    """The normalised string only (same ``.text`` as :func:`normalize`).

    Short strings: one ``str.translate``. Long ones: ``str.replace`` for the frequent letter
    folds, then one regex pass for the rare characters (marks, digits, presentation forms,
    invisibles, spaces), which is several times faster than ``translate`` on Arabic text.
    The table is idempotent (every output is a fixed point), so the order does not matter.
    """
    if len(s) < _SHORT:
        return s.translate(_table(fold_taa, fold_yaa, fold_hamza, strip_punct))
    pairs, rest, table = _plan(fold_taa, fold_yaa, fold_hamza, strip_punct)
    for src, dst in pairs:
        if src in s:
            s = s.replace(src, dst)
    if rest.search(s) is None:
        return s
    return rest.sub(lambda m: table[ord(m.group())], s)


def fold(s: str) -> str:
    """Aggressive matching key: normalised, punctuation stripped, spaces collapsed and trimmed."""
    return _SPACE_RUN.sub(" ", normalize_text(s, strip_punct=True)).strip()


_MARKS_ONLY = re.compile(f"[{MARKS_CLASS}]")


def strip_marks(s: str) -> str:
    """Only diacritics and tatweel removed (letters untouched)."""
    return _MARKS_ONLY.sub("", s)


# --- the offset-keeping path -------------------------------------------------------------------

@lru_cache(maxsize=None)
def _changing(fold_taa: bool, fold_yaa: bool, fold_hamza: bool, strip_punct: bool) -> re.Pattern:
    """A regex matching the raw characters whose output length is not exactly one."""
    table = _table(fold_taa, fold_yaa, fold_hamza, strip_punct)
    chars = sorted(chr(c) for c, v in table.items() if len(v) != 1)
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


_TRAILING_MARKS = re.compile(f"[{MARKS_CLASS}]*")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised string with, for each of its characters, the raw index it came from.

    ``offsets`` has ``len(text) + 1`` entries; the last is ``len(raw)``.
    """

    raw: str
    text: str
    offsets: Sequence[int]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The half-open raw span covering the half-open normalised span ``[start, end)``.

        The raw end is extended over diacritics / tatweel that directly follow the last
        covered character (they were folded into it), never over other deleted characters.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"normalised span [{start}, {end}) outside [0, {n}]")
        offs = self.offsets
        if start == end:
            r = offs[start]
            return r, r
        rs = offs[start]
        re_ = offs[end - 1] + 1
        limit = offs[end] if offs[end] > re_ else re_
        m = _TRAILING_MARKS.match(self.raw, re_, limit)
        return rs, m.end() if m else re_

    def to_norm(self, raw_index: int) -> int:
        """The normalised index of the first character produced at or after ``raw_index``."""
        return bisect_right(self.offsets, raw_index - 1, 0, len(self.text))


def normalize(s: str, *, fold_taa: bool = True, fold_yaa: bool = True, fold_hamza: bool = True,
              strip_punct: bool = False) -> Normalized:
    """Normalise ``s`` keeping an offset map (see :class:`Normalized`)."""
    opts = (fold_taa, fold_yaa, fold_hamza, strip_punct)
    table = _table(*opts)
    text = s.translate(table)
    n = len(s)
    if len(text) == n and not _changing(*opts).search(s):
        offsets: Sequence[int] = range(n + 1)
        return Normalized(s, text, offsets)
    out: list[int] = []
    pos = 0
    for m in _changing(*opts).finditer(s):
        i = m.start()
        out.extend(range(pos, i))
        k = len(table[ord(s[i])])
        if k:
            out.extend([i] * k)
        pos = i + 1
    out.extend(range(pos, n))
    out.append(n)
    return Normalized(s, text, tuple(out))
