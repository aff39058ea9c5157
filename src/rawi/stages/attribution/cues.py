"""Cue lexicon: loading ``cues.tsv`` and generating the inflected surface forms of each lemma.

A lemma line gives the perfect and imperfect 3rd-person masculine singular, the participle
stem and verbal nouns; :func:`inflect` produces every surface form the stage matches (in
normalised spelling), each tagged with its grammatical person so that pro-drop cues can be
resolved by agreement. All forms of all lemmas go into one precompiled trie regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rawi.errors import RawiError
from rawi.stages.attribution.textutil import fold

LEXICONS = Path(__file__).resolve().parents[2] / "lexicons"
STANCES = ("assert", "deny", "accuse", "warn", "demand", "opinion", "question")


class LexiconError(RawiError):
    """A lexicon data file is missing or malformed."""

    code = "E030"


@dataclass(frozen=True, slots=True)
class Lemma:
    perfect: str
    imperfect: str | None
    participle: str | None
    nouns: tuple[str, ...]
    stance: str
    complements: frozenset[str]


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a lemma (normalised, without proclitics)."""

    lemma: Lemma
    kind: str  # perfect | imperfect | participle | noun
    gender: str  # m | f | ""
    number: str  # sg | du | pl


def read_tsv(name: str, ncols: int) -> list[list[str]]:
    """Rows of a lexicon TSV (comments and blank lines skipped), padded to ``ncols``."""
    path = LEXICONS / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(str(path), f"cannot read lexicon: {exc.strerror}") from exc
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) > ncols:
            raise LexiconError(str(path), f"line {n}: {len(cols)} columns, expected at most {ncols}")
        rows.append(cols + [""] * (ncols - len(cols)))
    return rows


def _perfect_forms(p: str) -> list[tuple[str, str, str]]:
    """Perfect 3rd person: (form, gender, number)."""
    if p.endswith("ي"):  # نفى رأى أبدى (ى folded to ي)
        stem = p[:-1]
        return [(p, "m", "sg"), (stem + "ت", "f", "sg"), (stem + "وا", "m", "pl"),
                (stem + "يا", "m", "du"), (stem + "تا", "f", "du"), (stem + "ين", "f", "pl")]
    if p.endswith("ا") and len(p) == 3:  # دعا
        stem = p[:-1]
        return [(p, "m", "sg"), (stem + "ت", "f", "sg"), (stem + "وا", "m", "pl"),
                (stem + "وا", "m", "du"), (stem + "تا", "f", "du"), (stem + "ون", "f", "pl")]
    return [(p, "m", "sg"), (p + "ت", "f", "sg"), (p + "وا", "m", "pl"), (p + "ا", "m", "du"),
            (p + "تا", "f", "du"), (p + "ن", "f", "pl")]


def _imperfect_forms(i: str) -> list[tuple[str, str, str]]:
    """Imperfect 3rd person (indicative): (form, gender, number)."""
    body = i[1:]
    out = [(i, "m", "sg"), ("ت" + body, "f", "sg"), ("ت" + body + "ان", "f", "du")]
    if i.endswith(("ي", "و")):  # ينفي يدعو يرى
        out += [(i[:-1] + "ون", "m", "pl"), (i[:-1] + "وا", "m", "pl"), (i + "ان", "m", "du")]
    else:
        out += [(i + "ون", "m", "pl"), (i + "وا", "m", "pl"), (i + "ان", "m", "du")]
    return out


def _participle_forms(a: str) -> list[tuple[str, str, str]]:
    """Circumstantial (accusative) participles: مضيفا مضيفة مضيفين مضيفتين."""
    out = [(a + "ا", "m", "sg"), (a + "ة", "f", "sg"), (a + "ين", "m", "pl"), (a + "تين", "f", "du"),
           (a + "ات", "f", "pl")]
    if a.endswith("ي"):  # نافيا نافية نافين
        out.append((a[:-1] + "ين", "m", "pl"))
    return out


def _noun_forms(n: str) -> list[str]:
    base = [n, "ال" + n]
    out = list(base)
    for b in base:
        out += ["و" + b, "ب" + b, "وب" + b]
    out.append("لل" + n)
    for suf in ("ه", "ها", "هم", "هما"):
        stem = n[:-1] + "ت" if n.endswith("ة") else n
        out += [stem + suf, "و" + stem + suf, "ب" + stem + suf]
    return out


def inflect(lemma: Lemma) -> list[tuple[str, Form]]:
    """All surface forms of ``lemma`` (normalised, proclitics و/ف/س added)."""
    out: list[tuple[str, Form]] = []
    for w, g, num in _perfect_forms(lemma.perfect):
        out.append((w, Form(lemma, "perfect", g, num)))
    if lemma.imperfect:
        for w, g, num in _imperfect_forms(lemma.imperfect):
            f = Form(lemma, "imperfect", g, num)
            out += [(w, f), ("س" + w, f)]
    if lemma.participle:
        for w, g, num in _participle_forms(lemma.participle):
            out.append((w, Form(lemma, "participle", g, num)))
    for n in lemma.nouns:
        for w in _noun_forms(n):
            out.append((w, Form(lemma, "noun", "", "sg")))
    full: list[tuple[str, Form]] = []
    for w, f in out:
        full.append((w, f))
        if f.kind != "noun":
            full += [("و" + w, f), ("ف" + w, f)]
            if f.kind == "imperfect":
                full.append(("ل" + w, f))
    return full


def trie_regex(words: list[str]) -> str:
    """A regex alternation of ``words`` factored as a character trie (fast in ``re``)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True, slots=True)
class CueLexicon:
    forms: dict[str, Form]
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The verb cue lexicon with every generated form and one compiled regex for them all."""
    forms: dict[str, Form] = {}
    rows = read_tsv("cues.tsv", 6)
    not_cues = {fold(r[0][1:]) for r in rows if r[0].startswith("!")}
    for n, cols in enumerate((r for r in rows if not r[0].startswith("!")), 1):
        perf, imperf, part, nouns, stance, comps = cols
        if not perf or stance not in STANCES:
            raise LexiconError(str(LEXICONS / "cues.tsv"), f"entry {n}: bad lemma or class {stance!r}")
        lemma = Lemma(
            fold(perf), fold(imperf) if imperf not in ("", "-") else None,
            fold(part) if part not in ("", "-") else None,
            tuple(fold(x) for x in nouns.split(",") if x and x != "-"),
            stance, frozenset(fold(c) for c in comps.split(",") if c),
        )
        for w, f in inflect(lemma):
            # the first lemma listed wins a homograph
            forms.setdefault(w, f)
    for w in not_cues:
        forms.pop(w, None)
    pattern = r"(?<![\w])(?:" + trie_regex(sorted(forms)) + r")(?![\w])"
    return CueLexicon(forms, re.compile(pattern))
