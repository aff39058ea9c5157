"""The normalisation the search index uses, with a way back to the original offsets.

Index and queries must fold the same way, so both go through :func:`search_normalize`, which
is ``rawi.text.normalize.normalize_text`` (the project's normaliser; a private one-for-one
fallback below is used only when that module is missing). The fallback removes harakat, shadda, Quranic marks and tatweel, folds hamza carriers (أ إ آ ٱ → ا,
ؤ → و, ئ → ي), alef maqsura (ى → ي) and taa marbuta (ة → ه), maps Arabic-Indic digits to
ASCII and lower-cases ASCII. Every output character comes from exactly one input character
(characters are only removed or replaced one for one), so a normalised offset maps back to
the original text by counting the removed characters before it (:class:`OffsetMap`).

:data:`NORMALIZER_ID` names what built an index, so that a store rebuilds its index when the
normaliser changes.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from bisect import bisect_right

import numpy as np

# Removed outright: harakat and other Arabic combining marks, tatweel, zero-width
# joiners / marks, bidi controls, BOM.
_REMOVED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
)
REMOVED_RE = re.compile(f"[{_REMOVED}]")

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ی": "ي",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه",
    "ک": "ك",
}
_TABLE: dict[int, str | None] = {ord(k): v for k, v in _FOLD.items()}
for _d in range(10):
    _TABLE[0x0660 + _d] = str(_d)  # ٠-٩
    _TABLE[0x06F0 + _d] = str(_d)  # ۰-۹
for _c in range(ord("A"), ord("Z") + 1):
    _TABLE[_c] = chr(_c + 32)
for _c in [*range(0x0600, 0x0700), *range(0x200B, 0x2070), 0xFEFF]:
    if REMOVED_RE.match(chr(_c)):
        _TABLE[_c] = None

FALLBACK_ID = "rawi.store.textnorm/1"

# Word characters as the SQLite FTS5 unicode61 tokenizer and PostgreSQL's parser see them
# (letters and digits; the underscore separates, as in hashtags like #دونالد_ترمب).
WORD_RE = re.compile(r"[^\W_]+")


def fallback_normalize(text: str) -> str:
    """Fold ``text`` for matching; output length = input length minus removed characters."""
    return text.translate(_TABLE)


class OffsetMap:
    """Maps offsets in ``search_normalize(text)`` back to offsets in ``text``."""

    __slots__ = ("_removed",)

    def __init__(self, text: str, removed: list[int] | None = None) -> None:
        """``removed``: the offsets of the characters the normaliser dropped (default: those
        of :data:`REMOVED_RE`, the fallback normaliser's)."""
        self._removed = removed if removed is not None else \
            [m.start() for m in REMOVED_RE.finditer(text)]

    def to_original(self, pos: int) -> int:
        """Original offset of the normalised character at ``pos`` (or of the end, for ``len``)."""
        removed = self._removed
        if not removed:
            return pos
        k = 0
        while True:
            n = bisect_right(removed, pos + k)
            if n == k:
                return pos + k
            k = n

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """A half-open normalised span as a half-open original span (its marks included)."""
        return self.to_original(start), self.to_original(max(start, end))


def _lookup_arrays(table: dict[int, str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A translate table as arrays over the BMP: the replacement code unit, whether the
    character is deleted, whether it expands to several characters."""
    lut = np.arange(0x10000, dtype="<u2")
    deleted = np.zeros(0x10000, dtype=bool)
    expands = np.zeros(0x10000, dtype=bool)
    for code, out in table.items():
        if code >= 0x10000:
            continue
        if not out:
            deleted[code] = True
        elif len(out) == 1 and ord(out) < 0x10000:
            lut[code] = ord(out)
        else:
            expands[code] = True
    expands[0xD800:0xE000] = True  # surrogates never reach here (checked by length) but be safe
    return lut, deleted, expands


class _ProjectMap:
    """Adapter: ``rawi.text.normalize.Normalized`` as an offset map."""

    __slots__ = ("_n",)

    def __init__(self, normalized) -> None:  # noqa: ANN001 - rawi.text.normalize.Normalized
        self._n = normalized

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._n.to_raw(start, end)


try:  # the module, not the function that rawi.text re-exports under the same name
    _project = importlib.import_module("rawi.text.normalize")
except ImportError:  # pragma: no cover - only while rawi.text is absent
    _project = None

if _project is not None:
    search_normalize = _project.normalize_text

    _PTABLE = _project._table(True, True, True, False)
    _LUT, _DELETED, _EXPANDS = _lookup_arrays(_PTABLE)

    def normalize_with_map(text: str) -> tuple[str, "_ProjectMap | OffsetMap"]:
        """The normalised text (= ``normalize_text(text)``) and a map of its offsets back.

        Vectorised over UTF-16 code units when every character is in the BMP and none
        expands (a presentation-form ligature does); otherwise the project's ``normalize``.
        """
        units = np.frombuffer(text.encode("utf-16-le"), dtype="<u2")
        if len(units) != len(text) or _EXPANDS[units].any():
            n = _project.normalize(text)
            return n.text, _ProjectMap(n)
        gone = _DELETED[units]
        mapped = _LUT[units]
        if gone.any():
            removed = np.flatnonzero(gone).tolist()
            mapped = mapped[~gone]
        else:
            removed = []
        return mapped.tobytes().decode("utf-16-le"), OffsetMap(text, removed)

    def _fingerprint() -> str:
        table = _project._table(True, True, True, False)
        blob = repr(sorted(table.items())).encode("utf-8")
        return hashlib.blake2b(blob, digest_size=6).hexdigest()

    NORMALIZER_ID = f"rawi.text.normalize/{_fingerprint()}"
else:  # pragma: no cover
    search_normalize = fallback_normalize

    def normalize_with_map(text: str) -> tuple[str, "_ProjectMap | OffsetMap"]:
        """The normalised text and a map of its offsets back to ``text``."""
        return fallback_normalize(text), OffsetMap(text)

    NORMALIZER_ID = FALLBACK_ID


def query_words(text: str) -> list[str]:
    """The normalised words of a query string."""
    return WORD_RE.findall(search_normalize(text))

