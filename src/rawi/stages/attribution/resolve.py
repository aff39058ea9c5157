"""Coreference of speakers inside one article.

Every explicit speaker mention joins an entity: a name joins the entity that shares its last
name; a definite description (المصدر, الوزارة, السيناتور, الرئيس الفرنسي) joins the most
recent entity with the same head noun or a role containing it. Pro-drop verbs and participles
take the most recent speaker that agrees with the cue in gender and number. ``source_resolved``
is the fullest mention of the entity (the longest name for a person).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from dataclasses import dataclass, field

from rawi.stages.attribution.candidates import Cand
from rawi.stages.attribution.content import Context
from rawi.stages.attribution.cues import cue_lexicon
from rawi.stages.attribution.lexicons import lexicons
from rawi.stages.attribution.speakers import bare, classify, definite, head_kind, is_punct, np_extent, split_role
from rawi.stages.attribution.textutil import QUOTE_CHARS


@dataclass
class Entity:
    head: str
    kind: str  # person | descr
    mentions: list[tuple[int, int]] = field(default_factory=list)  # normalised char spans
    names: list[tuple[int, int]] = field(default_factory=list)
    name_words: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)
    gender: str = ""
    number: str = ""
    source_type: str = ""
    anonymous: bool = False
    speaker: bool = False
    first: int = 1 << 30
    hk: str = ""  # head kind of the first mention (role, org, …; '' for a name)

    def loose_words(self) -> set[str]:
        """``words`` plus each word without a genitive ل/ب (لأساتذة → أساتذة)."""
        return self.words | {w[1:] for w in self.words if len(w) > 4 and w[0] in "لب"}


def _words(ctx: Context, a: int, b: int) -> list[str]:
    return [w for w in ctx.tokens.words[a:b] if not is_punct(w)]


def _span_words(ctx: Context, span: tuple[int, int]) -> list[str]:
    T = ctx.tokens
    return _words(ctx, T.at(span[0]), T.before(span[1]) + 1)


_BREAKS = frozenset((".", "؛", ":", "!", "؟", "?", "\n"))


def _word_hits(T, text: str, s: str) -> list[int]:
    """Indices of the tokens that contain the substring ``s``."""
    out = []
    i = text.find(s)
    while i >= 0:
        out.append(bisect_right(T.starts, i) - 1)
        i = text.find(s, i + len(s))
    return out


class Registry:
    """The speakers (and titled names) of one article."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.lex = lexicons()
        self.entities: list[Entity] = []

    # -- building --------------------------------------------------------------------------
    def add_titled_names(self, org_heads: set[str] | frozenset[str] = frozenset(),
                         role_heads: set[str] | frozenset[str] = frozenset(),
                         names: set[str] | frozenset[str] = frozenset(),
                         skip: set[int] | frozenset[int] = frozenset()) -> None:
        """Pre-pass: every ``title + name`` (الرئيس الأمريكي دونالد ترامب) and every full
        institution name (منظمة حظر الأسلحة الكيمياوية) in the article that a short speaker
        mention can stand for: a title in ``role_heads``, a name holding a word of ``names``,
        an institution whose head is in ``org_heads``."""
        ctx, lex = self.ctx, self.lex
        W = ctx.tokens.words
        T = ctx.tokens
        forms = cue_lexicon().forms
        for i in self._head_positions(org_heads | role_heads, names):
            if i in skip:
                continue
            w = W[i]
            k = head_kind(w, lex)
            if k == "role" and (definite(w) or (i + 1 < len(W) and definite(W[i + 1]))) \
                    and (bare(w) in role_heads or not names.isdisjoint(W[i + 1:i + 10])):
                e = np_extent(W, i, min(len(W), i + 9), lex, forms)
                r = split_role(W, i, e, lex)
                if r > i and e > r:
                    self.mention((r, e), role=(i, r), speaker=False)
                elif e + 2 < len(W) and W[e] in ("،", ","):
                    # الرئيس الروسي، فلاديمير بوتين،
                    e2 = np_extent(W, e + 1, min(len(W), e + 5), lex, forms)
                    if e2 > e + 1 and not head_kind(W[e + 1], lex) and not definite(W[e + 1]) \
                            and e2 < len(W) and W[e2] in ("،", ",", "."):
                        self.mention((e + 1, e2), role=(i, e), speaker=False)
            elif k in ("org", "media") and bare(w) in org_heads and i + 1 < len(W) \
                    and not w.startswith(("لل", "بال")):
                # a conjunction before the name (والنقابة المستقلة …) is left out of the mention
                conj = w[0] in "وف" and head_kind(w[1:], lex) == k
                e = np_extent(W, i, len(W), lex, forms, first=w[1:] if conj else None)
                # two institutions joined by و (وزارة التربية والنقابة …): the first only
                e = next((m for m in range(i + 1, e) if W[m][0] in "وف"
                          and head_kind(W[m][1:], lex) in ("org", "media", "role")), e)
                if e >= i + 2:
                    self.mention((i, e), speaker=False,
                                 chars=(T.starts[i] + 1, T.ends[e - 1]) if conj else None)

    def _head_positions(self, heads: set[str], names: set[str]) -> list[int]:
        """Word indices of the words whose bare form is in ``heads``, and of the title words up
        to nine words before a word of ``names`` (substring search, no pass over every word)."""
        T, text, lex = self.ctx.tokens, self.ctx.text, self.lex
        W = T.words
        out: set[int] = set()
        for h in heads:
            for t in _word_hits(T, text, h):
                if bare(W[t]) == h or bare(W[t][1:]) == h:
                    out.add(t)
        seen: set[int] = set()
        for n in names:
            if len(n) < 3 or is_punct(n):
                continue
            for t in _word_hits(T, text, n):
                x = W[t]
                if t in seen or len(x) > len(n) + 1 or not x.endswith(n):
                    continue  # not the name word (علي inside عليه), or already looked at
                seen.add(t)
                for b in range(t - 1, max(t - 10, -1), -1):
                    y = W[b]
                    if y in _BREAKS:
                        break
                    if head_kind(y, lex) == "role":
                        out.add(b)
                        break  # the title nearest the name (رئيس in نائب رئيس الوزراء X)
        return sorted(out)

    def mention(self, src: tuple[int, int], role: tuple[int, int] | None = None, speaker: bool = True,
                gender: str = "", number: str = "", chars: tuple[int, int] | None = None) -> Entity:
        """Attach a mention (word range) to an entity, creating one if needed."""
        ctx, lex = self.ctx, self.lex
        T = ctx.tokens
        words = _words(ctx, *src)
        span = chars or (T.starts[src[0]], T.ends[src[1] - 1])
        if chars is not None and words:
            words = [words[0][1:]] + words[1:]
        role_words = set(_words(ctx, *role)) if role else set()
        if len(words) > 1 and words[0] in ("هذا", "هذه", "ذلك", "تلك"):
            words = words[1:]
        first = words[0] if words else ""
        hk = head_kind(first, lex)
        is_name = bool(role) or (not hk and not definite(first) and first not in QUOTE_CHARS
                                 and len(words) <= 4 and first not in self.lex.countries)
        if hk in ("anon", "org", "group", "document", "media", "construct"):
            is_name = False
        ent = None
        if not is_name and not hk and len(words) <= 2 and definite(first):
            # a family name written with ال (السيسي, المالكي): the person named in full elsewhere
            ent = self._find(words, True, role_words, span[0])
            if ent is not None and ent.kind == "person":
                is_name = True
            else:
                ent = None
        ent = ent or self._find(words, is_name, role_words, span[0])
        if ent is None:
            ent = Entity(head=bare(first), kind="person" if is_name else "descr", hk=hk)
            self.entities.append(ent)
        ent.first = min(ent.first, span[0])
        ent.mentions.append(span)
        ent.last = max(getattr(ent, "last", -1), span[0])
        ent.words.update(bare(w) for w in words)
        ent.role_words.update(bare(w) for w in role_words)
        if is_name:
            ent.kind = "person"
            ent.names.append(span)
            ent.name_words.update(words)
            ent.name_words.update(p for w in words for p in w.split("_") if len(p) > 2)
        if speaker:
            ent.speaker = True
            if gender and not ent.gender:
                ent.gender = gender
            if number == "pl":
                ent.number = "pl"
        if not ent.source_type:
            st, anon = classify(words, lex, is_name)
            ent.source_type, ent.anonymous = st, anon
        elif is_name:
            ent.source_type = "person"
        return ent

    def _find(self, words: list[str], is_name: bool, role_words: set[str], pos: int) -> Entity | None:
        """The entity this mention refers to: the nearest one before it, else the first after."""
        if not words:
            return None
        if is_name:
            parts = [p for w in words for p in w.split("_")]
            last = parts[-1]

            def match(ent: Entity) -> bool:
                return last in ent.name_words or any(w in ent.name_words for w in parts if len(w) > 3)
        else:
            b = [bare(w) for w in words]
            head, mods = b[0], set(b[1:])
            is_role = head_kind(words[0], self.lex) == "role"

            def match(ent: Entity) -> bool:
                if ent.head == head and mods <= ent.words | ent.role_words:
                    return True
                if is_role and ent.role_words and (set(b) <= ent.role_words or (
                        head in ent.role_words and len(set(b) & ent.role_words) >= min(2, len(b)))):
                    return True
                return not is_role and ent.kind == "descr" and set(b) <= ent.words
        found = [e for e in self.entities if match(e)]
        if not found:
            return None
        before = [e for e in found if e.first < pos]
        if before:
            return max(before, key=lambda e: (e.speaker, max(m[0] for m in e.mentions if m[0] < pos)))
        return min(found, key=lambda e: e.first)

    # -- reading -------------------------------------------------------------------------
    def fullest(self, ent: Entity) -> tuple[int, int]:
        spans = ent.names or ent.mentions
        text = self.ctx.text
        return max(spans, key=lambda s: (len(text[s[0]:s[1]].split()), -s[0]))

    def fuller(self, ent: Entity, pos: int) -> Entity | None:
        """The entity a short description stands for, met elsewhere in the article: a title
        alone (وزير التربية, الوزير, المتحدث باسم المديرية) → the person named with that title;
        a short institution (الوزارة, الشركة, الأرصاد, نقابة الأساتذة) → its full name. The
        nearest such entity before ``pos``, else the first after; ``None`` when there is none."""
        if ent.kind == "person" or ent.hk == "anon" or not ent.words:
            return None
        text = self.ctx.text
        size = len(text[slice(*self.fullest(ent))].split())
        keys = ent.words
        if ent.hk == "role":
            def match(o: Entity) -> bool:
                rw = o.role_words
                return o.kind == "person" and ent.head in rw and (keys <= rw or len(keys & rw) >= min(2, len(keys)))
        else:
            if size > 3:
                return None

            def match(o: Entity) -> bool:
                if not (o.kind == "descr" and (o.hk == ent.hk or not ent.hk and o.hk in ("org", "media"))
                        and keys <= o.loose_words()):
                    return False
                words = text[slice(*self.fullest(o))].split()
                # not a coordination of two speakers (واشنطن ودمشق, الوزارة والنقابة)
                return len(words) > size and not any(
                    w[0] == "و" and (head_kind(w[1:], self.lex) or w[1:] in self.lex.countries) for w in words[1:])
        found = [o for o in self.entities if o is not ent and match(o)]
        if not found:
            return None
        before = [o for o in found if o.first < pos]
        if before:
            return max(before, key=lambda o: max(m[0] for m in o.mentions if m[0] < pos))
        return min(found, key=lambda o: o.first)

    def agrees(self, ent: Entity, gender: str, number: str) -> bool:
        if number == "pl":
            return ent.number == "pl" or any(self.ctx.text[s[0]:s[1]].endswith(("ون", "ين")) for s in ent.mentions)
        if gender and ent.gender:
            return ent.gender == gender
        if gender == "f":
            return ent.head.endswith("ة")
        return True


