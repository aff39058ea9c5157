"""Verb cue frames: speaker (VSO, SVO, pro-drop), role, channel, via, introducer, content.

:func:`parse_verb` takes the shared :class:`~rawi.stages.attribution.content.Context` and one
cue word and returns a :class:`Cand` (normalised offsets) or ``None`` when the cue has no
content (acts, perception verbs, homographs). Verbal nouns, prepositional phrases and
headlines are in :mod:`rawi.stages.attribution.phrases`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rawi.stages.attribution.appositions import apposition
from rawi.stages.attribution.chains import channel_at, via_at
from rawi.stages.attribution.content import Context, content_at
from rawi.stages.attribution.cues import Form, cue_lexicon
from rawi.stages.attribution.lexicons import (
    ADVERBIAL_PHRASES, COMPLEMENTIZERS, MANNER, NAME_LINKS, NEGATIONS, PREPOSITIONS, TIME_WORDS, lexicons,
)
from rawi.stages.attribution.speakers import definite, head_kind, is_adj, is_punct, np_extent, split_role
from rawi.stages.attribution.textutil import QUOTE_CHARS

_COMMAS = ("،", ",")
_PREP_WORDS = {"الي": "الي", "علي": "علي", "من": "من", "عن": "عن", "في": "في"}
_QUOTING = ("نقل",)  # lemma whose subject is the conduit when followed by عن
_SAY_PARTICIPLES = ("قائل", "مضيف")
_ITS_SAYING = frozenset(("قوله", "قولها", "قولهم", "قولهما", "قوله:", "تاكيده", "تأكيده"))
_RELATIVES = frozenset(("التي", "الذي", "الذين", "اللواتي", "اللتي", "اللذين", "والذي", "والتي", "والذين"))
_PRONOUNS = frozenset(("ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "ك"))
_QUESTION_WORDS = frozenset(("هل", "لماذا", "كيف", "متي", "اين", "ماذا", "اذا"))
_BACKGROUND = frozenset(("يذكر", "ويذكر", "يشار", "ويشار"))


@dataclass
class Cand:
    """One attribution found, in normalised character offsets (source/role in words)."""

    cue: tuple[int, int]
    kind: str  # verb | participle | phrase | headline | document
    stance: str
    content: tuple[int, int]
    type: str
    form: Form | None = None
    source: tuple[int, int] | None = None  # word range
    source_chars: tuple[int, int] | None = None  # when the source starts inside a word (لـ)
    role: tuple[int, int] | None = None  # word range
    via: tuple[int, int] | None = None  # char range
    channel: tuple[int, int] | None = None  # char range
    target: tuple[int, int] | None = None  # char range
    anonymous: bool = False
    source_type: str | None = None
    resolved: str | None = None
    gender: str = ""
    number: str = "sg"
    attrs: dict = field(default_factory=dict)


def _chars(ctx: Context, a: int, b: int, strip_first: bool = False) -> tuple[int, int]:
    T = ctx.tokens
    s = T.starts[a] + (1 if strip_first else 0)
    return s, T.ends[b - 1]


def _sentence_word_limit(ctx: Context, wi: int) -> int:
    _, se = ctx.sentence_of(ctx.tokens.starts[wi])
    return ctx.tokens.at(se)


def _quoted_name_then_complementizer(ctx: Context, j: int) -> int | None:
    """Word index of the complementizer after a short quoted name at word ``j`` (the end of a
    channel or via phrase: في بيان بثته وكالة "ريا نوفوستي" إن …, نشرته "سانا"، أن …), or None
    when the quote is the content itself."""
    W, T = ctx.tokens.words, ctx.tokens
    o = T.starts[j]
    c = ctx.quote_open[o]
    if len(ctx.text[o + 1:c].split()) > 3:
        return None
    k = T.at(c + 1)
    if k < len(W) and W[k] in _COMMAS:
        k += 1
    return k if k < len(W) and W[k] in COMPLEMENTIZERS and W[k] != "الا" else None


def _introducer(ctx: Context, j: int, lim: int, form: Form | None) -> tuple[int, int | None] | None:
    """(content start char, target-end word or None) for the introducer at word ``j``."""
    W, T = ctx.tokens.words, ctx.tokens
    if j >= len(W):
        return None
    w = W[j]
    comps = form.lemma.complements if form else frozenset()
    if comps == {"blame"}:
        for k in range(j, min(lim, j + 6)):
            b = W[k][1:] if W[k].startswith("ب") else W[k]
            if b.startswith("ال"):
                b = b[2:]
            if b.startswith(("مسؤولية", "مسئولية", "لوم", "لائمة")):
                return T.starts[k] + (1 if W[k].startswith("ب") else 0), (k if k > j else None)
        return None
    if w in _ITS_SAYING and j + 1 < len(W):
        nxt = _introducer(ctx, j + 1, lim, None)
        return nxt or (T.ends[j], None)
    if w in COMPLEMENTIZERS:
        if w == "الا":
            return T.starts[j], None
        return T.ends[j], None
    if w in QUOTE_CHARS and T.starts[j] in ctx.quote_open:
        named = _quoted_name_then_complementizer(ctx, j)
        return (T.ends[named], None) if named is not None else (T.starts[j], None)
    if w == ":":
        return T.ends[j], None
    if w in _PREP_WORDS and j + 1 < len(W) and W[j + 1] in COMPLEMENTIZERS:
        return T.ends[j + 1], None
    if w == "عما" and "عن" in comps and j + 1 < lim:
        return T.starts[j + 1], None  # تساءل عما إذا …
    if form is not None and form.lemma.stance == "question" and w in _QUESTION_WORDS:
        return T.starts[j], None  # تساءل هل / لماذا …
    if j >= lim:
        return None
    if "weak" in comps or not comps:
        return None
    if w in _PREP_WORDS and w in comps and j + 1 < lim and (not is_punct(W[j + 1]) or W[j + 1] in QUOTE_CHARS):
        return T.starts[j + 1], None
    if form is not None and form.lemma.stance == "demand" and not is_punct(w) and w not in PREPOSITIONS:
        # دعا X Y إلى …, حثت فرنسا روسيا على …: the addressee, then the call
        lex = lexicons()
        e = np_extent(W, j, lim, lex, cue_lexicon().forms, coord=True)
        if j < e < lim:
            x = W[e]
            if x in _PREP_WORDS and x in comps and e + 1 < lim and (not is_punct(W[e + 1]) or W[e + 1] in QUOTE_CHARS):
                return T.starts[e + 1], None
            if x in ("ب", "ل") and x in comps and e + 1 < lim and W[e + 1] in QUOTE_CHARS:
                return T.starts[e + 1], None  # دعا X لـ"…"
            if len(x) > 2 and x[0] in "بل" and x[0] in comps:
                return T.starts[e], None
    if "obj+ب" in comps and not is_punct(w):
        # اتهم X بـ Y: the object is the target; the content follows ب (وصف X بأنه …: after بأنه)
        commas = 0
        for k in range(j + 1, min(lim, j + 18)):
            x = W[k]
            if x in COMPLEMENTIZERS and x.startswith("ب"):
                return T.ends[k], k
            if x.startswith("ب") and len(x) > 2 and not is_punct(x) and x not in ("بعد", "بين"):
                return T.starts[k] + 1, k
            if x == "ب" and k + 1 < lim and W[k + 1] in QUOTE_CHARS:
                return T.starts[k + 1], k  # اتهم X بـ"…" (the tatweel is dropped by normalisation)
            if x in _COMMAS:
                commas += 1  # one parenthetical between commas (الرقم، والبالغ …، بأنه)
            if commas > 2 or x in COMPLEMENTIZERS or k > j + 9 and not commas or x in cue_lexicon().forms:
                break
        return None
    if len(w) > 2 and w[0] in "بل" and w[0] in comps and not w.startswith("بعد") and w[1:] not in _PRONOUNS:
        return T.starts[j] + 1, None
    if "np" in comps and not is_punct(w) and w not in PREPOSITIONS and w not in TIME_WORDS:
        return T.starts[j], None
    return None


def _left_subject_span(ctx: Context, end: int) -> tuple[int, int] | None:
    """An NP that ends right before word ``end`` (helper for appositions)."""
    W = ctx.tokens.words
    lex = lexicons()
    forms = cue_lexicon().forms
    for s in range(max(end - 8, 0), end):
        if s > 0 and not (is_punct(W[s - 1]) or W[s - 1] in COMPLEMENTIZERS):
            continue
        if np_extent(W, s, end, lex, forms, allow_pp=True) == end:
            return s, end
    return None


def _subject_before_kana(ctx: Context, ki: int) -> tuple[int, int] | None:
    """``X … كان نفى``: the subject opens the clause (after أن or the sentence start)."""
    W = ctx.tokens.words
    lex = lexicons()
    forms = cue_lexicon().forms
    sent_start = ctx.tokens.at(ctx.sentence_of(ctx.tokens.starts[ki])[0])
    for b in range(ki - 1, max(sent_start - 1, ki - 20), -1):
        if W[b] in COMPLEMENTIZERS or b == sent_start:
            s = b + 1 if W[b] in COMPLEMENTIZERS else b
            e = np_extent(W, s, ki, lex, forms)
            return (s, e) if e > s else None
        if W[b] in forms or W[b] in (".", ":"):
            return None
    return None


def _left_subject(ctx: Context, ci: int) -> tuple[int, int] | None:
    """SVO: the subject NP right before the verb at word ``ci`` (المصدر قال, الأنباء التي تحدثت)."""
    W = ctx.tokens.words
    lex = lexicons()
    forms = cue_lexicon().forms
    k = ci - 1
    while k >= 0 and W[k] in NEGATIONS and W[k] not in ("كان", "وكان"):
        k -= 1
    if k >= 3 and W[k] == ")":
        # وأنهم (أي الأمريكان) أشاروا: the gloss names the pronoun's referent
        o = next((m for m in range(k - 1, max(k - 8, -1), -1) if W[m] == "("), None)
        if o is not None and W[o + 1] in ("اي", "يعني") and o + 2 < k:
            return o + 2, k
        return None
    if k >= 2 and W[k] in _COMMAS:
        # السفير الأمريكي، كينيث وارد، أعرب …
        c2 = next((m for m in range(k - 1, max(k - 6, -1), -1) if W[m] in _COMMAS), None)
        if c2 is not None and c2 > 0:
            name_e = np_extent(W, c2 + 1, k, lex, forms)
            if name_e == k:
                role = _left_subject_span(ctx, c2)
                if role is not None and head_kind(W[role[0]], lex) == "role":
                    return c2 + 1, k
        return None
    if k >= 0 and W[k] in _RELATIVES:
        k -= 1
    end = k + 1
    b = k
    sent_start = ctx.tokens.at(ctx.sentence_of(ctx.tokens.starts[ci])[0])
    while b >= sent_start and end - b <= 9:
        w = W[b]
        if is_punct(w) and w not in ("-",) and w not in QUOTE_CHARS or w in COMPLEMENTIZERS \
                or w in ("كان", "وكان", "كانت", "وكانت") or w in forms or w in PREPOSITIONS or w in TIME_WORDS:
            break
        b -= 1
    b += 1
    while b < end and W[b] in QUOTE_CHARS and b + 1 < end and (b == 0 or W[b - 1] not in QUOTE_CHARS) \
            and not (ctx.tokens.starts[b] in ctx.quote_open and ctx.quote_open[ctx.tokens.starts[b]] <= ctx.tokens.starts[end - 1]):
        b += 1
    if b >= end:
        return None
    if b > 0 and W[b - 1] in PREPOSITIONS:
        return None
    # the span must parse as one NP
    for s in range(b, end):
        e = np_extent(W, s, end, lex, forms, allow_pp=True)
        if e == end and e > s:
            if head_kind(W[s], lex) or s == b:
                return s, end
    return None


_AUDIENCE = frozenset(("للصحافيين", "للصحفيين", "للصحافة", "للمراسلين", "للصحافيات", "للحضور", "للجمهور",
                       "للتلفزيون", "للنواب", "للبرلمان", "للمشاركين"))
_SUBORD = frozenset(("عندما", "حين", "حينما", "لدى", "بعد", "خلال", "اثناء", "عقب", "ردا", "تعليقا", "بينما",
                     "في"))


_SUBORD_CLAUSE = frozenset(("ردا", "تعليقا", "عندما", "حين", "حينما", "لدى", "خلال", "اثناء", "عقب", "بعد",
                            "في", "وذلك"))


_ADVERBIALS: dict[str, list[tuple[str, ...]]] = {}
for _p in ADVERBIAL_PHRASES:
    _ADVERBIALS.setdefault(_p[0], []).append(_p)


def _plausible_speaker(W: list[str], src: tuple[int, int], lex) -> bool:
    """Whether an NP parsed after a verb with a bare-NP content can be its speaker: a title,
    institution, outlet, source noun or group, or a name (not a common noun in ة)."""
    first = W[src[0]]
    if head_kind(first, lex) or first in lex.countries or first in QUOTE_CHARS or first == "#":
        return True
    return not definite(first) and not first.endswith("ة")


def _has_conj(w: str, form: Form, forms: dict) -> bool:
    return len(w) > 2 and w[0] in "وف" and forms.get(w[1:]) is not None and forms[w[1:]].lemma is form.lemma


def _skip_adjuncts(ctx: Context, cand: Cand, j: int, lim: int) -> int:
    """Skip time words, channel and via phrases, audiences, anonymity clauses at word ``j``."""
    W, T = ctx.tokens.words, ctx.tokens
    lex = lexicons()
    forms = cue_lexicon().forms
    for _ in range(8):
        if j >= lim:
            break
        w = W[j]
        if w in TIME_WORDS or w.isdigit() or w in _AUDIENCE:
            j += 1
            continue
        if w in MANNER and j + 1 < lim:
            j += 2  # بشكل مقتضب
            continue
        advs = _ADVERBIALS.get(w)
        if advs:
            adv = next((p for p in advs if tuple(W[j:j + len(p)]) == p), None)
            if adv is not None:
                j += len(adv)  # في البداية, في وقت سابق
                continue
        if w == "(":
            k = next((m for m in range(j + 1, min(lim, j + 7)) if W[m] == ")"), None)
            if k is not None:
                j = k + 1  # (45 عاما)
                continue
        ch = channel_at(W, j, lim, lex, forms)
        if ch is not None:
            if ch.channel and cand.channel is None:
                cand.channel = _chars(ctx, *ch.channel)
            if ch.via and cand.via is None:
                cand.via = _chars(ctx, *ch.via, strip_first=ch.via_strip)
            j = ch.end
            continue
        v = via_at(W, j, lim, lex, forms)
        if v is not None:
            if cand.via is None:
                cand.via = _chars(ctx, *v.via, strip_first=v.via_strip)
            j = v.end
            continue
        m = lex.anon_phrase_re.match(ctx.text, T.starts[j])
        if m is not None:
            cand.anonymous = True
            j = T.at(m.end())
            continue
        f2 = forms.get(w)
        if f2 is not None and f2.kind == "participle" and f2.lemma.participle in _SAY_PARTICIPLES:
            cand.attrs.setdefault("consumed", []).append(j)
            j += 1  # وتابع قائلا / وكتب على صفحته قائلا
            continue
        if w in _COMMAS and j + 2 < lim and W[j + 1] in _SUBORD_CLAUSE:
            # ، ردا على سؤال حول …، إنه: a subordinate clause between speaker and content
            k = next((m for m in range(j + 2, min(lim, j + 16)) if W[m] in _COMMAS or W[m] in forms), None)
            if k is not None and W[k] in _COMMAS and k + 1 < lim and (
                    W[k + 1] in COMPLEMENTIZERS or W[k + 1] == ":" or W[k + 1] in QUOTE_CHARS):
                j = k + 1
                continue
        if w in _COMMAS and j + 1 < lim:
            nxt = W[j + 1]
            if nxt in TIME_WORDS or nxt in COMPLEMENTIZERS or channel_at(W, j + 1, lim, lex, forms) \
                    or via_at(W, j + 1, lim, lex, forms) or lex.anon_phrase_re.match(ctx.text, T.starts[j + 1]) \
                    or (forms.get(nxt) is not None and forms[nxt].kind == "participle"
                        and forms[nxt].lemma.participle in _SAY_PARTICIPLES):
                j += 1
                continue
        break
    return j


def _loose_introducer(ctx: Context, j: int, lim: int) -> int | None:
    """For say-verbs: a complementizer or colon a few words on (قال X لدى وصوله إلى المطار إن)."""
    W = ctx.tokens.words
    forms = cue_lexicon().forms
    if j >= lim:
        return None
    if W[j] not in _SUBORD and not W[j].startswith(("ب", "ل")):
        # a manner word before a quote: ويقول X مستهزئا "…"
        for k in range(j + 1, min(lim, j + 3)):
            if W[k] in QUOTE_CHARS and ctx.tokens.starts[k] in ctx.quote_open:
                return k if all(not is_punct(x) and x not in forms and x not in PREPOSITIONS for x in W[j:k]) else None
        return None
    for k in range(j + 1, min(lim, j + 12)):
        w = W[k]
        if w in QUOTE_CHARS and ctx.tokens.starts[k] in ctx.quote_open:
            o = ctx.tokens.starts[k]
            return k if len(ctx.text[o:ctx.quote_open[o]].split()) >= 3 else None
        if (w in forms and forms[w].kind != "noun") or w in (".", "؛") or w in QUOTE_CHARS:
            return None
        if w in COMPLEMENTIZERS and w != "الا" or w == ":":
            return k
    return None


def _quoted_speaker(ctx: Context, cand: Cand, src: tuple[int, int], j: int,
                    lim: int) -> tuple[tuple[int, int], int] | None:
    """نقل X عن Y (or على لسان Y), word ``j`` being عن / لسان: X (``src``) becomes the via and Y, the
    noun phrase after it with its apposition, the speaker. (Y's span, the word after it and its
    adjuncts), or None when no noun phrase follows."""
    W = ctx.tokens.words
    e = np_extent(W, j + 1, lim, lexicons(), cue_lexicon().forms, allow_pp=True)
    if e <= j + 1:
        return None
    cand.via = _chars(ctx, *src)
    src, k, cand.role = apposition(W, (j + 1, e), e, lim, None)
    return src, _skip_adjuncts(ctx, cand, k, lim)


def parse_verb(ctx: Context, ci: int, form: Form, allow_svo: bool = True) -> Cand | None:
    """A finite reporting verb (or a participle) at word ``ci``."""
    W, T = ctx.tokens.words, ctx.tokens
    lex = lexicons()
    forms = cue_lexicon().forms
    lim = _sentence_word_limit(ctx, ci)
    if W[ci] in _BACKGROUND and ci + 1 < len(W) and W[ci + 1] in COMPLEMENTIZERS:
        return None  # يذكر أن: the narrator's background
    if form.kind == "noun":
        return None  # verbal nouns: rawi.stages.attribution.phrases.parse_noun
    cand = Cand(cue=(T.starts[ci], T.ends[ci]), kind="participle" if form.kind == "participle" else "verb",
                stance=form.lemma.stance, content=(0, 0), type="indirect", form=form,
                gender=form.gender, number=form.number)
    src = None
    after_rel = ci > 0 and W[ci - 1] in _RELATIVES
    if form.kind != "participle" and allow_svo and not _has_conj(W[ci], form, forms) and not after_rel:
        src = _left_subject(ctx, ci)
        if src is None and ci > 0 and W[ci - 1] in ("كان", "كانت", "وكان", "وكانت"):
            src = _subject_before_kana(ctx, ci - 1)
        if src is not None:
            cand.attrs["svo"] = True
    j = _skip_adjuncts(ctx, cand, ci + 1, lim)
    if src is None and j + 1 < lim and W[j] == "#" and not is_punct(W[j + 1]):
        j += 1  # a hashtag speaker (وقال #ترمب في تغريدة): the name after the mark
    if src is None and form.kind != "participle" and form.number == "sg" and j < lim:
        w = W[j]
        pp = len(w) > 3 and w[0] in "لب" and (head_kind(w[1:], lex) or w[1:].startswith("ال"))
        if not is_punct(w) and w not in COMPLEMENTIZERS and w not in PREPOSITIONS and w not in _ITS_SAYING \
                and not pp and (w not in ("هذا", "هذه", "ذلك", "تلك") or j + 1 < lim and definite(W[j + 1])):  # لمسؤولين, لصحيفة: a prepositional phrase, not the subject
            e = np_extent(W, j, lim, lex, forms, allow_pp=True)
            if e > j:
                src = (j, e)
                j = e
    if src is not None and not cand.attrs.get("svo") and src[1] == j and j + 1 < lim \
            and "weak" in form.lemma.complements:
        # one dangling word the NP grammar left (جورج بوش الأب في بيان): part of the name
        w, nxt = W[j], W[j + 1]
        if not is_punct(w) and w not in PREPOSITIONS and w not in COMPLEMENTIZERS and w not in TIME_WORDS \
                and w not in forms and w not in _ITS_SAYING and (nxt in PREPOSITIONS or nxt in COMPLEMENTIZERS
                                                                 or nxt in TIME_WORDS or nxt in _COMMAS):
            if not (w.startswith("ل") and via_at(W, j, lim, lex, forms)):
                src = (src[0], j + 1)
                j += 1
    if src is not None and cand.attrs.get("svo") and j + 1 < lim and W[j] == "عن" \
            and form.lemma.perfect in _QUOTING:
        # SVO quoting: وكالة فرانس برس نقلت عن X قوله …
        quoted = _quoted_speaker(ctx, cand, src, j, lim)
        if quoted is not None:
            src, j = quoted
            del cand.attrs["svo"]
    if src is not None and not cand.attrs.get("svo"):
        src, j, cand.role = apposition(ctx.tokens.words, src, j, lim, cand.role)
        j = _skip_adjuncts(ctx, cand, j, lim)
        if j + 1 < lim and W[j] in _COMMAS and W[j + 1] in ("عن", "علي") and form.lemma.perfect in _QUOTING:
            j += 1  # ونقلت الوكالة، أمس، عن مصدر
        if j + 2 < lim and W[j] == "علي" and W[j + 1] == "لسان" and form.lemma.perfect in _QUOTING:
            j += 1  # نقلت الوكالة على لسان X: like نقلت الوكالة عن X
            quoted_from = True
        else:
            quoted_from = j < lim and W[j] == "عن"
        quoted = _quoted_speaker(ctx, cand, src, j, lim) if quoted_from and form.lemma.perfect in _QUOTING else None
        if quoted is not None:
            src, j = quoted
            f2 = forms.get(W[j]) if j < lim else None
            if f2 is not None and f2.kind == "noun" and W[j] not in _ITS_SAYING and j + 1 < lim:
                # نقل X عن Y دعوتها الطرفين إلى …: the verbal noun says what Y did
                form = f2
                cand.stance = f2.lemma.stance
                j += 1
    if src is not None and j < lim and W[j] in _RELATIVES and "np" in form.lemma.complements:
        # وينفي غولن الذي يعيش في ولاية بنسلفانيا الضلوع في …: skip the speaker's relative clause
        for k in range(j + 2, min(lim, j + 9)):
            if is_punct(W[k]) or W[k] in COMPLEMENTIZERS:
                break
            if definite(W[k]) and W[k - 1] not in PREPOSITIONS and not definite(W[k - 1]) \
                    and not W[k - 1].endswith("ة") and not head_kind(W[k - 1], lex):
                j = k
                break
    if j < lim and W[j] in _COMMAS and j + 1 < lim and (W[j + 1] in COMPLEMENTIZERS or W[j + 1] == ":"
                                                       or (src is not None and "weak" not in form.lemma.complements
                                                           and j > ci + 1 and not is_punct(W[j + 1]))):
        j += 1  # نفى لافروف، في مقابلة …، أي تدخل
    intro = _introducer(ctx, j, lim, form)
    if intro is None and "weak" in form.lemma.complements:
        k = _loose_introducer(ctx, j, lim)
        if k is None and src is not None and src[1] == j:
            # the speaker NP stopped early (مكتب … جورج بوش الأب إن): a few more name words
            k = next((m for m in range(j, min(lim, j + 3)) if W[m] in COMPLEMENTIZERS or W[m] == ":"
                      or W[m] in QUOTE_CHARS), None)
            if k is not None and all(not is_punct(x) and x not in PREPOSITIONS and x not in forms
                                     for x in W[j:k]):
                src = (src[0], k)
            else:
                k = None
        if k is not None:
            intro = _introducer(ctx, k, lim, form)
    if intro is None:
        return None
    start, target_end = intro
    if src is not None and j < lim and start == T.starts[j] and not cand.attrs.get("svo") \
            and not _plausible_speaker(W, src, lex):
        return None  # توضح طبيعة تلك العقوبات: the "subject" is the object of an act
    if target_end is not None:
        cand.target = _chars(ctx, j, target_end)
    content = content_at(ctx, start)
    if content is None:
        return None
    cand.content = (content.start, content.end)
    cand.type = content.type
    if src is None and after_rel and form.kind != "participle" and allow_svo:
        src = _left_subject(ctx, ci)
    if src is not None:
        if cand.role is None:
            r = split_role(W, src[0], src[1], lex)
            if r > src[0]:
                cand.role = (src[0], r)
                src = (r, src[1])
            elif not head_kind(W[src[0]], lex) and not definite(W[src[0]]):
                # a title after the name: إسماعيل رضوان القيادي في حماس
                k = next((m for m in range(src[0] + 1, src[1]) if definite(W[m])
                          and (head_kind(W[m], lex) == "role" or is_adj(W[m]))
                          and W[m - 1] not in NAME_LINKS), None)
                if k is not None and head_kind(W[k], lex) == "role":
                    cand.role, src = (k, src[1]), (src[0], k)
        cand.source = src
    consumed = cand.attrs.get("consumed")
    if consumed and consumed[0] == ci + 1:
        cand.cue = (cand.cue[0], T.ends[ci + 1])
    return cand
