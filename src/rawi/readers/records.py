"""Turning one JSON Lines / CSV record (a mapping of fields) into a Document."""

from __future__ import annotations

from typing import Any, Mapping

from rawi.errors import BadRecord, RawiError
from rawi.model import Document
from rawi.readers.source import Source
from rawi.readers.text import document_from_text

_RESERVED = {"doc_id", "title", "published", "url", "outlet", "source_path", "text", "meta",
             "input_format", "encoding", "boilerplate", "published_error"}
_DOC_FIELDS = ("category", "abstract", "language")


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def document_from_record(record: Mapping[str, Any], src: Source, line_no: int,
                         unit: str = "line") -> Document | RawiError:
    """The Document for one record, or a BadRecord naming the file and line (or record number)."""
    opt = src.options
    where = f"{unit} {line_no}"
    text = record.get(opt.text_field)
    if text is None:
        return BadRecord(src.name, f"{where}: no {opt.text_field!r} field")
    if not isinstance(text, str):
        return BadRecord(src.name, f"{where}: field {opt.text_field!r} is not a string")
    doc_id = _scalar(record.get(opt.id_field)) or f"{src.stem}-{line_no}"
    kwargs = src.base_fields(doc_id)
    kwargs["doc_id"] = doc_id
    title = record.get(opt.title_field)
    title = None if title is None else str(title)
    kwargs["url"] = _scalar(record.get(opt.url_field))
    kwargs["outlet"] = opt.outlet or _scalar(record.get(opt.outlet_field))
    published, error = src.published(record.get(opt.published_field))
    kwargs["published"] = published
    if error:
        kwargs["published_error"] = error
    kwargs[unit] = line_no
    mapped = {opt.text_field, opt.title_field, opt.id_field, opt.url_field, opt.outlet_field,
              opt.published_field}
    for key, value in record.items():
        if key in mapped or value is None or value == "":
            continue
        if key in _DOC_FIELDS:
            kwargs[key] = str(value)
        elif isinstance(key, str) and key.isidentifier() and key not in _RESERVED:
            kwargs.setdefault(key, value)
    try:
        return document_from_text(text, title=title, **kwargs)
    except RawiError as exc:
        return BadRecord(src.name, f"{where}: {exc.message}")
