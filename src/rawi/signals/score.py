"""Check-worthiness of attributed claims, through the shipped model's public scoring function
(:func:`rawi.classify.checkworthy.score_texts`). Tolerant of a missing model: the scores are
then ``None`` and the queue falls back to ranking by signals."""

from __future__ import annotations

from typing import Sequence


def checkworthiness(texts: Sequence[str]) -> list[float | None]:
    """A probability in [0, 1] per text that it is worth checking, or ``None`` per text when
    the check-worthiness model cannot be loaded."""
    if not texts:
        return []
    try:
        from rawi.classify.checkworthy import score_texts

        return [float(s) for s in score_texts(list(texts))]
    except (ImportError, OSError):
        return [None] * len(texts)
    except Exception as exc:  # noqa: BLE001 - a missing/broken model is a RawiError
        from rawi.errors import RawiError

        if isinstance(exc, RawiError):
            return [None] * len(texts)
        raise
