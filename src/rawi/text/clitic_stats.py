"""Derive ``lexicons/clitics_corpus_keep.tsv`` (words not to split) from corpus counts.

A form ``x`` whose first clitic layer would be peeled (``وزير`` -> و + ``زير``) is protected
when the remainder is poorly attested as a stem of its own compared with ``x`` itself: the
stem count ``C(y)`` of a form sums its occurrences bare and behind every proclitic string;
``x`` is kept when ``C(r) - C(x) < THETA * C(x)``. Likewise for an enclitic (``تفاهم`` is not
تفا + هم): the bare stem (with ``ة`` restored after ``ت``, or ``ء`` for a hamza seat:
``حلفائهم`` -> ``حلفاء``) must have ``C >= THETA * C(x)``. A ``لل`` form whose definite
stem with the lam (``اللجنة``) is commoner than without (``الجنة``) is listed as ``lam``.
Only forms with ``C(x) >= MIN_COUNT`` are considered. Run::

    python -m rawi.text.clitic_stats /work/shared/data/ant-multisource > src/rawi/lexicons/clitics_corpus_keep.tsv
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from rawi.text.clitics import _IMPERFECT, key

THETA = 0.1
MIN_COUNT = 8

_BODY = re.compile(r"<(?:TITLE|TEXT)>(.*?)</(?:TITLE|TEXT)>", re.S)
_AR_WORD = re.compile(r"[\u0621-\u064A]+")

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")
PREFIX_STRINGS = tuple(sorted({
    c + m + a
    for c in ("", "و", "ف")
    for m in ("", "ب", "ل", "ك", "س")
    for a in ("", "ال")
    if not (m == "ل" and a) and not (m == "س" and a)
} | {c + "لل" for c in ("", "و", "ف")}, key=len))


def count_words(root: Path) -> Counter:
    """Arabic word counts (keyed by :func:`rawi.text.clitics.key`) over the title and body of every file under ``root``."""
    counts: Counter = Counter()
    for path in sorted(root.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for body in _BODY.findall(raw):
            counts.update(_AR_WORD.findall(key(body)))
    return counts


def stem_counts(counts: Counter) -> Counter:
    """``C(y)``: occurrences of ``y`` bare or behind any proclitic string."""
    c: Counter = Counter()
    for form, n in counts.items():
        for p in PREFIX_STRINGS:
            if form.startswith(p) and len(form) - len(p) >= 2:
                c[form[len(p):]] += n
    return c


def first_layer(x: str) -> str | None:
    """The remainder after the first clitic layer the peeler would take off, if any."""
    if len(x) >= 3 and x[0] in CONJ:
        return x[1:]
    if len(x) >= 4 and x.startswith("لل"):
        return x[2:]
    if len(x) >= 4 and x[0] in PREP:
        return x[1:]
    if len(x) >= 4 and x[0] == "س" and x[1] in _IMPERFECT:
        return x[1:]
    if len(x) >= 4 and x.startswith("ال"):
        return x[2:]
    return None


SUFFIXES = ("هما", "ها", "هم", "هن", "نا", "ه")


def derive(counts: Counter) -> list[tuple[str, str, str]]:
    """(kind, form, class) rows: forms protected from prefix and / or suffix splitting."""
    c = stem_counts(counts)
    rows: list[tuple[str, str, str]] = []
    for x, cx in sorted(c.items()):
        if cx < MIN_COUNT or len(x) < 3:
            continue
        pre = suf = False
        r = first_layer(x)
        if r is not None and max(0, c.get(r, 0) - cx) < THETA * cx:
            pre = True
        if x.startswith("لل") and len(x) >= 4:
            # للجنة: is the stem لجنة (ل+ال+لجنة) rather than جنة?
            lam_stem, plain = x[1:], x[2:]
            if counts.get("ال" + lam_stem, 0) > counts.get("ال" + plain, 0):
                rows.append(("lam", x, "-"))
        if len(x) >= 4 and not x.startswith("ال"):
            for s in SUFFIXES:
                if x.endswith(s) and len(x) - len(s) >= 3:
                    t = x[: -len(s)]
                    ev = c.get(t, 0)
                    if t.endswith("ت"):  # حكومته: stem حكومة
                        ev += c.get(t[:-1] + "ة", 0)
                    elif t.endswith(("ؤ", "ئ")):  # حلفاؤهم / حلفائهم: stem حلفاء
                        ev += c.get(t[:-1] + "ء", 0)
                    if ev < THETA * cx:
                        suf = True
                    break
        if pre or suf:
            rows.append(("keep", x, "all" if pre and suf else "pre" if pre else "suf"))
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else "/work/shared/data/ant-multisource")
    counts = count_words(root)
    rows = derive(counts)
    print("# Words not to split into clitic + stem, derived from corpus counts.")
    print(f"# Source: rawi.text.clitic_stats over {root.name} ({sum(counts.values())} words,"
          f" THETA={THETA}, MIN_COUNT={MIN_COUNT}); regenerate with that module, do not edit.")
    print("# Columns: kind <TAB> form (as written, marks removed) <TAB> class (all | pre | suf; '-' for lam)")
    for row in rows:
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
