"""Channels (في بيان متلفز, على صفحته في فيسبوك) and conduits (لوكالة نوفوستي, ونقلت X عن Y).

All positions are word indices into the normalised :class:`Tokens` list.
"""

from __future__ import annotations

from dataclasses import dataclass

from rawi.stages.attribution.lexicons import COMPLEMENTIZERS, PREPOSITIONS, TIME_WORDS, Lexicons
from rawi.stages.attribution.speakers import bare, head_kind, is_punct, np_extent
from rawi.stages.attribution.textutil import QUOTE_CHARS

CHANNEL_PREPS = frozenset(("في", "علي", "عبر", "خلال", "اثناء", "وفي", "وعلي", "بـ", "ب"))
_BROADCAST = frozenset(("بثته", "نشرته", "اوردته", "نقلته", "بثها", "نشرها", "اوردتها", "نقلتها", "نشرت",
                        "بثت", "اجريت", "نشر", "بث", "اجراها", "اجرتها", "نقلتها",
                        "بثه", "نشره", "اورده", "نقله", "بثتها", "نشرتها", "اجرتها", "اجراها", "اجرته"))
_CHANNEL_LINKS = frozenset(("في", "علي", "عبر", "مع", "له", "لها", "لهم", "الي", "حول", "من", "و"))
MAX_CHANNEL = 12


@dataclass(slots=True)
class Chain:
    """What a channel or via parse found: word ranges (start, end), end exclusive."""

    end: int
    channel: tuple[int, int] | None = None
    via: tuple[int, int] | None = None  # word range; via_strip: drop a ل proclitic from the first word
    via_strip: bool = False


def media_like(w: str, lex: Lexicons) -> bool:
    return head_kind(w, lex) == "media" or w in lex.media_names


def via_at(W: list[str], j: int, lim: int, lex: Lexicons, cue_forms: dict) -> Chain | None:
    """``لوكالة نوفوستي`` / ``لـ"رويترز"`` / ``لرويترز`` at word ``j``."""
    w = W[j]
    if w == "ل" and j + 1 < lim:
        k = j + 1
        if W[k] in QUOTE_CHARS and k + 1 < lim:
            # لـ"سكاي نيوز عربية": a quoted name after لـ is the conduit
            q = next((m for m in range(k + 1, min(lim, k + 6)) if W[m] in QUOTE_CHARS), None)
            if q is not None and q > k + 1:
                return Chain(end=q + 1, via=(k + 1, q))
            k += 1
        if media_like(W[k], lex) or (W[k] in QUOTE_CHARS):
            e = np_extent(W, j + 1, lim, lex, cue_forms)
            if e > j + 1:
                return Chain(end=e, via=(j + 1, e))
        return None
    if len(w) > 2 and w[0] == "ل" and not w.startswith("لل") and (media_like(w[1:], lex) or w[1:] in lex.media_first):
        e = j + 1
        if w[1:] not in lex.media_names and head_kind(w[1:], lex) != "media":
            # a multi-word outlet name: لبي بي سي
            for n in range(3, 0, -1):
                if " ".join([w[1:]] + W[j + 1:j + 1 + n]) in lex.media_names:
                    e = j + 1 + n
                    break
            else:
                return None
        else:
            e = max(np_extent(W, j, lim, lex, cue_forms, first=w[1:]), j + 1)
        return Chain(end=e, via=(j, e), via_strip=True)
    if len(w) > 3 and w.startswith("لل") and media_like("ال" + w[2:], lex):
        e = max(np_extent(W, j, lim, lex, cue_forms, first="ال" + w[2:]), j + 1)
        return Chain(end=e, via=(j, e), via_strip=True)
    return None


def channel_at(W: list[str], j: int, lim: int, lex: Lexicons, cue_forms: dict) -> Chain | None:
    """A channel phrase starting at word ``j`` (preposition + channel head + modifiers)."""
    if j + 1 >= lim:
        return None
    w = W[j]
    head = None
    if w in CHANNEL_PREPS and not is_punct(W[j + 1]):
        head = j + 1
    elif len(w) > 3 and w[0] == "ب" and bare(w[1:]) in lex.channels:
        head = j
    if head is None:
        return None
    hw = W[head]
    if bare(hw) not in lex.channels and hw not in lex.channels and \
            not (hw.startswith("ب") and bare(hw[1:]) in lex.channels):
        return None
    k = head + 1
    via = None
    via_strip = False
    while k < lim and k - j < MAX_CHANNEL:
        x = W[k]
        if x in COMPLEMENTIZERS or x in cue_forms or x in ("،", ",", ":", ".", "؛"):
            break
        if x in _BROADCAST and k + 1 < lim:
            # في بيان بثته وكالة …، في مقابلة نشرت اليوم في صحيفة "…"
            m = k + 1
            while m < lim and (W[m] in TIME_WORDS or W[m] in ("في", "علي", "عبر")):
                m += 1
            e = np_extent(W, m, lim, lex, cue_forms)
            if e > m and media_like(W[m], lex):
                return Chain(end=e, channel=(j, k), via=(m, e))
            return Chain(end=k + 1, channel=(j, k), via=via)
        if x == "مع" and k + 1 < lim and media_like(W[k + 1], lex) and via is None:
            # في مقابلة مع صحيفة "…": the outlet is the conduit, the phrase the channel
            e = np_extent(W, k + 1, lim, lex, cue_forms)
            if e > k + 1:
                via = (k + 1, e)
                k = e
                continue
        if x in QUOTE_CHARS:
            # a quoted platform name: على صفحته في “فيسبوك”
            q = next((m for m in range(k + 1, min(lim, k + 4)) if W[m] in QUOTE_CHARS), -1)
            if q < 0:
                break
            k = q + 1
            continue
        if via is None:
            v = via_at(W, k, lim, lex, cue_forms)
            if v is not None:
                via, via_strip = v.via, v.via_strip
                k = v.end
                continue
        if k == head + 1 and not is_punct(x) and x not in PREPOSITIONS and x not in TIME_WORDS \
                and not x.startswith("ال"):
            k += 1  # the head's adjective: في بيان متلفز
            continue
        if x in _CHANNEL_LINKS or bare(x) in lex.channels or (x[0] == "و" and bare(x[1:]) in lex.channels) \
                or not is_punct(x) and (
                x.startswith("ال") or x.endswith(("ي", "ية", "ه", "ها")) or x in lex.media_names):
            k += 1
            continue
        break
    # a channel does not end on a linking word (له stays skipped, outside the channel span)
    end = k
    while k > head + 1 and W[k - 1] in _CHANNEL_LINKS:
        k -= 1
    return Chain(end=end, channel=(j, k), via=via, via_strip=via_strip)
