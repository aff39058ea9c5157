"""Shared Arabic text features for rawi's small classifiers (stance, check-worthiness).

Everything here is plain Python over normalised text: tokens, light stems, char n-grams,
negation / antonym / denial / hedge cues read from ``rawi/lexicons/*.tsv``, number and year
mismatch, and lexical overlap. The pair feature extractors at the bottom are sklearn
transformers (picklable, no lambdas) so that the fitted pipelines ship as one joblib file.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from rawi.errors import UnreadableFile

try:  # the project's normaliser (src/rawi/text/normalize.py)
    from rawi.text.normalize import fold as _fold
except ImportError:  # pragma: no cover - tiny private fallback while that module is absent
    _FALLBACK = str.maketrans({**{c: "ا" for c in "أإآٱ"}, "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                               **{chr(0x0660 + i): str(i) for i in range(10)},
                               **{chr(0x06F0 + i): str(i) for i in range(10)}})
    _MARKS = re.compile("[\u064B-\u065F\u0670\u0640]")
    _PUNCT = re.compile(r"[^\w\s]")

    def _fold(s: str) -> str:
        s = _PUNCT.sub(" ", _MARKS.sub("", s).translate(_FALLBACK))
        return " ".join(s.split())

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_HASH = re.compile(r"#")
_UNDERSCORE = re.compile(r"_+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_SPLIT_DIGITS = re.compile(r"(?<=\d)(?=[^\d\s.,])|(?<=[^\d\s.,])(?=\d)")
_LATIN = re.compile(r"[A-Za-z]")
_PREFIX = re.compile(r"^(?:وال|فال|بال|كال|لل|ال|و(?=..[^\s]))")
_SUFFIX = re.compile(r"(?:ات|ون|ين|ان|ها|هم|هما|كم|نا|يه|ه|ي)$")


def fold(s: str) -> str:
    """Aggressive matching key (rawi.text.normalize.fold): folded letters, no punctuation."""
    return _fold(s)


def clean_social(s: str) -> str:
    """Strip URLs and @mentions, turn ``#tag_words`` into ``tag words`` (tweets)."""
    s = _URL.sub(" ", s)
    s = _MENTION.sub(" ", s)
    s = _HASH.sub(" ", s)
    return _UNDERSCORE.sub(" ", s)


@lru_cache(maxsize=65536)
def _tokens_cached(s: str) -> tuple[str, ...]:
    return tuple(_SPLIT_DIGITS.sub(" ", fold(s)).split())


def tokens(s: str) -> list[str]:
    """Normalised word tokens (digits split off letters)."""
    return list(_tokens_cached(s))


@lru_cache(maxsize=131072)
def stem(tok: str) -> str:
    """A light stem: the article / conjunction prefixes and one common suffix removed."""
    if len(tok) <= 3 or tok.isdigit():
        return tok
    t = _PREFIX.sub("", tok)
    if len(t) > 4:
        t2 = _SUFFIX.sub("", t)
        if len(t2) >= 3:
            t = t2
    return t if len(t) >= 2 else tok


def stems(s: str) -> list[str]:
    """Light stems of :func:`tokens`."""
    return [stem(t) for t in _tokens_cached(s)]


def char_ngrams(s: str, n: int = 3) -> Counter:
    """Counts of char n-grams of the folded text, words padded with spaces."""
    t = " " + " ".join(_tokens_cached(s)) + " "
    return Counter(t[i:i + n] for i in range(len(t) - n + 1))


# --- lexicons --------------------------------------------------------------------------------

def read_lexicon(name: str) -> list[list[str]]:
    """Rows of ``lexicons/NAME``: ``#`` comments and blank lines skipped, tab-separated."""
    path = LEXICONS / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot read lexicon ({e.strerror})") from e
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """Folded single-word entries of a lexicon (first column)."""
    return frozenset(fold(r[0]) for r in read_lexicon(name) if len(fold(r[0]).split()) == 1)


@lru_cache(maxsize=None)
def phrase_regex(name: str) -> re.Pattern:
    """One regex matching any entry (word or phrase) of a lexicon as whole words in folded text."""
    entries = sorted({fold(r[0]) for r in read_lexicon(name) if fold(r[0])}, key=len, reverse=True)
    body = "|".join(re.escape(e) for e in entries) or "(?!)"
    return re.compile(rf"(?<!\w)(?:[وفبل]?)(?:{body})(?!\w)")


@lru_cache(maxsize=None)
def antonym_map() -> dict[str, frozenset[str]]:
    """Stem -> stems of its antonyms (both directions)."""
    out: dict[str, set[str]] = {}
    for row in read_lexicon("antonyms.tsv"):
        if len(row) < 2:
            continue
        a, b = (stem(fold(x).replace(" ", "")) for x in row[:2])
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def count_cues(s: str, lexicon: str) -> int:
    """How many entries of ``lexicon`` occur in ``s`` (whole words, after folding)."""
    return len(phrase_regex(lexicon).findall(" ".join(_tokens_cached(s))))


