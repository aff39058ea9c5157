"""Reading NER training data: CoNLL (ANERcorp) and NewsFANE (fine classes mapped to coarse).

A corpus is a list of sentences, each ``(tokens, tags)`` with strict BIO tags over
PER/ORG/LOC/MISC (``PERS`` -> ``PER``; a stray ``I-`` after ``O`` becomes ``B-``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from rawi.errors import UnreadableFile
from rawi.ner.lexicon import LEXICONS, read_tsv

Sentence = tuple[list[str], list[str]]
TYPES = ("PER", "ORG", "LOC", "MISC")
_TAG = re.compile(r"^([BIbi])-?([A-Za-z]+)$")
_TYPE_FIX = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC",
             "OEG": "ORG", "ORF": "ORG"}
_MARKS = re.compile("[\u200e\u200f\ufeff]")


def clean_tag(tag: str) -> str:
    """A tag from a messy corpus as ``B-X``/``I-X``/``O`` over the four coarse types."""
    m = _TAG.match(tag.strip())
    if not m:
        return "O"
    typ = _TYPE_FIX.get(m.group(2).upper())
    return f"{m.group(1).upper()}-{typ}" if typ else "O"


def strict_bio(tags: list[str]) -> list[str]:
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def _sentences(lines: Iterable[str], sep: str | None) -> Iterator[tuple[list[str], list[str]]]:
    toks: list[str] = []
    raw: list[str] = []
    for line in lines:
        line = _MARKS.sub("", line.rstrip("\n"))
        parts = line.split(sep) if sep else line.split()
        parts = [p for p in parts if p.strip()]
        if not parts:
            if toks:
                yield toks, raw
            toks, raw = [], []
            continue
        toks.append(parts[0].strip())
        raw.append(parts[-1].strip() if len(parts) > 1 else "O")
    if toks:
        yield toks, raw


def _open(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot read corpus ({e.strerror})") from e


def read_conll(path: str | Path) -> list[Sentence]:
    """``token TAG`` per line, blank line between sentences (tag = last field)."""
    return [(t, strict_bio([clean_tag(x) for x in g])) for t, g in _sentences(_open(Path(path)), None)]


def read_tokens(path: str | Path) -> list[list[str]]:
    """Only the tokens of a CoNLL file (first field), sentence by sentence."""
    return [t for t, _ in _sentences(_open(Path(path)), None)]


def newsfane_map(path: Path = LEXICONS / "newsfane_map.tsv") -> dict[str, str]:
    return {r[0].strip(): r[1].strip() for r in read_tsv(path) if len(r) >= 2}


def read_newsfane(path: str | Path, mapping: dict[str, str] | None = None) -> list[Sentence]:
    """NewsFANE ``token<TAB>TAG`` with fine classes mapped by ``newsfane_map.tsv``."""
    mapping = mapping if mapping is not None else newsfane_map()
    out: list[Sentence] = []
    for toks, raw in _sentences(_open(Path(path)), "\t"):
        tags = []
        for t in raw:
            bio, _, fine = t.partition("-")
            coarse = mapping.get(fine, "O") if bio in ("B", "I") else "O"
            tags.append(f"{bio}-{coarse}" if coarse != "O" else "O")
        out.append((toks, strict_bio(tags)))
    return out


def split_heldout(sents: list[Sentence], every: int = 10) -> tuple[list[Sentence], list[Sentence]]:
    """Deterministic split: sentence ``i`` (0-based) is held out when ``i % every == every - 1``."""
    train = [s for i, s in enumerate(sents) if i % every != every - 1]
    held = [s for i, s in enumerate(sents) if i % every == every - 1]
    return train, held


def write_conll(sents: Iterable[tuple[list[str], list[str]]], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for toks, tags in sents:
            for t, g in zip(toks, tags):
                f.write(f"{t} {g}\n")
            f.write("\n")


def single_word_conventions(sents: list[Sentence], min_count: int = 3, share: float = 0.8) -> dict[str, str]:
    """Words that a corpus tags, as a one-word entity of one type, at least ``share`` of the time.

    Used to carry ANERcorp's conventions over to NewsFANE (currencies, ``الله``, ``الإسلام``,
    ``نوبل`` are MISC in ANERcorp and untagged in NewsFANE).
    """
    from collections import Counter

    from rawi.ner.normalize import norm

    seen: Counter = Counter()
    typed: dict[str, Counter] = {}
    for toks, tags in sents:
        for i, (w, t) in enumerate(zip(toks, tags)):
            n = norm(w)
            seen[n] += 1
            nxt = tags[i + 1] if i + 1 < len(tags) else "O"
            if t.startswith("B-") and not nxt.startswith("I-"):
                typed.setdefault(n, Counter())[t[2:]] += 1
    out = {}
    for n, c in typed.items():
        typ, k = c.most_common(1)[0]
        if k >= min_count and k >= share * seen[n]:
            out[n] = typ
    return out


def harmonize(sents: list[Sentence], conventions: dict[str, str]) -> list[Sentence]:
    """Tag untagged one-word occurrences of convention words (only where no entity touches)."""
    from rawi.ner.normalize import norm

    out = []
    for toks, tags in sents:
        new = list(tags)
        for i, w in enumerate(toks):
            typ = conventions.get(norm(w))
            if typ and tags[i] == "O" and (i + 1 >= len(tags) or not tags[i + 1].startswith("I-")):
                new[i] = "B-" + typ
        out.append((toks, new))
    return out
