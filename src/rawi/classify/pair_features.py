"""Features of a text pair (headline vs headline, claim vs claim) for the stance model.

:class:`PairVectorizer` turns ``(a, b)`` pairs into one sparse matrix: dense cue features
(overlap, negation / antonym / denial cues, number and year mismatch, unmatched rare tokens,
length ratios) next to TF-IDF of the pair's difference tokens and hashed crossings of the
tokens that only one side has (so ``ارتفاع`` → ``انخفاض`` can be learned as a swap).
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer

from rawi.classify import features as F

Pair = tuple[str, str]

DENSE_NAMES = (
    "jac_tok", "jac_stem", "cont_ab", "cont_ba", "cos_idf", "cos_char3", "cos_char4",
    "neg_a", "neg_b", "neg_xor", "neg_diff", "deny_a", "deny_b", "deny_xor",
    "antonym", "num_both", "num_a", "num_b", "year", "len_ratio", "len_a", "len_b",
    "unm_a", "unm_b", "unm_idf_max", "unm_idf_share", "unm_idf_share_a", "unm_idf_share_b",
    "latin_mismatch", "hedge_xor",
)


def _split(s: str) -> list[str]:
    """Analyzer for the difference-token strings (module level so it pickles)."""
    return s.split()


def dense_pair_features(a: str, b: str, idf: F.Idf) -> list[float]:
    """The dense cue features of one pair, in :data:`DENSE_NAMES` order."""
    ta, tb = F.tokens(a), F.tokens(b)
    sa, sb = F.stems(a), F.stems(b)
    setA, setB = set(sa), set(sb)
    onlyA, onlyB = sorted(setA - setB), sorted(setB - setA)
    unA = F.fuzzy_unmatched(onlyA, onlyB)
    unB = F.fuzzy_unmatched(onlyB, onlyA)
    un_idf = [idf.get(t) for t in unA + unB]
    tot_idf = sum(idf.get(t) for t in setA | setB) or 1.0
    na, nb = F.negation_count(a), F.negation_count(b)
    da, db = F.denial_count(a), F.denial_count(b)
    ha, hb = F.count_cues(a, "hedges.tsv"), F.count_cues(b, "hedges.tsv")
    nm = F.number_mismatch(a, b)
    la = {t for t in ta if F._LATIN.search(t)}
    lb = {t for t in tb if F._LATIN.search(t)}
    return [
        F.jaccard(ta, tb), F.jaccard(sa, sb), F.containment(sa, sb), F.containment(sb, sa),
        F.cosine(idf.vector(sa), idf.vector(sb)),
        F.cosine(F.char_ngrams(a, 3), F.char_ngrams(b, 3)),
        F.cosine(F.char_ngrams(a, 4), F.char_ngrams(b, 4)),
        float(na), float(nb), float((na > 0) != (nb > 0)), float(abs(na - nb)),
        float(da), float(db), float((da > 0) != (db > 0)),
        float(F.antonym_hits(a, b) + F.antonym_hits(b, a)),
        nm[0], nm[1], nm[2], F.year_mismatch(a, b),
        min(len(ta), len(tb)) / max(1, len(ta), len(tb)),
        math.log1p(len(ta)), math.log1p(len(tb)),
        float(len(unA)), float(len(unB)), max(un_idf, default=0.0),
        sum(un_idf) / tot_idf,
        sum(idf.get(t) for t in unA) / (sum(idf.get(t) for t in setA) or 1.0),
        sum(idf.get(t) for t in unB) / (sum(idf.get(t) for t in setB) or 1.0),
        float(la != lb), float((ha > 0) != (hb > 0)),
    ]


def diff_text(a: str, b: str) -> str:
    """Difference tokens of a pair as one string: ``A:stem`` / ``B:stem`` and bare ``stem``."""
    sa, sb = set(F.stems(a)), set(F.stems(b))
    oa, ob = sorted(sa - sb), sorted(sb - sa)
    parts = [f"A:{t}" for t in oa] + [f"B:{t}" for t in ob] + oa + ob
    na, nb = F.negation_count(a), F.negation_count(b)
    if (na > 0) != (nb > 0):
        parts.append("NEG_ONE_SIDE")
    return " ".join(parts)


def cross_text(a: str, b: str) -> str:
    """Crossings ``x|y`` of the unmatched stems only one side has (sorted within a crossing)."""
    sa, sb = set(F.stems(a)), set(F.stems(b))
    oa, ob = sorted(sa - sb), sorted(sb - sa)
    ua, ub = F.fuzzy_unmatched(oa, ob), F.fuzzy_unmatched(ob, oa)
    return " ".join("|".join(sorted((x, y))) for x in ua[:12] for y in ub[:12])


class PairVectorizer:
    """Pairs -> sparse features (dense cues scaled, diff-token TF-IDF, hashed crossings)."""

    def __init__(self, use_text: bool = True, use_cross: bool = True, min_df: int = 2) -> None:
        self.use_text = use_text
        self.use_cross = use_cross
        self.min_df = min_df

    def dense(self, pairs: Sequence[Pair]) -> np.ndarray:
        return np.array([dense_pair_features(a, b, self.idf_) for a, b in pairs], dtype=float)

    def fit(self, pairs: Sequence[Pair], y=None) -> "PairVectorizer":
        self.idf_ = F.Idf().fit([t for p in pairs for t in p])
        d = self.dense(pairs)
        self.mean_ = d.mean(axis=0)
        self.scale_ = d.std(axis=0) + 1e-6
        if self.use_text:
            self.tfidf_ = TfidfVectorizer(analyzer=_split, min_df=self.min_df, sublinear_tf=True)
            self.tfidf_.fit([diff_text(a, b) for a, b in pairs])
        if self.use_cross:
            self.hash_ = HashingVectorizer(analyzer=_split, n_features=2 ** 16,
                                           alternate_sign=False, norm="l2")
        return self

    def transform(self, pairs: Sequence[Pair]) -> sparse.csr_matrix:
        blocks = [sparse.csr_matrix((self.dense(pairs) - self.mean_) / self.scale_)]
        if self.use_text:
            blocks.append(self.tfidf_.transform([diff_text(a, b) for a, b in pairs]))
        if self.use_cross:
            blocks.append(self.hash_.transform([cross_text(a, b) for a, b in pairs]))
        return sparse.hstack(blocks, format="csr")

    def fit_transform(self, pairs: Sequence[Pair], y=None) -> sparse.csr_matrix:
        return self.fit(pairs, y).transform(pairs)