def negation_count(s: str) -> int:
    """Negation particles / negating words in ``s``."""
    neg = word_set("negation.tsv")
    return sum(1 for t in _tokens_cached(s) if t in neg)


#: Denial verbs and their verbal nouns (نفى، كذّب، فنّد، دحض), with a و / ف prefix.
_DENY_VERB = re.compile(r"(?<!\w)[وف]?(?:نف[تيا]|نفي|ينفي|تنفي|ينفون|نفوا|كذب[تو]?|يكذب|تكذب|تكذيب|"
                        r"فند[تو]?|يفند|تفند|تفنيد|دحض[تو]?|يدحض|تدحض)(?!\w)")


def denial_count(s: str) -> int:
    """Denial formulas (كاذبة، عار عن الصحة …, lexicons/denial_phrases.tsv) and denial verbs."""
    folded = " ".join(_tokens_cached(s))
    return len(phrase_regex("denial_phrases.tsv").findall(folded)) + len(_DENY_VERB.findall(folded))


def antonym_hits(a: str, b: str) -> int:
    """Stems of ``a`` whose antonym occurs in ``b`` but which do not occur in ``b`` themselves."""
    amap = antonym_map()
    sa, sb = set(stems(a)), set(stems(b))
    return sum(1 for t in sa - sb if amap.get(t, frozenset()) & (sb - sa))


def numbers(s: str) -> set[str]:
    """The numbers written in ``s`` (as digit strings, separators dropped)."""
    return {re.sub(r"[.,]", "", m) for m in _NUMBER.findall(fold_digits(s))}


def fold_digits(s: str) -> str:
    """Only digits folded to ASCII (keeps decimal points)."""
    return s.translate(_DIGITS)


_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}, "\u066B": "."})


def number_mismatch(a: str, b: str) -> tuple[float, float, float]:
    """(numbers differ where both have some, numbers only in a, numbers only in b)."""
    na, nb = numbers(a), numbers(b)
    both = 1.0 if na and nb and not (na & nb) else (0.5 if na and nb and na != nb else 0.0)
    return both, float(bool(na - nb)), float(bool(nb - na))


def year_mismatch(a: str, b: str) -> float:
    """1 when both texts name years and share none."""
    ya, yb = set(_YEAR.findall(fold_digits(a))), set(_YEAR.findall(fold_digits(b)))
    return 1.0 if ya and yb and not (ya & yb) else 0.0


# --- overlap ---------------------------------------------------------------------------------

def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard similarity of two token collections, in [0, 1] (0 when both are empty)."""
    sa, sb = set(a), set(b)
    u = sa | sb
    return len(sa & sb) / len(u) if u else 0.0


def containment(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of the distinct items of ``a`` that occur in ``b``, in [0, 1]."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa) if sa else 0.0


def cosine(ca: Counter | dict, cb: Counter | dict) -> float:
    """Cosine of two sparse vectors (dicts), in [0, 1] for non-negative weights."""
    if not ca or not cb:
        return 0.0
    if len(ca) > len(cb):
        ca, cb = cb, ca
    dot = sum(v * cb.get(k, 0.0) for k, v in ca.items())
    na = math.sqrt(sum(v * v for v in ca.values()))
    nb = math.sqrt(sum(v * v for v in cb.values()))
    return dot / (na * nb) if na and nb else 0.0


def fuzzy_unmatched(only: Sequence[str], other: Sequence[str], n: int = 3,
                    thresh: float = 0.5) -> list[str]:
    """Tokens of ``only`` with no token in ``other`` sharing ≥ ``thresh`` of its char n-grams."""
    grams = [{t[i:i + n] for i in range(max(1, len(t) - n + 1))} for t in other]
    out = []
    for t in only:
        g = {t[i:i + n] for i in range(max(1, len(t) - n + 1))}
        if not any(len(g & h) / max(1, min(len(g), len(h))) >= thresh for h in grams):
            out.append(t)
    return out


class Idf:
    """Smoothed inverse document frequencies of light stems, fitted on a list of texts."""

    def __init__(self) -> None:
        self.idf: dict[str, float] = {}
        self.default = 1.0

    def fit(self, texts: Iterable[str]) -> "Idf":
        df: Counter = Counter()
        n = 0
        for t in texts:
            n += 1
            df.update(set(stems(t)))
        self.idf = {k: math.log((1 + n) / (1 + v)) + 1 for k, v in df.items()}
        self.default = math.log(1 + n) + 1
        return self

    def get(self, tok: str) -> float:
        return self.idf.get(tok, self.default)

    def vector(self, toks: Iterable[str]) -> dict[str, float]:
        tf = Counter(toks)
        return {k: v * self.get(k) for k, v in tf.items()}
