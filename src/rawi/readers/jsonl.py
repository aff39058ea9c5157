"""JSON Lines: one article object per line; field names come from ReaderOptions."""

from __future__ import annotations

import json
from typing import Iterator

from rawi.errors import BadRecord, RawiError
from rawi.model import Document
from rawi.readers.records import document_from_record
from rawi.readers.source import Source


def _whole_json(text: str) -> list | None:
    """A file holding one JSON object or an array of them (pretty-printed ``.json``)."""
    start = text.lstrip()[:1]
    if start not in ("{", "["):
        return None
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
        return None  # the first line is a complete value: JSON Lines
    except (json.JSONDecodeError, RecursionError):
        pass
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, list) else [value]


def iter_jsonl(text: str, src: Source) -> Iterator[Document | RawiError]:
    """Yield a Document or a BadRecord (naming file and line) for each non-blank line.

    A file that is one JSON document (an object or an array of objects) is read too; its
    records are numbered from 1 in place of line numbers.
    """
    whole = _whole_json(text)
    if whole is not None:
        for n, record in enumerate(whole, 1):
            if isinstance(record, dict):
                yield document_from_record(record, src, n, unit="record")
            else:
                yield BadRecord(src.name, f"record {n}: not a JSON object")
        return
    # leading empty lines (a batch unit pads its range so line numbers hold) are skipped at once
    body = text.lstrip("\n")
    first = len(text) - len(body) + 1
    for line_no, line in enumerate(body.split("\n"), first):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadRecord(src.name, f"line {line_no}: invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:
            yield BadRecord(src.name, f"line {line_no}: JSON nested too deeply")
            continue
        if not isinstance(record, dict):
            yield BadRecord(src.name, f"line {line_no}: not a JSON object")
            continue
        yield document_from_record(record, src, line_no)
