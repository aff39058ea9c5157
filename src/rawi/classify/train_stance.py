"""Training of the two stance models (``rawi train stance``).

* claim model: ANS train (headline pairs); candidates (logistic regression at several C,
  gradient boosting on the dense cues) compared by stratified 5-fold CV on ANS train only;
  the winner is refitted on all of train and scored on ANS dev.
* article model: UnifiedFC folds 1–4 (claim–article pairs); candidates (logistic regression
  on dense cues + best-sentence words, gradient boosting on the dense cues, their blend)
  compared by leave-one-fold-out CV (claim level: a claim's articles share a fold); a
  per-class log-bias is tuned on the out-of-fold probabilities (macro-F1 with disagree
  recall ≥ 0.5 preferred). :func:`cv_article` wraps the whole procedure in an outer
  claim-level CV over folds 1–4 (benchmarks/cv_stance_ufc.py scores it).
"""

from __future__ import annotations

import itertools
import time
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, recall_score
from sklearn.model_selection import StratifiedKFold

from rawi.classify.article_features import ArticleVectorizer
from rawi.classify.data import ANS_DIR, UFC_DIR, read_ans, read_unifiedfc
from rawi.classify.modelio import save_bundle
from rawi.classify.pair_features import PairVectorizer
from rawi.classify.stance import LABELS, MODEL_PATHS, BlendModel

ANS_MAP = {"agree": "agree", "disagree": "disagree", "other": "unrelated"}
Log = Callable[[str], None]


def _lr(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=4000, class_weight="balanced")


def _hgb() -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(learning_rate=0.08, max_iter=200, max_leaf_nodes=15,
                                          class_weight="balanced", random_state=0)


def _meta(**kw) -> dict:
    import sklearn

    return {"sklearn": sklearn.__version__, "date": date.today().isoformat(), **kw}


def _to_ans(labels: list[str]) -> list[str]:
    """rawi labels -> ANS labels (discuss and unrelated are ANS's ``other``)."""
    return [lab if lab in ("agree", "disagree") else "other" for lab in labels]


