"""Readers: files and bytes in (plain text, HTML, TREC-XML, JSON Lines, CSV), Documents out.

Each format has its own module; ``encoding`` detects the character encoding, ``boilerplate``
removes page furniture lines, ``dates`` parses publication timestamps.
"""

from __future__ import annotations

from rawi.readers.dates import parse_published
from rawi.readers.detect import detect_format
from rawi.readers.options import FORMATS, ReaderOptions
from rawi.readers.paths import iter_input_paths
from rawi.readers.read import iter_read_bytes, iter_read_path, read_bytes, read_path
from rawi.readers.text import document_from_text

__all__ = [
    "FORMATS", "ReaderOptions", "detect_format", "document_from_text", "iter_input_paths",
    "iter_read_bytes", "iter_read_path", "parse_published", "read_bytes", "read_path",
]
