"""Encoding detection: BOMs, UTF-8, UTF-16, Windows-1256, binary refusal.

The ``news_*.txt`` fixtures are ``encoded_source.txt`` written with ``.encode("utf-8-sig")``,
``.encode("utf-16")`` (BOM, little endian), BOM + ``.encode("utf-16-be")``, ``.encode("cp1256")``
and, with CRLF line ends, ``.encode("cp1256")``; the first test proves they still match it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.errors import UndecodableBytes
from rawi.readers import ReaderOptions, read_bytes, read_path
from rawi.readers.encoding import decode

FIX = Path(__file__).parent / "fixtures" / "readers"
SOURCE = (FIX / "encoded_source.txt").read_text(encoding="utf-8")
SENTENCE = 'أكد المتحدث باسم الجيش أن "القوات لم تنسحب من المدينة"، نافيا ما أوردته وسائل إعلام.'


@pytest.mark.parametrize("name,encoding", [
    ("news_utf8_bom.txt", "utf-8-sig"), ("news_utf16le.txt", "utf-16-le"),
    ("news_utf16be.txt", "utf-16-be"), ("news_cp1256.txt", "cp1256"),
    ("news_crlf_cp1256.txt", "cp1256"), ("encoded_source.txt", "utf-8"),
])
def test_readers_encoding_fixture_files_decode_to_the_same_article(name, encoding):
    doc = read_path(FIX / name)[0]
    reference = read_path(FIX / "encoded_source.txt")[0]
    assert doc.encoding == encoding
    assert doc.text == reference.text
    assert doc.title == "وزير الخارجية: لا مفاوضات قبل وقف إطلاق النار"


@pytest.mark.parametrize("codec,expected", [
    ("utf-8", "utf-8"), ("cp1256", "cp1256"), ("iso8859_6", "iso8859-6"),
    ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_readers_encoding_bomless_arabic(codec, expected):
    text, name = decode(SENTENCE.encode(codec), "x.txt")
    assert text == SENTENCE
    assert name.replace("_", "-") == expected


def test_readers_encoding_utf8_sig_bom_is_stripped():
    text, name = decode(SENTENCE.encode("utf-8-sig"), "x.txt")
    assert name == "utf-8-sig" and not text.startswith("\ufeff")


def test_readers_encoding_forced_encoding_wins_and_bad_force_is_an_error():
    data = SENTENCE.encode("cp1256")
    assert decode(data, "x.txt", "cp1256")[0] == SENTENCE
    with pytest.raises(UndecodableBytes, match="x.txt"):
        decode(data, "x.txt", "utf-8")
    with pytest.raises(UndecodableBytes, match="unknown encoding"):
        decode(data, "x.txt", "no-such-codec")
    doc = read_bytes(("عنوان\n" + SENTENCE).encode("cp1256"), "a.txt", ReaderOptions(encoding="cp1256"))[0]
    assert doc.encoding == "cp1256"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_readers_encoding_binary_garbage_is_refused(tmp_path, seed):
    rng = random.Random(seed)
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    with pytest.raises(UndecodableBytes, match="garbage.txt"):
        read_path(path)


def test_readers_encoding_high_bytes_without_arabic_shape_are_refused():
    rng = random.Random(9)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(UndecodableBytes):
        decode(data, "noise.txt")


def test_readers_encoding_utf8_control_characters_are_binary():
    with pytest.raises(UndecodableBytes, match="binary"):
        decode(bytes(range(1, 9)) * 200, "ctl.txt")


def test_readers_encoding_utf8_with_a_cut_character_is_mended():
    data = (SENTENCE * 20).encode("utf-8") + "ب".encode("utf-8")[:1]
    text, name = decode(data, "cut.txt")
    assert name == "utf-8" and text.startswith(SENTENCE) and text.endswith("\ufffd")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab نص\x00\x01\x08\x0b\x0c\x1f\x7f\ufffd\n\t"), max_size=300))
def test_readers_encoding_byte_count_of_controls_agrees_with_the_text_count(text):
    from rawi.readers.encoding import _utf8_looks_like_text, looks_like_text
    assert _utf8_looks_like_text(text.encode("utf-8"), text) == looks_like_text(text)
