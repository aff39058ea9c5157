"""The Parquet tables of a batch run: one nested row per article, and the errors.

``documents`` (one file per partition) has a row per article: its metadata as flat columns,
``content_hash`` and ``minhash`` (for the store's duplicate detection), ``analysis_error``
when analysis failed (the text is kept), and list-of-struct columns ``sentences``,
``entities``, ``dates``, ``numbers``, ``attributions`` and ``boilerplate_removed`` whose
fields are those of :meth:`rawi.model.Document.to_dict` (absent spans are nulls). A row turns
back into the same :class:`~rawi.model.Document` with :func:`row_to_document`.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from rawi.model import Document

_I = pa.int64()
_S = pa.string()
_F = pa.float64()

_SPAN_NAMES = ("cue", "content", "source", "source_role", "via", "channel", "target")

SENTENCE = pa.struct([("start", _I), ("end", _I)])
ENTITY = pa.struct([("start", _I), ("end", _I), ("label", _S), ("text", _S), ("canonical_id", _S),
                    ("canonical_name", _S), ("lat", _F), ("lon", _F), ("country", _S)])
DATE = pa.struct([("start", _I), ("end", _I), ("text", _S), ("value", _S), ("kind", _S),
                  ("granularity", _S)])
NUMBER = pa.struct([("start", _I), ("end", _I), ("text", _S), ("value", _F), ("value_max", _F),
                    ("unit", _S), ("approx", pa.bool_()), ("value_is_int", pa.bool_()),
                    ("value_max_is_int", pa.bool_())])
ATTRIBUTION = pa.struct(
    [f for n in _SPAN_NAMES for f in ((n, _S), (f"{n}_start", _I), (f"{n}_end", _I))]
    + [("source_resolved", _S), ("source_type", _S), ("type", _S), ("stance", _S),
       ("nested_in", _I), ("anonymous", pa.bool_())])
REMOVED = pa.struct([("text", _S), ("reason", _S), ("line_no", _I)])

DOCUMENTS = pa.schema([
    ("doc_id", _S), ("title", _S), ("url", _S), ("outlet", _S), ("published", _S),
    ("published_utc", pa.timestamp("us", tz="UTC")), ("language", _S), ("category", _S),
    ("abstract", _S), ("source_path", _S), ("input_format", _S), ("encoding", _S),
    ("text", _S), ("meta", _S), ("content_hash", _S), ("minhash", pa.binary()),
    ("pipeline_version", _S), ("analysis_error_code", _S), ("analysis_error", _S),
    ("boilerplate_removed", pa.list_(REMOVED)), ("sentences", pa.list_(SENTENCE)),
    ("entities", pa.list_(ENTITY)), ("dates", pa.list_(DATE)), ("numbers", pa.list_(NUMBER)),
    ("attributions", pa.list_(ATTRIBUTION)),
])

ERRORS = pa.schema([("partition", _S), ("kind", _S), ("path", _S), ("doc_id", _S),
                    ("code", _S), ("message", _S)])

ERROR_KINDS = ("read", "analysis", "partition")


def _number(d: dict[str, Any]) -> dict[str, Any]:
    out = dict(d)
    for k in ("value", "value_max"):
        v = d.get(k)
        out[f"{k}_is_int"] = isinstance(v, int) and not isinstance(v, bool)
        out[k] = None if v is None else float(v)
    return out


def document_row(doc: Document, *, content_hash: str, minhash: bytes | None,
                 pipeline_version: str | None, error: tuple[str, str] | None = None) -> dict[str, Any]:
    """The ``documents`` row of an (analysed) document."""
    d = doc.to_dict()
    return {
        "doc_id": d["doc_id"], "title": d["title"], "url": d["url"], "outlet": d["outlet"],
        "published": d["published"], "published_utc": doc.published, "language": d["language"],
        "category": d["category"], "abstract": d.get("abstract"), "source_path": d["source_path"],
        "input_format": d["input_format"], "encoding": d["encoding"], "text": d["text"],
        "meta": json.dumps(d["meta"], ensure_ascii=False, default=str) if d.get("meta") else None,
        "content_hash": content_hash, "minhash": minhash,
        "pipeline_version": None if error else pipeline_version,
        "analysis_error_code": error[0] if error else None,
        "analysis_error": error[1] if error else None,
        "boilerplate_removed": d["boilerplate_removed"], "sentences": d["sentences"],
        "entities": d["entities"], "dates": d["dates"],
        "numbers": [_number(n) for n in d["numbers"]], "attributions": d["attributions"],
    }


def _drop_nulls(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _unnumber(d: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in d.items() if not k.endswith("_is_int")}
    for k in ("value", "value_max"):
        if out.get(k) is not None and d.get(f"{k}_is_int"):
            out[k] = int(out[k])
    return out


def row_to_document(row: dict[str, Any]) -> Document:
    """The Document of a ``documents`` row (the inverse of :func:`document_row`)."""
    d = {
        "doc_id": row["doc_id"], "title": row["title"] or "", "url": row["url"],
        "outlet": row["outlet"], "published": row["published"], "language": row["language"] or "ar",
        "source_path": row["source_path"], "category": row["category"],
        "abstract": row["abstract"], "input_format": row["input_format"],
        "encoding": row["encoding"], "text": row["text"],
        "meta": json.loads(row["meta"]) if row["meta"] else {},
        "boilerplate_removed": row["boilerplate_removed"] or [],
        "sentences": row["sentences"] or [],
        "entities": [_drop_nulls(e) for e in row["entities"] or []],
        "dates": row["dates"] or [],
        "numbers": [_unnumber(n) for n in row["numbers"] or []],
        "attributions": row["attributions"] or [],
    }
    return Document.from_dict(d)


def error_row(partition: str, kind: str, path: str | None, doc_id: str | None, code: str,
              message: str) -> dict[str, Any]:
    return {"partition": partition, "kind": kind, "path": path, "doc_id": doc_id, "code": code,
            "message": message}

