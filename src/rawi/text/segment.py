"""Sentences and paragraphs as half-open offsets into the raw text.

Rules (chosen on ANT news articles, where each paragraph is one line):

- a newline always ends a sentence (titles, paragraphs);
- ``.`` ``!`` ``?`` ``؟`` ``؛`` end a sentence, taking along closing quote marks / brackets
  right after them (``…البلاد.”`` ends after ``”``);
- not inside the content of a *closed* quotation — except that a quotation at depth 0 whose
  content ends with a terminator (``"…نريد السلام." وأضاف``) ends the sentence after its
  closing mark. Unclosed quotations do not block (their extent is a guess);
- a single ``.`` ends a sentence only before a space / end of text (so never inside numbers
  ``3.5`` ``1.000``, URLs, ``U.S``), or before an Arabic letter when glued to a word of three
  letters or more (``الماضي.وأضاف``);
- not after a title abbreviation (``د.`` ``أ.د.`` ``Dr.``) or a single-letter initial
  (``ج. بوش``, ``J. Smith``) — but an era letter after a year (``2018 م.``) and the
  *trailing* abbreviations (``إلخ.`` ``ق.م.``) do end a sentence unless a digit, bracket or
  lowercase Latin word follows; Latin trailing ones (``U.S.`` ``Inc.``) only before an English
  capital or the end of the line; a list number at the start of a line (``1.``) does not;
- an ellipsis (``..`` ``...`` ``…``) does not end a sentence: in titles it joins two clauses
  (``ترامب يأمر بضرب سوريا.. وانفجارات``) and in bodies it mostly marks a pause; runs mixing
  an ellipsis with ``!`` ``?`` ``؟`` do end one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from rawi.text.lexicon_files import read_rows
from rawi.text.normalize import strip_marks
from rawi.text.quotes import Quote, find_quotes

__all__ = ["split_sentences", "split_paragraphs", "abbreviations"]

_TERMS = frozenset(".!?؟؛…")
_BOUNDARY = re.compile(r"[\n.!?؟؛…]")  # one character class: the fastest scan
_CLOSERS = re.compile(r"[”»›’\)\]\}\"']*")
_ALWAYS_CLOSE = frozenset("”»›)]}")
_STRIP_LEAD = "\"'“”«»‘’‹›([{„‟"
_LINE = re.compile(r"[^\n]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_DOTTED_LATIN = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]+")
_ERA_LETTERS = frozenset(("م", "هـ", "ه"))
_AR_SET = frozenset(chr(c) for c in range(0x0621, 0x064B) if c != 0x0640)


@lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(title abbreviations, trailing abbreviations) from ``lexicons/abbreviations.tsv``."""
    title: set[str] = set()
    trailing: set[str] = set()
    for abbr, kind in read_rows("abbreviations.tsv", 2):
        (title if kind == "title" else trailing).add(strip_marks(abbr))
    return frozenset(title), frozenset(trailing)


