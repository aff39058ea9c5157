"""Denial and corroboration signals.

- ``denial``: the attribution is itself a denial (stance ``deny``).
- ``denied``: the claim is rejected by a denial in the same article — a ``deny`` attribution
  of another speaker that says so with its verb (a denial verb of ``lexicons/cues.tsv``: نفى،
  كذّب، فنّد، دحض، أنكر; a denial read only from the content, "قال إن ذلك غير صحيح", is
  reported as ``denial`` but not linked, since phrases such as "عدم وجود" describe as often as
  they reject), whose content or target mentions no year the claim lacks when both give years
  ("قبل نهاية 2003" is not what "بعد 2009" denies), and
  whose content or target shares enough index terms with the claim (:data:`MIN_SHARE` of the
  smaller side and at least :data:`MIN_TERMS` terms) — or, given cross-document links, by
  another article.
- ``contradicted``, ``corroborated``, ``single_source``: only with cross-document links.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rawi.link.terms import terms
from rawi.model import Attribution, Document
from rawi.text.normalize import normalize_text
from rawi.signals.crossdoc import CrossDoc
from rawi.signals.model import Signal

MIN_SHARE = 0.3
MIN_TERMS = 3


def _speaker(doc: Document, a: Attribution) -> str:
    if a.source_resolved:
        return a.source_resolved
    sp = a.source or a.source_role
    return doc.text[sp.start:sp.end] if sp is not None else ""


def explicit_denial(doc: Document, d: Attribution) -> bool:
    """The denial says so with its reporting verb (نفى، ينفي، تكذيب، فنّد …)."""
    from rawi.stages.attribution.cues import cue_lexicon
    from rawi.text.normalize import fold

    forms = cue_lexicon().forms
    for w in fold(doc.text[d.cue.start:d.cue.end]).split():
        for k in (w, w[1:] if len(w) > 3 and w[0] in "وف" else w):
            f = forms.get(k)
            if f is not None and f.lemma.stance == "deny":
                return True
    return False


_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")


def _years(text: str) -> set[str]:
    return set(_YEAR.findall(normalize_text(text)))


def _same_speaker(a: str | None, b: str | None) -> bool:
    """One resolved name inside the other (الوكالة / الوكالة الدولية للطاقة الذرية)."""
    if not a or not b:
        return False
    ta, tb = _terms(a), _terms(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


@lru_cache(maxsize=4096)
def _terms(text: str) -> frozenset[str]:
    return frozenset(terms(text))


def _clip(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def denial_signal(doc: Document, a: Attribution) -> Signal | None:
    if a.stance != "deny":
        return None
    who = _speaker(doc, a)
    what = f" «{doc.text[a.target.start:a.target.end]}»" if a.target is not None else ""
    expl = (f"{'«' + who + '»' if who else 'the speaker'} denies{what}: "
            f"«{_clip(doc.text[a.content.start:a.content.end])}»")
    return Signal("denial", a.cue.start, a.cue.end, doc.text[a.cue.start:a.cue.end], expl,
                  {"target": doc.text[a.target.start:a.target.end] if a.target else None})


def in_document_denials(doc: Document, i: int) -> list[tuple[int, float]]:
    """``(j, share)`` for each denial ``j`` in ``doc`` that rejects attribution ``i``."""
    a = doc.attributions[i]
    if a.stance == "deny":
        return []
    claim = doc.text[a.content.start:a.content.end]
    mine = _terms(claim)
    if not mine:
        return []
    my_years = _years(claim)
    out = []
    for j, d in enumerate(doc.attributions):
        if j == i or d.stance != "deny":
            continue
        if _same_speaker(_speaker(doc, a), _speaker(doc, d)) or not explicit_denial(doc, d):
            continue
        text = doc.text[d.content.start:d.content.end]
        if d.target is not None:
            text += " " + doc.text[d.target.start:d.target.end]
        their_years = _years(text)
        if my_years and their_years and not my_years & their_years:
            continue
        theirs = _terms(text)
        shared = len(mine & theirs)
        if not theirs or shared < MIN_TERMS:
            continue
        share = shared / min(len(mine), len(theirs))
        if share >= MIN_SHARE:
            out.append((j, share))
    return out


def denied_signals(doc: Document, i: int, cross: CrossDoc | None = None) -> list[Signal]:
    a = doc.attributions[i]
    out = []
    for j, share in in_document_denials(doc, i):
        d = doc.attributions[j]
        lo, hi = min(d.cue.start, d.content.start), max(d.cue.end, d.content.end)
        who = _speaker(doc, d)
        out.append(Signal("denied", lo, hi, doc.text[lo:hi],
                          f"denied in the same article by {'«' + who + '»' if who else 'another speaker'}"
                          f": «{_clip(doc.text[lo:hi])}»",
                          {"by_attribution": j, "by": who or None, "share": round(share, 3)}))
    if cross is not None:
        key = (doc.id, i)
        c = a.content
        for o in cross.denied_by.get(key, ()):
            where = o.outlet or o.doc_id
            out.append(Signal("denied", c.start, c.end, doc.text[c.start:c.end],
                              f"denied in another article ({where}) by "
                              f"{'«' + o.speaker + '»' if o.speaker else 'an unnamed speaker'}: "
                              f"«{_clip(o.content)}»", {"by_article": o.to_dict()}))
    return out


def crossdoc_signals(doc: Document, i: int, cross: CrossDoc | None) -> list[Signal]:
    """``contradicted``, then ``corroborated`` or ``single_source`` (nothing without links)."""
    if cross is None:
        return []
    key = (doc.id, i)
    a = doc.attributions[i]
    c = a.content
    text = doc.text[c.start:c.end]
    out = []
    for o in cross.contradicted_by.get(key, ()):
        out.append(Signal("contradicted", c.start, c.end, text,
                          f"contradicted in another article ({o.outlet or o.doc_id}) by "
                          f"{'«' + o.speaker + '»' if o.speaker else 'an unnamed speaker'}: "
                          f"«{_clip(o.content)}»", {"by_article": o.to_dict()}))
    if not cross.knows(key):
        return out
    others = cross.other_outlets(key, doc.outlet)
    if others:
        outlets = list(dict.fromkeys(o.outlet for o in others if o.outlet))
        unknown = len({o.doc_id for o in others if not o.outlet})
        where = ", ".join(outlets[:5]) + ("…" if len(outlets) > 5 else "")
        if unknown:
            where += f"{'; ' if outlets else ''}{unknown} article(s) of unknown outlet"
        me = _speaker(doc, a)
        same_speaker = sum(1 for o in others if me and o.speaker == me)
        echo = (f"; {same_speaker} of them quote the same speaker, so they repeat rather than "
                "independently confirm it") if same_speaker else ""
        out.append(Signal("corroborated", c.start, c.end, text,
                          f"the same claim appears in {len(others)} other article(s): {where}{echo}",
                          {"outlets": outlets, "articles": [o.to_dict() for o in others],
                           "same_speaker": same_speaker}))
    else:
        out.append(Signal("single_source", c.start, c.end, text,
                          "no other outlet in the linked archive carries this claim: it rests on "
                          "this article alone", {}))
    return out
