"""Boilerplate filter: remove whole lines of page furniture from an article body.

Patterns live in ``rawi/lexicons/boilerplate.tsv`` (``pattern<TAB>reason[<TAB>scope]``). Each
must match a whole line after a light normalisation (diacritics, tatweel and bidi marks removed, alef forms,
yaa and taa marbuta folded, spaces collapsed, lower case). Only short lines are candidates, so a
news paragraph that merely mentions Facebook or cookies is never removed. Every removed line is
returned as a :class:`~rawi.model.RemovedLine` so nothing is lost silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rawi.model import RemovedLine

MAX_LINE = 220  # normalised characters; longer lines are article text, whatever they say
MAX_LINK_LINE = 120  # a headline under a "read also" heading is at most this long
MAX_LINKS = 8

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_FOLD = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"))
_SENTENCE_END = re.compile(r"[.:!،؛]$")


def _fold(text: str) -> str:
    """Diacritics and invisibles removed, letters folded, lower case; newlines kept."""
    text = _DIACRITICS.sub("", text)
    for a, b in _FOLD:  # str.replace runs in C; str.translate with a dict does not
        if a in text:
            text = text.replace(a, b)
    return text.lower()


def normalize_line(line: str) -> str:
    """The matching form of a line: see the module docstring."""
    return " ".join(_fold(line).split())


@dataclass(frozen=True)
class _Rules:
    regex: re.Pattern[str]
    reasons: tuple[str, ...]
    headings: frozenset[int]


def _parse(text: str, origin: str) -> _Rules:
    parts, reasons, headings = [], [], set()
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.rstrip("\n").split("\t")
        if len(cols) < 2 or not cols[1].strip():
            raise ValueError(f"{origin}:{n}: expected PATTERN<TAB>REASON[<TAB>SCOPE]")
        scope = cols[2].strip() if len(cols) > 2 else "line"
        if scope not in ("line", "heading"):
            raise ValueError(f"{origin}:{n}: scope must be 'line' or 'heading', not {scope!r}")
        pattern = normalize_line(cols[0])
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{origin}:{n}: bad pattern: {exc}") from exc
        i = len(reasons)
        parts.append(f"(?P<r{i}>{pattern})")
        reasons.append(cols[1].strip())
        if scope == "heading":
            headings.add(i)
    return _Rules(re.compile("|".join(parts)), tuple(reasons), frozenset(headings))


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The compiled rules from the packaged lexicon (read once)."""
    path = resources.files("rawi") / "lexicons" / "boilerplate.tsv"
    return _parse(path.read_text(encoding="utf-8"), "boilerplate.tsv")


def _match(norm: str, compiled: _Rules) -> int | None:
    if not norm or len(norm) > MAX_LINE:
        return None
    m = compiled.regex.fullmatch(norm)
    if m is None:
        return None
    for name, value in m.groupdict().items():
        if value is not None and name[0] == "r" and name[1:].isdigit():
            return int(name[1:])
    return None


def _is_link_line(norm: str) -> bool:
    return 0 < len(norm) <= MAX_LINK_LINE and not _SENTENCE_END.search(norm)


def filter_lines(body: str, compiled: _Rules | None = None) -> tuple[str, tuple[RemovedLine, ...]]:
    """Remove boilerplate lines from ``body``; return the kept text and what was removed.

    ``line_no`` in each RemovedLine is the 0-based line number in ``body``. A "heading" rule
    (e.g. ``اقرأ أيضاً:``) also removes the short headline lines right after it.
    """
    compiled = compiled or rules()
    lines = body.split("\n")
    # Fold the whole body in a few C passes, then split: folding keeps every newline, so
    # line i of ``folded`` is the folded line i of ``body``.
    folded = _fold(body).split("\n")
    kept: list[str] = []
    removed: list[RemovedLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        # A line more than twice the limit cannot shrink under it: skip normalising it.
        hit = _match(" ".join(folded[i].split()), compiled) if len(line) <= 2 * MAX_LINE else None
        if hit is None:
            kept.append(line)
            i += 1
            continue
        reason = compiled.reasons[hit]
        removed.append(RemovedLine(line.strip(), reason, i))
        i += 1
        if hit in compiled.headings:
            taken = 0
            while i < len(lines) and taken < MAX_LINKS:
                norm = normalize_line(lines[i][: 2 * MAX_LINE + 1])
                if not norm:
                    if taken:
                        break
                    kept.append(lines[i])
                    i += 1
                    continue
                if not _is_link_line(norm) or _match(norm, compiled) is not None:
                    break
                removed.append(RemovedLine(lines[i].strip(), f"{reason} (link)", i))
                taken += 1
                i += 1
    return "\n".join(kept), tuple(removed)
