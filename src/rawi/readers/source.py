"""What a format reader knows about the input it is reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from rawi.readers.dates import parse_published
from rawi.readers.options import ReaderOptions


@dataclass(frozen=True)
class Source:
    """One input (a file or stdin) after decoding.

    ``name`` is what error messages and ``Document.source_path`` show; ``stem`` is the default
    document id; ``sidecar`` holds metadata from a ``<stem>.meta.json`` file next to the input.
    """

    name: str
    stem: str
    input_format: str
    encoding: str
    options: ReaderOptions = ReaderOptions()
    sidecar: Mapping[str, Any] = field(default_factory=dict)

    def published(self, value: Any) -> tuple[datetime | None, str | None]:
        """(parsed timestamp, None) or (None, the error message) for a raw value."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None, None
        try:
            return parse_published(str(value), self.options.default_timezone), None
        except ValueError as exc:
            return None, str(exc)

    def base_fields(self, doc_id: str | None = None) -> dict[str, Any]:
        """Keyword arguments for document_from_text common to every document of this input."""
        out: dict[str, Any] = {
            "doc_id": doc_id or self.stem, "source_path": self.name,
            "input_format": self.input_format, "encoding": self.encoding,
            "outlet": self.options.outlet,
        }
        return apply_sidecar(out, self)


_SIDECAR_FIELDS = ("title", "url", "outlet", "category", "abstract", "language")
_RESERVED = frozenset({"text", "source_path", "input_format", "encoding", "boilerplate", "meta",
                       "published_error", "sentences", "tokens", "entities", "dates", "numbers",
                       "attributions"})


def apply_sidecar(fields_: dict[str, Any], src: Source) -> dict[str, Any]:
    """Overlay sidecar metadata (``id``/``doc_id``, ``published`` and the fields above)."""
    meta = dict(src.sidecar)
    if not meta:
        return fields_
    doc_id = meta.pop("doc_id", None) or meta.pop("id", None)
    if doc_id:
        fields_["doc_id"] = str(doc_id)
    if "published" in meta:
        published, error = src.published(meta.pop("published"))
        fields_["published"] = published
        if error:
            fields_["published_error"] = error
    for key in _SIDECAR_FIELDS:
        if meta.get(key) is not None:
            value = meta.pop(key)
            if key == "outlet" and src.options.outlet:
                continue
            fields_[key] = str(value)
    for key, value in meta.items():
        if key.isidentifier() and key not in _RESERVED:
            fields_.setdefault(key, value)
    return fields_
