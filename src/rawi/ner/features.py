"""Per-token CRF features, cached per word so that tagging costs little Python.

Each distinct word gets, once, its own feature strings and the strings it contributes to its
neighbours at offsets -2, -1, +1, +2; a sentence's features are then list concatenations.
Features: normalised word, proclitic-stripped stem and the stripped proclitics, suffixes,
stem prefix, word shape and length, gazetteer kinds (country, city, part of a multi-word place,
title, organisation head, place head, nationality adjective) of the word and of its stem,
and the word's distributional clusters (``models/ner-crf.clusters.tsv``) for it and its
immediate neighbours.
"""

from __future__ import annotations

import re
from typing import Sequence

from rawi.ner import clusters as _clusters
from rawi.ner.lexicon import FeatureLexicon, feature_lexicon
from rawi.ner.normalize import norm, strip_proclitics

_DIGIT = re.compile(r"^[\d٠-٩۰-۹.,،٫%/:\-]+$")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0621-\u064a]")

FeatureList = list[str]


def _shape(w: str) -> str:
    if _DIGIT.match(w):
        return "d"
    if _ARABIC.search(w):
        return "a" if not re.search(r"\d", w) else "ad"
    if _LATIN.search(w):
        return "L"
    return "p"


class FeatureExtractor:
    """Turns token sequences into crfsuite feature lists; keeps a per-word cache."""

    def __init__(self, lexicon: FeatureLexicon | None = None, max_cache: int = 500_000,
                 clusters: dict[str, tuple[str, str]] | None = None,
                 known: frozenset[str] | None = None) -> None:
        self.lex = lexicon if lexicon is not None else feature_lexicon()
        self.clusters = clusters if clusters is not None else _clusters.load()
        self.cache: dict[str, tuple[FeatureList, ...]] = {}
        self.max_cache = max_cache
        # Tagging only: the attributes a model has weights for. crfsuite ignores the others,
        # so dropping them once per cached word changes no tag and spares the tagger about a
        # quarter of its look-ups (training leaves this None: it needs every feature).
        self.known = known

    def _word(self, w: str) -> tuple[FeatureList, ...]:
        n = norm(w)
        pre, stem = strip_proclitics(n)
        shape = _shape(w)
        ln = len(stem)
        own = ["w=" + n, "sh=" + shape, "ln=" + ("1" if ln <= 1 else "2" if ln <= 2 else "3" if ln <= 4 else "5" if ln <= 7 else "8")]
        if shape == "a":
            own += ["x2=" + n[-2:], "x3=" + n[-3:], "sp3=" + stem[:3]]
        own.append("s=" + stem)  # also for bare words, so وحيفا shares the weight of حيفا
        if pre:
            own.append("pc=" + pre)
        kinds = set(self.lex.get(n))
        if pre:
            kinds.update(self.lex.get(stem))
        own += ["g=" + k for k in sorted(kinds)]
        gk = ["g=" + k for k in sorted(kinds)]
        cl = self.clusters.get(n) or (self.clusters.get(stem) if pre else None)
        if cl:
            own += ["c=" + cl[0], "cf=" + cl[1]]
        m1 = ["-1w=" + n] + ["-1" + g for g in gk]
        p1 = ["+1w=" + n] + ["+1" + g for g in gk]
        if cl:
            m1.append("-1cf=" + cl[1])
            p1.append("+1cf=" + cl[1])
        m1.append("-1s=" + stem)
        p1.append("+1s=" + stem)
        m2 = ["-2w=" + n] + ["-2" + g for g in gk]
        p2 = ["+2w=" + n] + ["+2" + g for g in gk]
        return own, m1, p1, m2, p2

    def word(self, w: str) -> tuple[FeatureList, ...]:
        f = self.cache.get(w)
        if f is None:
            f = self._word(w)
            if self.known is not None:
                known = self.known
                f = tuple([x for x in part if x in known] for part in f)
            if len(self.cache) < self.max_cache:
                self.cache[w] = f
        return f

    def sentence(self, tokens: Sequence[str]) -> list[FeatureList]:
        """One feature list per token of a sentence."""
        word = self.word
        fs = [word(t) for t in tokens]
        n = len(fs)
        if n == 0:
            return []
        if n == 1:
            return [fs[0][0] + ["BOS", "EOS"]]
        last = n - 1
        out: list[FeatureList] = [fs[0][0] + ["BOS"] + fs[1][2] + (fs[2][4] if n > 2 else ["+2EOS"])]
        for i in range(1, last):
            out.append(fs[i][0] + fs[i - 1][1] + (fs[i - 2][3] if i > 1 else ["-2BOS"])
                       + fs[i + 1][2] + (fs[i + 2][4] if i + 2 < n else ["+2EOS"]))
        out.append(fs[last][0] + fs[last - 1][1] + (fs[last - 2][3] if last > 1 else ["-2BOS"]) + ["EOS"])
        return out
