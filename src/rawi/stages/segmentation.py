"""Segmentation stage: sentences and tokens (with clitic analysis) from ``Document.text``.

requires: text — assigns: sentences, tokens. Quotations are found once and shared by the
sentence splitter; :func:`quotes_of` exposes them for later stages.
"""

from __future__ import annotations

from rawi.model import Document, Sentence
from rawi.text.quotes import Quote, find_quotes
from rawi.text.segment import split_sentences
from rawi.text.tokens import tokenize

__all__ = ["segment", "quotes_of"]

REQUIRES = ("text",)
ASSIGNS = ("sentences", "tokens")


def quotes_of(doc: Document) -> list[Quote]:
    """The quotations of a document (recomputed: they are cheap and not stored)."""
    return find_quotes(doc.text)


def segment(doc: Document) -> Document:
    """``doc`` with ``sentences`` and ``tokens`` filled in."""
    text = doc.text
    quotes = find_quotes(text)
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text, quotes))
    return doc.evolve(sentences=sentences, tokens=tuple(tokenize(text)))
