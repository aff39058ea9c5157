"""Cues that are not finite verbs: verbal nouns (تصريحات الرئيس … عن), prepositional
sources (بحسب X، وفقا لـ X، بحسب ما نقلت X عن Y، وجاء في البيان) and headlines ``X: …``."""

from __future__ import annotations

from rawi.stages.attribution.candidates import (
    _COMMAS, Cand, _chars, _introducer, _plausible_speaker, _sentence_word_limit, _skip_adjuncts,
)
from rawi.stages.attribution.content import Content, Context, content_at, trim
from rawi.stages.attribution.cues import Form, cue_lexicon
from rawi.stages.attribution.lexicons import COMPLEMENTIZERS, PREPOSITIONS, lexicons
from rawi.stages.attribution.speakers import head_kind, is_punct, np_extent, split_role
from rawi.stages.attribution.textutil import QUOTE_CHARS

_NOUN_INTRO = frozenset(("عن", "حول", "بشان"))


def parse_noun(ctx: Context, ci: int, form: Form) -> Cand | None:
    """A verbal noun with its possessor: تصريحات الرئيس … عن …, مزاعم روسيا بأن …, تحذيراته من …"""
    W, T = ctx.tokens.words, ctx.tokens
    lex = lexicons()
    forms = cue_lexicon().forms
    lim = _sentence_word_limit(ctx, ci)
    w = W[ci]
    if "ال" in w[:3]:
        return None  # a definite noun has no possessor: التصريحات
    cand = Cand(cue=(T.starts[ci], T.ends[ci]), kind="noun", stance=form.lemma.stance, content=(0, 0),
                type="indirect", form=form)
    j = ci + 1
    src = None
    pronoun = w.endswith(("ه", "ها", "هم", "هما")) and w[:-1] not in forms
    if not pronoun and j < lim and not is_punct(W[j]) and W[j] not in PREPOSITIONS:
        e = np_extent(W, j, lim, lex, forms, allow_pp=False)
        if e > j:
            src, j = (j, e), e
    if src is None and not pronoun:
        return None
    if src is not None and not _plausible_speaker(W, src, lex):
        return None  # وتهديد الأمن الإقليمي: not a speaker
    j = _skip_adjuncts(ctx, cand, j, lim)
    if j >= lim:
        return None
    if W[j] in COMPLEMENTIZERS and W[j] != "الا":
        start = T.ends[j]
    elif W[j] in _NOUN_INTRO and j + 1 < lim and not is_punct(W[j + 1]):
        start = T.starts[j + 1]
    else:
        return None
    content = content_at(ctx, start)
    if content is None:
        return None
    cand.content, cand.type = (content.start, content.end), content.type
    if src is not None:
        r = split_role(W, src[0], src[1], lex)
        if r > src[0]:
            cand.role, src = (src[0], r), (r, src[1])
        cand.source = src
    return cand


