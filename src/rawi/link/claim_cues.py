"""Cues of one claim for cross-article linking: matching keys, sides, polarity, denial, figures.

Pure functions over text, each cached, so that :mod:`rawi.link.claims` can compare thousands of
claims cheaply.

- :func:`keys` — index terms (:func:`rawi.link.terms.terms`) with a final tanween alef dropped
  (صاروخا → صاروخ) and folded through the concept classes of ``lexicons/claim_concepts.tsv``
  (اعترضت / تصدت / أسقطت → ``intercept``), so paraphrases share keys.
- :func:`sides` — the countries a text names (``country:XX`` concepts): a speaker's side.
- :func:`negated` — the claim asserts that something did not happen / failed.
- :func:`denial` — the claim rejects another one (a denial formula of
  ``lexicons/denial_phrases.tsv``, a denial verb, or a fabrication word such as مسرحية).
- :func:`counts` — the numbers a claim gives (years and small ordinals left out).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from sys import intern
from typing import Collection

from rawi.link.terms import terms
from rawi.text.normalize import normalize_text

_NUM = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[\u0621-\u064aA-Za-z0-9]+")
# negation particles and verbs of failure; normalised forms (ى→ي, ة→ه, hamza folded)
_NEG_WORDS = frozenset(normalize_text(w) for w in (
    "لم", "لن", "لا", "ليس", "ليست", "ليسوا", "غير", "عدم", "دون", "بدون", "بلا", "ولم", "ولا", "ولن",
    "فشل", "فشلت", "فشلوا", "يفشل", "تفشل", "عجز", "عجزت", "إخفاق", "أخفق", "أخفقت", "لاتوجد",
    "مستحيل", "تعذر"))
# تمكن after a negation is still negation; أي alone is not
_DENY_VERB = re.compile(r"(?<!\w)[وفس]?(?:نف[تيا]|نفي|ينفي|تنفي|ينفون|نفوا|كذب[تو]?|يكذب|تكذب|سيكذب|تكذيب|"
                        r"فند[تو]?|يفند|تفند|تفنيد|دحض[تو]?|يدحض|تدحض|رفض[تو]?|يرفض|ترفض)(?!\w)")
_DENY_EXTRA = ("مزاعم", "المزاعم", "ادعاءات", "الادعاءات", "الإدعاءات", "ذرائع واهية", "حملة تشويه",
               "أكاذيب", "أكاذيبهم", "فبركات", "وفبركاتهم")


@lru_cache(maxsize=1)
def _lexicon() -> list[tuple[str, str]]:
    text = resources.files("rawi.lexicons").joinpath("claim_concepts.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line and "\t" in line:
            word, concept = (x.strip() for x in line.split("\t")[:2])
            if word and concept:
                rows.append((word, concept))
    return rows


@lru_cache(maxsize=1)
def _side_phrases() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"(?<!\w)[وبل]?{re.escape(normalize_text(w))}(?!\w)"), c[8:])
                 for w, c in _lexicon() if " " in w and c.startswith("country:"))


@lru_cache(maxsize=1)
def _concepts() -> dict[str, str]:
    out: dict[str, str] = {}
    for word, concept in _lexicon():
        if " " in word:
            continue
        # the word as written and with the article, so both stemmings of it are keys
        for form in (word, word if word.startswith("ال") else "ال" + word):
            ks = [_fold_key(t) for t in terms(form)]
            if len(ks) == 1:
                out.setdefault(ks[0], concept)
        # the bare normalised word too (terms() may drop it as a stopword or strip it)
        out.setdefault(normalize_text(word), concept)
    return out


def _fold_key(t: str) -> str:
    if len(t) >= 5 and t.endswith("ا"):
        t = t[:-1]
    return t


@lru_cache(maxsize=100_000)
def keys(text: str) -> tuple[str, ...]:
    """Matching keys of a text, in order (repeats kept; interned: an archive's claims repeat a
    few tens of thousands of keys millions of times)."""
    cmap = _concepts()
    out = []
    for t in terms(text or ""):
        k = _fold_key(t)
        out.append(intern(cmap.get(k, cmap.get(t, k))))
    return tuple(out)


@lru_cache(maxsize=100_000)
def sides(text: str | None) -> frozenset[str]:
    """Countries named in a text (``US``, ``RU`` …): from concept words, whole words or keys."""
    if not text:
        return frozenset()
    cmap = _concepts()
    norm = normalize_text(text)
    found = {side for rx, side in _side_phrases() if rx.search(norm)}
    for w in _WORD.findall(norm):
        c = cmap.get(w)
        if c and c.startswith("country:"):
            found.add(c[8:])
    for k in keys(text):
        if k.startswith("country:"):
            found.add(k[8:])
    return frozenset(found)


@lru_cache(maxsize=1)
def _deny_regex() -> re.Pattern:
    text = resources.files("rawi.lexicons").joinpath("denial_phrases.tsv").read_text(encoding="utf-8")
    phrases = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line:
            continue
        cols = line.split("\t")
        if len(cols) > 1 and cols[1].strip() and cols[1].strip() != "deny":
            continue
        phrases.append(normalize_text(cols[0].strip()))
    phrases += [normalize_text(p) for p in _DENY_EXTRA]
    body = "|".join(re.escape(p) for p in sorted(set(filter(None, phrases)), key=len, reverse=True))
    return re.compile(rf"(?<!\w)[وفبل]?(?:{body})(?!\w)")


@lru_cache(maxsize=100_000)
def denial(text: str) -> bool:
    """The text rejects a claim: a denial formula, a denial verb or a fabrication word."""
    t = normalize_text(text or "")
    return bool(_deny_regex().search(t) or _DENY_VERB.search(t) or "staged" in keys(text))


@lru_cache(maxsize=100_000)
def negated(text: str) -> bool:
    """The text negates its proposition (a negation particle or a verb of failure)."""
    return any(w in _NEG_WORDS for w in _WORD.findall(normalize_text(text or "")))


# verbs a negation passes through to the predicate after them (لم يتمكن من إسقاط = did not down)
_TRANSPARENT = frozenset(normalize_text(w) for w in (
    "يتمكن", "تتمكن", "تمكن", "تمكنت", "يستطع", "تستطع", "استطاع", "استطاعت", "يكن", "تكن", "يعد", "تعد",
    "يتم", "تم", "قادرة", "قادر", "ينجح", "تنجح"))


@lru_cache(maxsize=200_000)
def _word_terms(word: str) -> list[str]:
    """terms() of one word (polar_keys and counts look at words one by one; a vocabulary
    repeats, so each distinct word is analysed once). Callers must not modify the list."""
    return terms(word)


@lru_cache(maxsize=100_000)
def polar_keys(text: str, scope: int = 2) -> tuple[frozenset[str], frozenset[str]]:
    """(asserted keys, negated keys): a key is negated when it is one of the ``scope`` matching
    keys after a negation particle or a verb of failure (لم تشارك في اعتراض → ``take_part`` and
    ``intercept`` negated); asserted keys are the others."""
    cmap = _concepts()
    pos, neg = set(), set()
    pending = 0
    for w in _WORD.findall(normalize_text(text or "")):
        if w in _NEG_WORDS:
            pending = scope
            continue
        if pending and w in _TRANSPARENT:
            continue
        ts = _word_terms(w)
        if not ts:
            continue
        k = _fold_key(ts[0])
        k = cmap.get(k, cmap.get(ts[0], k))
        (neg if pending else pos).add(intern(k))
        pending = max(0, pending - 1)
    return frozenset(pos - neg), frozenset(neg)


def polarity_conflict(a: str, b: str) -> bool:
    """One text negates a key that the other asserts (and does not negate)."""
    return keys_conflict(polar_keys(a), polar_keys(b))


def keys_conflict(a: tuple[Collection[str], frozenset[str]], b: tuple[Collection[str], frozenset[str]]) -> bool:
    """polarity_conflict on ``polar_keys`` already computed (a linker keeps one per claim, its
    asserted keys possibly as a tuple: they are only looked up by the other's negated keys)."""
    pa, na = a
    pb, nb = b
    return (any(k in pb and not k.startswith("country:") for k in na)
            or any(k in pa and not k.startswith("country:") for k in nb))


@lru_cache(maxsize=100_000)
def counts(text: str) -> tuple[tuple[float, str], ...]:
    """(number, what it counts) for the numbers of a text that can count things: the counted
    thing is the first matching key after the number (100 إلى 120 صاروخا → ``missile``); years
    1900–2100 and 1–2 left out."""
    cmap = _concepts()
    out = []
    words = _WORD.findall(normalize_text(text or ""))
    for n, w in enumerate(words):
        if not _NUM.fullmatch(w):
            continue
        v = float(w)
        if 1900 <= v <= 2100 or v < 3:
            continue
        unit = ""
        for nxt in words[n + 1:n + 4]:
            ts = _word_terms(nxt)
            if ts:
                k = _fold_key(ts[0])
                unit = cmap.get(k, cmap.get(ts[0], k))
                break
        if unit:
            out.append((v, unit))
    return tuple(out)


def figures_differ(a: tuple[tuple[float, str], ...], b: tuple[tuple[float, str], ...],
                   tolerance: float = 0.3) -> bool:
    """Both count the same thing and none of a's figures for it is within ``tolerance``
    (relative) of one of b's."""
    units = {u for _, u in a} & {u for _, u in b}
    for u in units:
        xs = [x for x, k in a if k == u]
        ys = [y for y, k in b if k == u]
        if not any(abs(x - y) <= tolerance * max(x, y) for x in xs for y in ys):
            return True
    return False
