"""Arabic-aware full-text search: query parsing, index query strings, filters, snippets.

A query is words and "quoted phrases" (also «…» and “…”); all must occur. Query and index
both go through :func:`rawi.store.textnorm.search_normalize`, so hamza forms, harakat, shadda,
tatweel and taa marbuta fold. The first word of each term also matches with a leading
conjunction or preposition (و ف ب ل ك, with ال → لل). User text never becomes SQL: the FTS5
expression and the tsquery are built from normalised word characters only, each word quoted,
and passed as bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any, Sequence

from rawi.store.base import SearchHit, SearchQuery
from rawi.store.textnorm import normalize_with_map, query_words

_PHRASE_RE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class Term:
    """One required term: a word or a phrase, normalised; ``first`` are the first word's forms."""

    words: tuple[str, ...]
    first: tuple[str, ...]


def clitic_forms(word: str) -> tuple[str, ...]:
    """``word`` and its forms with a leading و ف ب ل ك (ال + ل → لل)."""
    if len(word) < 2 or word.isdigit():
        return (word,)
    if word.startswith("ال") and len(word) > 3:
        stem = word[2:]
        return (word, "و" + word, "ف" + word, "ب" + word, "ك" + word, "وب" + word,
                "لل" + stem, "ولل" + stem)
    return (word, "و" + word, "ف" + word, "ب" + word, "ل" + word, "ك" + word, "وب" + word,
            "ول" + word)


@lru_cache(maxsize=512)
def parse_query(text: str) -> tuple[Term, ...]:
    """The required terms of a query string (empty when it holds no word)."""
    terms: list[Term] = []
    rest = []
    pos = 0
    for m in _PHRASE_RE.finditer(text):
        rest.append(text[pos:m.start()])
        pos = m.end()
        words = tuple(query_words(next(g for g in m.groups() if g is not None)))
        if words:
            terms.append(Term(words, clitic_forms(words[0])))
    rest.append(text[pos:])
    for w in query_words(" ".join(rest)):
        terms.append(Term((w,), clitic_forms(w)))
    seen, out = set(), []
    for t in terms:
        if t.words not in seen:
            seen.add(t.words)
            out.append(t)
    return tuple(out)


def fts5_expression(terms: Sequence[Term]) -> str:
    """An FTS5 MATCH expression: every term, each as an OR of quoted phrases."""
    parts = []
    for t in terms:
        alts = ['"' + " ".join((f, *t.words[1:])) + '"' for f in t.first]
        parts.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def tsquery_expression(terms: Sequence[Term]) -> str:
    """A PostgreSQL ``to_tsquery`` expression of the same meaning."""
    parts = []
    for t in terms:
        alts = [" <-> ".join(f"'{w}'" for w in (f, *t.words[1:])) for f in t.first]
        parts.append("(" + " | ".join(f"({a})" for a in alts) + ")")
    return " & ".join(parts)


