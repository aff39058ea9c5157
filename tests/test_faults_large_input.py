"""Large inputs through ``rawi ingest`` in bounded memory: a ~20 MB JSON Lines file of
~17,000 articles (text only: ``--no-analysis --no-near-duplicates``) and a one-article text
file over ``ReaderOptions.max_article_bytes``, refused with a clear error before it is read.
The 200 MB / 1 GB runs: ``benchmarks/large_input.py``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fuzz.large import measured_ingest, write_jsonl, write_text

from rawi.errors import UnreadableFile
from rawi.readers import ReaderOptions, iter_read_path
from rawi.readers.options import MAX_ARTICLE_BYTES


def test_faults_large_input_jsonl_20mb_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    n = write_jsonl(path, 20 * 2 ** 20)
    db = str(tmp_path / "big.db")
    got = measured_ingest([str(path)], db)
    assert got["returncode"] == 0, got["output"]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == n
    finally:
        con.close()
    # Python + rawi start at ~90 MB; the file is held once as bytes and once decoded.
    assert got["peak_rss_mb"] < 450, got


def test_faults_large_input_huge_article_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    write_text(path, MAX_ARTICLE_BYTES + 2 ** 20)
    got = measured_ingest([str(path)], str(tmp_path / "huge.db"))
    assert "over the limit" in got["output"] and "E001" in got["output"], got["output"]
    assert got["peak_rss_mb"] < 200, got  # refused before reading
    small = ReaderOptions(max_article_bytes=1000)
    with pytest.raises(UnreadableFile, match="max_article_bytes"):
        list(iter_read_path(path, small))
    with pytest.raises(UnreadableFile, match="over the limit"):
        list(iter_read_path(path, ReaderOptions(input_format="text", max_article_bytes=1000)))
