r"""Text helpers of the attribution stage.

Quotations come from the shared :mod:`rawi.text.quotes`. Normalisation, sentence spans and
tokens are the stage's own, each for a stated reason: the normaliser keeps taa marbuta (so
feminine cues and nouns stay visible) and the hamza of a word-initial أل (ألكسندر is not
read as the article), with an offset map of dropped marks only; sentences never end inside a
closed quotation (measured: the shared splitter cut one attribution at "سي.إن.إن"); tokens
are ``\w+|[^\w\s]`` with array-computed offsets (speed).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np

from rawi.text.quotes import find_quotes

_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ە": "ه",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
})


# "أل" opening a word (ألقى, ألكسندر, وألقت) keeps its hamza so that it is not read as the article
_AL_HAMZA = re.compile(r"(?<!\w)([وفبلك]?)أل")
_KEEP = "\ue000"


_FOLD_PAIRS = tuple((chr(a), b) for a, b in _FOLD.items())


def _translate(s: str) -> str:
    # a chain of str.replace runs at C speed; str.translate with a dict looks up every character
    for a, b in _FOLD_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s


def _fold(s: str) -> str:
    if "أل" not in s:
        return _translate(s)
    s = _AL_HAMZA.sub(lambda m: m.group(1) + _KEEP + "ل", s)
    return _translate(s).replace(_KEEP, "أ")


def fold(s: str) -> str:
    """Normalise a lexicon entry or a word: drop diacritics/tatweel, fold alef/yaa variants."""
    return _fold(_DROP.sub("", s))


@dataclass(frozen=True, slots=True)
class Norm:
    """Normalised text and the way back to raw offsets.

    Normalisation folds characters one to one and drops marks (diacritics, tatweel); ``adj``
    holds, for each dropped raw character, the normalised index at which it was dropped, so
    that ``raw(i) = i + #drops at or before i``.
    """

    text: str
    drops: list[int]  # raw positions of dropped characters (sorted)
    adj: list[int]  # drops[k] - k
    raw_len: int

    def raw(self, i: int) -> int:
        """Raw offset of normalised position ``i`` (``i`` may equal ``len(text)``)."""
        if not self.drops:
            return i
        if i >= len(self.text):
            return self.raw_len
        return i + bisect_right(self.adj, i)

    def raw_end(self, i: int) -> int:
        """Raw end offset for a span ending at normalised ``i``: marks dropped after the last
        character stay inside the span (وقالَ keeps its fatha)."""
        return self.raw(i)

    def to_raw(self, s: int, e: int) -> tuple[int, int]:
        return self.raw(s), self.raw_end(e)

    def from_raw(self, r: int) -> int:
        """Normalised offset of raw position ``r``."""
        if not self.drops:
            return r
        return r - bisect_left(self.drops, r)


def normalize(raw: str) -> Norm:
    """Normalise ``raw`` keeping the way back to raw offsets."""
    drops = [m.start() for m in _DROP.finditer(raw)]
    if not drops:
        return Norm(_fold(raw), [], [], len(raw))
    text = _fold(_DROP.sub("", raw))
    return Norm(text, drops, [d - k for k, d in enumerate(drops)], len(raw))


# --- quotes -----------------------------------------------------------------------------

QUOTE_CHARS = "\"“”«»„‘’‹›"
_QUOTE_RE = re.compile("[\"“”«»„‘’‹›]")
# --- paragraphs and sentences -----------------------------------------------------------

_PARA = re.compile(r"[^\n]+")
_SENT_END = re.compile(r"(?<!\d)[.!?؟]+(?=[\s\"”»’)]|$)|(?<=\d)\.(?=\s|$)|\.\.+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARA.finditer(text)]


def all_quotes(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` mark indices of every quotation in ``text`` (shared
    :func:`rawi.text.quotes.find_quotes`: nested, unbalanced, straight marks); an unclosed
    quotation gets the end of its line as ``close`` (not a quote mark there)."""
    if not _QUOTE_RE.search(text):
        return []
    return sorted((q.open, q.close if q.close is not None else q.end) for q in find_quotes(text))


