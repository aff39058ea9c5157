"""Features of one short text (tweet, sentence) for the check-worthiness model.

Word and char n-gram TF-IDF over the cleaned, normalised text (URLs and @mentions removed,
hashtag ``#`` and ``_`` dropped) next to scaled claim cues: digits, percentages, years, counted
nouns, certainty markers (``lexicons/certainty.tsv``), hedges (``lexicons/hedges.tsv``),
negation, question / exclamation marks, emoji, length, and named-entity-ish tokens.
"""

from __future__ import annotations

import math
import re
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from rawi.classify import features as F

_PERCENT = re.compile(r"\d\s*(?:%|٪|بالمئه|بالمائه|في المئه|في المائه)")
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\u2B50]")
_QUESTION = re.compile(r"[?؟]")
_EXCLAIM = re.compile(r"!")
_QUOTE = re.compile(r"[\"«»“”]")
_URL = re.compile(r"https?://")
_ELONG = re.compile(r"(\w)\1{2,}")

CUE_NAMES = (
    "n_digits", "n_numbers", "percent", "year", "certainty", "hedge", "negation", "question",
    "exclaim", "quote", "emoji", "url", "mentions", "hashtags", "len_tokens", "elong",
    "latin", "denial",
)


def clean(text: str) -> str:
    """Tweet text for the n-gram features: social markup removed, normalised (rawi fold)."""
    return " ".join(F.tokens(F.clean_social(text)))


def cue_features(text: str) -> list[float]:
    """The claim cues of one raw text, in :data:`CUE_NAMES` order."""
    raw = F.fold_digits(text)
    c = F.clean_social(text)
    toks = F.tokens(c)
    nums = F.numbers(c)
    return [
        math.log1p(sum(ch.isdigit() for ch in F.fold_digits(c))), math.log1p(len(nums)),
        float(bool(_PERCENT.search(F.fold(raw)) or "%" in raw or "٪" in text)),
        float(bool(F._YEAR.search(raw))),
        math.log1p(F.count_cues(c, "certainty.tsv")), math.log1p(F.count_cues(c, "hedges.tsv")),
        math.log1p(F.negation_count(c)),
        float(bool(_QUESTION.search(text))), float(bool(_EXCLAIM.search(text))),
        float(bool(_QUOTE.search(text))), math.log1p(len(_EMOJI.findall(text))),
        float(bool(_URL.search(text))), math.log1p(text.count("@")), math.log1p(text.count("#")),
        math.log1p(len(toks)), float(bool(_ELONG.search(c))),
        math.log1p(sum(1 for t in toks if F._LATIN.search(t))), math.log1p(F.denial_count(c)),
    ]


def _analyzer(s: str) -> list[str]:
    return s.split()


class TweetVectorizer:
    """Texts -> sparse features: word 1–2-gram TF-IDF, char 2–5-gram TF-IDF, scaled cues."""

    def __init__(self, word_max: int = 30000, char_max: int = 60000, cue_weight: float = 1.0) -> None:
        self.word_max = word_max
        self.char_max = char_max
        self.cue_weight = cue_weight

    def _cues(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([cue_features(t) for t in texts], dtype=float)

    def fit(self, texts: Sequence[str], y=None) -> "TweetVectorizer":
        cleaned = [clean(t) for t in texts]
        self.word_ = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=self.word_max,
                                     sublinear_tf=True, token_pattern=r"\S+", lowercase=True)
        self.char_ = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3,
                                     max_features=self.char_max, sublinear_tf=True)
        self.word_.fit(cleaned)
        self.char_.fit(cleaned)
        c = self._cues(texts)
        self.mean_, self.scale_ = c.mean(axis=0), c.std(axis=0) + 1e-6
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        cleaned = [clean(t) for t in texts]
        cues = (self._cues(texts) - self.mean_) / self.scale_ * self.cue_weight
        return sparse.hstack([self.word_.transform(cleaned), self.char_.transform(cleaned),
                              sparse.csr_matrix(cues)], format="csr")

    def fit_transform(self, texts: Sequence[str], y=None) -> sparse.csr_matrix:
        return self.fit(texts, y).transform(texts)
