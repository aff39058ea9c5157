"""Signals of every attributed claim of a document: pure functions over a :class:`Document`.

>>> from rawi.signals import document_signals
>>> for cs in document_signals(doc):            # doc: an analysed Document
...     print(cs.idx, cs.kinds)

Cross-document signals (denied by another article, contradicted, corroborated, single source)
need the links between claims: pass a :class:`~rawi.signals.crossdoc.CrossDoc`, or the
``Link`` list of :func:`rawi.link.claims.find_links`, or the ``ClaimGroup`` list of
:func:`rawi.link.groups.build_groups`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from rawi.model import Attribution, Document
from rawi.signals.content import content_signals
from rawi.signals.crossdoc import CrossDoc
from rawi.signals.denials import crossdoc_signals, denial_signal, denied_signals
from rawi.signals.loaded import LoadedSpan, loaded_spans
from rawi.signals.model import KINDS, ClaimSignals, Signal
from rawi.signals.sources import source_signals

_ORDER = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class SignalOptions:
    """``use_tagger``: call ``rawi.classify.loaded`` when installed (else the lexicon);
    ``loaded``: find loaded language at all; ``checkworthiness``: score each claim with the
    shipped check-worthiness model."""

    use_tagger: bool = True
    loaded: bool = True
    checkworthiness: bool = False


def as_crossdoc(links: Any) -> CrossDoc | None:
    """A :class:`CrossDoc` from ``None``, a CrossDoc, Link objects or ClaimGroup objects."""
    if links is None or isinstance(links, CrossDoc):
        return links
    items = list(links)
    if items and hasattr(items[0], "claims"):
        return CrossDoc.from_groups(items)
    return CrossDoc.from_links(items)


def _loaded_signals(doc: Document, a: Attribution, spans: Iterable[LoadedSpan]) -> list[Signal]:
    out = []
    c = a.content
    for s in spans:
        if not (c.start <= s.start and s.end <= c.end):
            continue
        if any(n.start <= s.start and s.end <= n.end for n in doc.numbers):
            continue  # "أكثر من 22": part of a figure, a quantity, not loaded wording
        text = doc.text[s.start:s.end]
        if s.method == "tagger":
            score = f", score {s.score:.2f}" if s.score is not None else ""
            expl = (f"«{text}» is tagged {s.label.replace('_', ' ')} by the loaded-language "
                    f"model{score}: wording that carries a judgement or an emotion")
        else:
            expl = (f"«{text}» is a loaded term ({s.label}) of the lexicon: wording that carries "
                    "a judgement or an emotion (lexicon match; the loaded-language model is not "
                    "installed)")
        out.append(Signal("loaded_language", s.start, s.end, text, expl,
                          {"label": s.label, "method": s.method, "score": s.score}))
    return out


def _speaker(doc: Document, a: Attribution) -> str | None:
    if a.source_resolved:
        return a.source_resolved
    sp = a.source or a.source_role
    return doc.text[sp.start:sp.end] if sp is not None else None


def claim_signals(doc: Document, i: int, cross: Any = None, options: SignalOptions = SignalOptions(),
                  *, loaded: list[LoadedSpan] | None = None) -> ClaimSignals:
    """The signals of attribution ``i`` of ``doc``. ``loaded``: precomputed loaded-language
    spans of the document (computed here when not given and ``options.loaded``)."""
    cx = as_crossdoc(cross)
    a = doc.attributions[i]
    if loaded is None and options.loaded:
        loaded = loaded_spans(doc, use_tagger=options.use_tagger)
    sigs: list[Signal] = []
    sigs += source_signals(doc, a)
    sigs += content_signals(doc, a)
    sigs += _loaded_signals(doc, a, loaded or ())
    d = denial_signal(doc, a)
    if d is not None:
        sigs.append(d)
    sigs += denied_signals(doc, i, cx)
    sigs += crossdoc_signals(doc, i, cx)
    sigs.sort(key=lambda s: (_ORDER[s.kind], s.start, s.end))
    score = None
    if options.checkworthiness:
        from rawi.signals.score import checkworthiness

        score = checkworthiness([doc.text[a.content.start:a.content.end]])[0]
    return ClaimSignals(doc.id, i, doc.text[a.content.start:a.content.end], a.content.start,
                        a.content.end, _speaker(doc, a), a.source_type, a.stance, tuple(sigs), score)


def document_signals(doc: Document, cross: Any = None,
                     options: SignalOptions = SignalOptions()) -> list[ClaimSignals]:
    """:func:`claim_signals` for every attribution of ``doc``, in order (the loaded-language
    tagger and the check-worthiness model run once per document)."""
    cx = as_crossdoc(cross)
    spans = loaded_spans(doc, use_tagger=options.use_tagger) if options.loaded else []
    quiet = SignalOptions(options.use_tagger, options.loaded, False)
    out = [claim_signals(doc, i, cx, quiet, loaded=spans) for i in range(len(doc.attributions))]
    if options.checkworthiness and out:
        from dataclasses import replace

        from rawi.signals.score import checkworthiness

        scores = checkworthiness([c.content for c in out])
        out = [replace(c, checkworthiness=s) for c, s in zip(out, scores)]
    return out
