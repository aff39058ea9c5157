"""Entities stage: CRF tagging, alias/gazetteer additions, canonicalisation, place resolution.

``find_entities(doc) -> doc.evolve(entities=...)``. Offsets are into ``Document.text``;
a proclitic (``لداعش``, ``بسوريا``) is left outside the span when the name was recognised
without it. Requires ``text``; assigns ``entities``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rawi.model import Document, Entity
from rawi.ner.aliases import Actor, AliasTable, actor_id, alias_table
from rawi.ner.gazetteer import Gazetteer, Place, gazetteer
from rawi.ner.link import link_names, name_words
from rawi.ner.normalize import _DROP, norm
from rawi.ner.tagger import CrfTagger, bio_spans, default_tagger
from rawi.ner.tokenize import split_sentences, tokens_with_offsets

requires = ("text",)
assigns = ("entities",)


@dataclass
class _Mention:
    start: int
    end: int
    label: str
    actor: Actor | None = None
    place: Place | None = None


def _proclitic_len(raw: str, drop: int) -> int:
    """Raw characters covering the first ``drop`` normalised characters of ``raw``."""
    i = 0
    while drop and i < len(raw):  # walk raw chars, skipping marks that norm removes
        if not _DROP.match(raw[i]):
            drop -= 1
        i += 1
    while i < len(raw) and raw[i] == "ـ":  # the tatweel of لـ belongs to the clitic
        i += 1
    return i


def _trim(text: str, m: _Mention, form: str | None) -> None:
    """Move ``m.start`` past a proclitic when the name matched without it (``form``)."""
    words = text[m.start:m.end].split()
    if form is None or not words:
        return
    first = words[0]
    n = norm(first)
    if form != n and n.endswith(form):
        k = _proclitic_len(first, len(n) - len(form))
        if 0 < k < len(first):
            m.start += k


def _merge(crf: list[_Mention], extra: list[_Mention]) -> list[_Mention]:
    """CRF mentions, with lexicon mentions added where free or where they cover CRF ones."""
    out = list(crf)
    for x in extra:
        overl = [m for m in out if m.start < x.end and x.start < m.end]
        if not overl:
            out.append(x)
        elif x.place is not None and len(overl) == 1 and (overl[0].start, overl[0].end) == (x.start, x.end):
            if overl[0].label != "PER":  # a curated place the tagger read as ORG/MISC (metonymy)
                overl[0].label, overl[0].place = "LOC", x.place
        elif all(x.start <= m.start and m.end <= x.end for m in overl) and (
                x.end - x.start > max(m.end - m.start for m in overl) or x.actor):
            out = [m for m in out if m not in overl] + [x]
    return sorted(out, key=lambda m: m.start)


def _mentions(text: str, tagger: CrfTagger, aliases: AliasTable, gaz: Gazetteer) -> list[_Mention]:
    crf: list[_Mention] = []
    extra: list[_Mention] = []
    for sent in split_sentences(text, tokens_with_offsets(text)):
        toks = [text[s:e] for s, e in sent]
        for i, j, typ in bio_spans(tagger.tag(toks)):
            crf.append(_Mention(sent[i][0], sent[j - 1][1], typ))
        norms = [norm(t) for t in toks]
        for i, j, actor in aliases.match_tokens(norms):
            extra.append(_Mention(sent[i][0], sent[j - 1][1], actor.label, actor=actor))
        for i, j, place in gaz.match_tokens(norms):
            extra.append(_Mention(sent[i][0], sent[j - 1][1], "LOC", place=place))
    return _merge(crf, extra)


def find_entities(doc: Document, tagger: CrfTagger | None = None) -> Document:
    """Tag, canonicalise and geo-resolve the named entities of ``doc``."""
    text = doc.text
    aliases, gaz = alias_table(), gazetteer()
    ms = _mentions(text, tagger or default_tagger(), aliases, gaz)
    # 1. aliases (exact), then country context from unambiguous places
    forms: dict[int, str | None] = {}
    for m in ms:
        surface = text[m.start:m.end]
        actor, form = aliases.lookup_form(surface)
        if m.actor is None:
            m.actor = actor
        if m.actor is not None:
            m.label = m.actor.label
            forms[id(m)] = form
    context: Counter = Counter()
    for m in ms:
        if m.label == "LOC" and m.actor is None:
            c = gaz.candidates(text[m.start:m.end])
            if len({p.country for p in c}) == 1 and c[0].country:
                context[c[0].country] += 1
    # 2. places, fuzzy aliases, within-article linking of person names
    for m in ms:
        surface = text[m.start:m.end]
        if m.actor is None and m.label == "LOC":
            cands, form = gaz.candidates_form(surface)
            m.place = m.place if m.place and len(cands) <= 1 else gaz.resolve(surface, context)
            forms[id(m)] = form
        if m.actor is None and m.place is None and m.label in ("PER", "ORG"):
            m.actor = aliases.fuzzy(surface, m.label)
    persons = [name_words(text[m.start:m.end]) for m in ms if m.label == "PER"]
    linked = link_names(persons)
    surface_of: dict[tuple[str, ...], str] = {}
    actor_of: dict[tuple[str, ...], Actor] = {}
    for m in ms:
        if m.label == "PER":
            key = name_words(text[m.start:m.end])
            surface_of.setdefault(key, text[m.start:m.end])
            if m.actor is not None:
                actor_of.setdefault(key, m.actor)
    for m in ms:  # a short name takes the actor of the fullest name it links to
        if m.label == "PER" and m.actor is None:
            m.actor = actor_of.get(linked.get(name_words(text[m.start:m.end]), ()))
    out: list[Entity] = []
    for m in ms:
        if m.actor is not None:
            cid, cname = m.actor.id, m.actor.name
        elif m.place is not None:
            cid, cname = m.place.id, m.place.name
        elif m.label == "PER":
            full = linked.get(name_words(text[m.start:m.end]))
            cname = surface_of.get(full, text[m.start:m.end])
            cid = actor_id("PER", cname)
        else:
            cname = text[m.start:m.end]
            cid = actor_id(m.label, cname)
        if m.actor is not None or m.place is not None:
            _trim(text, m, forms.get(id(m)))
        p = m.place
        out.append(Entity(m.start, m.end, m.label, text[m.start:m.end], cid, cname,
                          p.lat if p else None, p.lon if p else None, (p.country or None) if p else None))
    return doc.evolve(entities=tuple(out))