def train_claim(ans_dir: Path = ANS_DIR, out: Path = MODEL_PATHS["claim"],
                log: Log = print) -> dict:
    """Train, select and save the headline/claim-pair model; returns the bundle's meta."""
    t0 = time.time()
    pairs, y = read_ans(ans_dir / "train.csv")
    y = np.array(y)
    vec = PairVectorizer().fit(pairs)
    X = vec.transform(pairs)
    n_dense = len(vec.mean_)
    Xd = X[:, :n_dense].toarray()
    skf = StratifiedKFold(5, shuffle=True, random_state=0)
    cands: dict[str, Callable] = {f"logreg C={c}": (lambda c=c: _lr(c)) for c in (1.0, 4.0, 8.0)}
    cands["hist-gradient-boosting (dense cues)"] = _hgb
    cv: dict[str, float] = {}
    for name, make in cands.items():
        M = Xd if name.startswith("hist") else X
        pred = np.empty(len(y), dtype=object)
        for tr, te in skf.split(M, y):
            pred[te] = make().fit(M[tr], y[tr]).predict(M[te])
        cv[name] = float(f1_score(y, pred.astype(str), average="macro"))
        log(f"  ANS train 5-fold CV  {name:<40} macro-F1 {cv[name]:.3f}")
    best = max(cv, key=cv.get)
    if best.startswith("hist"):
        raise SystemExit("gradient boosting won the CV; the shipped format expects logreg")
    model = cands[best]().fit(X, y)
    meta = _meta(data="ANS stance train.csv", selected=best, cv_macro_f1=cv,
                 n_train=len(y), seconds=round(time.time() - t0))
    dev_path = ans_dir / "dev.csv"
    if dev_path.exists():
        dp, dy = read_ans(dev_path)
        dpred = [ANS_MAP.get(str(p), str(p)) for p in model.predict(vec.transform(dp))]
        meta["dev_macro_f1_ans"] = float(f1_score(dy, _to_ans(dpred), average="macro"))
        log(f"  ANS dev macro-F1 (agree/disagree/other) {meta['dev_macro_f1_ans']:.3f}")
    save_bundle({"vectorizer": vec, "model": model, "label_map": ANS_MAP,
                 "bias": np.zeros(len(LABELS)), "meta": meta}, out)
    log(f"  wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return meta


def _macro_f1_rd(yi: np.ndarray, pi: np.ndarray, k: int = len(LABELS)) -> tuple[float, float]:
    """Macro-F1 over the classes present in gold or prediction, and disagree recall (indices)."""
    cm = np.bincount(yi * k + pi, minlength=k * k).reshape(k, k)
    tp, ng, npred = np.diag(cm), cm.sum(1), cm.sum(0)
    f1 = np.where(ng + npred > 0, 2 * tp / np.maximum(1, ng + npred), 0.0)
    present = (ng + npred) > 0
    d = LABELS.index("disagree")
    return float(f1[present].mean()), float(tp[d] / ng[d]) if ng[d] else 0.0


def tune_bias(P: np.ndarray, y: np.ndarray, step: float = 0.5, span: float = 2.0) -> np.ndarray:
    """Per-class log-bias (agree fixed at 0) maximising macro-F1, preferring disagree R ≥ 0.5."""
    grid = np.arange(-span, span + 1e-9, step)
    yi = np.array([LABELS.index(str(v)) for v in y])
    logp = np.log(P + 1e-9)
    best, best_key = np.zeros(len(LABELS)), (-1.0, -1.0)
    for b1, b2, b3 in itertools.product(grid, grid, grid):
        b = np.array([0.0, b1, b2, b3])
        mf, rd = _macro_f1_rd(yi, np.argmax(logp + b, axis=1))
        key = (mf if rd >= 0.5 else mf - 1.0, rd)
        if key > best_key:
            best, best_key = b, key
    return best


ART_FOLDS = ("Fold_1", "Fold_2", "Fold_3", "Fold_4")


def _hgb_art() -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(learning_rate=0.08, max_iter=100, max_leaf_nodes=8,
                                          min_samples_leaf=20, l2_regularization=1.0,
                                          class_weight="balanced", random_state=0)


#: Article-model candidates: name -> components ((block, factory, weight), ...); ``dense`` is the
#: dense cue block, ``all`` the dense block next to the best-sentence word TF-IDF.
ART_CANDIDATES: dict[str, tuple] = {
    "hgb dense": (("dense", _hgb_art, 1.0),),
}


def _fit_blend(spec: tuple, d: np.ndarray, X, y: np.ndarray) -> BlendModel:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # deterministic, and fast on a shared machine
        parts = [(blk, make().fit(d if blk == "dense" else X, y), w) for blk, make, w in spec]
    return BlendModel(parts, n_dense=d.shape[1])


def _oof(spec: tuple, d: np.ndarray, X, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Leave-one-group-out probabilities over :data:`LABELS`."""
    P = np.zeros((len(y), len(LABELS)))
    for g in sorted(set(groups)):
        tr = groups != g
        P[~tr] = _fit_blend(spec, d[tr], X[tr], y[tr]).predict_proba(X[~tr])
    return P


def _score(P: np.ndarray, y: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    pred = np.array(LABELS)[np.argmax(np.log(P + 1e-9) + b, axis=1)]
    return (float(f1_score(y, pred, average="macro")),
            float(recall_score(y, pred, labels=["disagree"], average="macro", zero_division=0)))


def fit_article(items: list, y: np.ndarray, folds: np.ndarray, log: Log = print,
                candidates: dict | None = None) -> dict:
    """Fit the article model on parsed pairs (``ArticleVectorizer.parse``) of some folds.

    The vectorizer is fitted on these pairs only; candidates are compared (and the per-class
    log-bias tuned) by leave-one-fold-out CV over the given folds; the winner is refitted on all.
    Returns the bundle (``vectorizer``, ``model``, ``bias``, ``label_map``, ``meta``).
    """
    cands = candidates or ART_CANDIDATES
    vec = ArticleVectorizer()
    d, T = vec.fit_parsed(items)
    X = sparse.hstack([sparse.csr_matrix(d), T], format="csr")
    results = {}
    for name, spec in cands.items():
        P = _oof(spec, d, X, y, folds)
        b = tune_bias(P, y)
        mf, rd = _score(P, y, b)
        results[name] = {"macro_f1": mf, "disagree_recall": rd, "bias": b.tolist(),
                         "macro_f1_no_bias": _score(P, y, np.zeros(len(LABELS)))[0]}
        log(f"  inner CV over {len(set(folds))} folds  {name:<32} macro-F1 {mf:.3f} "
            f"disagree R {rd:.3f} (no bias {results[name]['macro_f1_no_bias']:.3f}) bias {b.tolist()}")
    best = max(results, key=lambda k: (results[k]["disagree_recall"] >= 0.5, results[k]["macro_f1"]))
    model = _fit_blend(cands[best], d, X, y)
    return {"vectorizer": vec, "model": model, "label_map": {},
            "bias": np.array(results[best]["bias"]),
            "meta": {"selected": best, "inner_cv": results, "n_train": len(y)}}


def _ufc(ufc_dir: Path, fold_names=ART_FOLDS):
    data = [p for p in read_unifiedfc(ufc_dir) if p.fold in fold_names]
    items = ArticleVectorizer.parse([(p.claim, p.article) for p in data])
    return data, items, np.array([p.stance for p in data]), np.array([p.fold for p in data])


def predict_bundle(bundle: dict, items: list) -> list[str]:
    """Labels of parsed pairs under a bundle (same decision as ``stance.predict_pairs``)."""
    d, T = bundle["vectorizer"].transform_parsed(items)
    X = sparse.hstack([sparse.csr_matrix(d)] + ([T] if T is not None else []), format="csr")
    P = bundle["model"].predict_proba(X)
    return [LABELS[int(i)] for i in np.argmax(np.log(P + 1e-9) + bundle["bias"], axis=1)]


def cv_article(ufc_dir: Path = UFC_DIR, log: Log = print, candidates: dict | None = None):
    """Claim-level CV over folds 1–4: train (the whole :func:`fit_article`) on three, predict the
    fourth. Returns the pairs, gold labels and out-of-fold predictions, in data order."""
    data, items, y, folds = _ufc(ufc_dir)
    pred = np.empty(len(y), dtype=object)
    for f in ART_FOLDS:
        te = folds == f
        log(f"outer fold {f}: train on {sorted(set(folds[~te]))}")
        b = fit_article([it for it, t in zip(items, te) if not t], y[~te], folds[~te], log, candidates)
        log(f"  selected {b['meta']['selected']}")
        pred[te] = predict_bundle(b, [it for it, t in zip(items, te) if t])
    return data, [str(v) for v in y], [str(v) for v in pred]


def train_article(ufc_dir: Path = UFC_DIR, out: Path = MODEL_PATHS["article"],
                  log: Log = print) -> dict:
    """Train, select and save the claim–article model on UnifiedFC folds 1–4."""
    t0 = time.time()
    data, items, y, folds = _ufc(ufc_dir)
    bundle = fit_article(items, y, folds, log)
    if "dense" in {blk for blk, _, _ in bundle["model"].parts} and \
            "all" not in {blk for blk, _, _ in bundle["model"].parts}:
        bundle["vectorizer"].use_text = False
    bundle["meta"] = _meta(data="UnifiedFC folds 1-4", n_claims=len({p.claim_id for p in data}),
                           seconds=round(time.time() - t0), **bundle["meta"])
    save_bundle(bundle, out)
    log(f"  selected {bundle['meta']['selected']}; wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return bundle["meta"]
