"""Duplicate detection: exact (hash of the text) and near (MinHash LSH over word shingles).

Near-duplicates are syndicated or lightly edited copies: the Jaccard similarity of the sets
of normalised 5-word shingles of their bodies is at least ``threshold``. Signatures are
computed in the worker processes and stored (``doc_minhash``) so that later runs compare new
articles with everything already in the store.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from rawi.store.textnorm import query_words

NUM_PERM = 128
SHINGLE = 5
MIN_WORDS = 40  # shorter texts (results tables, one-line items) are too alike to judge
THRESHOLD = 0.8
SCHEME = "affine32"  # datasketch >= 2: 32-bit hash values, stored as 4 bytes each


def content_hash(text: str) -> str:
    """The exact-duplicate key of a text (blake2b, 128 bits, hex)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def body_of(text: str, title: str) -> str:
    """The body of ``title + "\\n\\n" + body`` (headlines are rewritten by copy editors)."""
    if title and text.startswith(title):
        return text[len(title):]
    return text


def shingles(text: str, size: int = SHINGLE, words: list[str] | None = None) -> set[bytes]:
    """The normalised ``size``-word shingles of ``text`` (or of ``words``, already split)."""
    words = query_words(text) if words is None else words
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, title: str = "", num_perm: int = NUM_PERM) -> bytes | None:
    """The MinHash signature (uint32 little-endian bytes) of a text's body, or None when the
    body is too short to compare."""
    words = query_words(body_of(text, title))
    if len(words) < MIN_WORDS:
        return None
    mh = _new_minhash(num_perm)
    mh.update_batch(list(shingles("", words=words)))
    return mh.hashvalues.astype("<u4").tobytes()


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    return MinHash(num_perm=num_perm, scheme=SCHEME).permutations


def _new_minhash(num_perm: int, hashvalues: np.ndarray | None = None) -> MinHash:
    """A MinHash sharing the cached permutations (generating them is the slow part);
    shingles are hashed with CRC-32, stable across processes and fast."""
    return MinHash(num_perm=num_perm, hashfunc=zlib.crc32, hashvalues=hashvalues,
                   permutations=_permutations(num_perm), scheme=SCHEME)


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4").astype(np.uint32)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")))


@dataclass(frozen=True)
class NearMatch:
    doc_id: str
    score: float


class NearDuplicateIndex:
    """An in-memory LSH index of original documents' signatures."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def _minhash(self, sig: bytes) -> MinHash:
        return _new_minhash(self.num_perm, _values(sig))

    def add(self, doc_id: str, sig: bytes) -> None:
        if doc_id in self._sigs or len(sig) != 4 * self.num_perm:
            return
        self._sigs[doc_id] = sig
        self._lsh.insert(doc_id, self._minhash(sig))

    def add_all(self, items: Iterable[tuple[str, bytes]]) -> None:
        for doc_id, sig in items:
            self.add(doc_id, sig)

    def query(self, sig: bytes) -> NearMatch | None:
        """The most similar indexed document at or above the threshold (ties: smallest id)."""
        if len(sig) != 4 * self.num_perm:
            return None
        best: NearMatch | None = None
        for cand in self._lsh.query(self._minhash(sig)):
            score = similarity(sig, self._sigs[cand])
            if score < self.threshold:
                continue
            if best is None or score > best.score or (score == best.score and cand < best.doc_id):
                best = NearMatch(cand, score)
        return best
