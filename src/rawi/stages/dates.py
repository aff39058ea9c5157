"""Dates stage: find date mentions and resolve them against the publication date.

``extract_dates(text, published)`` is the pure helper; ``find_dates(doc)`` is the stage
(``doc.text`` and ``doc.published`` only). The grammar lives in :mod:`dates_patterns`, the
resolution in :mod:`dates_resolve`, the calendar arithmetic in :mod:`dates_calendar`.
Mentions relative to another date (``يوم 28 من الشهر ذاته``, ``بعد شهرين``) resolve
against the previous resolved mention.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rawi.model import DateMention, Document
from rawi.stages.dates_norm import fold, raw_span, scan
from rawi.stages.dates_patterns import FIRST, PATTERN
from rawi.stages.dates_resolve import SKIP, Resolver
from rawi.stages.numbers_units import APPROX_BEFORE_RE, counted_singular, looks_counted

_WORD = re.compile(r"\w+")
_YEAR_PREP_BEFORE = re.compile(r"(?<!\w)(?:في|منذ|حتي|بحلول|خلال|قبل|بعد|مطلع|اواخر|اوائل|نهايه|بدايه)\s+$")
_NAMED_YEAR_BEFORE = re.compile(r"(?:رؤيه|رويه)\s*[\"«]?\s*$")

def _bare_year_blocked(norm: str, m: re.Match) -> bool:
    """A bare 4-digit number is a count, not a year, before a counted noun or after an approx word."""
    nxt = _WORD.match(norm, m.end() + 1) if m.end() < len(norm) and norm[m.end()] == " " else None
    if nxt:
        after_prep = _YEAR_PREP_BEFORE.search(norm, max(0, m.start() - 10), m.start())
        # في 2016 أعضاء البرلمان is a year; في 2000 غارة a count
        if counted_singular(nxt.group(0)) if after_prep else looks_counted(nxt.group(0), strict=True):
            return True
    if m.end() < len(norm) and norm[m.end():m.end() + 2].strip().startswith("%"):
        return True
    return bool(APPROX_BEFORE_RE.search(norm[max(0, m.start() - 25):m.start()]))


def extract_dates(text: str, published: date | None) -> list[DateMention]:
    """All date mentions in ``text``, resolved against ``published`` (a date or None)."""
    return [m for _, _, m in date_spans(text, published)]


@lru_cache(maxsize=8)
def date_spans(text: str, published: date | None) -> tuple[tuple[int, int, DateMention], ...]:
    """Date mentions with their spans in the folded text (see :func:`dates_norm.fold`).

    Cached for the last few texts: the numbers stage asks for the same spans right after."""
    norm, offsets = fold(text)
    res = Resolver(norm, published)
    out: list[tuple[int, int, DateMention]] = []
    handlers = {"num": res.num_expr, "mon": res.month_expr, "wd": res.weekday_expr,
                "dom": res.dom_expr, "ago": res.ago_expr, "season": res.season_expr,
                "rel": res.rel_expr, "yr": res.year_expr}

    def handle(m: re.Match) -> int | None:
        kind = m.lastgroup
        if kind == "yr" and not (m.group("y_kw") or m.group("y_mod")) and (
                _bare_year_blocked(norm, m) or _NAMED_YEAR_BEFORE.search(norm, max(0, m.start() - 12), m.start())):
            return None
        got = handlers[kind](m)
        if got is None:
            return None
        if got is SKIP:
            return m.end()
        value, dkind = got
        s, e = m.start(), m.end()
        if kind == "ago" and m.group("a_of"):
            e = m.end("a_one") if m.group("a_one") else m.end("a_u")
        rs, re_ = raw_span(offsets, s, e, len(text))
        out.append((s, e, DateMention(rs, re_, text[rs:re_], value.iso() if value else None, dkind,
                                      value.granularity if value else None)))
        if value is not None:
            res.remember(value, e)
        return e

    scan(PATTERN, norm, FIRST, handle)
    return tuple(out)


def find_dates(doc: Document) -> Document:
    """The dates stage: ``doc.dates`` from ``doc.text`` and ``doc.published``."""
    pub = doc.published.date() if doc.published is not None else None
    return doc.evolve(dates=tuple(extract_dates(doc.text, pub)))
