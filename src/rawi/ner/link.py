"""Within-article name linking: a short or variant spelling points to the fullest name."""

from __future__ import annotations

from rawi.ner.normalize import lookup_variants, norm

FUZZY_CUTOFF = 88.0  # rapidfuzz ratio for two spellings of one long word (كلينتسيفيش ~ كلينتسيفيتش)


def name_words(text: str) -> tuple[str, ...]:
    """Normalised words of a name (proclitics are tried when comparing, not stripped here)."""
    return tuple(norm(w) for w in text.split())


def _same_word(a: str, b: str) -> bool:
    """``b`` (from the shorter name) is ``a``, ``a`` with proclitics, or a near spelling."""
    if a == b or a in lookup_variants(b)[1:]:
        return True
    if min(len(a), len(b)) < 5:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= FUZZY_CUTOFF


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``part`` occurs in ``full`` as consecutive words (each word equal or a near spelling)."""
    k = len(part)
    return any(all(_same_word(full[i + j], part[j]) for j in range(k)) for i in range(len(full) - k + 1))


def link_names(names: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Map every name to the fullest name of the list that contains it (itself if none).

    The longest containing name wins, then the most frequent, then the earliest; a name of the
    same length that is only a near spelling links to the more frequent spelling.
    """
    counts: dict[tuple[str, ...], int] = {}
    first: dict[tuple[str, ...], int] = {}
    for i, n in enumerate(names):
        counts[n] = counts.get(n, 0) + 1
        first.setdefault(n, i)
    uniq = sorted(counts, key=lambda n: (-len(n), -counts[n], first[n]))
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for n in uniq:
        best = next((f for f in uniq if len(f) >= len(n) and (f == n or _contains(f, n))), n)
        out[n] = out.get(best, best)
    return out
