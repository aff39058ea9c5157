"""Loaded-language spans of a document: the tagger when it is installed, else a lexicon.

The tagger is ``rawi.classify.loaded`` (trained separately; its ``loaded_spans(text)`` returns
:class:`rawi.model.Span` objects labelled ``Loaded_Language`` / ``Name_Calling`` with
``attrs["score"]``); it is looked up at run time, so the signals work without it. When it is
absent, or fails (no model file yet), the entries of ``lexicons/loaded_terms.tsv`` whose kind is
in :data:`FALLBACK_KINDS` are matched instead (read-only) and the signal says so.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any, Callable, Iterable, NamedTuple

from rawi.model import Document
from rawi.signals.lexmatch import matcher

#: Tagger functions tried in this order: each takes a text and returns spans.
TAGGER_FUNCTIONS = ("loaded_spans", "tag_spans", "find_spans", "predict_spans", "spans", "tag",
                    "find", "predict")
#: Lexicon kinds used when there is no tagger: those whose matches overlap a gold
#: Loaded_Language / Name_Calling span at least 40% of the time on ArMPro dev (label 0.62,
#: dismissive 0.52, emotive 0.48, intensifier 0.41; praise 0.38 and fear 0.33 left out).
FALLBACK_KINDS = ("label", "dismissive", "emotive", "intensifier")


class LoadedSpan(NamedTuple):
    start: int
    end: int
    label: str
    method: str  # "tagger" or "lexicon"
    score: float | None = None


@lru_cache(maxsize=1)
def tagger() -> Callable[[str], Any] | None:
    """The loaded-language tagger's span function, or ``None`` when it is not installed."""
    try:
        mod = importlib.import_module("rawi.classify.loaded")
    except ImportError:
        return None
    for name in TAGGER_FUNCTIONS:
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    return None


def _as_span(x: Any) -> LoadedSpan | None:
    if isinstance(x, dict):
        s, e = x.get("start"), x.get("end")
        label = x.get("label") or x.get("technique") or x.get("kind") or "loaded"
        score = x.get("score")
    elif isinstance(x, (tuple, list)) and len(x) >= 2 and all(isinstance(v, int) for v in x[:2]):
        s, e = x[0], x[1]
        label = x[2] if len(x) > 2 and isinstance(x[2], str) else "loaded"
        score = next((v for v in x[2:] if isinstance(v, float)), None)
    else:
        s, e = getattr(x, "start", None), getattr(x, "end", None)
        label = (getattr(x, "label", None) or getattr(x, "technique", None)
                 or getattr(x, "kind", None) or "loaded")
        score = getattr(x, "score", None)
        if score is None:
            score = (getattr(x, "attrs", None) or {}).get("score")
    if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e:
        return None
    return LoadedSpan(s, e, str(label), "tagger", float(score) if isinstance(score, (int, float)) else None)


def _from_tagger(fn: Callable[[str], Any], text: str) -> list[LoadedSpan] | None:
    try:
        found = fn(text)
        if found is None:
            return None
        spans = [_as_span(x) for x in (found if isinstance(found, Iterable) else ())]
    except Exception:  # noqa: BLE001 - a broken optional tagger must not stop the signals
        return None
    return [s for s in spans if s is not None and s.end <= len(text)]


def lexicon_spans(text: str, start: int = 0, end: int | None = None) -> list[LoadedSpan]:
    return [LoadedSpan(m.start, m.end, m.kind, "lexicon")
            for m in matcher("loaded_terms.tsv", FALLBACK_KINDS).find(text, start, end)]


def loaded_spans(doc: Document, *, use_tagger: bool = True) -> list[LoadedSpan]:
    """Loaded-language spans over the whole document text (offsets into ``doc.text``)."""
    fn = tagger() if use_tagger else None
    if fn is not None:
        spans = _from_tagger(fn, doc.text)
        if spans is not None:
            return spans
    return lexicon_spans(doc.text)
