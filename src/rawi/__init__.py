"""rawi (راوي): who said what, on whose authority, when, in Arabic news.

>>> import rawi
>>> doc = rawi.analyze("عنوان\n\nوقال المتحدث إن الأنباء كاذبة.", published="2026-03-14")
>>> store = rawi.Store("rawi.db")        # or "postgresql://user@host/db"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "analyze", "analyze_document", "Store", "Document"]

if TYPE_CHECKING:  # pragma: no cover
    from rawi.model import Document
    from rawi.store import Store as _StoreBase


def analyze(text: str, *, published=None, doc_id: str = "text", title: str | None = None, **meta) -> "Document":
    """Analyse one article given as a string (the first non-empty line is the title unless
    ``title`` is given); ``published`` (datetime or ISO string) resolves relative dates."""
    from rawi.pipeline import analyze_text

    return analyze_text(text, published=published, doc_id=doc_id, title=title, **meta)


def analyze_document(doc: "Document") -> "Document":
    """Run the full pipeline over a :class:`rawi.model.Document`."""
    from rawi.pipeline import analyze_document as _run

    return _run(doc)


def Store(url: str = "rawi.db", *, readonly: bool = False) -> "_StoreBase":  # noqa: N802 - reads as a class
    """Open (creating and migrating when needed) a store: a SQLite file or a PostgreSQL URL."""
    from rawi.store import open_store

    return open_store(url, readonly=readonly)


def __getattr__(name: str) -> Any:
    if name == "Document":
        from rawi.model import Document

        return Document
    raise AttributeError(f"module 'rawi' has no attribute {name!r}")
