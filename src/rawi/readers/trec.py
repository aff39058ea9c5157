"""TREC-style XML as in the ANT corpus: several ``<DOC>`` records per file.

The ANT files are not well-formed XML (raw ``&`` and ``<`` occur in article text), so this is
a tolerant tag extractor, not an XML parser: it finds ``<DOC>…</DOC>`` records and the fields in
them, unescapes only the XML predefined entities and character references, and never expands
DTD entities (so entity-expansion bombs are inert text).

Field mapping: DOCNO → id, TITLE (or HEADLINE) → title, TEXT → body, ABSTRACT → abstract,
URL → url, SRC → outlet, CAT → category, TIME (or DATE) → published, AUTHOR → meta.
"""

from __future__ import annotations

import re
from typing import Iterator

from rawi.errors import BadXML, RawiError
from rawi.model import Document
from rawi.readers.source import Source
from rawi.readers.text import document_from_text

_DOC_OPEN = re.compile(r"<DOC(?:\s[^<>]*)?>", re.I)
_DOC_CLOSE = re.compile(r"</DOC\s*>", re.I)
_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9_]*)(?:\s[^<>]*)?>")
_CLOSE_REST = re.compile(r"\s*>")
_OPEN_TEXT = re.compile(r"<TEXT(?:\s[^<>]*)?>", re.I)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_BREAK_TAGS = re.compile(r"</?(?:p|br|div|hr)\b[^<>]*>", re.I)
_INLINE_TAGS = re.compile(r"</?(?:span|b|i|em|strong|a|font|u)\b[^<>]*>", re.I)
_RESERVED = {"doc_id", "title", "published", "url", "outlet", "source_path", "text", "meta",
             "category", "abstract", "input_format", "encoding", "language", "boilerplate"}
_KNOWN = {"DOCNO", "DOCID", "URL", "SRC", "CAT", "TITLE", "HEADLINE", "TIME", "DATE",
          "DATE_TIME", "AUTHOR", "ABSTRACT", "TEXT"}


def _char(m: re.Match[str]) -> str:
    if m.group(1):
        return _NAMED[m.group(1)]
    code = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return m.group(0)
    return chr(code)


def unescape(value: str) -> str:
    """Resolve CDATA, the five XML entities and numeric references; nothing else."""
    if "<![CDATA[" in value:
        value = _CDATA.sub(lambda m: m.group(1).replace("&", "\x00amp"), value)
    if "&" in value:
        value = _ENTITY.sub(_char, value)
    return value.replace("\x00amp", "&")


def _clean_field(value: str) -> str:
    if "<" in value:
        value = _BREAK_TAGS.sub("\n", value)
        value = _INLINE_TAGS.sub("", value)
    return unescape(value)


def split_records(text: str) -> list[str]:
    """The inside of each ``<DOC>`` record (a record missing ``</DOC>`` runs to the next)."""
    opens = list(_DOC_OPEN.finditer(text))
    records = []
    for i, m in enumerate(opens):
        end = opens[i + 1].start() if i + 1 < len(opens) else len(text)
        chunk = text[m.end():end]
        close = _DOC_CLOSE.search(chunk)
        records.append(chunk[: close.start()] if close else chunk)
    return records


def parse_fields(record: str) -> dict[str, str]:
    """Upper-cased tag → raw inner text, first occurrence wins; an unclosed TEXT runs to the end.

    A field is an opening tag and the first closing tag of the same name (same case, spaces
    allowed before ``>``) after it; the text inside is not searched for more fields. Found with
    ``str.find`` rather than one lazy regex, which tests for the closing tag at every character.
    """
    fields_: dict[str, str] = {}
    pos = 0
    while True:
        m = _OPEN_TAG.search(record, pos)
        if m is None:
            break
        name = m.group(1)
        close = _closing(record, name, m.end())
        if close is None:
            pos = m.end()
            continue
        start, end = close
        tag = name.upper()
        if tag not in fields_:
            fields_[tag] = record[m.end():start]
        pos = end
    if "TEXT" not in fields_:
        m = _OPEN_TEXT.search(record)
        if m:
            fields_["TEXT"] = record[m.end():]
    return fields_


def _closing(record: str, name: str, at: int) -> tuple[int, int] | None:
    """(start, end) of the first ``</name\\s*>`` at or after ``at``, or None."""
    needle = "</" + name
    k = record.find(needle, at)
    while k >= 0:
        j = k + len(needle)
        m = _CLOSE_REST.match(record, j)
        if m is not None:
            return k, m.end()
        k = record.find(needle, k + 1)
    return None


def _first(fields_: dict[str, str], *tags: str) -> str | None:
    for tag in tags:
        value = fields_.get(tag)
        if value is not None and value.strip():
            return " ".join(_clean_field(value).split())
    return None


def iter_trec(text: str, src: Source) -> Iterator[Document | RawiError]:
    """Yield a Document (or the error for that record) per ``<DOC>`` in ``text``."""
    records = split_records(text)
    if not records:
        raise BadXML(src.name, "no <DOC> record found (not TREC-style XML)")
    usable = 0
    for n, record in enumerate(records, 1):
        fields_ = parse_fields(record)
        if "TEXT" not in fields_ and "TITLE" not in fields_ and "HEADLINE" not in fields_:
            yield BadXML(src.name, f"<DOC> record {n} has no <TEXT> or <TITLE>")
            continue
        usable += 1
        doc_id = _first(fields_, "DOCNO", "DOCID") or (src.stem if len(records) == 1 else f"{src.stem}-{n}")
        kwargs = src.base_fields(doc_id)
        kwargs["doc_id"] = doc_id
        published, error = src.published(_first(fields_, "TIME", "DATE_TIME", "DATE"))
        if published is not None:
            kwargs["published"] = published
        if error:
            kwargs["published_error"] = error
        kwargs["url"] = _first(fields_, "URL")
        kwargs["outlet"] = src.options.outlet or _first(fields_, "SRC")
        kwargs["category"] = _first(fields_, "CAT")
        abstract = fields_.get("ABSTRACT")
        kwargs["abstract"] = _clean_field(abstract).strip() or None if abstract else None
        author = _first(fields_, "AUTHOR")
        if author:
            kwargs["author"] = author
        for tag, value in fields_.items():
            if tag not in _KNOWN and tag.lower() not in _RESERVED and value.strip():
                kwargs.setdefault(tag.lower(), " ".join(_clean_field(value).split()))
        title = _first(fields_, "TITLE", "HEADLINE")
        try:
            yield document_from_text(_clean_field(fields_.get("TEXT", "")), title=title, **kwargs)
        except RawiError as exc:
            yield exc
    if not usable:
        raise BadXML(src.name, "no <DOC> record with a <TEXT> or <TITLE>")
