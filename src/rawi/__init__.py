"""rawi (راوي): who said what, on whose authority, when, in Arabic news."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "analyze", "analyze_document"]


def analyze(text: str, *, published=None, doc_id: str = "text", title: str | None = None, **meta):
    """Analyse one article given as a string; see :func:`rawi.pipeline.analyze_text`."""
    from rawi.pipeline import analyze_text

    return analyze_text(text, published=published, doc_id=doc_id, title=title, **meta)


def analyze_document(doc):
    """Run the full pipeline over a :class:`rawi.model.Document`."""
    from rawi.pipeline import analyze_document as _run

    return _run(doc)
