"""JSON Lines, CSV and Parquet writers (streaming: rows are written as they come)."""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable

from rawi.export.rows import COLUMNS

_INT_COLUMNS = {"n_sentences", "n_entities", "n_dates", "n_numbers", "n_attributions", "idx",
                "content_start", "content_end", "nested_in", "attributions", "documents",
                "denials", "appearances", "contradictions", "articles"}
_BOOL_COLUMNS = {"anonymous"}


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def write_csv(rows: Iterable[dict[str, Any]], what: str, out: IO[str]) -> int:
    """CSV with a header row, every field quoted when needed (commas, quotes, newlines)."""
    cols = COLUMNS[what]
    w = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(cols)
    n = 0
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
        n += 1
    return n


def arrow_schema(what: str):  # noqa: ANN201 - a pyarrow.Schema
    import pyarrow as pa

    def typ(c: str):  # noqa: ANN202
        return pa.int64() if c in _INT_COLUMNS else pa.bool_() if c in _BOOL_COLUMNS else pa.string()

    return pa.schema([(c, typ(c)) for c in COLUMNS[what]])


def write_parquet(rows: Iterable[dict[str, Any]], what: str, path: str, batch_rows: int = 2000) -> int:
    """A flat Parquet table, written in row groups of ``batch_rows`` rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(what)
    n = 0
    buf: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for r in rows:
            buf.append({c: r.get(c) for c in schema.names})
            if len(buf) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n
