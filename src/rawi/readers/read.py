"""Reading files and bytes into Documents: decode, detect the format, run its reader."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

from rawi.errors import BadRecord, EmptyArticle, RawiError, UnreadableFile
from rawi.model import Document
from rawi.readers.csvfile import iter_csv
from rawi.readers.detect import detect_format
from rawi.readers.encoding import decode
from rawi.readers.html import iter_html
from rawi.readers.jsonl import iter_jsonl
from rawi.readers.options import SINGLE_ARTICLE_FORMATS, ReaderOptions
from rawi.readers.paths import sidecar_for
from rawi.readers.source import Source
from rawi.readers.text import iter_text
from rawi.readers.trec import iter_trec

Reader = Callable[[str, Source], Iterator["Document | RawiError"]]
READERS: dict[str, Reader] = {
    "text": iter_text, "html": iter_html, "trec": iter_trec, "jsonl": iter_jsonl, "csv": iter_csv,
}
_HEAD = 4096
_SIDECAR_FORMATS = ("text", "html")
STDIN_NAMES = ("-", "<stdin>")


def _read_sidecar(path: Path) -> dict[str, Any]:
    side = sidecar_for(path)
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRecord(str(side), f"unreadable metadata sidecar ({exc})") from exc
    if not isinstance(data, dict):
        raise BadRecord(str(side), "metadata sidecar is not a JSON object")
    return data


def _iter_decoded(data: bytes, name: str, path: Path, options: ReaderOptions) -> Iterator[Document | RawiError]:
    if not data.strip():
        raise EmptyArticle(name, "empty file")
    text, encoding = decode(data, name, options.encoding)
    if not text.strip():
        raise EmptyArticle(name, "empty file")
    fmt = options.input_format or detect_format(path, text[:_HEAD])
    if fmt in SINGLE_ARTICLE_FORMATS and len(data) > options.max_article_bytes:
        raise _too_large(name, len(data), fmt, options)
    stdin = name in STDIN_NAMES
    sidecar = _read_sidecar(path) if fmt in _SIDECAR_FORMATS and not stdin else {}
    stem = "stdin" if stdin else path.stem
    src = Source(name=name, stem=stem, input_format=fmt, encoding=encoding, options=options, sidecar=sidecar)
    yield from READERS[fmt](text, src)


def _too_large(name: str, size: int, fmt: str, options: ReaderOptions) -> UnreadableFile:
    return UnreadableFile(name, f"a {fmt} file is one article, and this one has {size} bytes, over the "
                                f"limit of {options.max_article_bytes} (ReaderOptions.max_article_bytes)")


def _refuse_huge_article(path: Path, name: str, options: ReaderOptions) -> None:
    """Raise before reading a file over the article limit whose format holds one article."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it reports the problem
    if size <= options.max_article_bytes or options.input_format not in (None, *SINGLE_ARTICLE_FORMATS):
        return
    fmt = options.input_format
    if fmt is None:
        with path.open("rb") as f:
            head = f.read(_HEAD * 4)
        try:
            text, _ = decode(head, name, options.encoding)
        except RawiError:
            text = head.decode("utf-8", "replace")
        fmt = detect_format(path, text[:_HEAD])
    if fmt in SINGLE_ARTICLE_FORMATS:
        raise _too_large(name, size, fmt, options)


def iter_read_bytes(data: bytes, name: str, options: ReaderOptions = ReaderOptions()) -> Iterator[Document | RawiError]:
    """Documents and per-record errors from bytes (``name`` is ``-`` or ``<stdin>`` for standard
    input, or a file name whose extension guides format detection).

    File-level problems (undecodable, empty, unknown format, no TREC structure) are raised.
    """
    yield from _iter_decoded(data, name, Path(name), options)


def iter_read_path(path: Path, options: ReaderOptions = ReaderOptions()) -> Iterator[Document | RawiError]:
    """Documents from one file, with a BadRecord (naming file and line) in place of each bad
    record of a JSONL / CSV / TREC file, so that good records are never lost.

    File-level problems (missing, unreadable, undecodable, empty, unknown format, no TREC
    structure) are raised as RawiError subclasses. ``Path("-")`` reads standard input.
    """
    path = Path(path)
    name = str(path)
    if name == "-":
        yield from _iter_decoded(sys.stdin.buffer.read(), name, path, options)
        return
    try:
        _refuse_huge_article(path, name, options)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFile(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise UnreadableFile(name, "is a directory") from exc
    except OSError as exc:
        raise UnreadableFile(name, f"cannot read ({exc.strerror or exc})") from exc
    yield from _iter_decoded(data, name, path, options)


def _collect(items: Iterator[Document | RawiError], name: str) -> list[Document]:
    docs: list[Document] = []
    errors: list[RawiError] = []
    for item in items:
        (errors if isinstance(item, RawiError) else docs).append(item)
    if docs:
        return docs
    if errors:
        raise errors[0]
    raise EmptyArticle(name, "no article in the file")


def read_path(path: Path, options: ReaderOptions = ReaderOptions()) -> list[Document]:
    """All documents in one file. Bad records are skipped when at least one record is good;
    otherwise the first error is raised (use :func:`iter_read_path` to see every error)."""
    return _collect(iter_read_path(path, options), str(path))


def read_bytes(data: bytes, name: str, options: ReaderOptions = ReaderOptions()) -> list[Document]:
    """All documents in ``data`` (e.g. stdin, with ``name="-"``); errors as for read_path."""
    return _collect(iter_read_bytes(data, name, options), name)
