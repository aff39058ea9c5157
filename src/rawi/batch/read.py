"""Reading one unit of a batch partition into Documents (or per-record errors).

Every unit reads exactly the Documents that ``rawi ingest`` reads from the same file: a
JSON Lines range is handed to the JSON Lines reader with its original line numbers (so
default ids ``<stem>-<line>`` do not change), a Parquet row is read as the JSON Lines record
it would be, with its row number (from 1) as the line number.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Iterator

from rawi.batch.plan import READ_ERRORS, Unit, inner_name
from rawi.errors import RawiError, UnreadableFile
from rawi.model import Document


def _read_bytes(path: str) -> bytes:
    try:
        if path.lower().endswith(".gz"):
            with gzip.open(path, "rb") as f:
                return f.read()
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError as exc:
        raise UnreadableFile(path, "no such file") from exc
    except READ_ERRORS as exc:
        raise UnreadableFile(path, f"cannot read ({exc})") from exc


def _from_bytes(data: bytes, unit: Unit, options: Any) -> Iterator[Document | RawiError]:
    from rawi.readers import iter_read_bytes

    name = inner_name(unit.path)
    for got in iter_read_bytes(data, name, options):
        if isinstance(got, Document) and name != unit.path:
            got = got.evolve(source_path=unit.path)
        yield got


def _line_range(unit: Unit) -> tuple[bytes, RawiError | None]:
    """Lines [start, stop) of the file, preceded by start-1 empty lines (line numbers hold),
    and the error that cut the reading short (a truncated or corrupt .gz), if any."""
    n = unit.stop - unit.start
    lines: list[bytes] = []
    error: RawiError | None = None
    if unit.path.lower().endswith(".gz"):
        i = 0
        try:
            with gzip.open(unit.path, "rb") as f:
                for i, line in enumerate(f, 1):
                    if i >= unit.stop:
                        break
                    if i >= unit.start:
                        lines.append(line)
        except READ_ERRORS as exc:
            if lines and not lines[-1].endswith(b"\n"):
                lines.pop()  # the last line read is cut in the middle
            error = UnreadableFile(unit.path, f"damaged gzip after line {i}: {exc}; the lines before it were read")
    else:
        with open(unit.path, "rb") as f:
            f.seek(unit.offset)
            for _ in range(n):
                line = f.readline()
                if not line:
                    break
                lines.append(line)
    body = b"".join(lines)
    return (b"\n" * (unit.start - 1) + body if body.strip() else b""), error


def _json_value(v: Any) -> Any:
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.decode("utf-8", errors="replace")
    return v


def _parquet_lines(unit: Unit) -> bytes:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(unit.path)
    out = [b"\n" * unit.start]
    for g in unit.items:
        for rec in pf.read_row_group(g).to_pylist():
            out.append(json.dumps({k: _json_value(v) for k, v in rec.items()}, ensure_ascii=False,
                                  default=str).encode("utf-8") + b"\n")
    return b"".join(out)


def _parquet_documents(unit: Unit, options: Any) -> Iterator[Document | RawiError]:
    from pathlib import Path

    from rawi.errors import BadRecord
    from rawi.readers import iter_read_bytes

    data = _parquet_lines(unit)
    name = str(Path(unit.path).with_suffix(".jsonl"))  # the stem gives default ids <stem>-<row>
    opts = replace(options, input_format="jsonl", encoding="utf-8")
    for got in iter_read_bytes(data, name, opts):
        if isinstance(got, Document):
            meta = {k: v for k, v in got.meta.items() if k != "line"}
            yield got.evolve(source_path=unit.path, input_format="parquet",
                             meta={**meta, "row": got.meta.get("line")})
        else:
            yield BadRecord(unit.path, got.message.replace("line ", "row ", 1))


def iter_unit(unit: Unit, options: Any) -> Iterator[Document | RawiError]:
    """Documents and per-record errors of one unit; file-level problems are raised."""
    if unit.kind == "file":
        yield from _from_bytes(_read_bytes(unit.path), unit, options)
    elif unit.kind == "lines":
        data, error = _line_range(unit)
        if data:
            yield from _from_bytes(data, unit, replace(options, input_format="jsonl"))
        if error is not None:
            yield error
    elif unit.kind == "parquet":
        yield from _parquet_documents(unit, options)
    elif unit.kind == "warc":
        from rawi.batch.warc import iter_warc_documents

        yield from iter_warc_documents(unit.path, unit.items, options)
    else:
        raise ValueError(f"unknown unit kind {unit.kind!r}")
