"""Output renderers for analysed documents: jsonl, json, text, html."""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO

from rawi.model import Document

Renderer = Callable[[Document], None]


def _dumps(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


@contextmanager
def open_renderer(fmt: str, out: TextIO, *, with_tokens: bool = False) -> Iterator[Renderer]:
    """A callable that renders one document at a time to ``out`` (streaming)."""
    if fmt == "jsonl":
        yield lambda doc: out.write(_dumps(doc.to_dict(with_tokens=with_tokens)) + "\n")
    elif fmt == "json":
        first = [True]
        out.write("[\n")

        def render(doc: Document) -> None:
            if not first[0]:
                out.write(",\n")
            first[0] = False
            out.write(json.dumps(doc.to_dict(with_tokens=with_tokens), ensure_ascii=False, indent=1))

        try:
            yield render
        finally:
            out.write("\n]\n")
    elif fmt == "text":
        from rawi.render.text import render_text

        yield lambda doc: out.write(render_text(doc) + "\n")
    elif fmt == "html":
        from rawi.render.html import page_footer, page_header, render_document_html

        out.write(page_header("rawi"))
        try:
            yield lambda doc: out.write(render_document_html(doc))
        finally:
            out.write(page_footer())
    else:  # pragma: no cover - click validates
        raise ValueError(f"unknown output format {fmt!r}")
