"""Attribution stage: who said what, on whose authority.

``find_attributions(doc)`` returns ``doc.evolve(attributions=...)`` with one
:class:`~rawi.model.Attribution` per attributed statement, in text order, following
``shared/gold/GUIDELINES.md``: cue, source (without its appositive role), role,
source_resolved (fullest name in the article), source_type, via, channel, content, type,
stance, target, nested_in, anonymous.

Pipeline: normalise (with an offset map) → cue candidates from one compiled regex of all
generated cue forms and one of the fixed phrases → a frame parse per cue (speaker, role,
channel, via, introducer, content) → coreference of speakers → stance → nesting.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress

from rawi.model import Attribution, Document, Span
from rawi.stages.attribution.candidates import Cand, parse_verb
from rawi.stages.attribution.phrases import parse_headline, parse_noun, parse_phrase
from rawi.stages.attribution.content import Context
from rawi.stages.attribution.cues import cue_lexicon
from rawi.stages.attribution.lexicons import COMPLEMENTIZERS, lexicons
from rawi.stages.attribution.resolve import _nesting, resolve
from rawi.stages.attribution.stance import set_stance
from rawi.stages.attribution.textutil import QUOTE_CHARS, Norm, Tokens, all_quotes, normalize, split_sentences

__all__ = ["find_attributions", "attributions_of"]
_WEAK = frozenset({"weak"})

REQUIRES = ("text",)  # doc.sentences may be present; the stage splits with its own quote pairing
ASSIGNS = ("attributions",)


def _sentences(doc: Document, norm: Norm, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans in normalised offsets.

    The stage splits with its own quote pairing (a sentence never ends inside a closed quote,
    an unclosed quote ends with its sentence, abbreviations such as سي.إن.إن do not split),
    because where attributed speech ends depends on exactly that pairing; ``doc.sentences``
    from the segmentation stage is therefore not used (measured on the development gold via
    ``rawi analyze``: using it lost one attribution, at a split inside "سي.إن.إن").
    """
    return split_sentences(norm.text, quotes)


def _candidates(ctx: Context, title_len: int) -> list[Cand]:
    T = ctx.tokens
    lex = lexicons()
    cues = cue_lexicon()
    out: list[Cand] = []
    taken: set[int] = set()
    if title_len:
        h = parse_headline(ctx, title_len)
        if h is not None:
            out.append(h)
    forms = cues.forms
    # one pass over the words with set look-ups: every generated cue form is a key of one dict
    # (measured faster than running the compiled alternation cues.regex over the text; both
    # find the same words), plus phrase openers and content introducers
    first = lex.phrase_first
    keys = _scan_keys()
    hits = list(compress(range(len(T.words)), map(keys.__contains__, T.words)))
    W = T.words
    for wi in [i for i in hits if W[i] in first]:
        m = lex.phrase_re.match(ctx.text, T.starts[wi])
        if m is None:
            continue
        c = parse_phrase(ctx, m.start(), m.end(), lex.phrases.get(_phrase_key(m.group()), "according_to"))
        if c is not None:
            out.append(c)
            taken.update(range(T.at(c.cue[0]), T.before(c.cue[1]) + 1))
    # word indices that can introduce content (أن/إن…, a colon, a quote mark): a say-verb with
    # none of them later in its sentence has no content, and is not parsed
    intro = [i for i in hits if W[i] in _INTRO]
    for wi in [i for i in hits if W[i] in forms]:
        if wi in taken:
            continue
        start = T.starts[wi]
        if lex.anon_phrase_re.match(ctx.text, start):
            continue  # مسؤول طلب عدم الكشف عن اسمه
        if wi + 1 < len(W) and (W[wi + 1] in _IDENTITY or W[wi + 1] == "عن" and wi + 2 < len(W)
                                and W[wi + 2] in _IDENTITY):
            continue  # طلب عدم ذكر اسمه, رفض الكشف عن هويته: the speaker's anonymity, not a cue
        form = forms[T.words[wi]]
        if form.kind != "noun" and form.lemma.complements == _WEAK:
            k = bisect_right(intro, wi)
            if k >= len(intro) or intro[k] >= T.at(ctx.sentence_of(start)[1]):
                continue
        c = parse_noun(ctx, wi, form) if form.kind == "noun" else parse_verb(ctx, wi, form)
        if c is None:
            continue
        out.append(c)
        taken.update(c.attrs.get("consumed", ()))
        if c.cue[1] > T.ends[wi]:
            taken.update(range(wi, T.before(c.cue[1]) + 1))
    out.sort(key=lambda c: c.cue[0])
    _merge_conduits(ctx, out)
    # one record per cue; a cue inside another record's speaker or role is not a cue
    res: list[Cand] = []
    spans = [(T.starts[c.source[0]], T.ends[c.source[1] - 1]) for c in out if c.source]
    for c in out:
        if res and res[-1].cue == c.cue:
            continue
        if any(s <= c.cue[0] < e for s, e in spans):
            continue
        res.append(c)
    return res


