"""The shipped CRF tagger, loaded lazily on first use, and BIO helpers."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Iterable, Sequence

from rawi.errors import ModelMissing
from rawi.ner.features import FeatureExtractor

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "ner-crf.crfsuite"


def attributes_path(model: Path) -> Path:
    """The sidecar listing the attributes a model has weights for (see :func:`model_attributes`)."""
    return model.with_name(model.stem + ".attributes.txt")


def _digest(model: Path) -> str:
    return hashlib.sha256(model.read_bytes()).hexdigest()


def write_attributes(model: Path, tagger=None) -> Path:
    """Write the sidecar of ``model``: its SHA-256, then its weighted attributes, sorted."""
    import pycrfsuite

    if tagger is None:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
    attrs = sorted({a for a, _ in tagger.info().state_features})
    out = attributes_path(model)
    out.write_text(f"# sha256 {_digest(model)}\n" + "".join(a + "\n" for a in attrs), encoding="utf-8")
    return out


def model_attributes(model: Path, tagger) -> frozenset[str]:
    """The attributes ``model`` has weights for: from its sidecar when the sidecar was written
    for this very file (its SHA-256), else from the model itself (``Tagger.info``, ~0.3 s)."""
    side = attributes_path(model)
    if side.exists():
        lines = side.read_text(encoding="utf-8").split("\n")
        if lines and lines[0] == f"# sha256 {_digest(model)}":
            return frozenset(a for a in lines[1:] if a)
    return frozenset(a for a, _ in tagger.info().state_features)


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
                    # only the attributes the model weighs: the same tags, a quarter fewer look-ups
                    self._extractor = FeatureExtractor(known=model_attributes(self.path, t))
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
