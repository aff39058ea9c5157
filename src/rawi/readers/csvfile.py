"""CSV / TSV: one article per row; a header row names the columns (see ReaderOptions)."""

from __future__ import annotations

import csv
import io
import sys
from typing import Iterator

from rawi.errors import BadRecord, RawiError
from rawi.model import Document
from rawi.readers.records import document_from_record
from rawi.readers.source import Source


def _allow_large_fields() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


_allow_large_fields()


def delimiter_for(src: Source) -> str:
    """The configured delimiter; a ``.tsv`` file uses a tab unless one was configured."""
    delim = src.options.csv_delimiter
    if delim == "," and src.name.lower().endswith(".tsv"):
        return "\t"
    return delim


def iter_csv(text: str, src: Source) -> Iterator[Document | RawiError]:
    """Yield a Document or a BadRecord (naming file and line) per data row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_for(src))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise BadRecord(src.name, f"line 1: unreadable CSV header ({exc})") from exc
    header = [h.strip().lstrip("\ufeff") for h in header]
    if src.options.text_field not in header:
        raise BadRecord(src.name, f"no {src.options.text_field!r} column (columns: {', '.join(header)})")
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRecord(src.name, f"line {start}: bad CSV row ({exc})")
            start = reader.line_num + 1
            continue
        line_no, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield BadRecord(src.name, f"line {line_no}: {len(row)} fields, header has {len(header)}")
            continue
        yield document_from_record(dict(zip(header, row)), src, line_no)
