"""Features of a claim–article pair (a short claim vs a long retrieved article).

Articles are long and noisy (page furniture, menus), so the article is cut into sentences and
the claim is compared with each: the features are the best sentence-level similarities, the
cues (negation, denial, antonyms, number mismatch, hedges) of the best-matching sentences, and
whole-article overlap. :class:`ArticleVectorizer` adds TF-IDF of the words of the best-matching
sentences (denial vocabulary such as ``نفت`` / ``شائعات`` is learned there).
"""

from __future__ import annotations

import math
import re
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from rawi.classify import features as F
from rawi.classify.pair_features import _split

Pair = tuple[str, str]

_SENT = re.compile(r"(?<=[.!?؟!])\s+|\n+|\s\|\s")
TOP_K = 3
MAX_CHARS = 15000  # only the first MAX_CHARS characters of an article are compared


def sentences(text: str, min_tokens: int = 4, max_chars: int = 600) -> list[str]:
    """Sentences of an article: split at newlines and end punctuation, long ones windowed."""
    out: list[str] = []
    for s in _SENT.split(text):
        s = s.strip()
        if len(F.tokens(s)) < min_tokens:
            continue
        while len(s) > max_chars:  # menus and run-on pages: fixed windows with overlap
            cut = s.rfind(" ", 0, max_chars) or max_chars
            out.append(s[:cut])
            s = s[max(1, cut - 100):]
        out.append(s)
    return out or [text]


def _ranked(claim: str, sents: list[str], idf: F.Idf) -> list[tuple[float, float, int]]:
    """(score, containment, index) of each sentence, best first."""
    cs = F.stems(claim)
    cv = idf.vector(cs)
    out = []
    for i, s in enumerate(sents):
        ss = F.stems(s)
        cont = F.containment(cs, ss)
        cos = F.cosine(cv, idf.vector(ss))
        out.append((0.5 * cont + 0.5 * cos, cont, i))
    out.sort(reverse=True)
    return out


DENSE_NAMES = (
    "best", "best_cont", "top3_mean", "n_cont30", "n_cont50", "doc_cos", "doc_cont",
    "doc_char", "best_pos", "n_sents", "len_art",
    "claim_neg", "top_neg", "top_neg_xor", "top_deny", "art_deny", "art_deny_rate",
    "top_antonym", "top_num_both", "top_num_claim", "top_year", "top_hedge", "art_hedge_rate",
    "claim_deny", "title_cos", "title_deny", "best_unm_share",
    "key_art", "key_best", "bigram_art", "bigram_best", "key_title",
)


def _bigrams(st: list[str]) -> set[tuple[str, str]]:
    return set(zip(st, st[1:]))


def key_terms(claim_stems: list[str], idf: F.Idf, k: int = 5) -> set[str]:
    """The ``k`` rarest (highest-idf) distinct stems of the claim."""
    return set(sorted(set(claim_stems), key=lambda t: -idf.get(t))[:k])


def dense_article_features(claim: str, article: str, idf: F.Idf) -> tuple[list[float], str]:
    """Dense features of one claim–article pair, and the text of its best sentences."""
    article = article[:MAX_CHARS]
    sents = sentences(article)
    ranked = _ranked(claim, sents, idf)
    top = [sents[i] for _, _, i in ranked[:TOP_K]]
    best = top[0]
    cs, ars = F.stems(claim), F.stems(article)
    title = sents[0]
    top_text = " ".join(top)
    nm = F.number_mismatch(claim, best)
    n_art = max(1, len(F.tokens(article)))
    cset, bset = set(cs), set(F.stems(best))
    unm = F.fuzzy_unmatched(sorted(cset - bset), sorted(bset - cset))
    keys = key_terms(cs, idf)
    cbi = _bigrams(cs)
    cn = F.negation_count(claim)
    tn = F.negation_count(top_text)
    feats = [
        ranked[0][0], ranked[0][1], float(np.mean([r[0] for r in ranked[:TOP_K]])),
        math.log1p(sum(r[1] >= 0.3 for r in ranked)), math.log1p(sum(r[1] >= 0.5 for r in ranked)),
        F.cosine(idf.vector(cs), idf.vector(ars)), F.containment(cs, ars),
        F.cosine(F.char_ngrams(claim, 4), F.char_ngrams(article[:6000], 4)),
        ranked[0][2] / max(1, len(sents)), math.log1p(len(sents)), math.log1p(n_art),
        float(cn), math.log1p(tn), float((cn > 0) != (tn > 0)),
        math.log1p(F.denial_count(top_text)), math.log1p(F.denial_count(article)),
        1000 * F.denial_count(article) / n_art,
        float(sum(F.antonym_hits(claim, s) for s in top)),
        nm[0], nm[1], F.year_mismatch(claim, best),
        math.log1p(F.count_cues(top_text, "hedges.tsv")),
        1000 * F.count_cues(article[:20000], "hedges.tsv") / n_art,
        float(F.denial_count(claim)),
        F.cosine(idf.vector(cs), idf.vector(F.stems(title))), float(F.denial_count(title)),
        sum(idf.get(t) for t in unm) / (sum(idf.get(t) for t in cset) or 1.0),
        F.containment(keys, ars), F.containment(keys, bset),
        F.containment(cbi, _bigrams(ars)), F.containment(cbi, _bigrams(F.stems(best))),
        F.containment(keys, F.stems(title)),
    ]
    return feats, top_text


class ArticleVectorizer:
    """Claim–article pairs -> sparse features (dense cues scaled + best-sentence word TF-IDF)."""

    def __init__(self, use_text: bool = True, min_df: int = 3, max_features: int = 20000) -> None:
        self.use_text = use_text
        self.min_df = min_df
        self.max_features = max_features

    def _compute(self, pairs: Sequence[Pair]) -> tuple[np.ndarray, list[str]]:
        rows, texts = [], []
        for c, a in pairs:
            f, t = dense_article_features(c, a, self.idf_)
            rows.append(f)
            texts.append(" ".join(F.stems(t)))
        return np.array(rows, dtype=float), texts

    def fit(self, pairs: Sequence[Pair], y=None) -> "ArticleVectorizer":
        self.fit_parts(pairs)
        return self

    def fit_parts(self, pairs: Sequence[Pair]) -> tuple[np.ndarray, sparse.csr_matrix | None]:
        """Fit, and return the training pairs' scaled dense block and word block."""
        self.idf_ = F.Idf().fit([s for _, a in pairs for s in sentences(a[:MAX_CHARS])]
                                + sorted({c for c, _ in pairs}))
        d, texts = self._compute(pairs)
        self.mean_ = d.mean(axis=0)
        self.scale_ = d.std(axis=0) + 1e-6
        if self.use_text:
            self.tfidf_ = TfidfVectorizer(analyzer=_split, min_df=self.min_df,
                                          max_features=self.max_features, sublinear_tf=True)
            self.tfidf_.fit(texts)
        return (d - self.mean_) / self.scale_, (self.tfidf_.transform(texts) if self.use_text else None)

    def transform_parts(self, pairs: Sequence[Pair]) -> tuple[np.ndarray, sparse.csr_matrix | None]:
        d, texts = self._compute(pairs)
        d = (d - self.mean_) / self.scale_
        return d, (self.tfidf_.transform(texts) if self.use_text else None)

    def transform(self, pairs: Sequence[Pair]) -> sparse.csr_matrix:
        d, t = self.transform_parts(pairs)
        blocks = [sparse.csr_matrix(d)] + ([t] if t is not None else [])
        return sparse.hstack(blocks, format="csr")