_CUT = re.compile(r"[.!?؟]+|\n+")  # candidates; the conditions of _SENT_END are checked in code
_AFTER_END = frozenset(" \t\n\"”»’)")


def _ends_sentence(text: str, a: int, b: int) -> bool:
    """Whether the punctuation run ``text[a:b]`` ends a sentence (same rule as ``_SENT_END``)."""
    if b - a >= 2 and text[a] == "." and text[a + 1] == ".":
        return True  # an ellipsis
    nxt = text[b] if b < len(text) else " "
    if a > 0 and text[a - 1].isdigit():
        return text[a] == "." and b - a == 1 and nxt.isspace() or b >= len(text)
    return nxt in _AFTER_END or b >= len(text)


def split_sentences(text: str, quotes: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans: line breaks and end punctuation outside (closed) quotes."""
    if quotes is None:
        quotes = all_quotes(text)
    # closed quotes hold their sentence together; an unclosed one does not
    blocked = [(o, c) for o, c in quotes if c < len(text) and text[c] in QUOTE_CHARS]
    b_starts = [o for o, _ in blocked]
    out: list[tuple[int, int]] = []
    s = 0
    n = len(text)
    for m in _CUT.finditer(text):
        pos = m.start()
        if text[pos] == "\n":
            e, nxt = pos, m.end()
        else:
            if not _ends_sentence(text, pos, m.end()):
                continue
            if blocked:
                k = bisect_left(b_starts, pos) - 1
                if k >= 0 and any(o < pos < c for o, c in blocked[max(0, k - 3):k + 1]):
                    continue
            e = m.end()
            while e < n and text[e] in QUOTE_CHARS:
                e += 1  # a closing quote mark right after the full stop
            nxt = e
        while s < e and text[s] == " ":
            s += 1
        if e > s and not text[s:e].isspace():
            out.append((s, e))
        s = nxt
    while s < n and text[s] == " ":
        s += 1
    if s < n and not text[s:].isspace():
        out.append((s, n))
    return out


# --- tokens -------------------------------------------------------------------------------

TOKEN = re.compile(r"\w+|[^\w\s]")


def _char_classes() -> tuple[np.ndarray, np.ndarray]:
    word = np.zeros(0x10000, dtype=bool)
    space = np.zeros(0x10000, dtype=bool)
    for c in range(0x10000):
        ch = chr(c)
        if TOKEN_WORD.fullmatch(ch):
            word[c] = True
        elif ch.isspace():
            space[c] = True
    return word, space


TOKEN_WORD = re.compile(r"\w")
_CLASSES: tuple[np.ndarray, np.ndarray] | None = None


def token_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the tokens ``\\w+|[^\\w\\s]`` of ``text``, computed with array operations
    (the same tokens as ``TOKEN.finditer``, an order of magnitude faster)."""
    global _CLASSES
    if _CLASSES is None:
        _CLASSES = _char_classes()
    word_t, space_t = _CLASSES
    if not text:
        return [], []
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    big = codes > 0xFFFF
    codes = np.where(big, 0, codes)
    w = word_t[codes] & ~big
    p = ~w & ~space_t[codes] | big
    prev_w = np.concatenate(([False], w[:-1]))
    next_w = np.concatenate((w[1:], [False]))
    starts = np.flatnonzero((w & ~prev_w) | p)
    ends = np.flatnonzero((w & ~next_w) | p) + 1
    return starts.tolist(), ends.tolist()


class Tokens:
    """Word and punctuation tokens of a normalised text, with binary search by offset."""

    __slots__ = ("text", "starts", "ends", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = TOKEN.findall(text)
        self.starts, self.ends = token_spans(text)
        if len(self.starts) != len(self.words):  # pragma: no cover - a class table mismatch
            spans = [m.span() for m in TOKEN.finditer(text)]
            self.starts = [a for a, _ in spans]
            self.ends = [b for _, b in spans]

    def __len__(self) -> int:
        return len(self.starts)

    def at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def before(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 if none)."""
        return bisect_right(self.ends, offset) - 1
