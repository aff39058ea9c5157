"""Decoding input bytes: BOMs, strict UTF-8, then Windows-1256 for Arabic, then a guess.

Arabic news still circulates in Windows-1256 (and its ISO cousin); a file that is not valid
UTF-8 but decodes to mostly Arabic letters under cp1256 is taken as cp1256. charset-normalizer
breaks ties for other inputs. Whatever decoding wins must look like text (few control
characters), otherwise the bytes are refused.
"""

from __future__ import annotations

import codecs
import re

from rawi.errors import UndecodableBytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_NON_ASCII_LETTERISH = re.compile(r"[^\x00-\x7f\s\u00a0\u200c-\u200f\u060c\u061b\u061f\u0640\u064b-\u0652]")
_SAMPLE = 200_000
MAX_CONTROL_RATIO = 0.01


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _utf8_looks_like_text(data: bytes, text: str) -> bool:
    """looks_like_text for ``text`` decoded from UTF-8 ``data``, counted on the bytes (each
    control character is one byte in UTF-8, U+FFFD three): one C pass, no regex."""
    if len(text) > _SAMPLE:
        return looks_like_text(text)
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES)) + data.count(b"\xef\xbf\xbd")
    return controls / max(len(text), 1) <= MAX_CONTROL_RATIO


def looks_like_text(text: str) -> bool:
    """True when ``text`` has almost no control characters or replacement marks."""
    return _control_ratio(text) <= MAX_CONTROL_RATIO


def _arabic_share(text: str) -> tuple[int, float]:
    """(Arabic letters, Arabic letters / non-ASCII letter-like characters) in a sample."""
    sample = text[:_SAMPLE]
    arabic = len(_ARABIC_LETTER.findall(sample))
    other = len(_NON_ASCII_LETTERISH.findall(sample))
    return arabic, arabic / max(other, 1)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Arabic or ASCII UTF-16 without a BOM shows as a regular pattern of 0x00/0x06 bytes."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for name, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in high[:4000] if b in (0, 6)) / max(len(high[:4000]), 1)
        if share > 0.9:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if looks_like_text(text):
                return text, name
    return None


def _arabic_code_page(data: bytes) -> tuple[str, str] | None:
    """Windows-1256 (or ISO-8859-6) when the decoded text is mostly Arabic letters.

    Both code pages put Arabic letters in the upper half, shifted; the one under which the
    article ``ال`` is frequent is the right one (ties go to Windows-1256, far more common).
    """
    best: tuple[int, str, str] | None = None
    for name in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        arabic, share = _arabic_share(text)
        if arabic < 3 or share < 0.8 or not looks_like_text(text):
            continue
        score = text[:_SAMPLE].count("ال")
        if best is None or score > best[0]:
            best = (score, text, name)
    return (best[1], best[2]) if best else None


MAX_REPLACED = 0.001


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut multi-byte character, one corrupt byte): mended."""
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(1, len(text) * MAX_REPLACED):
        return None
    return text if _control_ratio(text.replace("\ufffd", "")) <= MAX_CONTROL_RATIO else None


def _refuse(path: str, why: str) -> UndecodableBytes:
    return UndecodableBytes(path, why)


def decode(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` into text; return ``(text, encoding name)``.

    Order: a forced ``encoding``; a BOM (UTF-8, UTF-16 LE/BE, UTF-32); strict UTF-8;
    BOM-less UTF-16; Windows-1256 (or ISO-8859-6) when the result is mostly Arabic letters;
    UTF-8 with at most 0.1% broken bytes (replaced by U+FFFD); charset-normalizer's best guess. Raises UndecodableBytes when nothing plausible remains (binary data).
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError as exc:
            raise _refuse(path, f"unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise _refuse(path, f"not valid {encoding} (byte {exc.start})") from exc
        return text.lstrip("\ufeff"), codecs.lookup(encoding).name
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise _refuse(path, f"has a {name} byte-order mark but is not valid {name} (byte {exc.start})") from exc
            return text, name
    if b"\x00" not in data[:_SAMPLE]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if _utf8_looks_like_text(data, text):
                return text, "utf-8"
            raise _refuse(path, "looks like binary data (control characters), not text")
    found = _utf16_without_bom(data)
    if found is not None:
        return found
    if b"\x00" in data[:_SAMPLE]:
        raise _refuse(path, "looks like binary data (NUL bytes), not text")
    found = _arabic_code_page(data)
    if found is not None:
        return found
    mended = _mostly_utf8(data)
    if mended is not None:
        return mended, "utf-8"
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return guess
    raise _refuse(path, "not UTF-8, UTF-16 or Windows-1256 text, and no other encoding fits")


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE]).best()
    if best is None:
        return None
    name = best.encoding
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    if not looks_like_text(text):
        return None
    if name in ("cp1256", "windows_1256", "iso8859_6"):
        return text, codecs.lookup(name).name
    arabic, share = _arabic_share(text)
    # An Arabic-looking guess from another code page is accepted; so is mostly-Latin text.
    if arabic and share < 0.5:
        return None
    return text, codecs.lookup(name).name