def resolve(ctx: Context, cands: list[Cand]) -> None:
    """Fill ``resolved``, ``source_type``, ``anonymous`` of every candidate (in place)."""
    reg = Registry(ctx)
    T = ctx.tokens
    # full institution names are only needed for short definite speakers (المنظمة, الوزارة)
    org_heads: set[str] = set()
    role_heads: set[str] = set()  # titles spoken alone (الوزير): the titled names with that title
    names: set[str] = set()  # words of short names (السيسي, ماهر): the titled names holding them
    lex = reg.lex
    for c in cands:
        if c.source is None:
            continue
        w0 = T.words[c.source[0]]
        k = head_kind(w0, lex)
        if k == "role":
            role_heads.add(bare(w0))
        elif k and c.source[1] - c.source[0] <= 2 and (definite(w0) or c.source[1] - c.source[0] == 2):
            # الوزارة, نقابة الأساتذة: short forms of a longer name (not واشنطن, a name already)
            org_heads.add(bare(w0[1:] if c.source_chars else w0))
        elif not k and c.source[1] - c.source[0] == 1:
            names.add(w0[1:] if c.source_chars else w0)  # a family name alone (السيسي)
    if org_heads or role_heads or names:
        # titles that open a speaker's own source or role are registered with the speaker
        spoken = {c.role[0] if c.role else c.source[0] for c in cands if c.source is not None}
        reg.add_titled_names(org_heads, role_heads, names, skip=spoken)
    for c in cands:
        # a channel names a document that may speak later: في تعليق رسمي … ولفت التعليق
        if c.channel is not None:
            a, b = T.at(c.channel[0]) + 1, T.before(c.channel[1]) + 1
            if b > a and not is_punct(T.words[a]):
                reg.mention((a, b), speaker=False)
    ents: list[Entity | None] = []
    for c in cands:
        if c.source is not None:
            ent = reg.mention(c.source, c.role, speaker=True, gender=c.gender if not c.attrs.get("svo") else c.gender,
                              number=c.number, chars=c.source_chars)
            if c.anonymous:
                ent.anonymous, ent.source_type = True, "anonymous"
        else:
            ent = None
        ents.append(ent)
    # headline speakers are often short forms of a speaker met later in the body
    for i, c in enumerate(cands):
        if c.kind == "headline" and ents[i] is not None:
            ent = ents[i]
            words = _words(ctx, *c.source)
            if " ".join(words) in reg.lex.countries:
                # "روسيا: …" speaks only if a Russian body speaks in the article; else a place label
                later = _nisba_speaker(reg, words[-1])
                if later is None:
                    c.attrs["drop"] = True
                else:
                    ents[i] = later
                continue
            if len(ent.mentions) == 1:
                later = _match_later(reg, ent)
                if later is not None:
                    ents[i] = later
    nested = _nesting(cands)
    spoken: list[int] = []  # earlier body candidates with a speaker, in order
    headline: list[int] = []  # the first earlier headline candidate with a speaker
    for i, c in enumerate(cands):
        if ents[i] is None:
            ents[i] = _antecedent(reg, cands, ents, nested, i, spoken, headline)
        if ents[i] is not None:
            if c.kind != "headline":
                spoken.append(i)
            elif not headline:
                headline.append(i)
    for c, ent in zip(cands, ents):
        if ent is None:
            continue
        ent = reg.fuller(ent, c.cue[0]) or ent
        s, e = reg.fullest(ent)
        if c.source is not None and ent.kind == "descr":
            # on a tie keep the mention itself (البيان, not an earlier بيان)
            own = (T.starts[c.source[0]], T.ends[c.source[1] - 1])
            if len(ctx.text[own[0]:own[1]].split()) >= len(ctx.text[s:e].split()):
                s, e = own
        c.resolved = ctx.text[s:e]
        c.attrs["resolved_span"] = (s, e)
        c.source_type = ent.source_type or "person"
        c.anonymous = ent.anonymous
        if c.source_type == "anonymous":
            c.anonymous = True


