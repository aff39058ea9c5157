"""Word tokenisation with character offsets, in the ANERcorp style.

Clitics stay attached (``والحكومة`` is one token, as in ANERcorp); punctuation marks are
tokens of their own; a number keeps its decimal point or thousands separators.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*"  # numbers
    r"|[\w\u064b-\u065f\u0670\u0640\u200c\u200d]+"  # words (with diacritics and tatweel)
    r"|[^\s\w]"  # any other visible character
)
_SENT_END = frozenset(".؟?!")


def tokens_with_offsets(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every token of ``text[start:end]``, offsets into ``text``."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def split_sentences(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group token spans into sentences at ``. ؟ ? !`` tokens and at line breaks."""
    out: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    prev_end = 0
    for s, e in spans:
        if cur and "\n" in text[prev_end:s]:
            out.append(cur)
            cur = []
        cur.append((s, e))
        prev_end = e
        if e - s == 1 and text[s] in _SENT_END:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)
