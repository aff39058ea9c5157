"""Stance between two texts: ``agree`` / ``disagree`` / ``discuss`` / ``unrelated``.

Two shipped models (trained by ``rawi train stance``, see MODEL_CARD_stance.md):

* ``kind="claim"`` — short text vs short text (headlines, claims); trained on ANS, whose
  ``other`` class is answered as ``unrelated``;
* ``kind="article"`` — a claim vs a whole article; trained on UnifiedFC.

``kind="auto"`` picks ``article`` for a pair whose second text is long (more than
:data:`ARTICLE_CHARS` characters or several lines). Models load lazily on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from rawi.classify.modelio import MODELS, load_bundle

LABELS = ("agree", "disagree", "discuss", "unrelated")
ARTICLE_CHARS = 400
MODEL_PATHS = {"claim": MODELS / "stance-claim.joblib", "article": MODELS / "stance-article.joblib"}

Pair = tuple[str, str]


class BlendModel:
    """Weighted mean of the probabilities of fitted classifiers over column blocks.

    ``parts`` holds ``(block, estimator, weight)``: block ``dense`` reads the first ``n_dense``
    columns of the vectorizer's output (dense cues), ``all`` reads every column. Columns of
    :meth:`predict_proba` follow :data:`LABELS`; :attr:`classes_` is :data:`LABELS`.
    """

    def __init__(self, parts: list, n_dense: int) -> None:
        self.parts = parts
        self.n_dense = n_dense
        self.classes_ = np.array(LABELS)

    def predict_proba(self, X) -> np.ndarray:
        out = np.zeros((X.shape[0], len(LABELS)))
        total = sum(w for _, _, w in self.parts) or 1.0
        for block, est, w in self.parts:
            M = X[:, :self.n_dense] if block == "dense" else X
            if block == "dense" and hasattr(M, "toarray"):
                M = M.toarray()
            p = est.predict_proba(M)
            for j, lab in enumerate(est.classes_):
                out[:, LABELS.index(str(lab))] += w * p[:, j] / total
        return out


def model_kind(pair: Pair) -> str:
    """``article`` when the second text looks like an article, else ``claim``."""
    b = pair[1]
    return "article" if len(b) > ARTICLE_CHARS or b.count("\n") >= 2 else "claim"


def _bundle(kind: str, path: Path | None = None) -> dict:
    if kind not in MODEL_PATHS:
        raise ValueError(f"unknown stance model kind {kind!r} (claim, article or auto)")
    return load_bundle(path or MODEL_PATHS[kind])


def _probas(pairs: Sequence[Pair], kind: str) -> np.ndarray:
    """Probabilities over :data:`LABELS` (columns in that order) for one model kind."""
    b = _bundle(kind)
    X = b["vectorizer"].transform(list(pairs))
    p = b["model"].predict_proba(X)
    out = np.zeros((len(pairs), len(LABELS)))
    for j, lab in enumerate(b["model"].classes_):
        out[:, LABELS.index(b["label_map"].get(str(lab), str(lab)))] += p[:, j]
    return out


def _scores_matrix(pairs: Sequence[Pair], kind: str) -> tuple[np.ndarray, list[str]]:
    pairs = [(str(a or ""), str(b or "")) for a, b in pairs]
    kinds = [model_kind(p) if kind == "auto" else kind for p in pairs]
    out = np.zeros((len(pairs), len(LABELS)))
    for k in set(kinds):
        idx = [i for i, kk in enumerate(kinds) if kk == k]
        out[idx] = _probas([pairs[i] for i in idx], k)
    return out, kinds


def stance_scores(pairs: Sequence[Pair], kind: str = "auto") -> list[dict[str, float]]:
    """For each ``(a, b)`` pair, the probability of each label (they sum to 1)."""
    if not pairs:
        return []
    m, _ = _scores_matrix(pairs, kind)
    return [{lab: float(v) for lab, v in zip(LABELS, row)} for row in m]


def predict_pairs(pairs: Sequence[Pair], kind: str = "auto") -> list[str]:
    """One label per pair: ``agree``, ``disagree``, ``discuss`` or ``unrelated``.

    The decision adds the model's tuned log-bias per class (chosen by cross-validation on the
    training folds, stored in the bundle) to the log-probabilities.
    """
    if not pairs:
        return []
    m, kinds = _scores_matrix(pairs, kind)
    out = []
    for row, k in zip(m, kinds):
        bias = np.asarray(_bundle(k).get("bias", np.zeros(len(LABELS))))
        out.append(LABELS[int(np.argmax(np.log(row + 1e-9) + bias))])
    return out
