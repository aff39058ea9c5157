"""Training of the two stance models (``rawi train stance``).

* claim model: ANS train (headline pairs); candidates (logistic regression at several C,
  gradient boosting on the dense cues) compared by stratified 5-fold CV on ANS train only;
  the winner is refitted on all of train and scored on ANS dev.
* article model: UnifiedFC folds 1–4 (claim–article pairs); candidates compared by
  leave-one-fold-out CV (claim level: a claim's articles share a fold); a per-class log-bias
  is tuned on the out-of-fold probabilities (macro-F1 with disagree recall ≥ 0.5 preferred).
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
from rawi.classify.stance import LABELS, MODEL_PATHS

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


def tune_bias(P: np.ndarray, y: np.ndarray, step: float = 0.5, span: float = 1.5) -> np.ndarray:
    """Per-class log-bias (agree fixed at 0) maximising macro-F1, preferring disagree R ≥ 0.5."""
    grid = np.arange(-span, span + 1e-9, step)
    L = np.array(LABELS)
    logp = np.log(P + 1e-9)
    best, best_key = np.zeros(len(LABELS)), (-1.0, -1.0)
    for b1, b2, b3 in itertools.product(grid, grid, grid):
        b = np.array([0.0, b1, b2, b3])
        pred = L[np.argmax(logp + b, axis=1)]
        mf = f1_score(y, pred, average="macro", labels=list(LABELS))
        rd = recall_score(y, pred, labels=["disagree"], average="macro", zero_division=0)
        key = (mf if rd >= 0.5 else mf - 1.0, rd)
        if key > best_key:
            best, best_key = b, key
    return best


def train_article(ufc_dir: Path = UFC_DIR, out: Path = MODEL_PATHS["article"],
                  log: Log = print) -> dict:
    """Train, select and save the claim–article model on UnifiedFC folds 1–4."""
    t0 = time.time()
    data = [p for p in read_unifiedfc(ufc_dir) if p.fold in ("Fold_1", "Fold_2", "Fold_3", "Fold_4")]
    pairs = [(p.claim, p.article) for p in data]
    y = np.array([p.stance for p in data])
    folds = np.array([p.fold for p in data])
    vec = ArticleVectorizer()
    d, T = vec.fit_parts(pairs)
    Xall = sparse.hstack([sparse.csr_matrix(d), T], format="csr")
    cands = {"logreg dense C=0.1": ("dense", 0.1)}
    cands.update({f"logreg dense+words C={c}": ("all", c) for c in (0.1, 0.3)})
    L = np.array(LABELS)
    results = {}
    for name, (which, C) in cands.items():
        M = d if which == "dense" else Xall
        P = np.zeros((len(y), len(LABELS)))
        for f in sorted(set(folds)):
            tr = folds != f
            m = _lr(C).fit(M[tr], y[tr])
            P[np.where(~tr)[0][:, None], [LABELS.index(c) for c in m.classes_]] = m.predict_proba(M[~tr])
        b = tune_bias(P, y)
        pred = L[np.argmax(np.log(P + 1e-9) + b, axis=1)]
        mf = float(f1_score(y, pred, average="macro"))
        rd = float(recall_score(y, pred, labels=["disagree"], average="macro", zero_division=0))
        raw = L[np.argmax(P, axis=1)]
        results[name] = {"macro_f1": mf, "disagree_recall": rd, "bias": b.tolist(),
                         "macro_f1_no_bias": float(f1_score(y, raw, average="macro"))}
        log(f"  UnifiedFC folds 1-4 CV  {name:<28} macro-F1 {mf:.3f} disagree R {rd:.3f}"
            f"  (no bias: {results[name]['macro_f1_no_bias']:.3f})  bias {b.tolist()}")
    best = max(results, key=lambda k: (results[k]["disagree_recall"] >= 0.5, results[k]["macro_f1"]))
    which, C = cands[best]
    if which == "dense":
        vec.use_text = False
    model = _lr(C).fit(d if which == "dense" else Xall, y)
    meta = _meta(data="UnifiedFC folds 1-4", selected=best, cv=results, n_train=len(y),
                 seconds=round(time.time() - t0))
    save_bundle({"vectorizer": vec, "model": model, "label_map": {},
                 "bias": np.array(results[best]["bias"]), "meta": meta}, out)
    log(f"  wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return meta
