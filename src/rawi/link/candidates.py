"""Candidate claim pairs for the linker, found with sparse matrix products in time blocks.

Every pair of claims from different documents within the time window is a candidate when its
cosine (IDF-weighted key vectors) reaches ``floor``; a pair holding a denial is a candidate at
any positive similarity, or when the denial's article speaks of the other claim's terms. The
claims are taken in time order, a block at a time, against the claims of the block's window:
one product of sparse matrices per block, so the work grows with the pairs that share terms
inside a window, not with the square of the archive.
"""

from __future__ import annotations

from typing import Collection, Iterator, Sequence

import numpy as np
from scipy import sparse

__all__ = ["candidate_pairs", "iter_candidate_blocks"]

BLOCK = 512  # claims per block (rows of one product)


def _matrix(rows: Sequence[dict[str, float] | Collection[str]],
            vocab: dict[str, int]) -> tuple[list[int], list[int], list[float]]:
    """CSR parts (row pointers, columns, values) of ``rows``: weighted vectors, or key sets
    (each key weighing 1); new terms are added to ``vocab``."""
    indptr = [0]
    cols: list[int] = []
    vals: list[float] = []
    for v in rows:
        for t, w in (v.items() if isinstance(v, dict) else ((t, 1.0) for t in v)):
            k = vocab.get(t)
            if k is None:
                k = vocab[t] = len(vocab)
            cols.append(k)
            vals.append(w)
        indptr.append(len(cols))
    return indptr, cols, vals


def _csr(parts: tuple[list[int], list[int], list[float]], width: int) -> sparse.csr_matrix:
    indptr, cols, vals = parts
    return sparse.csr_matrix((np.asarray(vals, dtype=np.float64), np.asarray(cols, dtype=np.int64),
                              np.asarray(indptr, dtype=np.int64)), shape=(len(indptr) - 1, width))


def candidate_pairs(*args, **kwargs) -> list[tuple[int, int, float]]:
    """All of :func:`iter_candidate_blocks` as ``(i, j, cosine)``, ordered by i then j."""
    out: list[tuple[int, int, float]] = []
    for block in iter_candidate_blocks(*args, **kwargs):
        out.extend(p[:3] for p in block)
    out.sort()
    return out


def iter_candidate_blocks(
    vectors: Sequence[dict[str, float]],
    times: Sequence[float | None],
    docs: Sequence[str],
    deny: Sequence[bool],
    ok: Sequence[bool],
    matter: Sequence[Collection[str] | None],
    hours: float,
    floor: float,
) -> Iterator[list[tuple[int, int, float, float]]]:
    """``(i, j, cosine, context)`` for the pairs to classify, a block of claims i at a time
    (each pair in exactly one block). ``context``, for a denial i, is how much of claim j's
    key weight the denial's article (``matter``) speaks of (``_Pairs._covered(j, doc of i)``,
    summed in another order); 0 otherwise.

    ``times`` are POSIX seconds (None: undated, in the window of every claim); ``matter`` is,
    for each denial, the keys of its article (None for the others). A pair appears once,
    as (i, j) with i < j, except that a denial i meets a non-denial j as (i, j) whatever their
    order (the pair is also classified from the denial's side). Claims that are not ``ok``
    (too few terms) are left out.
    """
    n = len(vectors)
    if n < 2:
        return
    vocab: dict[str, int] = {}
    parts = _matrix(vectors, vocab)
    matter_parts = _matrix([m or () for m in matter], vocab)
    width = max(1, len(vocab))
    x = _csr(parts, width)
    xm = _csr(matter_parts, width)
    mass = np.asarray(x.sum(axis=1)).ravel()
    mass[mass == 0] = 1.0
    t = np.array([np.nan if v is None else float(v) for v in times])
    doc_codes = np.unique(np.asarray(docs, dtype=object), return_inverse=True)[1]
    deny_a = np.asarray(deny, dtype=bool)
    ok_a = np.asarray(ok, dtype=bool)
    span = hours * 3600.0
    undated = np.flatnonzero(np.isnan(t))
    dated = np.flatnonzero(~np.isnan(t))
    dated = dated[np.argsort(t[dated], kind="stable")]
    t_sorted = t[dated]

    def run(rows: np.ndarray, cols: np.ndarray) -> list[tuple[int, int, float, float]]:
        rows = rows[ok_a[rows]]
        cols = cols[ok_a[cols]]
        if not len(rows) or not len(cols):
            return []
        sim = (x[rows] @ x[cols].T).tocoo()
        r, c, s = sim.row, sim.col, sim.data
        keep_deny = deny_a[rows[r]]
        keep = (s >= floor) | keep_deny
        r, c, s = r[keep], c[keep], s[keep]
        width_c = len(cols)
        keys = r.astype(np.int64) * width_c + c
        cover = np.zeros(0)
        den_rows = np.flatnonzero(deny_a[rows])
        if len(den_rows):
            # a denial also meets the claims of its article's matter; the product gives, per
            # pair, the weight of the other claim's terms that the denial's article speaks of
            hit = (xm[rows[den_rows]] @ x[cols].T).tocoo()
            hit_keys = den_rows[hit.row].astype(np.int64) * width_c + hit.col
            union = np.union1d(keys, hit_keys)
            sims = np.zeros(len(union))
            sims[np.searchsorted(union, keys)] = s
            cover = np.zeros(len(union))
            cover[np.searchsorted(union, hit_keys)] = hit.data
            keys, s = union, sims
        r, c = keys // width_c, keys % width_c
        i, j = rows[r], cols[c]
        di, dj = deny_a[i], deny_a[j]
        keep = (i != j) & (doc_codes[i] != doc_codes[j])
        keep &= ~(~di & dj)  # a denial's pairs are taken from the denial's side
        keep &= (j > i) | (di & ~dj)
        ti, tj = t[i], t[j]
        keep &= np.isnan(ti) | np.isnan(tj) | (np.abs(ti - tj) <= span)
        ctx = (cover[keep] / mass[j[keep]]) if len(cover) else np.zeros(int(keep.sum()))
        i, j, s = i[keep], j[keep], s[keep]
        return list(zip(i.tolist(), j.tolist(), s.tolist(), ctx.tolist()))

    for a in range(0, len(dated), BLOCK):
        block = dated[a:a + BLOCK]
        lo = np.searchsorted(t_sorted, t_sorted[a] - span, side="left")
        hi = np.searchsorted(t_sorted, t_sorted[min(a + BLOCK, len(dated)) - 1] + span, side="right")
        yield run(block, np.concatenate([dated[lo:hi], undated]))
    if len(undated):
        everyone = np.arange(n)
        for a in range(0, len(undated), BLOCK):
            yield run(undated[a:a + BLOCK], everyone)
