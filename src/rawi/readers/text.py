"""Plain-text articles, and the one place where any reader turns text into a Document."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterator

from rawi.errors import EmptyArticle
from rawi.model import Document, RemovedLine
from rawi.readers.boilerplate import filter_lines
from rawi.readers.source import Source

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates (e.g. JSON "\\ud800"): not UTF-8
# Document fields a reader may set through **meta; every other keyword goes into Document.meta.
_DOC_FIELDS = frozenset({"category", "abstract", "input_format", "encoding", "language"})


def clean_text(text: str) -> str:
    """Line endings to ``\\n``, trailing spaces per line removed, blank-line runs collapsed.

    Every other character is kept exactly (gold annotations quote exact substrings).
    """
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    # str.rstrip strips what the regex class [^\S\n] matches (str.isspace), line by line,
    # several times faster than a multi-line regex substitution
    text = "\n".join([line.rstrip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def valid_unicode(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD (same length, so offsets hold):
    such text cannot be encoded, stored or tagged."""
    try:
        value.encode("utf-8")  # fails only on a lone surrogate; twice as fast as a regex search
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def _valid_meta(value: Any) -> Any:
    """Strings, and the strings inside lists and dicts, made valid (see valid_unicode)."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, dict):
        return {_valid_meta(k): _valid_meta(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_valid_meta(v) for v in value)
    return value


def split_title(text: str) -> tuple[str, str]:
    """(first non-empty line, the rest) of an already cleaned text."""
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    return first.strip(), rest.strip("\n")


def document_from_text(
    text: str,
    *,
    doc_id: str,
    title: str | None = None,
    published: datetime | None = None,
    url: str | None = None,
    outlet: str | None = None,
    source_path: str | None = None,
    **meta: Any,
) -> Document:
    """Build a Document: ``text`` = title + blank line + body, boilerplate lines removed.

    When ``title`` is None the first non-empty line of ``text`` is the title. Keyword arguments
    naming Document fields (``category``, ``abstract``, ``input_format``, ``encoding``,
    ``language``) set those fields; the others go into ``Document.meta``. Raises EmptyArticle
    when there is neither title nor body.
    """
    cleaned = clean_text(valid_unicode(text or ""))
    doc_id, url, outlet = valid_unicode(doc_id), _valid_meta(url), _valid_meta(outlet)
    meta = {k: _valid_meta(v) for k, v in meta.items()}
    if title is not None:
        title = valid_unicode(title)
    if title is None:
        title, body = split_title(cleaned)
    else:
        title = " ".join(title.split())
        body = cleaned
    removed: tuple[RemovedLine, ...] = ()
    if body:
        body, removed = filter_lines(body)
        body = _BLANK_RUNS.sub("\n\n", body)
    body = body.strip()  # like the gold plain texts: title + blank line + body.strip()
    if not title and not body:
        raise EmptyArticle(source_path, "no article text")
    if not title:  # everything was under the title line, e.g. a JSON record with title=""
        title, body = split_title(body)
    full = f"{title}\n\n{body}" if body else title
    known = {k: v for k, v in meta.items() if k in _DOC_FIELDS}
    extra = {k: v for k, v in meta.items() if k not in _DOC_FIELDS and v is not None}
    return Document(
        id=doc_id, text=full, title=title, url=url or None, outlet=outlet or None,
        published=published, source_path=source_path, boilerplate=removed, meta=extra, **known,
    )


def iter_text(text: str, src: Source) -> Iterator[Document]:
    """A plain-text file is one article; its id is the file stem."""
    yield document_from_text(text, **src.base_fields())
