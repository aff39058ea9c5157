"""Check-worthiness of short texts (tweets, sentences): ``Yes`` / ``No`` with a score.

The shipped model (``rawi train checkworthy``, see MODEL_CARD_checkworthy.md) is a class-
balanced logistic regression over word and char n-gram TF-IDF plus claim cues; the decision
threshold was tuned by cross-validation on the training set. Loaded lazily on first call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from rawi.classify.modelio import MODELS, load_bundle

MODEL_PATH = MODELS / "checkworthy-ar.joblib"


def _bundle(path: Path | None = None) -> dict:
    return load_bundle(path or MODEL_PATH)


def threshold() -> float:
    """The decision threshold on the score (``Yes`` when score ≥ threshold)."""
    return float(_bundle()["threshold"])


def score_texts(texts: Sequence[str]) -> list[float]:
    """Probability in [0, 1] that each text is check-worthy."""
    if not texts:
        return []
    b = _bundle()
    X = b["vectorizer"].transform([str(t or "") for t in texts])
    col = list(b["model"].classes_).index(True)
    return [float(p) for p in b["model"].predict_proba(X)[:, col]]


def label_texts(texts: Sequence[str]) -> list[tuple[str, float]]:
    """``(label, score)`` per text, ``Yes`` when the score reaches the tuned threshold."""
    th = threshold() if texts else 0.5
    return [("Yes" if s >= th else "No", s) for s in score_texts(texts)]
