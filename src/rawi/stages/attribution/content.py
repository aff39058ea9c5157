"""Where attributed content starts and ends, and whether it is direct, indirect or mixed.

Offsets here are character offsets into the normalised text (see ``Context``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from rawi.stages.attribution.cues import cue_lexicon, trie_regex
from rawi.stages.attribution.lexicons import lexicons
from rawi.stages.attribution.textutil import QUOTE_CHARS, Norm, Tokens

_TRAIL = " \t\n.,،:؛;!?؟-–—…"


@dataclass
class Context:
    """Everything the candidate parsers share about one document."""

    raw: str
    norm: Norm
    tokens: Tokens
    sentences: list[tuple[int, int]]  # normalised char spans
    pairs: list[tuple[int, int]] = field(default_factory=list)  # raw quote pairs (all_quotes)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # (open, close) mark indices
    quote_open: dict[int, int] = field(default_factory=dict)  # open mark -> close mark
    sent_starts: list[int] = field(default_factory=list)
    # clause_end: end -> the smallest start from which no stop matched before that end
    stop_free: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        text = self.norm.text
        self.sent_starts = [s for s, _ in self.sentences]
        for o, c in self.pairs:
            if c >= len(text) or text[c] not in QUOTE_CHARS:
                c = self.sentence_of(o)[1]  # unclosed: ends with its sentence
            self.quotes.append((o, c))
        self.quote_open = {o: c for o, c in self.quotes}

    @property
    def text(self) -> str:
        return self.norm.text

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self.sent_starts, pos) - 1
        if k < 0:
            return (0, self.sentences[0][1] if self.sentences else len(self.text))
        return self.sentences[k]

    def sentence_index(self, pos: int) -> int:
        return max(bisect_right(self.sent_starts, pos) - 1, 0)

    def inside_quote(self, pos: int) -> tuple[int, int] | None:
        """The innermost quote pair whose interior contains ``pos``."""
        best = None
        for o, c in self.quotes:
            if o < pos < c and (best is None or o > best[0]):
                best = (o, c)
            if o > pos:
                break
        return best


def _stop_regex() -> re.Pattern[str]:
    """Comma (or و) followed by a new cue: the attributed clause ends before it."""
    lex = cue_lexicon()
    parts = [w for w, f in lex.forms.items() if f.kind == "participle"]
    phrases = list(lexicons().phrases) + ["في اشارة", "وذلك", "في حين", "بينما", "فيما", "علما", "قبل ان",
                                          "بعد ان", "لكن", "لكنه", "لكنها", "لكننا", "ولكن", "الا ان",
                                          "غير ان", "وهو ما", "مما", "الامر الذي"]
    finite = [w for w, f in lex.forms.items() if f.kind in ("perfect", "imperfect") and w[0] == "و"]
    finite += ["و" + w for w, f in lex.forms.items() if f.kind == "participle" and w[0] != "و"]
    comma = r"[،,؛]\s*(?:و\s*)?(?:" + trie_regex(sorted(set(parts + phrases))) + r")(?!\w)"
    conj = r"\s(?:" + trie_regex(sorted(set(finite + ["ثم", "بعد ان", "قبل ان"]))) + r")(?!\w)"
    return re.compile(comma + "|" + conj)


_STOP: re.Pattern[str] | None = None


def stop_regex() -> re.Pattern[str]:
    global _STOP
    if _STOP is None:
        _STOP = _stop_regex()
    return _STOP


def clause_end(ctx: Context, start: int, limit: int | None = None, gap: int = 1) -> int:
    """End of the attributed clause that starts at ``start`` (before trailing punctuation)."""
    text = ctx.text
    ss, se = ctx.sentence_of(start)
    end = se if limit is None else min(se, limit)
    free = ctx.stop_free.get(end)
    found = free is not None and start >= free  # no stop can match in [start, end): skip the scan
    for m in () if found else stop_regex().finditer(text, start, end):
        found = True
        if m.start() < start + gap:
            continue
        q = ctx.inside_quote(m.start())
        if q is not None and q[0] >= start - 1:
            continue
        end = m.start()
        break
    if not found:  # the regex matches nowhere in [start, end), so nowhere from a later start
        ctx.stop_free[end] = start
    # a quote opened inside the clause and closed after the sentence end: extend
    for o, c in ctx.quotes:
        if start <= o < end and c >= end and "\n" not in text[o:c]:
            if c < len(text) and c - end < 2000:
                end = max(end, c + 1)
        if o >= end:
            break
    return end


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n":
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return s, e


_NAMING = frozenset(("تنظيم", "حركة", "عملية", "طراز", "اسم", "منظمة", "جماعة", "منطقة", "حملة", "شركة",
                     "موقع", "مجموعة", "قناة", "صحيفة", "وكالة", "برنامج", "غاز", "صاروخ", "صواريخ", "مشروع",
                     "لـ", "ل", "حزب", "جبهة", "كتاب", "مبادرة", "تطبيق", "مدينة", "بلدة", "قاعدة", "مطار"))


def _occurrences(text: str, s: str) -> int:
    """How many times ``s`` occurs in ``text`` as whole words (no regex compiled per call)."""
    n, i = 0, text.find(s)
    while i >= 0:
        j = i + len(s)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            n += 1
        i = text.find(s, i + 1)
    return n


def speech_quotes(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    """Quote pairs inside ``[s, e)`` that quote speech, not a name (“داعش”, حركة "خدمة")."""
    text = ctx.text
    out = []
    for o, c in ctx.quotes:
        if o < s or o >= e:
            continue
        inner = text[o + 1:c].strip()
        words = inner.split()
        if not words:
            continue
        if len(words) <= 3:
            before = text[max(0, o - 20):o].split()
            prev = before[-1] if before else ""
            if prev in _NAMING or prev.lstrip("وب") in _NAMING or inner.isascii():
                continue
            # a name quoted here and written elsewhere in the article
            if len(words) <= 2 and text.count(inner) > 1 and _occurrences(text, inner) > 1:
                continue
        out.append((o, c))
    return out


@dataclass(slots=True)
class Content:
    start: int
    end: int
    type: str  # direct | indirect | mixed


def content_at(ctx: Context, start: int, limit: int | None = None) -> Content | None:
    """The content that begins at normalised offset ``start``."""
    text = ctx.text
    while start < len(text) and text[start] in " \t":
        start += 1
    if start >= len(text) or text[start] == "\n":
        return None
    if text[start] == ":":
        start += 1
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text) and text[start] in QUOTE_CHARS and start in ctx.quote_open:
        close = ctx.quote_open[start]
        if close >= len(text) or text[close] not in QUOTE_CHARS:
            # an unclosed quote: the speech ends with the sentence
            s, e = trim(text, start + 1, clause_end(ctx, start + 1, limit))
            return Content(s, e, "direct") if e > s else None
        after_end = clause_end(ctx, close + 1, limit, gap=0) if close < len(text) else close
        rest = text[close + 1:after_end]
        lead = rest.lstrip(" ")
        rest = rest.strip(_TRAIL + QUOTE_CHARS)
        first_word = lead.split(" ", 1)[0].strip(":،,") if lead else ""
        if not rest or lead[:1] in ("،", ",", "؛", ".", "\n") or \
                (first_word in cue_lexicon().forms and cue_lexicon().forms[first_word].kind != "noun"):
            # the quotation ends the speech; a new cue (مضيفاً: …) may follow
            s, e = trim(text, start + 1, close)
            return Content(s, e, "direct") if e > s else None
        s, e = trim(text, start, after_end)
        return Content(s, e, "mixed" if speech_quotes(ctx, s, e) else "indirect")
    end = clause_end(ctx, start, limit)
    s, e = trim(text, start, end)
    if e <= s:
        return None
    # a closing quote left dangling at the end of a paraphrase
    if text[e - 1] in QUOTE_CHARS and not any(s <= o < e - 1 for o, _ in ctx.quotes if o < e):
        e -= 1
        s, e = trim(text, s, e)
    inner = [(o, c) for o, c in ctx.quotes if s <= o < e]
    if inner and inner[0][0] == s and inner[0][1] >= e - 1:
        return Content(s + 1, min(inner[0][1], e), "direct")
    kind = "mixed" if speech_quotes(ctx, s, e) else "indirect"
    return Content(s, e, kind)
