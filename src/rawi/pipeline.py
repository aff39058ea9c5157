"""The analysis pipeline: small pure stages, each ``Document -> Document``.

Each stage declares what it needs (``requires``) and what it adds (``assigns``), like spaCy's
pipeline components; :func:`check_order` proves the declared order is consistent.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from typing import Callable, Sequence

from rawi.errors import StageError
from rawi.model import Document
from rawi.readers.text import valid_unicode


@dataclass(frozen=True)
class Stage:
    name: str
    target: str  # "module:function", imported on first use so models load lazily
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def load(self) -> Callable[[Document], Document]:
        module, _, func = self.target.partition(":")
        return getattr(import_module(module), func)


# Bump when the analysis a stage produces changes (lexicons, rules, models): stored analyses made
# with another version are re-analysed by ``rawi ingest --reanalyse``.
PIPELINE_VERSION = "2026.12.2"

# The default order. ``text`` is what readers provide.
DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("segment", "rawi.stages.segmentation:segment", ("text",), ("sentences", "tokens")),
    Stage("entities", "rawi.stages.entities:find_entities", ("text", "tokens"), ("entities",)),
    Stage("dates", "rawi.stages.dates:find_dates", ("text",), ("dates",)),
    Stage("numbers", "rawi.stages.numbers:find_numbers", ("text",), ("numbers",)),
    Stage("attribution", "rawi.stages.attribution:find_attributions", ("text", "sentences"), ("attributions",)),
)


def check_order(stages: Sequence[Stage]) -> None:
    have = {"text"}
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise ValueError(f"stage {st.name!r} requires {missing} which no earlier stage assigns")
        have.update(st.assigns)


class Pipeline:
    """Runs stages in order; the stage functions are imported lazily, once."""

    def __init__(self, stages: Sequence[Stage] = DEFAULT_STAGES) -> None:
        check_order(stages)
        self.stages = tuple(stages)
        self._funcs: list[Callable[[Document], Document]] | None = None

    def _loaded(self) -> list[Callable[[Document], Document]]:
        if self._funcs is None:
            self._funcs = [st.load() for st in self.stages]
        return self._funcs

    def __call__(self, doc: Document) -> Document:
        doc = _encodable(doc)
        for st, fn in zip(self.stages, self._loaded()):
            try:
                doc = fn(doc)
            except Exception as exc:  # a stage bug must not kill a directory run
                raise StageError(doc.source_path or doc.id, f"stage {st.name} failed: {exc!r}") from exc
        return doc


def _encodable(doc: Document) -> Document:
    """``doc``, or a new Document whose text and title have each lone surrogate replaced by
    U+FFFD (same length, so every offset holds): such text cannot be encoded, tagged or stored.
    Readers already do this; this covers Documents built directly through the Python API."""
    text, title = valid_unicode(doc.text), valid_unicode(doc.title) if doc.title else doc.title
    if text is doc.text and title is doc.title:
        return doc
    return dataclasses.replace(doc, text=text, title=title)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def analyze_document(doc: Document) -> Document:
    return default_pipeline()(doc)


def analyze_text(text: str, *, published: datetime | str | None = None, doc_id: str = "text",
                 title: str | None = None, **meta) -> Document:
    """Analyse an article given as a string. Without ``title`` the first non-empty line is the title."""
    from rawi.readers.text import document_from_text

    if isinstance(published, str):
        from rawi.readers.dates import parse_published

        published = parse_published(published)
    doc = document_from_text(text, doc_id=doc_id, title=title, published=published, **meta)
    return analyze_document(doc)