def parse_phrase(ctx: Context, start: int, end: int, kind: str) -> Cand | None:
    """بحسب X / وفقا لـ X / بحسب ما قاله X / وجاء في البيان."""
    W, T = ctx.tokens.words, ctx.tokens
    lex = lexicons()
    forms = cue_lexicon().forms
    j = T.at(end)
    wi = T.at(start)
    lim = _sentence_word_limit(ctx, wi)
    if j >= lim:
        return None
    cue_end = end
    strip = False
    phrase = ctx.text[start:end]
    if phrase.endswith(("وفقا", "طبقا", "استنادا")) or phrase in ("وفقا", "طبقا"):
        if W[j] == "ل":
            j += 1
        elif W[j].startswith("ل") and len(W[j]) > 2:
            strip = True
        elif not W[j].startswith("ال"):
            return None
    cand = Cand(cue=(start, end), kind="document" if kind == "in_document" else "phrase",
                stance="assert", content=(0, 0), type="according_to")
    if phrase.endswith("ما") or phrase.endswith("حسبما"):
        # بحسب ما قاله X / حسب ما قالت X / وفقا لما أعلنته X
        if j < lim and not is_punct(W[j]):
            cue_end = T.ends[j]
            j += 1
    src_start = j
    e = np_extent(W, j, lim, lex, forms, allow_pp=True) if not strip else \
        max(np_extent(W, j, lim, lex, forms, allow_pp=True, first=W[j][1:]), j + 1)
    if e <= j:
        return None
    # بحسب ما نقلت X عن Y
    if e < lim and W[e] == "عن":
        e2 = np_extent(W, e + 1, lim, lex, forms, allow_pp=True)
        if e2 > e + 1:
            cand.via = _chars(ctx, src_start, e, strip_first=strip)
            src_start, e, strip = e + 1, e2, False
    cand.cue = (start, cue_end)
    if e + 1 < lim and W[e] in _COMMAS and head_kind(W[src_start][1:] if strip else W[src_start], lex) == "role":
        # وفقا لممثل بريطانيا في المنظمة، بيتر ويلسون،
        e2 = np_extent(W, e + 1, lim, lex, forms)
        if e2 > e + 1 and not head_kind(W[e + 1], lex) and e2 - e <= 5 and \
                (e2 >= lim or W[e2] in _COMMAS or W[e2] == "."):
            cand.role = (src_start, e)
            src_start, e, strip = e + 1, e2, False
    r = split_role(W, src_start, e, lex) if not strip else src_start
    if r > src_start and cand.role is None:
        cand.role = (src_start, r)
    cand.source = (r, e)
    if strip and r == src_start:
        cand.source_chars = (T.starts[src_start] + 1, T.ends[e - 1])
    if kind == "in_document":
        intro = _introducer(ctx, e, lim, None)
        if intro is None:
            return None
        content = content_at(ctx, intro[0])
        if content is None:
            return None
        cand.content, cand.type = (content.start, content.end), content.type
        return cand
    ss, se = ctx.sentence_of(start)
    before = ctx.text[ss:start].strip(" \t،,:؛" + QUOTE_CHARS)
    if len(before.split()) >= 3:
        # the narrator's clause before the phrase: شاركت بريطانيا …، حسب ما قالت ماي
        cs = ss
        q = ctx.inside_quote(start)
        if q is not None:
            cs = q[0] + 1
        content = Content(*_trimmed(ctx, cs, start), "according_to")
    else:
        k = e
        # the rest of the source phrase up to its comma (بحسب تقرير نشره المعهد، …)
        c = next((m for m in range(e, min(lim, e + 7)) if W[m] in _COMMAS or W[m] in QUOTE_CHARS
                  or W[m] in COMPLEMENTIZERS), None)
        if c is not None and W[c] in _COMMAS:
            k = c + 1
        if k >= len(W):
            return None
        content = content_at(ctx, T.starts[k])
        if content is None:
            return None
    if content.end <= content.start:
        return None
    cand.content = (content.start, content.end)
    return cand


def _trimmed(ctx: Context, s: int, e: int) -> tuple[int, int]:
    return trim(ctx.text, s, e)


_LABELS = frozenset(("بالصور", "فيديو", "بالفيديو", "عاجل", "شاهد", "خاص", "حصري", "تقرير", "مباشر",
                     "بالارقام", "انفوغراف", "انفوجراف", "صور", "فيديوغراف", "تحليل", "رأي", "راي",
                     "مقابلة", "حوار", "بالتفاصيل", "تفاصيل", "استطلاع", "تحقيق", "قراءة", "ملف"))


def parse_headline(ctx: Context, title_end: int) -> Cand | None:
    """Headline ``Speaker: content`` (cue ``:``)."""
    text = ctx.text
    colon = text.find(":", 0, title_end)
    if colon <= 0:
        return None
    prefix = text[:colon].strip()
    words = prefix.split()
    if not words or len(words) > 6 or words[0] in _LABELS or prefix in _LABELS:
        return None
    T = ctx.tokens
    a, b = T.at(0), T.before(colon) + 1
    if b <= a:
        return None
    content = content_at(ctx, colon + 1, title_end)
    if content is None:
        return None
    cand = Cand(cue=(colon, colon + 1), kind="headline", stance="assert", content=(content.start, content.end),
                type="direct" if content.type != "mixed" else "mixed", source=(a, b))
    cand.attrs["headline"] = True
    return cand