def filter_clauses(q: SearchQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions (``?`` placeholders) over ``documents d`` / ``outlets o`` and their values."""
    from rawi.store.sqlbase import day_start, like_pattern, speaker_key

    where: list[str] = ["d.duplicate_of IS NULL"]
    params: list[Any] = []
    if q.outlet:
        where.append("lower(o.name) = lower(?)")
        params.append(q.outlet)
    if q.since:
        where.append("d.published_utc >= ?")
        params.append(day_start(q.since))
    if q.until:
        where.append("d.published_utc < ?")
        params.append(day_start(q.until + timedelta(days=1)))
    attr: list[str] = []
    if q.speaker:
        if speaker_key(q.speaker):
            attr.append("a.speaker_id IN (SELECT id FROM speakers WHERE key LIKE ? ESCAPE '\\')")
            params.append(like_pattern(speaker_key(q.speaker)))
        else:  # only punctuation or spaces: no name to match, so nothing matches
            where.append("1 = 0")
    if q.stance:
        attr.append("a.stance = ?")
        params.append(q.stance)
    if q.source_type:
        attr.append("a.source_type = ?")
        params.append(q.source_type)
    if attr:
        where.append("EXISTS (SELECT 1 FROM attributions a WHERE a.doc_num = d.num AND "
                     + " AND ".join(attr) + ")")
    if q.entity and speaker_key(q.entity):
        where.append("EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id "
                     "WHERE m.doc_num = d.num AND (e.norm LIKE ? ESCAPE '\\' OR e.canonical_id = ?))")
        params += [like_pattern(speaker_key(q.entity)), q.entity]
    elif q.entity:  # no letters: only an exact canonical id can match
        where.append("EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id "
                     "WHERE m.doc_num = d.num AND e.canonical_id = ?)")
        params.append(q.entity)
    return where, params


@lru_cache(maxsize=256)
def _match_regex(terms: tuple[Term, ...]) -> re.Pattern[str]:
    """One regex over the normalised text matching any term (literal alternatives)."""
    alts = []
    for t in terms:
        first = "|".join(re.escape(f) for f in sorted(t.first, key=len, reverse=True))
        rest = "".join(r"[\W_]+" + re.escape(w) for w in t.words[1:])
        alts.append(f"(?:{first}){rest}")
    # No look-behind in front: a pattern that starts with its alternatives lets the regex
    # engine skip ahead to their first letters; the left word boundary is checked after.
    return re.compile(r"(?:" + "|".join(alts) + r")(?![^\W_])", re.IGNORECASE)


def find_matches(text: str, terms: tuple[Term, ...], start: int = 0,
                 end: int | None = None) -> list[tuple[int, int]]:
    """Spans (original offsets) where a term occurs in ``text[start:end]``, found in the
    normalised text and mapped back (marks after a matched letter included). ``start`` and
    ``end`` should fall on spaces so that no word is cut."""
    if not terms:
        return []
    part = text[start:end]
    norm, offsets = normalize_with_map(part)
    out = []
    for m in _match_regex(terms).finditer(norm):
        if m.start() and _is_word_char(norm[m.start() - 1]):
            continue  # inside a longer word
        s, e = offsets.span_to_original(m.start(), m.end())
        out.append((s + start, e + start))
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


_CHUNK = 1200


def _space_before(text: str, pos: int, floor: int) -> int:
    """The offset after the last space at or before ``pos`` (not below ``floor``)."""
    if pos <= floor:
        return floor
    sp = max(text.rfind(" ", floor, pos), text.rfind("\n", floor, pos))
    return sp + 1 if sp != -1 else floor


def _first_match(text: str, terms: tuple[Term, ...], start: int, end: int) -> tuple[int, int] | None:
    """The first match in ``text[start:end]``, normalising one chunk at a time."""
    pos = start
    while pos < end:
        stop = min(end, pos + _CHUNK)
        if stop < end:
            stop = max(_space_before(text, stop, pos + _CHUNK // 2), pos + 1)
        got = find_matches(text, terms, pos, stop)
        if got:
            return got[0]
        if stop >= end:
            return None
        pos = _space_before(text, stop - 60, pos + 1)  # overlap: a phrase across the cut
    return None


def make_snippet(text: str, terms: tuple[Term, ...], width: int = SNIPPET_CHARS,
                 body_from: int = 0) -> tuple[str, int, tuple[tuple[int, int], ...]]:
    """``(snippet, snippet_start, highlights)``: a window of ``text`` around the first match
    at or after ``body_from`` (else the first match), cut at spaces and line ends;
    highlights are the matches inside it, as offsets into ``text``."""
    first = _first_match(text, terms, body_from, len(text)) if terms else None
    if first is None and body_from and terms:
        first = _first_match(text, terms, 0, body_from)
    if first is None:
        while body_from < len(text) and text[body_from].isspace():
            body_from += 1
        end = _cut_right(text, min(len(text), body_from + width))
        return text[body_from:end], body_from, ()
    start = max(0, first[0] - width // 3)
    if start:
        sp = text.find(" ", start, first[0])
        start = sp + 1 if sp != -1 else start
    end = _cut_right(text, min(len(text), max(start + width, first[1])))
    nl = text.rfind("\n", start, first[0])
    if nl != -1:
        start = nl + 1
    nl = text.find("\n", first[1], end)
    if nl != -1:
        end = nl
    return text[start:end], start, tuple(find_matches(text, terms, start, end))


def _cut_right(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    sp = text.rfind(" ", end - 30, end)
    return sp if sp > 0 else end


def hits_from_rows(query: SearchQuery, rows: Sequence[tuple]) -> list[SearchHit]:
    """Search hits from ``(num, id, title, outlet, published, score, text, near_dup)`` rows."""
    terms = parse_query(query.text)
    hits = []
    for _num, doc_id, title, outlet, published, score, text, near in rows:
        body_from = len(title) if title and text.startswith(title) else 0
        snippet, start, highlights = make_snippet(text, terms, body_from=body_from)
        hits.append(SearchHit(doc_id, title or "", outlet, published, round(float(score), 4),
                              snippet, start, highlights, near))
    return hits