_IDENTITY = frozenset(("اسمه", "اسمها", "اسمهم", "اسمائهم", "هويته", "هويتها", "هويتهم", "هويتهما"))
_INTRO = frozenset(COMPLEMENTIZERS | {":"} | set(QUOTE_CHARS))
_KEYS: frozenset[str] | None = None


def _scan_keys() -> frozenset[str]:
    global _KEYS
    if _KEYS is None:
        _KEYS = frozenset(cue_lexicon().forms) | lexicons().phrase_first | _INTRO
    return _KEYS


def _merge_conduits(ctx: Context, cands: list[Cand]) -> None:
    """``وحسب رويترز، قالت الوزارة إن …``: the phrase names the conduit of the verb's record."""
    T = ctx.tokens
    drop = []
    for i, p in enumerate(cands):
        if p.kind != "phrase" or p.source is None or p.content[0] < p.cue[1]:
            continue
        for v in cands[i + 1:i + 3]:
            if v.kind == "verb" and v.via is None and v.source is not None and \
                    0 <= T.at(v.cue[0]) - p.source[1] <= 2:
                v.via = p.source_chars or (T.starts[p.source[0]], T.ends[p.source[1] - 1])
                drop.append(i)
                break
    for i in reversed(drop):
        del cands[i]


def _phrase_key(s: str) -> str:
    lex = lexicons()
    if s in lex.phrases:
        return s
    return s[1:] if s[1:] in lex.phrases else s


def attributions_of(doc: Document) -> tuple[Attribution, ...]:
    """The attributions of ``doc`` (see module doc)."""
    raw = doc.text
    norm = normalize(raw)
    pairs = all_quotes(norm.text)
    ctx = Context(raw=raw, norm=norm, tokens=Tokens(norm.text), sentences=_sentences(doc, norm, pairs),
                  pairs=pairs)
    title_len = 0
    if doc.title and raw.startswith(doc.title):
        title_len = norm.from_raw(len(doc.title))
    elif "\n" in norm.text[:400]:
        title_len = norm.text.index("\n")
    cands = _candidates(ctx, title_len)
    resolve(ctx, cands)
    nested = _nesting(cands)
    # a verb with no subject of its own inside someone else's statement continues that statement
    # (هذه الوقائع تدل وتؤكد …): not a new record
    cands = [c for c, n in zip(cands, nested) if not c.attrs.get("drop")
             and not (n is not None and c.source is None and c.kind in ("verb", "noun"))]
    # a record needs a cue and a content to point at (an empty content cannot be highlighted, cited
    # or stored): drop such candidates before the nesting indices are computed
    cands = [c for c in cands if c.cue and c.cue[1] > c.cue[0] and c.content and c.content[1] > c.content[0]]
    nested = _nesting(cands)
    T = ctx.tokens

    def span(a: tuple[int, int] | None, label: str) -> Span | None:
        if a is None or a[1] <= a[0]:
            return None
        s, e = norm.to_raw(*a)
        return Span(s, e, label)

    def words(a: tuple[int, int] | None, label: str) -> Span | None:
        if a is None or a[1] <= a[0]:
            return None
        return span((T.starts[a[0]], T.ends[a[1] - 1]), label)

    out = []
    for c, nest in zip(cands, nested):
        set_stance(ctx, c)
        source = span(c.source_chars, "source") if c.source_chars else words(c.source, "source")
        resolved = None
        if "resolved_span" in c.attrs:
            s, e = norm.to_raw(*c.attrs["resolved_span"])
            resolved = raw[s:e]
        out.append(Attribution(
            cue=span(c.cue, "cue"), content=span(c.content, "content"), type=c.type, stance=c.stance,
            source=source, source_role=words(c.role, "source_role"), source_resolved=resolved,
            source_type=c.source_type, via=span(c.via, "via"), channel=span(c.channel, "channel"),
            target=span(c.target, "target"), nested_in=nest, anonymous=c.anonymous,
        ))
    return tuple(out)


def find_attributions(doc: Document) -> Document:
    """Pipeline stage: ``doc`` with its ``attributions`` filled."""
    return doc.evolve(attributions=attributions_of(doc))
