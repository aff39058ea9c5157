"""Clitic analysis of one Arabic word: proclitics و ف / ب ل ك س / ال and enclitic pronouns.

The grammar (which clitic may follow which) is code; the clitics themselves and the words that
must not be split are data (``lexicons/clitics.tsv``, hand-written, and
``lexicons/clitics_corpus_keep.tsv``, derived from corpus counts by
:mod:`rawi.text.clitic_stats`).

:func:`peel` is the conservative single analysis used for tokens: layers are peeled outside-in
(conjunction, then preposition / future ``س`` / ``لل`` = ل+ال, then the article), each only when
what stays is long enough and the current form is not protected; an enclitic pronoun (third
person or ``نا``) is split only from a word without the article and leaving three letters.
:func:`analyze_clitics` lists every grammatical reading, most likely first, for lexicon
matchers that try each.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rawi.text.lexicon_files import read_rows
from rawi.text.normalize import normalize_text, strip_marks

__all__ = ["Analysis", "CliticData", "clitic_data", "peel", "analyze_clitics", "key"]

Analysis = tuple[tuple[str, ...], str, str]

#: imperfect-verb prefixes that may follow the future ``س`` (after hamza folding: ا)
_IMPERFECT = frozenset("يتنأا")


def key(s: str) -> str:
    """The form protection lists are keyed on: the letters as written, marks removed (hamza
    seats, taa marbuta and alef maqsura kept: ``واحد`` is not ``و`` + ``أحد``)."""
    return strip_marks(s)


@dataclass(frozen=True)
class CliticData:
    conj: tuple[str, ...]
    prep: tuple[str, ...]
    future: tuple[str, ...]
    article: str
    primary_suffixes: tuple[str, ...]  # longest first
    candidate_suffixes: tuple[str, ...]
    keep_pre: frozenset[str]  # normalised forms no proclitic is peeled from
    keep_suf: frozenset[str]  # normalised forms no enclitic is split from
    lam: frozenset[str]  # لل-forms whose stem keeps the lam (للجنة = ل+ال+لجنة)

    all_suffixes: tuple[str, ...] = ()  # primary then candidate (for protection checks)


@lru_cache(maxsize=1)
def clitic_data() -> CliticData:
    """The clitic inventory and protection lists, read once."""
    conj: list[str] = []
    prep: list[str] = []
    future: list[str] = []
    article = "ال"
    primary: list[str] = []
    candidate: list[str] = []
    keep_pre: set[str] = set()
    keep_suf: set[str] = set()
    lam: set[str] = set()
    for name in ("clitics.tsv", "clitics_corpus_keep.tsv"):
        for kind, form, cls in read_rows(name, 3):
            if kind == "proclitic":
                {"conj": conj, "prep": prep, "future": future}.get(cls, []).append(form)
                if cls == "article":
                    article = form
            elif kind == "enclitic":
                (primary if cls == "primary" else candidate).append(form)
            elif kind == "keep":
                norm = key(form)
                if cls in ("all", "pre"):
                    keep_pre.add(norm)
                if cls in ("all", "suf"):
                    keep_suf.add(norm)
            elif kind == "lam":
                lam.add(key(form))
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return CliticData(tuple(conj), tuple(prep), tuple(future), article, by_len(primary),
                      by_len(candidate), frozenset(keep_pre), frozenset(keep_suf),
                      frozenset(lam), by_len(primary + candidate))


@dataclass(frozen=True, slots=True)
class Peeled:
    """The single conservative analysis: lengths are in the mark-free skeleton."""

    prefix_len: int
    prefixes: tuple[str, ...]
    suffix: str
    stem: str
    norm: str


def _protected(kx: str, d: CliticData) -> bool:
    """Whether no proclitic may be peeled from the form keyed ``kx``: the form itself, or the
    form less any enclitic pronoun (``وزيرها`` is وزير + ها, ``لبناني`` is لبنان + ي, with the
    base protected), is in the keep list."""
    keep = d.keep_pre
    if kx in keep:
        return True
    for suf in d.all_suffixes:
        if kx.endswith(suf) and len(kx) - len(suf) >= 3:
            base = kx[: -len(suf)]
            if base in keep or (base[-1] == "ت" and base[:-1] + "ة" in keep):
                return True
    return False


@lru_cache(maxsize=1 << 18)
def peel(skel: str) -> Peeled:
    """Conservative analysis of a mark-free word (see the module docstring)."""
    d = clitic_data()
    w = skel
    kw = key(w)  # == w for a mark-free word; slices of it key the remainders
    pos = 0
    prefixes: list[str] = []
    article = False
    # conjunction
    if len(w) >= 3 and w[0] in d.conj and not _protected(kw, d):
        prefixes.append(w[0])
        pos = 1
    # preposition / لل / future
    rest = len(w) - pos
    if rest >= 4 and w.startswith("لل", pos) and "ل" in d.prep:
        if not _protected(kw[pos:], d):
            prefixes += ["ل", d.article]
            article = True
            pos += 1 if kw[pos:] in d.lam else 2
    elif rest >= 4 and w[pos] in d.prep and not _protected(kw[pos:], d):
        prefixes.append(w[pos])
        pos += 1
    elif (rest >= 4 and w[pos] in d.future and w[pos + 1] in _IMPERFECT
          and not _protected(kw[pos:], d)):
        prefixes.append(w[pos])
        pos += 1
    # article
    if (not article and len(w) - pos >= 4 and w.startswith(d.article, pos)
            and kw[pos:] not in d.keep_pre):
        prefixes.append(d.article)
        article = True
        pos += len(d.article)
    stem = w[pos:]
    suffix = ""
    if not article and len(stem) >= 4 and kw[pos:] not in d.keep_suf:
        for suf in d.primary_suffixes:
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                suffix = suf
                stem = stem[: -len(suf)]
                break
    if suffix and stem.endswith("ت"):
        norm = normalize_text(stem[:-1] + "ة")  # حكومته -> حكومة
    else:
        norm = normalize_text(stem)
    return Peeled(pos, tuple(prefixes), suffix, stem, norm)


def _prefix_readings(w: str, d: CliticData) -> list[tuple[tuple[str, ...], int, bool]]:
    """Every grammatical proclitic reading: (prefixes, length consumed, has article)."""
    out: list[tuple[tuple[str, ...], int, bool]] = [((), 0, False)]
    conjs = [((), 0)]
    if len(w) > 2 and w[0] in d.conj:
        conjs.append(((w[0],), 1))
    for cp, ci in conjs:
        mids: list[tuple[tuple[str, ...], int, bool]] = [(cp, ci, False)] if ci else []
        rest = len(w) - ci
        if rest > 3 and w.startswith("لل", ci):
            mids.append((cp + ("ل", d.article), ci + 2, True))
            mids.append((cp + ("ل", d.article), ci + 1, True))  # لل + ل-initial stem
        if rest > 2 and w[ci] in d.prep:
            mids.append((cp + (w[ci],), ci + 1, False))
        if rest > 3 and w[ci] in d.future and w[ci + 1] in _IMPERFECT:
            mids.append((cp + (w[ci],), ci + 1, False))
        for mp, mi, art in [(cp, ci, False)] + mids:
            if not art and len(w) - mi > 3 and w.startswith(d.article, mi):
                out.append((mp + (d.article,), mi + len(d.article), True))
        out.extend(m for m in mids if m[1] != 0)
    seen: set[tuple[tuple[str, ...], int]] = set()
    uniq = []
    for p, i, a in out:
        if (p, i) not in seen:
            seen.add((p, i))
            uniq.append((p, i, a))
    return uniq


def analyze_clitics(word: str) -> list[Analysis]:
    """Candidate ``(prefixes, stem, suffix)`` readings of ``word``, most likely first.

    The first is :func:`peel`'s conservative reading; then the other grammatical readings,
    those stripping more first (primary pronouns before second-person / first-person ones),
    with a ``ة``-restored stem offered after a ``ت`` stem (``حكومته`` -> ``حكومة``); the
    unsplit word is always among them. Stems are the word's letters with marks removed.
    """
    d = clitic_data()
    w = strip_marks(word)
    if not w:
        return []
    first = peel(w)
    primary: Analysis = (first.prefixes, first.stem, first.suffix)
    scored: list[tuple[int, Analysis]] = []
    for prefixes, i, art in _prefix_readings(w, d):
        base = w[i:]
        if len(base) < 2:
            continue
        scored.append((i, (prefixes, base, "")))
        if art:
            continue
        for rank, sufs in ((0, d.primary_suffixes), (1, d.candidate_suffixes)):
            for suf in sufs:
                if base.endswith(suf) and len(base) - len(suf) >= 2:
                    stem = base[: -len(suf)]
                    weight = i + len(suf) - 10 * rank
                    scored.append((weight, (prefixes, stem, suf)))
                    if stem.endswith("ت"):
                        scored.append((weight, (prefixes, stem[:-1] + "ة", suf)))
    scored.sort(key=lambda x: -x[0])
    out: list[Analysis] = [primary]
    if first.suffix and first.stem.endswith("ت"):
        out.append((first.prefixes, first.stem[:-1] + "ة", first.suffix))
    for _, a in scored:
        if a not in out:
            out.append(a)
    return out
