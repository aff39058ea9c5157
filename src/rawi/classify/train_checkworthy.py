"""Training of the check-worthiness model (``rawi train checkworthy``).

CheckThat! 2024 task 1 Arabic train only: the regularisation C and the decision threshold are
chosen by stratified 5-fold CV on train (threshold maximising macro-F1 + F1[Yes] of the
out-of-fold scores); the model is refitted on all of train and scored once on dev.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from rawi.classify.checkworthy import MODEL_PATH
from rawi.classify.data import CT_DIR, read_checkthat
from rawi.classify.modelio import save_bundle
from rawi.classify.tweet_features import TweetVectorizer

TRAIN = "CT24_checkworthy_arabic_train.tsv"
DEV = "CT24_checkworthy_arabic_dev.tsv"
THRESHOLDS = np.round(np.arange(0.20, 0.80, 0.02), 2)


def _lr(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=4000, class_weight="balanced")


def best_threshold(y: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """(threshold, macro-F1 + F1[Yes]) maximising that sum over :data:`THRESHOLDS`."""
    vals = [(f1_score(y, scores >= t, average="macro") + f1_score(y, scores >= t), t)
            for t in THRESHOLDS]
    v, t = max(vals)
    return float(t), float(v)


def train(data_dir: Path = CT_DIR, out: Path = MODEL_PATH, log: Callable[[str], None] = print) -> dict:
    """Train, select and save the check-worthiness model; returns its meta."""
    import sklearn

    t0 = time.time()
    _, texts, labels = read_checkthat(data_dir / TRAIN)
    y = np.array(labels) == "Yes"
    vec = TweetVectorizer().fit(texts)
    X = vec.transform(texts)
    skf = StratifiedKFold(5, shuffle=True, random_state=0)
    cv = {}
    for C in (0.3, 1.0, 3.0):
        oof = np.zeros(len(y))
        for tr, te in skf.split(X, y):
            oof[te] = _lr(C).fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
        th, v = best_threshold(y, oof)
        cv[C] = {"threshold": th, "macro_f1": float(f1_score(y, oof >= th, average="macro")),
                 "f1_yes": float(f1_score(y, oof >= th))}
        log(f"  train 5-fold CV  C={C:<4} threshold {th:.2f}  macro-F1 {cv[C]['macro_f1']:.3f}"
            f"  F1[Yes] {cv[C]['f1_yes']:.3f}")
    C = max(cv, key=lambda c: cv[c]["macro_f1"] + cv[c]["f1_yes"])
    model = _lr(C).fit(X, y)
    meta = {"sklearn": sklearn.__version__, "date": date.today().isoformat(), "C": C,
            "threshold": cv[C]["threshold"], "cv": {str(k): v for k, v in cv.items()},
            "n_train": int(len(y)), "seconds": round(time.time() - t0)}
    if (data_dir / DEV).exists():
        _, dtexts, dlabels = read_checkthat(data_dir / DEV)
        dy = np.array(dlabels) == "Yes"
        ds = model.predict_proba(vec.transform(dtexts))[:, 1] >= cv[C]["threshold"]
        meta["dev"] = {"macro_f1": float(f1_score(dy, ds, average="macro")), "f1_yes": float(f1_score(dy, ds))}
        log(f"  dev macro-F1 {meta['dev']['macro_f1']:.3f}  F1[Yes] {meta['dev']['f1_yes']:.3f}")
    save_bundle({"vectorizer": vec, "model": model, "threshold": cv[C]["threshold"], "meta": meta}, out)
    log(f"  wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return meta
