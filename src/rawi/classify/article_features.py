"""Features of a claim–article pair (a short claim vs a long retrieved article).

Articles are long and noisy (page furniture, menus, other stories on the same page), and the
stance usually sits in a few sentences. So an article is parsed once (:func:`parse_article`:
sentences, their light stems and their cue counts — independent of any fitted statistic), and
the claim is compared with every sentence by IDF-weighted coverage of the claim's stems, BM25,
coverage of the claim's rarest stems and of its stem bigrams. The features
(:data:`DENSE_NAMES`) are the best / top-k sentence scores, the best two-sentence window, how
many sentences match, whole-article and title coverage, the cues (denial, refutation
vocabulary, negation, hedges) of the matching sentences and near the claim's rare terms, number
and year mismatch between the claim and its best sentence. :class:`ArticleVectorizer` adds
TF-IDF of the stems of the best-matching sentences (denial words such as ``نفت`` /
``شائعات`` are learned there).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from rawi.classify import features as F
from rawi.classify.pair_features import _split

Pair = tuple[str, str]

_SENT = re.compile(r"(?<=[.!?؟!])\s+|\n+|\s\|\s")
TOP_K = 3
MAX_CHARS = 20000  # only the first MAX_CHARS characters of an article are compared
WINDOW = 8  # tokens either side of a rare claim term searched for a denial / refutation cue

#: Refutation and fact-check vocabulary (folded, matched as token prefixes after a و/ف/ب/ل).
_REFUTE = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:كاذب|كذب|اكاذيب|تكذيب|مفبرك|فبرك|ملفق|مختلق|شايع|اشاع|زعم|مزاعم|"
    r"ادعاء|افترا|مضلل|تضليل|نفي|نفى|نفت|ينفي|تنفي|ينفون|نفوا|فند|تفنيد|دحض|يدحض|"
    r"لا صح|غير صحيح|عار عن|عاري|حقيق[هة] ما|تصحيح|خاطي|زايف|مزيف|تزييف)\w*")


#: Reporting verbs that open or attribute a newswire claim (قال … يوم الثلاثاء) — folded.
_REPORT = re.compile(r"(?<!\w)[وف]?(?:قال|قالت|قالوا|يقول|تقول|ذكر|ذكرت|اعلن|اعلنت|يعلن|افاد|افادت|"
                     r"اكد|اكدت|صرح|صرحت|نقل|نقلت|اضاف|اضافت|اوضح|اوضحت)(?!\w)")
_DAY = re.compile(r"(?<!\w)(?:يوم|امس|اليوم|غدا|الليله|صباح|مساء)(?!\w)")


def claim_style(claim: str) -> list[float]:
    """Cues of how a claim is written (:data:`CLAIM_NAMES`): wire reports name a weekday and a
    speaker (قال … يوم الثلاثاء), rumours are bare nominal headlines; the share of each class
    differs between the two (articles rarely deny a wire report)."""
    folded = " ".join(F.tokens(claim))
    return [float(F.count_cues(claim, "weekdays.tsv")), float(len(_REPORT.findall(folded))),
            float(len(_DAY.findall(folded))), float(F.count_cues(claim, "media.tsv")),
            float(F.count_cues(claim, "anonymous_sources.tsv")),
            float(bool(re.search(r"[A-Za-z]", claim)))]


CLAIM_NAMES = ("claim_weekday", "claim_report", "claim_dayword", "claim_media", "claim_anon",
               "claim_latin")


def _toks_window(toks: Sequence[str]) -> str:
    return " ".join(toks)


@dataclass(frozen=True)
class Sent:
    """One sentence of a parsed article: its stems and its cue counts."""

    stems: tuple[str, ...]
    deny: int
    refute: int
    neg: int
    hedge: int


@dataclass(frozen=True)
class Parsed:
    """A parsed article: sentences, article-wide stems, token count and cue rates."""

    sents: tuple[Sent, ...]
    n_tokens: int


def sentences(text: str, min_tokens: int = 4, max_chars: int = 600) -> list[str]:
    """Sentences of an article: split at newlines and end punctuation, long ones windowed."""
    out: list[str] = []
    for s in _SENT.split(text):
        s = s.strip()
        if len(F.tokens(s)) < min_tokens:
            continue
        while len(s) > max_chars:  # menus and run-on pages: fixed windows with overlap
            cut = s.rfind(" ", 0, max_chars)
            cut = cut if cut > 100 else max_chars
            out.append(s[:cut])
            s = s[cut - 100:]
        out.append(s)
    return out or [text]


def _sent(s: str) -> Sent:
    toks = F.tokens(s)
    folded = " ".join(toks)
    return Sent(tuple(F.stems(s)), F.denial_count(s), len(_REFUTE.findall(folded)),
                F.negation_count(s), F.count_cues(s, "hedges.tsv"))


def parse_article(text: str) -> Parsed:
    """Sentences (first :data:`MAX_CHARS` characters) with stems and cue counts."""
    text = (text or "")[:MAX_CHARS]
    sents = tuple(_sent(s) for s in sentences(text))
    return Parsed(sents, sum(len(s.stems) for s in sents))


def _bigrams(st: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(st, st[1:]))


def key_terms(claim_stems: Sequence[str], idf: F.Idf, k: int = 5) -> set[str]:
    """The ``k`` rarest (highest-idf) distinct stems of the claim."""
    return set(sorted(set(claim_stems), key=lambda t: (-idf.get(t), t))[:k])


DENSE_NAMES = (
    # sentence-level similarity of the claim to the article's sentences
    "best", "best_cont", "top3_mean", "wc_max", "wc_top3", "wc_win2", "bm25_max", "bm25_top3",
    "key_best", "key_win2", "bigram_best", "n_wc30", "n_wc50", "frac_wc30", "best_pos",
    "best_idx",
    # whole article and title
    "doc_cos", "doc_wc", "key_art", "bigram_art", "doc_char", "title_wc", "key_title",
    "n_sents", "len_art", "claim_len",
    # cues of the matching sentences, near the claim's rare terms, and article-wide
    "top_deny", "top_refute", "top_neg", "top_neg_xor", "top_hedge", "match_deny",
    "match_refute", "near_refute", "title_deny", "title_refute", "art_deny_rate",
    "art_refute_rate", "art_hedge_rate", "claim_neg", "claim_deny", "claim_hedge",
    "top_antonym", "top_num_both", "top_num_claim", "claim_num_art", "top_year",
    "best_unm_share",
    # conjunctions: how well the claim is covered by a sentence that carries a cue
    "wc_refute_max", "key_refute_max", "wc_neg_max", "wc_hedge_max",
) + CLAIM_NAMES


def _bm25(cset: set[str], st: Sequence[str], idf: F.Idf, avgdl: float,
          k1: float = 1.2, b: float = 0.75) -> float:
    tf: dict[str, int] = {}
    for t in st:
        if t in cset:
            tf[t] = tf.get(t, 0) + 1
    norm = k1 * (1 - b + b * len(st) / avgdl)
    return sum(idf.get(t) * f * (k1 + 1) / (f + norm) for t, f in tf.items())


def _near(stems: Sequence[str], keys: set[str], folded: str) -> int:
    """Refutation words within :data:`WINDOW` tokens of a rare claim term."""
    if not keys & set(stems):
        return 0
    toks = folded.split()
    pos = [i for i, t in enumerate(stems) if t in keys]
    hits = 0
    for i in pos:
        win = _toks_window(toks[max(0, i - WINDOW):i + WINDOW + 1])
        hits += bool(_REFUTE.search(win) or F._DENY_VERB.search(win))
    return hits


def pair_features(claim: str, art: Parsed, idf: F.Idf, avgdl: float,
                  raw_sents: list[str] | None = None) -> tuple[list[float], list[int]]:
    """Dense features (:data:`DENSE_NAMES` order) and the indices of the best sentences."""
    cs = F.stems(claim)
    cset = set(cs)
    w = {t: idf.get(t) for t in cset}
    W = sum(w.values()) or 1.0
    keys = key_terms(cs, idf)
    cbi = _bigrams(cs)
    cv = idf.vector(cs)
    sents = art.sents
    n = len(sents)
    sets = [set(s.stems) for s in sents]
    wc = np.array([sum(w[t] for t in cset & ss) / W for ss in sets]) if n else np.zeros(1)
    cont = np.array([len(cset & ss) / max(1, len(cset)) for ss in sets]) if n else np.zeros(1)
    cos = np.array([F.cosine(cv, idf.vector(s.stems)) for s in sents]) if n else np.zeros(1)
    score = 0.5 * cont + 0.5 * cos
    bm = np.array([_bm25(cset, s.stems, idf, avgdl) for s in sents]) if n else np.zeros(1)
    bm_self = _bm25(cset, cs, idf, avgdl) or 1.0
    order = np.argsort(-(wc + 0.5 * cos), kind="stable")[:TOP_K] if n else np.zeros(0, int)
    top = [int(i) for i in order]
    win = [sum(w[t] for t in cset & (sets[i] | sets[i + 1])) / W for i in range(n - 1)] or [wc.max()]
    kwin = [len(keys & (sets[i] | sets[i + 1])) / max(1, len(keys)) for i in range(n - 1)]
    art_set = set().union(*sets) if sets else set()
    art_stems = [t for s in sents for t in s.stems]
    b0 = top[0] if top else 0
    best_st = sents[b0].stems if n else ()
    best_set = sets[b0] if n else set()
    topsents = [sents[i] for i in top]
    top_neg = sum(s.neg for s in topsents)
    cn = F.negation_count(claim)
    match = [i for i in range(n) if wc[i] >= 0.3]
    ntok = max(1, art.n_tokens)
    rs = raw_sents or []
    best_txt = rs[b0] if b0 < len(rs) else " ".join(best_st)
    top_txt = [rs[i] if i < len(rs) else " ".join(sents[i].stems) for i in top]
    nm = F.number_mismatch(claim, best_txt)
    cnum = F.numbers(claim)
    anum = set().union(*(F.numbers(t) for t in rs)) if rs else set()
    unm = F.fuzzy_unmatched(sorted(cset - best_set), sorted(best_set - cset))
    near = 0
    if rs:
        for i in match[:20]:
            near += _near(sents[i].stems, keys, " ".join(F.tokens(rs[i])))
    title = sents[0] if n else Sent((), 0, 0, 0, 0)
    title_set = sets[0] if n else set()
    srt = np.sort(wc)[::-1]
    kc = np.array([len(keys & ss) / max(1, len(keys)) for ss in sets]) if n else np.zeros(1)
    cue = np.array([s.refute + s.deny > 0 for s in sents]) if n else np.zeros(1, bool)
    negm = np.array([s.neg > 0 for s in sents]) if n else np.zeros(1, bool)
    hedm = np.array([s.hedge > 0 for s in sents]) if n else np.zeros(1, bool)
    sbm = np.sort(bm)[::-1]
    feats = [
        float(score.max()), float(cont.max()), float(np.sort(score)[::-1][:TOP_K].mean()),
        float(srt[0]), float(srt[:TOP_K].mean()), float(max(win)),
        float(sbm[0] / bm_self), float(sbm[:TOP_K].mean() / bm_self),
        len(keys & best_set) / max(1, len(keys)), float(max(kwin, default=0.0)),
        F.containment(cbi, _bigrams(best_st)),
        math.log1p(int((wc >= 0.3).sum())), math.log1p(int((wc >= 0.5).sum())),
        float((wc >= 0.3).mean()), b0 / max(1, n), math.log1p(b0),
        F.cosine(cv, idf.vector(art_stems)), sum(w[t] for t in cset & art_set) / W,
        len(keys & art_set) / max(1, len(keys)), F.containment(cbi, _bigrams(art_stems)),
        F.cosine(F.char_ngrams(claim, 4), F.char_ngrams(" ".join(rs[:3]), 4)) if rs else 0.0,
        sum(w[t] for t in cset & title_set) / W, len(keys & title_set) / max(1, len(keys)),
        math.log1p(n), math.log1p(ntok), math.log1p(len(cs)),
        math.log1p(sum(s.deny for s in topsents)), math.log1p(sum(s.refute for s in topsents)),
        math.log1p(top_neg), float((cn > 0) != (top_neg > 0)),
        math.log1p(sum(s.hedge for s in topsents)),
        math.log1p(sum(sents[i].deny for i in match)), math.log1p(sum(sents[i].refute for i in match)),
        math.log1p(near), float(title.deny), float(title.refute),
        1000 * sum(s.deny for s in sents) / ntok, 1000 * sum(s.refute for s in sents) / ntok,
        1000 * sum(s.hedge for s in sents) / ntok,
        float(cn), float(F.denial_count(claim)), float(F.count_cues(claim, "hedges.tsv")),
        float(sum(F.antonym_hits(claim, t) for t in top_txt)),
        nm[0], nm[1], (len(cnum & anum) / len(cnum)) if cnum else 1.0,
        F.year_mismatch(claim, best_txt),
        sum(idf.get(t) for t in unm) / W,
        float((wc * cue).max()), float((kc * cue).max()), float((wc * negm).max()),
        float((wc * hedm).max()),
    ] + claim_style(claim)
    return feats, top


def dense_article_features(claim: str, article: str, idf: F.Idf,
                           avgdl: float = 25.0) -> tuple[list[float], str]:
    """Dense features of one claim–article pair, and the text of its best sentences."""
    raw = sentences((article or "")[:MAX_CHARS])
    parsed = parse_article(article)
    feats, top = pair_features(claim, parsed, idf, avgdl, raw)
    return feats, " ".join(raw[i] for i in top if i < len(raw))


class ArticleVectorizer:
    """Claim–article pairs -> sparse features (dense cues scaled + best-sentence word TF-IDF).

    ``fit_parsed`` / ``transform_parsed`` take articles already parsed by :func:`parse_article`
    (with their raw sentences), so that cross-validation parses each article once.
    """

    def __init__(self, use_text: bool = True, min_df: int = 3, max_features: int = 20000) -> None:
        self.use_text = use_text
        self.min_df = min_df
        self.max_features = max_features

    @staticmethod
    def parse(pairs: Sequence[Pair]) -> list[tuple[str, Parsed, list[str]]]:
        cache: dict[str, tuple[Parsed, list[str]]] = {}
        out = []
        for c, a in pairs:
            if a not in cache:
                cache[a] = (parse_article(a), sentences((a or "")[:MAX_CHARS]))
            out.append((c, *cache[a]))
        return out

    def _compute(self, items) -> tuple[np.ndarray, list[str]]:
        rows, texts = [], []
        for c, parsed, raw in items:
            f, top = pair_features(c, parsed, self.idf_, self.avgdl_, raw)
            rows.append(f)
            cs = set(F.stems(c))
            # stems of the best sentences that the claim lacks, plus cue markers
            texts.append(" ".join(t for i in top for t in parsed.sents[i].stems if t not in cs))
        return np.array(rows, dtype=float), texts

    def fit_parsed(self, items) -> tuple[np.ndarray, sparse.csr_matrix | None]:
        """Fit on parsed pairs; return their scaled dense block and word block."""
        docs = {id(p): p for _, p, _ in items}
        self.idf_ = F.Idf()
        self.idf_.fit([])
        from collections import Counter

        df: Counter = Counter()
        nd = 0
        lens = []
        for p in docs.values():
            for s in p.sents:
                df.update(set(s.stems))
                nd += 1
                lens.append(len(s.stems))
        for c in sorted({c for c, _, _ in items}):
            df.update(set(F.stems(c)))
            nd += 1
        self.idf_.idf = {k: math.log((1 + nd) / (1 + v)) + 1 for k, v in df.items()}
        self.idf_.default = math.log(1 + nd) + 1
        self.avgdl_ = float(np.mean(lens)) if lens else 25.0
        d, texts = self._compute(items)
        self.mean_ = d.mean(axis=0)
        self.scale_ = d.std(axis=0) + 1e-6
        T = None
        if self.use_text:
            self.tfidf_ = TfidfVectorizer(analyzer=_split, min_df=self.min_df,
                                          max_features=self.max_features, sublinear_tf=True)
            T = self.tfidf_.fit_transform(texts)
        return (d - self.mean_) / self.scale_, T

    def transform_parsed(self, items) -> tuple[np.ndarray, sparse.csr_matrix | None]:
        d, texts = self._compute(items)
        return (d - self.mean_) / self.scale_, (self.tfidf_.transform(texts) if self.use_text else None)

    def fit_parts(self, pairs: Sequence[Pair]):
        return self.fit_parsed(self.parse(pairs))

    def transform_parts(self, pairs: Sequence[Pair]):
        return self.transform_parsed(self.parse(pairs))

    def fit(self, pairs: Sequence[Pair], y=None) -> "ArticleVectorizer":
        self.fit_parts(pairs)
        return self

    def transform(self, pairs: Sequence[Pair]) -> sparse.csr_matrix:
        d, t = self.transform_parts(pairs)
        blocks = [sparse.csr_matrix(d)] + ([t] if t is not None else [])
        return sparse.hstack(blocks, format="csr")
