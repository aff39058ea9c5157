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


# A leading ``.{m,n}`` (or ``.*`` ``.+``): the pattern "floats", its keywords anywhere early in
# the line. Such patterns cost a try at every position of every line, so they are only run on
# bodies holding one of their keywords (the literal text every match must contain).
_FLOATING = re.compile(r"\.(?:\{\d*,?\d*\}|[*+?])\??")
_META = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIERS = frozenset("*+?{")


@dataclass(frozen=True)
class _Rules:
    """The patterns compiled in two alternations, each group named ``r<index in the file>``:
    ``regex`` holds the anchored ones and ``floating`` those with a leading wildcard; a line
    can match a floating pattern only if it contains one of ``keywords`` (their literals; one
    that contains another is dropped, ``str.find`` being faster than any regex here)."""

    regex: re.Pattern[str]
    floating: re.Pattern[str] | None
    keywords: tuple[str, ...]
    reasons: tuple[str, ...]
    headings: frozenset[int]


def _parse(text: str, origin: str) -> _Rules:
    anchored, floating, reasons, headings = [], [], [], set()
    keywords: set[str] = set()
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
        lead = _FLOATING.match(pattern)
        found = _keywords(pattern[lead.end():]) if lead else None
        if found:
            floating.append(f"(?P<r{i}>{pattern})")
            keywords.update(found)
        else:
            anchored.append(f"(?P<r{i}>{pattern})")
        reasons.append(cols[1].strip())
        if scope == "heading":
            headings.add(i)
    return _Rules(
        re.compile("|".join(anchored) or "(?!)"),
        re.compile("|".join(floating)) if floating else None,
        tuple(sorted(w for w in keywords if not any(v != w and v in w for v in keywords))),
        tuple(reasons), frozenset(headings),
    )


def _literal_prefix(pattern: str) -> str:
    """The literal text ``pattern`` starts with (a character under a quantifier excluded)."""
    k = 0
    while k < len(pattern) and pattern[k] not in _META:
        k += 1
    if k < len(pattern) and pattern[k] in _QUANTIFIERS:
        k -= 1
    return pattern[:max(k, 0)]


def _split_top(group: str) -> list[str] | None:
    """The ``|`` alternatives of a leading ``(...)`` group, or None if it does not close."""
    depth, start, parts = 0, 1, []
    k = 0
    while k < len(group):
        ch = group[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            end = group.find("]", k + 2)
            if end < 0:
                return None
            k = end + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                parts.append(group[start:k])
                return parts
        elif ch == "|" and depth == 1:
            parts.append(group[start:k])
            start = k + 1
        k += 1
    return None


def _keywords(rest: str) -> set[str] | None:
    """Literal texts one of which every match of ``rest`` starts with, or None if unknown.

    ``rest`` is a literal run, or a group (not optional) of alternatives that each start
    with a literal run; anything else returns None and the pattern is always tried."""
    if rest.startswith("(?:"):
        rest = "(" + rest[3:]
    if not rest.startswith("("):
        word = _literal_prefix(rest)
        return {word} if word else None
    parts = _split_top(rest)
    if parts is None:
        return None
    after = rest[sum(len(p) for p in parts) + len(parts) + 1:]
    if after[:1] in ("*", "?", "{"):
        return None  # the group may be absent
    words = {_literal_prefix(p) for p in parts}
    return None if "" in words else words


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The compiled rules from the packaged lexicon (read once)."""
    path = resources.files("rawi") / "lexicons" / "boilerplate.tsv"
    return _parse(path.read_text(encoding="utf-8"), "boilerplate.tsv")


def _index(m: re.Match[str] | None) -> int | None:
    if m is None:
        return None
    name = m.lastgroup
    if name is None or m.group(name) is None or name[0] != "r":
        name = next(k for k, v in m.groupdict().items() if v is not None and k[0] == "r" and k[1:].isdigit())
    return int(name[1:])


def _match(norm: str, compiled: _Rules, floating: bool = True) -> int | None:
    """Index of the first pattern (in file order) matching the whole of ``norm``, or None.
    ``floating=False`` skips the floating patterns (the body has none of their keywords)."""
    if not norm or len(norm) > MAX_LINE:
        return None
    hit = _index(compiled.regex.fullmatch(norm))
    if floating and compiled.floating is not None:
        other = _index(compiled.floating.fullmatch(norm))
        if other is not None and (hit is None or other < hit):
            hit = other
    return hit


def _short(folded_line: str) -> str:
    """The normalised form of a folded line if it is short enough to match, else ""."""
    if len(folded_line) > 2 * MAX_LINE:
        return ""
    norm = " ".join(folded_line.split())
    return norm if len(norm) <= MAX_LINE else ""


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
    # line i of ``folded`` is the folded line i of ``body``. Only lines within MAX_LINE once
    # normalised can match ("" for the others); one over twice the limit is not normalised.
    folded = [_short(f) for f in _fold(body).split("\n")]
    words: tuple[str, ...] = ()
    if compiled.floating is not None:
        joined = "\n".join(folded)
        words = tuple(word for word in compiled.keywords if word in joined)
    kept: list[str] = []
    removed: list[RemovedLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        norm = folded[i]
        hit = _match(norm, compiled, bool(words) and any(word in norm for word in words))
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
