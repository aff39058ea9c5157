"""WARC input: the HTML pages of a web archive (``response`` and ``resource`` records whose
content type is HTML), each read with rawi's HTML reader.

Record byte offsets are found once when the run is planned; a worker seeks straight to the
records of its partition (a ``.warc.gz`` file is a series of gzip members, one per record, so
seeking works compressed too).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Iterator

from rawi.errors import BadRecord, EmptyArticle, RawiError
from rawi.model import Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SLUG = re.compile(r"[^\w\-]+")


def _is_html_page(record) -> bool:  # noqa: ANN001 - a warcio ArcWarcRecord
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode()
        ctype = record.http_headers.get_header("Content-Type") or ""
        return str(status).startswith("2") and ctype.split(";")[0].strip().lower() in _HTML_TYPES
    if record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
        return ctype.split(";")[0].strip().lower() in _HTML_TYPES
    return False


def html_record_offsets(path: str) -> list[int]:
    """Byte offsets of the HTML page records of a WARC file, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(path, "rb") as f:
        it = ArchiveIterator(f)
        for record in it:
            if _is_html_page(record):
                out.append(it.get_record_offset())
    return out


def doc_id_for(uri: str) -> str:
    """A stable id for a page: the last path segment of its URL and a digest of the URL."""
    tail = uri.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    tail = _SLUG.sub("-", tail.rsplit(".", 1)[0]).strip("-")[:60] or "page"
    return f"{tail}-{hashlib.sha1(uri.encode('utf-8')).hexdigest()[:8]}"


def _charset(record) -> str | None:  # noqa: ANN001
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    ctype = headers.get_header("Content-Type") or ""
    m = re.search(r"charset=([\w\-]+)", ctype, re.I)
    return m.group(1) if m else None


def iter_warc_documents(path: str, offsets: tuple[int, ...], options=None) -> Iterator[Document | RawiError]:  # noqa: ANN001
    """The Documents of the HTML records at ``offsets`` (a BadRecord for each unreadable one).

    ``Document.url`` is the record's target URI when the page gives none; ``source_path`` is
    ``<warc path>#<offset>``; ``meta`` keeps the crawl date (``warc_date``)."""
    from warcio.archiveiterator import ArchiveIterator

    from rawi.readers import ReaderOptions, read_bytes

    base = options or ReaderOptions()
    with open(path, "rb") as f:
        for offset in offsets:
            where = f"{path}#{offset}"
            try:
                f.seek(offset)
                record = next(iter(ArchiveIterator(f)))
                uri = record.rec_headers.get_header("WARC-Target-URI") or where
                payload = record.content_stream().read()
                opts = replace(base, input_format="html",
                               encoding=base.encoding or _charset(record))
                docs = read_bytes(payload, f"{path}/{doc_id_for(uri)}.html", opts)
            except RawiError as exc:
                yield type(exc)(where, exc.message) if isinstance(exc, EmptyArticle) else BadRecord(where, exc.message)
                continue
            except Exception as exc:  # noqa: BLE001 - a broken record must not stop the file
                yield BadRecord(where, f"unreadable WARC record ({exc!r})")
                continue
            warc_date = record.rec_headers.get_header("WARC-Date")
            for doc in docs:
                meta = {**dict(doc.meta), "warc_date": warc_date} if warc_date else dict(doc.meta)
                yield doc.evolve(id=doc_id_for(uri), url=doc.url or uri, source_path=where,
                                 input_format="warc", meta=meta)
