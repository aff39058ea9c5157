"""Input paths, format detection, stdin and file-level errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from rawi.errors import EmptyArticle, UnknownFormat, UnreadableFile
from rawi.readers import ReaderOptions, detect_format, iter_input_paths, read_bytes, read_path

FIX = Path(__file__).parent / "fixtures" / "readers"


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/2.txt", "a.txt", "b/1.html", ".secret.txt", ".hidden/x.txt", "README.md",
                "a.meta.json", "c.jsonl"):
        (tmp_path / rel).write_text("عنوان\nنص", encoding="utf-8")
    return tmp_path


def test_readers_paths_directory_walk_is_sorted_and_skips_non_articles(tmp_path):
    root = _tree(tmp_path)
    got = [p.relative_to(root).as_posix() for p in iter_input_paths([str(root)])]
    assert got == ["a.txt", "c.jsonl", "b/1.html", "b/2.txt"]


def test_readers_paths_files_globs_and_stdin(tmp_path):
    root = _tree(tmp_path)
    got = list(iter_input_paths([str(root / "README.md"), str(root / "b" / "*.txt"), "-"]))
    assert got == [root / "README.md", root / "b" / "2.txt", Path("-")]
    with pytest.raises(UnknownFormat, match="README.md"):
        read_path(root / "README.md")


@pytest.mark.parametrize("arg", ["no/such/file.txt", "no/such/*.txt"])
def test_readers_paths_missing_path_is_unreadable(arg):
    with pytest.raises(UnreadableFile, match="no/such"):
        list(iter_input_paths([arg]))


def test_readers_paths_read_missing_and_directory_are_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="missing.txt"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(UnreadableFile, match="is a directory"):
        read_path(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n", "\ufeff".encode("utf-8")])
def test_readers_paths_empty_file_is_empty_article(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyArticle, match="empty.txt"):
        read_path(path)


@pytest.mark.parametrize("name,head,fmt", [
    ("a.txt", "عنوان\nنص", "text"), ("a.txt", "<DOC>\n<DOCNO>x</DOCNO>", "trec"),
    ("a.txt", '\ufeff  <DOC>\n', "trec"), ("a.xml", '<?xml version="1.0"?>\n<DOC>', "trec"),
    ("a.html", "<p>x</p>", "html"), ("a.txt", "<!DOCTYPE html>\n<html>", "html"),
    ("a.txt", '{"text": "x"}\n', "jsonl"), ("a.ndjson", "", "jsonl"), ("a.csv", "id,text", "csv"),
    ("a.tsv", "id\ttext", "csv"), ("a.trec", "", "trec"), ("-", "عنوان", "text"),
    ("a.csv", '{"a": 1}', "csv"),
])
def test_readers_paths_detect_format(name, head, fmt):
    assert detect_format(Path(name), head) == fmt


def test_readers_paths_unknown_extension():
    with pytest.raises(UnknownFormat, match="'.docx'"):
        detect_format(Path("a.docx"), "abc")


def test_readers_paths_stdin_bytes_and_forced_format():
    doc = read_bytes("عنوان من المدخل\nنص الخبر.".encode(), "-")[0]
    assert read_bytes(b"x", "<stdin>")[0].id == "stdin"
    assert doc.id == "stdin" and doc.source_path == "-" and doc.text == "عنوان من المدخل\n\nنص الخبر."
    forced = read_bytes(b'{"text": "x"}', "-", ReaderOptions(input_format="text"))[0]
    assert forced.input_format == "text" and forced.text == '{"text": "x"}'


def test_readers_paths_options_validate():
    with pytest.raises(ValueError, match="unknown input format"):
        ReaderOptions(input_format="pdf")
    with pytest.raises(ValueError, match="one character"):
        ReaderOptions(csv_delimiter=";;")
