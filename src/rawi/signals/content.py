"""Content signals: what in the wording of a claim makes it checkable, absolute or hedged.

- ``figure`` / ``date``: the document's number and date mentions that fall inside the content.
- ``absolute_certainty``: rows of kind ``absolute`` in ``lexicons/certainty.tsv`` and
  ``lexicons/signal_markers.tsv`` found in the attribution (cue to end of content), and a
  percentage of exactly 100 used as an adverb of certainty ("واقعة ثابتة 100%"), not as a rate
  ("ارتفعت بنسبة 100%") or a share ("100% من").
  A marker negated within its clause (``لم يقدم أي أدلة دامغة``: up to :data:`NEG_WINDOW`
  words before it, no comma or full stop between, a word of ``lexicons/negation.tsv``) is not
  counted.
- ``hedge``: rows of kind ``hedge`` in ``lexicons/hedges.tsv`` and ``lexicons/signal_markers.tsv``
  in the same stretch.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rawi.model import Attribution, Document, NumberMention
from rawi.signals.lexmatch import combined, read_kinds

_ABSOLUTE = (("certainty.tsv", ("absolute",)), ("signal_markers.tsv", ("absolute",)))
_HEDGE = (("hedges.tsv", ("hedge",)), ("signal_markers.tsv", ("hedge",)))
from rawi.signals.model import Signal
from rawi.text.normalize import normalize_text

_PERCENT_UNITS = frozenset({"%", "٪", "percent", "بالمئة", "بالمائة", "في المئة", "في المائة"})
#: A rate or a share: "بنسبة 100%" / "نسبة 100%" before, "من" (of) after.
_RATE_BEFORE = re.compile(r"(?:^|\s)[وب]?(?:ال)?نسب[هة]\s*$")
_SHARE_AFTER = re.compile(r"^\s*(?:من|منهم|منها)(?:\s|$)")


NEG_WINDOW = 5
_CLAUSE_END = re.compile(r"[.!?؟،,;؛:\n]")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(normalize_text(e) for e, _ in read_kinds("negation.tsv"))


def negated(text: str, start: int) -> bool:
    """A negation word among the :data:`NEG_WINDOW` words before ``start``, in the same clause."""
    before = text[max(0, start - 80):start]
    cut = list(_CLAUSE_END.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    words = [normalize_text(w) for w in _WORD.findall(before)][-NEG_WINDOW:]
    neg = _negations()
    return any(w in neg or (len(w) > 2 and w[0] in "وف" and w[1:] in neg) for w in words)


def _inside(start: int, end: int, a: Attribution) -> bool:
    return a.content.start <= start and end <= a.content.end


def _region(a: Attribution) -> tuple[int, int]:
    """The cue and the content (and what lies between): where a writer marks certainty."""
    return min(a.cue.start, a.content.start), max(a.cue.end, a.content.end)


def is_certainty_percent(doc: Document, n: NumberMention) -> bool:
    """A percentage of exactly 100 that qualifies a statement rather than measuring a rate."""
    if n.unit not in _PERCENT_UNITS or n.value != 100 or n.value_max not in (None, 100) or n.approx:
        return False
    before = normalize_text(doc.text[max(0, n.start - 12):n.start])
    after = doc.text[n.end:n.end + 8]
    return not _RATE_BEFORE.search(before) and not _SHARE_AFTER.match(after)


def figure_signals(doc: Document, a: Attribution) -> list[Signal]:
    out = []
    for n in doc.numbers:
        if not _inside(n.start, n.end, a) or is_certainty_percent(doc, n):
            continue
        what = "an approximate figure" if n.approx else "a specific figure"
        unit = f" ({n.unit})" if n.unit else ""
        out.append(Signal("figure", n.start, n.end, doc.text[n.start:n.end],
                          f"{what} «{doc.text[n.start:n.end]}»{unit}: checkable against records",
                          {"value": n.value, "value_max": n.value_max, "unit": n.unit,
                           "approx": n.approx}))
    return out


def date_signals(doc: Document, a: Attribution) -> list[Signal]:
    out = []
    for d in doc.dates:
        if not _inside(d.start, d.end, a):
            continue
        when = f" = {d.value}" if d.value else " (not resolved to a calendar date)"
        out.append(Signal("date", d.start, d.end, doc.text[d.start:d.end],
                          f"a date «{doc.text[d.start:d.end]}»{when}: the event can be checked "
                          "against that time", {"value": d.value, "kind": d.kind}))
    return out


def certainty_signals(doc: Document, a: Attribution) -> list[Signal]:
    lo, hi = _region(a)
    out = []
    for n in doc.numbers:
        if lo <= n.start and n.end <= hi and is_certainty_percent(doc, n):
            out.append(Signal("absolute_certainty", n.start, n.end, doc.text[n.start:n.end],
                              f"«{doc.text[n.start:n.end]}» presents the statement as beyond any "
                              "doubt", {"marker": "percent"}))
    taken = [(s.start, s.end) for s in out]
    for m in combined(*_ABSOLUTE).find(doc.text, lo, hi):
        if any(m.start < e and s < m.end for s, e in taken) or negated(doc.text, m.start):
            continue
        out.append(Signal("absolute_certainty", m.start, m.end, doc.text[m.start:m.end],
                          f"«{doc.text[m.start:m.end]}» presents the statement as established "
                          "fact, leaving no room for doubt", {"marker": m.entry}))
    return sorted(out, key=lambda s: s.start)


def hedge_signals(doc: Document, a: Attribution) -> list[Signal]:
    lo, hi = _region(a)
    return [Signal("hedge", m.start, m.end, doc.text[m.start:m.end],
                   f"«{doc.text[m.start:m.end]}» distances the writer from the claim or marks it "
                   "as unproven", {"marker": m.entry})
            for m in combined(*_HEDGE).find(doc.text, lo, hi)]


def content_signals(doc: Document, a: Attribution) -> list[Signal]:
    return (figure_signals(doc, a) + date_signals(doc, a) + certainty_signals(doc, a)
            + hedge_signals(doc, a))
