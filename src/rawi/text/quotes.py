"""Quotation spans: “…” «…» "…" ‘…’ „…“, nested, unbalanced and straight.

One pass over the quote marks of the text with a stack. Marks belong to families (double
“ ” " „ ‟, guillemets « », single guillemets ‹ ›, single ‘ ’ '); a closer closes the innermost
open quote of its family. The straight marks ``"`` and ``'`` are told apart by context: a mark
after a space and before a word opens, a mark after a word and before a space or punctuation
closes, and otherwise they alternate. Rules, chosen on ANT articles (one paragraph per line):

- a quote never spans a newline: a quote still open at the end of its line is *unclosed*
  (``close is None``) and runs to the end of the line (trailing spaces trimmed);
- a stray closer (nothing of its family open) is ignored, unless it stands where an opener
  stands (space before, word after): then it opens (writers who reverse ” and “);
- a straight ``"`` that stands like an opener while a ``"`` is open opens a nested quote
  (a missing closer is more common than a quote that closes right before a word);
- an apostrophe between two letters (``don't``, ``O'Neil``) is not a quote mark, and a single
  mark left unclosed at the end of its line is dropped (writers use ‘ ’ ' for a hamza:
  ``لـ‘ول مرة``);
- a mark opens only before a word, bracket or mark (or, for ``"``, a space: ``" إننا``), so
  ``" كلام "،`` closes at the second mark;
- when a closer closes a quote with other quotes still open inside it, those inner quotes
  become unclosed and end where the outer content ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes", "quote_at", "inside_quote", "QUOTE_MARKS"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: marks at ``open`` / ``close`` (None if unclosed), content ``[start, end)``."""

    open: int
    close: int | None
    depth: int
    start: int
    end: int

    @property
    def closed(self) -> bool:
        return self.close is not None

    def content(self, text: str) -> str:
        return text[self.start:self.end]


# mark -> (family, role) ; role: "o" opener, "c" closer, "x" either (context decides)
_MARKS: dict[str, tuple[str, str]] = {
    "“": ("d", "o"), "”": ("d", "c"), '"': ("d", "x"), "„": ("d", "o"), "‟": ("d", "o"),
    "«": ("g", "o"), "»": ("g", "c"),
    "‹": ("h", "o"), "›": ("h", "c"),
    "‘": ("s", "o"), "’": ("s", "c"), "'": ("s", "x"),
}
QUOTE_MARKS = "".join(_MARKS)
_SCAN = re.compile("[" + re.escape(QUOTE_MARKS) + "]")
_SINGLES = frozenset("‘’'")


def _is_word(c: str) -> bool:
    return c != "" and (c.isalnum() or "\u064B" <= c <= "\u065F" or c == "\u0640")


_OPEN_BEFORE = frozenset("([{:،,؛;—–-/") | frozenset(QUOTE_MARKS)
_OPEN_AFTER = frozenset("([{#@") | frozenset(QUOTE_MARKS)


def find_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, ordered by the position of the opening mark."""
    out: list[Quote] = []
    # stack entries: [open_index, family, depth]
    stack: list[tuple[int, str, int]] = []
    n = len(text)

    def close_line(line_end: int) -> None:
        e = line_end
        while e > 0 and text[e - 1] in " \t\r":
            e -= 1
        while stack:
            o, fam, d = stack.pop()
            if fam != "s":  # an unclosed single mark is an apostrophe / hamza stand-in
                out.append(Quote(o, None, d, o + 1, max(o + 1, e)))

    line_end = -1  # end of the line holding the open quotes (found lazily)
    for m in _SCAN.finditer(text):
        i = m.start()
        if stack and i > line_end:
            close_line(line_end)
        ch = text[i]
        if not stack:
            line_end = text.find("\n", i)
            if line_end < 0:
                line_end = n
        family, role = _MARKS[ch]
        prev = text[i - 1] if i > 0 and text[i - 1] != "\n" else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if nxt == "\n":
            nxt = ""
        p_space = prev == "" or prev.isspace()
        n_space = nxt == "" or nxt.isspace()
        n_word = not n_space and _is_word(nxt)
        if ch in _SINGLES and n_word and not p_space and _is_word(prev):
            continue  # apostrophe inside a word
        opener_ctx = (p_space or prev in _OPEN_BEFORE) and (n_word or nxt in _OPEN_AFTER)
        closer_ctx = not p_space and not n_word
        # innermost open quote of this family
        k = len(stack) - 1
        while k >= 0 and stack[k][1] != family:
            k -= 1
        if k >= 0:
            if role == "c" or (role == "x" and not (opener_ctx and not closer_ctx)) or (
                role == "o" and closer_ctx and not opener_ctx
            ):
                # close it; quotes opened inside it and still open end where it ends
                while len(stack) - 1 > k:
                    o, fam, d = stack.pop()
                    if fam != "s":
                        out.append(Quote(o, None, d, o + 1, max(o + 1, i)))
                o, _, d = stack.pop()
                out.append(Quote(o, i, d, o + 1, i))
                continue
            stack.append((i, family, len(stack)))
            continue
        # nothing of this family is open
        if role == "o" or (role in "xc" and opener_ctx):
            if ch in "'’" and not n_word:
                continue
            stack.append((i, family, len(stack)))
        elif role == "x" and ch == '"' and not closer_ctx and (n_space or n_word):
            stack.append((i, family, len(stack)))  # ambiguous (' " إننا', 'الـ"71'): opens
        # else: a stray closer, ignored
    if stack:
        close_line(line_end)
    out.sort(key=lambda q: q.open)
    return out


def quote_at(quotes: list[Quote], i: int) -> Quote | None:
    """The innermost quote whose content ``[start, end)`` contains index ``i``."""
    best: Quote | None = None
    for q in quotes:
        if q.start > i:
            break
        if i < q.end and (best is None or q.depth >= best.depth):
            best = q
    return best


def inside_quote(quotes: list[Quote], i: int) -> bool:
    """Whether index ``i`` lies in the content of some quote."""
    return quote_at(quotes, i) is not None
