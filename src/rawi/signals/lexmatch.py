"""Finding lexicon entries in a stretch of ``Document.text``, with raw character offsets.

Entries and text are normalised the same way (:func:`rawi.text.normalize.normalize`: harakat and
tatweel out, hamza / alef / yaa / taa marbuta folded, digits to ASCII), matched as whole words
with an optional leading و / ف and ب / ل / ك / ال, and mapped back to the raw text through the
offset map, so every match is a citable span.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

from rawi.text.lexicon_files import LEXICONS
from rawi.text.normalize import normalize, normalize_text

#: An optional conjunction, then an optional preposition or article, before an entry.
_PREFIX = r"(?:[وف])?(?:[بلك]?ال|[بلك]|لل)?"


class Match(NamedTuple):
    start: int  # raw offsets into the searched text (already shifted by the caller's base)
    end: int
    entry: str  # the lexicon entry as written in the file
    kind: str


def read_kinds(name: str, default_kind: str = "") -> list[tuple[str, str]]:
    """``(entry, kind)`` rows of ``lexicons/NAME``; a row without a second column gets
    ``default_kind``. ``#`` comments and blank lines are skipped."""
    from rawi.errors import UnreadableFile

    path = LEXICONS / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot read lexicon: {exc.strerror or exc}") from None
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if cols[0]:
            out.append((cols[0], cols[1] if len(cols) > 1 and cols[1] else default_kind))
    return out


def _norm(s: str) -> str:
    return " ".join(normalize_text(s).split())


class Matcher:
    """One compiled alternation over lexicon entries (longest first)."""

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self.kind: dict[str, tuple[str, str]] = {}
        for entry, kind in rows:
            key = _norm(entry)
            if key and key not in self.kind:
                self.kind[key] = (entry, kind)
        alts = sorted(self.kind, key=len, reverse=True)
        body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) or "(?!)"
        self.regex = re.compile(rf"(?<!\w){_PREFIX}(?P<e>{body})(?!\w)")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Matches inside ``text[start:end]``, offsets into ``text``."""
        end = len(text) if end is None else end
        n = normalize(text[start:end])
        out = []
        for m in self.regex.finditer(n.text):
            key = " ".join(m.group("e").split())
            entry, kind = self.kind.get(key, (key, ""))
            a, b = n.to_raw(m.start(), m.end())
            out.append(Match(start + a, start + b, entry, kind))
        return out


@lru_cache(maxsize=None)
def matcher(name: str, kinds: tuple[str, ...] | None = None) -> Matcher:
    """The matcher of ``lexicons/NAME``, keeping only rows whose kind is in ``kinds``."""
    rows = read_kinds(name)
    if kinds is not None:
        rows = [r for r in rows if r[1] in kinds]
    return Matcher(rows)


@lru_cache(maxsize=None)
def combined(*specs: tuple[str, tuple[str, ...]]) -> Matcher:
    """One matcher over several ``(lexicon name, kinds)`` selections (the first file's row wins
    an entry listed twice)."""
    rows: list[tuple[str, str]] = []
    for name, kinds in specs:
        rows += [r for r in read_kinds(name) if r[1] in kinds]
    return Matcher(rows)
