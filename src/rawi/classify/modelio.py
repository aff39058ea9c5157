"""Saving and lazily loading rawi's small classifier bundles (joblib files in rawi/models)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from rawi.errors import ModelMissing

MODELS = Path(__file__).resolve().parents[1] / "models"


def save_bundle(bundle: dict[str, Any], path: Path) -> None:
    """Write a bundle (``vectorizer``, ``model``, ``meta`` …) compressed with joblib."""
    import joblib

    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, path, compress=3)


@lru_cache(maxsize=None)
def load_bundle(path: Path) -> dict[str, Any]:
    """Load a bundle once per process (the first call pays; later calls are free)."""
    if not path.exists():
        raise ModelMissing(str(path), "model file absent; train it with `rawi train …`")
    import joblib

    return joblib.load(path)