def _nisba_speaker(reg: Registry, country: str) -> Entity | None:
    """A speaker whose name carries the country's adjective (روسيا → السلطات الروسية)."""
    stem = country[2:] if country.startswith("ال") else country
    stem = stem[:-1] if stem.endswith(("ا", "ي")) else stem
    if len(stem) < 3:
        return None
    for ent in reg.entities:
        if ent.speaker and any(w.startswith(stem) and w.endswith(("ي", "ية")) and w != country for w in ent.words):
            return ent
    return None


def _match_later(reg: Registry, ent: Entity) -> Entity | None:
    for other in reg.entities:
        if other is ent or not other.speaker:
            continue
        if ent.kind == "person" and ent.name_words & other.name_words:
            return other
        if ent.words and ent.words <= other.words | other.role_words:
            return other
        if ent.head and ent.head in other.role_words and len(ent.words & other.role_words) >= min(2, len(ent.words)):
            return other  # المدير السابق لـ"إف بي آي" → the person with that title
    return None


def _nesting(cands: list[Cand]) -> list[int | None]:
    """For each candidate, the index of the smallest other content that holds its cue.

    A sweep over cue positions with a heap of the contents opened so far, smallest first
    (ties: the earlier candidate); contents that ended before the cue are dropped lazily. Linear
    in the number of candidates up to a log factor (a run of thousands of cues stays fast)."""
    spans = sorted((c.content[0], c.content[1], j) for j, c in enumerate(cands))
    order = sorted(range(len(cands)), key=lambda i: cands[i].cue[0])
    out: list[int | None] = [None] * len(cands)
    heap: list[tuple[int, int, int]] = []  # (size, index, end)
    k = 0
    for i in order:
        pos = cands[i].cue[0]
        while k < len(spans) and spans[k][0] <= pos:
            s, e, j = spans[k]
            heapq.heappush(heap, (e - s, j, e))
            k += 1
        held = None
        while heap:
            size, j, e = heap[0]
            if e <= pos:
                heapq.heappop(heap)  # ended before this cue, so before every later cue
                continue
            if j == i:  # its own content: look past it, then put it back
                held = heapq.heappop(heap)
                continue
            out[i] = j
            break
        if held is not None:
            heapq.heappush(heap, held)
    return out


def _antecedent(reg: Registry, cands: list[Cand], ents: list, nested: list, i: int,
                spoken: list[int], headline: list[int]) -> Entity | None:
    """The speaker of candidate ``i`` that names none: an earlier speaker of the same level.

    ``spoken`` lists the earlier body candidates that have a speaker, ``headline`` the first
    headline candidate with one (both kept by the caller, so no scan over all candidates)."""
    c = cands[i]
    sent = reg.ctx.sentence_index(c.cue[0])
    order = [k for k in reversed(spoken) if nested[k] is None or nested[k] == nested[i]]
    if c.kind == "participle":
        for k in order:
            if reg.ctx.sentence_index(cands[k].cue[0]) == sent:
                return ents[k]
            break
    for k in order:
        if reg.agrees(ents[k], c.gender, c.number):
            return ents[k]
    if order:
        return ents[order[0]]
    # nobody has spoken yet in the body: the headline's speaker
    return ents[headline[0]] if headline else None
