"""Shared test helpers: a hand-built document, and where ../shared lives."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from rawi.model import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "demo" / "corpus"

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent (a user's fresh clone)")


def make_doc(text: str, *, doc_id: str = "t", title: str | None = None,
             published: datetime | None = datetime(2026, 3, 14, 9, 0, tzinfo=timezone.utc), **kw) -> Document:
    """A Document whose title is the first line of ``text`` (as the readers build it)."""
    if title is None:
        title = text.split("\n", 1)[0]
    return Document(id=doc_id, text=text, title=title, published=published, **kw)


@pytest.fixture
def doc_factory():
    return make_doc