@lru_cache(maxsize=1)
def _arabic_tails() -> frozenset[str]:
    """Last three characters of the abbreviations that end in three Arabic letters (the
    sentence splitter's fast path must not skip them: ``إلخ``)."""
    title, trailing = abbreviations()
    return frozenset(a[-3:] for a in title | trailing
                     if len(a) >= 3 and all(ch in _AR_SET for ch in a[-3:]))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines (news bodies put one paragraph per line), trimmed of spaces."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        seg = text[s:e]
        stripped = seg.strip()
        if stripped:
            lead = len(seg) - len(seg.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out


def _blocked_intervals(quotes: list[Quote]) -> tuple[list[int], list[int]]:
    """Merged content intervals of closed quotations, as parallel start / end lists."""
    spans = sorted((q.start, q.end) for q in quotes if q.close is not None and q.end > q.start)
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if ends and s <= ends[-1]:
            if e > ends[-1]:
                ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _word_before(text: str, a: int) -> int:
    """Start of the space-free run of characters that ends at ``a`` (looked at 40 back)."""
    lo = max(0, a - 40)
    return max(text.rfind(" ", lo, a), text.rfind("\n", lo, a), text.rfind("\t", lo, a),
               text.rfind("\u00a0", lo, a), lo - 1) + 1


def _period_ends(text: str, a: int, c: int) -> bool:
    """Whether the single period at ``a`` (closers absorbed up to ``c``) ends a sentence."""
    n = len(text)
    nxt = text[c] if c < n else ""
    ws = _word_before(text, a)
    bare = strip_marks(text[ws:a].lstrip(_STRIP_LEAD))
    if nxt and not nxt.isspace():
        # glued to the next word: only between Arabic words (sloppy typing)
        return bool(_ARABIC_LETTER.match(nxt)) and len(bare) >= 3 and bool(
            _ARABIC_LETTER.fullmatch(bare[-1]))
    if not bare:
        return True
    title, trailing = abbreviations()
    if bare in title:
        return False
    era = False
    if len(bare) == 1 or bare in _ERA_LETTERS:
        if bare in _ERA_LETTERS and ws > 0 and text[ws - 1] == " ":
            era = bool(_DIGITS.fullmatch(text[_word_before(text, ws - 1):ws - 1]))
        if not era and (_ARABIC_LETTER.fullmatch(bare) or "A" <= bare <= "Z"):
            return False  # an initial
    if era or bare in trailing or (bare.isascii() and _DOTTED_LATIN.fullmatch(bare)):
        j = c
        while j < n and text[j] == " ":
            j += 1
        follow = text[j] if j < n else ""
        if bare.isascii():  # U.S. Inc.: inside Arabic text these end a sentence only
            return follow in ("", "\n") or "A" <= follow <= "Z"  # before an English one
        return not (follow.isdigit() or follow in "([،,;" or ("a" <= follow <= "z"))
    if len(bare) <= 2 and _DIGITS.fullmatch(bare):
        line_start = text.rfind("\n", 0, ws) + 1
        if not text[line_start:ws].strip():
            return False  # a list number at the start of a line
    return True


def split_sentences(text: str, quotes: list[Quote] | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``, trimmed, ordered, covering all non-space text."""
    if quotes is None:
        quotes = find_quotes(text)
    n = len(text)
    if quotes:
        b_starts, b_ends = _blocked_intervals(quotes)
        top_closes = {q.close for q in quotes if q.close is not None and q.depth == 0}
        close_marks = {q.close for q in quotes if q.close is not None}
    else:
        b_starts, b_ends, top_closes, close_marks = [], [], set(), set()
    cuts: list[int] = []
    skip = 0
    tails = _arabic_tails()
    for m in _BOUNDARY.finditer(text):
        a = m.start()
        if a < skip:
            continue
        ch = text[a]
        if ch == "\n":
            cuts.append(a)
            continue
        b = a + 1
        while b < n and text[b] in _TERMS:
            b += 1
        skip = b
        if b - a == 1:
            strong = ch != "." and ch != "…"
            ellipsis = ch == "…"
        else:
            strong = bool(text[a:b].strip(".…"))
            ellipsis = not strong
        if b_starts:
            k = bisect_right(b_starts, a) - 1
            if k >= 0 and a < b_ends[k]:
                # inside a closed quotation: only a terminator right before a top-level close
                if b in top_closes and not ellipsis:
                    c = _CLOSERS.match(text, b + 1).end()
                    if c >= n or text[c].isspace():
                        cuts.append(c)
                continue
        if ellipsis:
            continue
        c = b
        while c < n and (text[c] in _ALWAYS_CLOSE or c in close_marks):
            c += 1
        if not strong:
            # fast path: a period after three Arabic letters, before a space or the end
            if not ((c == n or text[c] in " \n") and a >= 3 and text[a - 1] in _AR_SET
                    and text[a - 2] in _AR_SET and text[a - 3] in _AR_SET
                    and text[a - 3:a] not in tails) and not _period_ends(text, a, c):
                continue
        cuts.append(c)
    out: list[tuple[int, int]] = []
    append = out.append
    prev = 0
    cuts.append(n)
    for cut in cuts:
        if cut > prev:
            s, e = prev, cut
            if text[s].isspace() or text[e - 1].isspace():
                seg = text[s:e]
                stripped = seg.strip()
                if not stripped:
                    prev = cut
                    continue
                s += len(seg) - len(seg.lstrip())
                e = s + len(stripped)
            append((s, e))
            prev = cut
    return out
