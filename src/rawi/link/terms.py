"""Index terms for cross-document matching: normalised, clitic-stripped, stopwords out.

A light, deterministic stemmer for retrieval (not morphology): it folds the orthography, strips
the common proclitics and the article, and a few inflectional endings, so that `الضربات`,
`وضربات`, `بالضربة` meet on one key.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rawi.text.normalize import normalize_text

_WORD = re.compile(r"[\u0621-\u064aA-Za-z0-9]+")
_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_SHORT_PREFIXES = ("و", "ف", "ب", "ل")
_SUFFIXES = ("ات", "ون", "ين", "ها", "هم", "ية", "يه", "ه", "ي")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words from ``lexicons/stopwords.tsv``, normalised."""
    text = resources.files("rawi.lexicons").joinpath("stopwords.tsv").read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(normalize_text(line.split("\t")[0]))
    return frozenset(words)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The matching key of one normalised word."""
    w = word
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    else:
        if len(w) >= 5 and w[0] in _SHORT_PREFIXES:
            w = w[1:]
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            break
    return w


def terms(text: str) -> list[str]:
    """Index terms of a text, in order (repeats kept)."""
    stop = stopwords()
    out = []
    for w in _WORD.findall(normalize_text(text)):
        if w in stop or len(w) < 2 or w.isdigit():
            continue
        k = stem(w)
        if k not in stop:
            out.append(k)
    return out
