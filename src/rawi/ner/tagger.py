"""The shipped CRF tagger, loaded lazily on first use, and BIO helpers."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable, Sequence

from rawi.errors import ModelMissing
from rawi.ner.features import FeatureExtractor

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "ner-crf.crfsuite"


class CrfTagger:
    """A crfsuite model plus its feature extractor; opens the model on the first ``tag``."""

    def __init__(self, path: str | Path = MODEL_PATH, extractor: FeatureExtractor | None = None) -> None:
        self.path = Path(path)
        self._extractor = extractor
        self._tagger = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._tagger is not None

    def _load(self):
        with self._lock:
            if self._tagger is None:
                import pycrfsuite

                if not self.path.exists():
                    raise ModelMissing(str(self.path), "NER model missing; run `rawi train ner`")
                t = pycrfsuite.Tagger()
                t.open(str(self.path))
                if self._extractor is None:
                    self._extractor = FeatureExtractor()
                self._tagger = t
        return self._tagger

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one sentence of tokens."""
        if not tokens:
            return []
        t = self._tagger or self._load()
        return t.tag(self._extractor.sentence(tokens))

    def tag_many(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]


_DEFAULT: CrfTagger | None = None


def default_tagger() -> CrfTagger:
    """The process-wide tagger over the shipped model (created, not loaded, on first call)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = CrfTagger()
    return _DEFAULT


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last+1, type)`` token ranges from BIO (an ``I-`` with no opener opens one)."""
    out: list[tuple[int, int, str]] = []
    start, typ = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        b, _, t = tag.partition("-")
        t = "PER" if t == "PERS" else t
        if start is not None and not (b == "I" and t == typ):
            out.append((start, i, typ))
            start = typ = None
        if b == "B" or (b == "I" and start is None):
            start, typ = i, t
    return out
