"""Source signals: who vouches for a claim, and whether a reader can check with them.

- ``anonymous_source``: the attribution's speaker is unnamed (``source_type`` ``anonymous`` or
  the attribution stage's ``anonymous`` flag, or a source span that opens with an anonymous-
  source noun of ``lexicons/anonymous_sources.tsv``).
- ``unverifiable_source``: no speaker at all behind an impersonal cue ("يقال"، "أفيد"، kind
  ``impersonal`` of ``lexicons/unverifiable_sources.tsv``; an active verb with no source span
  has an implied speaker, left alone) or a speaker that is nobody in particular: reports, news,
  activists, "media" (the other kinds), unless a named entity stands in the source span
  ("تقرير سبوتنيك", "ناشطون في حمص" is still unnamed: a place is not a person).
"""

from __future__ import annotations

from rawi.model import Attribution, Document, Span
from rawi.signals.lexmatch import matcher
from rawi.signals.model import Signal

_REPORT_KIND = {"report": "unsourced reports or news", "crowd": "unnamed people",
                "media": "unnamed media"}
_NAMING = ("PER", "ORG")


def _span_text(doc: Document, span: Span) -> str:
    return doc.text[span.start:span.end]


def _speaker_span(a: Attribution) -> Span:
    return a.source or a.source_role or a.cue


def _opens_anonymous(doc: Document, span: Span | None) -> bool:
    if span is None:
        return False
    heads = [m for m in matcher("anonymous_sources.tsv", ("head",)).find(doc.text, span.start, span.end)]
    return any(m.start - span.start <= 2 for m in heads)


def _anonymous_phrase(doc: Document, a: Attribution):
    """An "asked not to be named" clause between the source and the content, if any."""
    spans = [s for s in (a.source, a.source_role, a.cue) if s is not None]
    lo = min(s.start for s in spans)
    hi = a.content.start if a.content.start > lo else max(s.end for s in spans)
    found = matcher("anonymous_sources.tsv", ("phrase",)).find(doc.text, lo, hi)
    return found[0] if found else None


def anonymous_signal(doc: Document, a: Attribution) -> Signal | None:
    sp = _speaker_span(a)
    phrase = _anonymous_phrase(doc, a)
    if not (a.anonymous or a.source_type == "anonymous" or _opens_anonymous(doc, a.source)
            or phrase is not None):
        return None
    who = _span_text(doc, sp) if sp is not a.cue else (a.source_resolved or "")
    parts = [f"unnamed source «{who}»" if who else "unnamed source"]
    if a.via is not None:
        parts.append(f"relayed by «{_span_text(doc, a.via)}»")
    if phrase is not None:
        parts.append(f"«{doc.text[phrase.start:phrase.end]}»")
    expl = ", ".join(parts) + ": the speaker cannot be identified, so the claim cannot be checked with them"
    attrs = {"via": _span_text(doc, a.via)} if a.via is not None else {}
    return Signal("anonymous_source", sp.start, sp.end, doc.text[sp.start:sp.end], expl, attrs)


def unverifiable_signal(doc: Document, a: Attribution) -> Signal | None:
    if a.anonymous or a.source_type == "anonymous":
        return None
    if a.source is None and a.source_role is None and not a.source_resolved and not a.source_type:
        c = a.cue
        if not matcher("unverifiable_sources.tsv", ("impersonal",)).find(doc.text, c.start, c.end):
            return None
        return Signal("unverifiable_source", c.start, c.end, _span_text(doc, c),
                      f"«{_span_text(doc, c)}» reports the statement impersonally: it has no "
                      "source that can be asked", {"kind": "impersonal"})
    sp = a.source or a.source_role
    if sp is None:
        return None
    hits = [m for m in matcher("unverifiable_sources.tsv", tuple(_REPORT_KIND)).find(
        doc.text, sp.start, sp.end) if m.start - sp.start <= 2]
    if not hits:
        return None
    if any(e.label in _NAMING and sp.start <= e.start < sp.end and e.start >= hits[0].end
           for e in doc.entities):
        return None  # "تقرير سبوتنيك", "معلومات وزارة الدفاع": a named source
    kind = hits[0].kind
    return Signal("unverifiable_source", sp.start, sp.end, _span_text(doc, sp),
                  f"the source «{_span_text(doc, sp)}» is {_REPORT_KIND.get(kind, 'nobody in particular')}: "
                  "no one who could confirm it is named", {"kind": kind})


def source_signals(doc: Document, a: Attribution) -> list[Signal]:
    return [s for s in (anonymous_signal(doc, a), unverifiable_signal(doc, a)) if s is not None]
