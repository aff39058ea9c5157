"""Which reader a file needs: by content first where content is unambiguous, then extension."""

from __future__ import annotations

import re
from pathlib import Path

from rawi.errors import UnknownFormat

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "trec", ".trec": "trec", ".sgml": "trec",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}
_TREC_START = re.compile(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<[A-Za-z]+>\s*)?<DOC[\s>]", re.I | re.S)
_HTML_START = re.compile(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
_JSON_LINE = re.compile(r"\{.*\}\s*$", re.S)


def detect_format(path: Path, head: str) -> str:
    """The input format of ``path`` given the first few kilobytes of its decoded text.

    Content wins where it is unambiguous: ANT TREC-XML files end in ``.txt`` but start with
    ``<DOC>``; a page starting ``<!doctype html`` / ``<html`` is HTML; a text whose first
    line is a ``{...}`` object is JSON Lines. Otherwise the extension decides; an input with no
    extension (stdin) is plain text. Raises UnknownFormat for any other extension.
    """
    start = head.lstrip("\ufeff \t\r\n")
    ext = path.suffix.lower()
    if _TREC_START.match(start):
        return "trec"
    if _HTML_START.match(start):
        return "html"
    if ext not in (".csv", ".tsv") and start.startswith("{"):
        first_line = start.split("\n", 1)[0]
        if _JSON_LINE.match(first_line) or ext in (".jsonl", ".ndjson", ".json", ""):
            return "jsonl"
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if ext == ".json":
        return "jsonl"
    if not ext:
        return "text"
    raise UnknownFormat(str(path), f"unknown input format for extension {ext!r} "
                        f"(known: {', '.join(sorted(EXTENSIONS))}); give the input format explicitly")
