"""Exports of a store: JSON Lines, CSV, Parquet, schema.org ClaimReview, GEXF and GraphML.

>>> from rawi.store import open_store
>>> from rawi.export import export
>>> with open_store("rawi.db") as store:                        # doctest: +SKIP
...     export(store, "csv", "attributions", "attributions.csv", bom=True)

- ``jsonl``: one JSON object a line; ``documents`` validate against the published JSON Schema
  (``rawi/schema/document-v1.json``), ``claims`` are whole claim groups, ``stories`` whole stories.
- ``csv``: UTF-8 (``bom=True``: with a byte-order mark, so spreadsheet programs detect it),
  a header row, RFC 4180 quoting; list values joined with `` | ``.
- ``parquet``: the same flat table as CSV, typed (ints, booleans, strings).
- ``claimreview``: a JSON array of schema.org ``ClaimReview`` objects, one per claim group.
- ``gexf`` / ``graphml``: the speaker–claim–outlet network (:mod:`rawi.export.network`).

Documents and attributions stream (one document in memory at a time) for jsonl, csv and parquet.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from typing import IO, Iterator

from rawi.export.rows import COLUMNS, WHATS, iter_records, iter_rows
from rawi.store.base import Store

TARGETS = ("jsonl", "csv", "parquet", "claimreview", "gexf", "graphml")
_CLAIMS_ONLY = ("claimreview", "gexf", "graphml")
_BINARY = ("parquet", "gexf", "graphml")

__all__ = ["COLUMNS", "TARGETS", "WHATS", "default_what", "export"]


def default_what(to: str) -> str:
    return "claims" if to in _CLAIMS_ONLY else "documents"


@contextlib.contextmanager
def _text_out(out: str | Path | IO[str] | None, bom: bool) -> Iterator[IO[str]]:
    enc = "utf-8-sig" if bom else "utf-8"
    if out is None or str(out) == "-":
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding=enc, newline="", write_through=True) \
            if hasattr(sys.stdout, "buffer") else sys.stdout
        try:
            if bom and stream is sys.stdout:
                stream.write("\ufeff")
            yield stream
        finally:
            stream.flush()
            if stream is not sys.stdout:
                stream.detach()
        return
    if not isinstance(out, (str, Path)):
        if bom:
            out.write("\ufeff")
        yield out
        return
    with open(out, "w", encoding=enc, newline="") as f:
        yield f


def export(store: Store, to: str, what: str | None = None, out: str | Path | IO[str] | None = None,
           *, bom: bool = False) -> int:
    """Export ``what`` of ``store`` as ``to`` into ``out`` (a path, a text stream, or None /
    ``-`` for standard output); returns the number of records (nodes for a network)."""
    what = what or default_what(to)
    if to not in TARGETS:
        raise ValueError(f"unknown export format {to!r}; expected one of {', '.join(TARGETS)}")
    if what not in WHATS:
        raise ValueError(f"unknown export kind {what!r}; expected one of {', '.join(WHATS)}")
    if to in _CLAIMS_ONLY and what != "claims":
        raise ValueError(f"--to {to} exports claim groups: use --what claims")
    if to in _BINARY and (out is None or not isinstance(out, (str, Path)) or str(out) == "-"):
        raise ValueError(f"--to {to} writes a file: give -o FILE")
    if to == "parquet":
        from rawi.export.tabular import write_parquet

        return write_parquet(iter_rows(store, what), what, str(out))
    if to in ("gexf", "graphml"):
        from rawi.export.network import write_network

        return write_network(store, str(out), to)
    with _text_out(out, bom) as stream:
        if to == "jsonl":
            from rawi.export.tabular import write_jsonl

            return write_jsonl(iter_records(store, what), stream)
        if to == "csv":
            from rawi.export.tabular import write_csv

            return write_csv(iter_rows(store, what), what, stream)
        from rawi.export.claimreview import claim_reviews

        reviews = claim_reviews(store)
        stream.write(json.dumps(reviews, ensure_ascii=False, indent=1))
        stream.write("\n")
        return len(reviews)
