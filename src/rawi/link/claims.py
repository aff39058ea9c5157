"""Links between attributed claims of different articles: same, contradicts, denies.

A claim is the content of an attribution. Claims are compared on matching keys
(:func:`rawi.link.claim_cues.keys`: normalised, clitic-stripped terms folded through concept
classes, so اعترضت / تصدت / أسقطت meet), weighted by IDF; candidate pairs come from an inverted
index over those keys within a time window, so the work grows with the number of related
claims, not with the square of the archive.

Each pair gets :func:`pair_features`; the relation follows from them:

- ``same``: similar content, compatible polarity and figures, speakers not on opposed sides.
  ``same`` links form groups (:mod:`rawi.link.groups`: strongest first, within 72 hours);
  each claim is linked to the earliest member it matches.
- ``denies``: b rejects a — b is a denial (stance ``deny``, a denial formula, a fabrication
  word) on a's matter (content or target similar), from a side that is not a's; or b's denial
  names a's speaker (``مزاعم روسيا``). A denial is reported against the first appearance of the
  best matching claim group, once per group.
- ``contradicts``: two claims on the same matter from speakers of different sides that cannot
  both be true: one negates what the other asserts, or their figures differ. Reported once per
  pair of groups and claim (against the other group's first appearance).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Iterable, Iterator

import numpy as np

from rawi.link.candidates import iter_candidate_blocks
from rawi.link.claim_cues import (counts, denial, figures_differ, keys, keys_conflict, negated,
                                  polar_keys, sides)


@dataclass(frozen=True, slots=True)  # slots: an archive holds hundreds of thousands
class Claim:
    doc_id: str
    idx: int  # the attribution's index in its document
    content: str
    start: int
    end: int
    speaker: str | None
    stance: str
    published: datetime | None
    outlet: str | None = None
    target: str | None = None
    source_type: str | None = None
    via: str | None = None


@dataclass(frozen=True)
class Link:
    a: Claim
    b: Claim
    relation: str
    score: float

    def to_dict(self) -> dict:
        def end(c: Claim) -> dict:
            return {"doc_id": c.doc_id, "content": c.content, "start": c.start, "end": c.end,
                    "speaker": c.speaker, "stance": c.stance}
        return {"a": end(self.a), "b": end(self.b), "relation": self.relation, "score": round(self.score, 4)}


@dataclass(frozen=True)
class LinkOptions:
    window_hours: float = 48.0
    same_threshold: float = 0.30
    same_allied_threshold: float = 0.15
    deny_threshold: float = 0.20
    contradict_threshold: float = 0.20
    context_weight: float = 0.3
    same_per_claim: int = 3
    ally_similarity: float = 0.45
    contradict_keep: str = "first"
    contradict_opposed: bool = True
    deny_bonus: float = 0.5
    min_terms: int = 3


_NO_KEYS: frozenset[str] = frozenset()


def _compact_polar(polar: tuple[frozenset[str], frozenset[str]]) -> tuple[tuple[str, ...], frozenset[str]]:
    """polar_keys with the asserted keys as a tuple (a fifth of a frozenset's memory; they are
    only looked up by the few negated keys of another claim, see keys_conflict)."""
    pos, neg = polar
    return tuple(pos), neg or _NO_KEYS


@lru_cache(maxsize=100_000)  # speakers repeat: one key set per distinct speaker
def _speaker_keys(s: str | None) -> frozenset[str]:
    return frozenset(keys(s or ""))


def _overlap(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class ClaimIndex:
    """IDF-weighted key vectors of claims and an inverted index for candidate pairs."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.term_lists = [list(keys(c.content)) for c in claims]
        df: Counter[str] = Counter()
        for ts in self.term_lists:
            df.update(set(ts))
        self.df = df
        self.n = n = len(claims)
        self.vectors: list[dict[str, float]] = [self._vector(ts) for ts in self.term_lists]
    def idf(self, t: str) -> float:
        return math.log((self.n + 1) / (self.df.get(t, 0) + 1)) + 1

    def _vector(self, ts: Iterable[str]) -> dict[str, float]:
        tf = Counter(ts)
        v = {t: (1 + math.log(c)) * self.idf(t) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b.get(t, 0.0) for t, w in a.items())

    def cosine_text(self, i: int, text: str) -> float:
        return self.dot(i, self._vector(keys(text)))

    def dot(self, i: int, v: dict[str, float]) -> float:
        """Claim i's vector against a vector ``v`` made by :meth:`_vector` (from a text)."""
        vi = self.vectors[i]
        return sum(vi.get(t, 0.0) * w for t, w in v.items())


def _in_window(a: Claim, b: Claim, hours: float) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs(a.published - b.published) <= timedelta(hours=hours)


def _when(c: Claim) -> tuple:
    return (c.published is None, c.published or datetime.min, c.doc_id, c.idx)


def _earlier(a: Claim, b: Claim) -> bool:
    return _when(a) < _when(b)


def is_denial(c: Claim) -> bool:
    """The claim rejects another: stance ``deny`` or a denial cue in its content."""
    return c.stance == "deny" or denial(c.content)


class _Pairs:
    """Per-claim cues computed once, and the features of a pair."""

    def __init__(self, claims: list[Claim], index: ClaimIndex) -> None:
        # An archive has hundreds of thousands of claims: the per-claim cues below share one
        # object per distinct value where they repeat, and are kept in compact forms.
        self.claims, self.index = claims, index
        self.own_sides = [sides(c.speaker) for c in claims]
        self.sides = list(self.own_sides)  # widened by the claim's group (see find_links)
        self.allies: set[frozenset[str]] = set()
        self.spk = [_speaker_keys(c.speaker) for c in claims]
        self.neg = [negated(c.content) for c in claims]
        self.deny = [is_denial(c) for c in claims]
        self.nums = [counts(c.content) for c in claims]
        # polar keys and the sides a claim is about are kept here, not in the functions' caches
        # (which would hold 100,000 full key sets and joined texts besides)
        self.polar = [_compact_polar(polar_keys.__wrapped__(c.content)) for c in claims]
        self.about = [sides.__wrapped__(c.content + " " + (c.target or "")) for c in claims]
        # a document's matter: the keys of all its claims (a short denial's fallback topic;
        # only which keys, not their weights, counts), made for a document when first needed
        self._doc_claims: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(claims):
            self._doc_claims[c.doc_id].append(i)
        self._doc_keys: dict[str, frozenset[str]] = {}
        self.mass = [sum(v.values()) or 1.0 for v in index.vectors]
        self._targets: dict[int, dict[str, float]] = {}

    def target_sim(self, a: int, b: int) -> float:
        """ClaimIndex.cosine_text(a, target of b), with b's target vector computed once."""
        target = self.claims[b].target
        if not target:
            return 0.0
        v = self._targets.get(b)
        if v is None:
            v = self._targets[b] = self.index._vector(keys(target))
        return self.index.dot(a, v)

    def _allied(self, si: frozenset[str], sj: frozenset[str]) -> bool:
        return bool(si & sj) or any(frozenset((x, y)) in self.allies for x in si for y in sj)

    def learn_sides(self, same: list[tuple[int, int, float]], conflict: list[tuple[int, int, float]],
                    strong: float = 0.45) -> None:
        """Sides from the data: a claim of unknown side takes the side of the claims it repeats
        closely (similarity at least ``strong``);
        two countries are allies when their speakers repeat each other's claims (similarity at
        least ``strong``) at least twice as often as they contradict them."""
        votes: dict[int, Counter[str]] = defaultdict(Counter)
        for a, b, s in same:
            if s >= strong:
                for x, y in ((a, b), (b, a)):
                    for side in self.own_sides[y]:
                        votes[x][side] += s
        for i, v in votes.items():
            if not self.own_sides[i] and v:
                top = max(v.values())
                self.sides[i] = frozenset(x for x, c in v.items() if c == top)
        # evidence for a pair of countries: how many distinct claims of the side with fewer
        # took part (one claim repeated against many does not count many times)
        tallies = []
        for pairs in (same, conflict):
            who: dict[frozenset[str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
            for a, b, s in pairs:
                if s < strong:
                    continue
                for x in self.own_sides[a]:
                    for y in self.own_sides[b]:
                        if x != y:
                            k = frozenset((x, y))
                            who[k][x].add(self._text_key(a))
                            who[k][y].add(self._text_key(b))
            tallies.append({k: min(len(v) for v in d.values()) for k, d in who.items()})
        agree, disagree = tallies
        self.allies = {k for k, c in agree.items() if c >= 2 and c >= 2 * disagree.get(k, 0)}

    def _text_key(self, i: int) -> str:
        return " ".join(self.index.term_lists[i])

    def doc_keys(self, doc: str) -> frozenset[str]:
        """The keys of all claims of document ``doc``."""
        got = self._doc_keys.get(doc)
        if got is None:
            tl = self.index.term_lists
            got = self._doc_keys[doc] = frozenset(t for i in self._doc_claims[doc] for t in tl[i])
        return got

    def _covered(self, i: int, doc: str) -> float:
        d = self.doc_keys(doc)
        return sum(w for t, w in self.index.vectors[i].items() if t in d) / self.mass[i]

    def features(self, i: int, j: int, sim: float | None = None) -> dict:
        ci, cj = self.claims[i], self.claims[j]
        si, sj = self.sides[i], self.sides[j]
        spk = _overlap(self.spk[i], self.spk[j])
        idx = self.index
        return {
            "sim": idx.cosine(i, j) if sim is None else sim,
            "sim_target_i": self.target_sim(j, i),
            "sim_target_j": self.target_sim(i, j),
            # how much of the other claim's matter the article of i (of j) speaks of
            "ctx_i": self._covered(j, ci.doc_id), "ctx_j": self._covered(i, cj.doc_id),
            "sides_i": "+".join(sorted(si)) or "-", "sides_j": "+".join(sorted(sj)) or "-",
            "speaker": spk,
            "allied": self._allied(si, sj) or spk >= 0.5,
            "opposed": bool(si and sj and not self._allied(si, sj)),
            "neg_i": self.neg[i], "neg_j": self.neg[j],
            "deny_i": self.deny[i], "deny_j": self.deny[j],
            "figures_differ": figures_differ(self.nums[i], self.nums[j]),
            "polarity": keys_conflict(self.polar[i], self.polar[j]),
            # i's claim names j's side or an ally (an accusation j may answer), and the other way
            "about_j": self._allied(sj, self.about[i]), "about_i": self._allied(si, self.about[j]),
            # j's claim names i's speaker's own side (a denial aimed at i's speaker: مزاعم روسيا)
            "names_i": bool(self.own_sides[i] & self.about[j]), "names_j": bool(self.own_sides[j] & self.about[i]),
            "accuse_i": ci.stance == "accuse", "accuse_j": cj.stance == "accuse",
        }


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def pair_features(pairs: _Pairs, i: int, j: int) -> dict:
    """What the linker sees of a pair (i, j): similarity, sides, polarity, denial, figures."""
    return pairs.features(i, j)


def find_links(claims: Iterable[Claim], options: LinkOptions = LinkOptions()) -> list[Link]:
    """All links between claims of different documents."""
    return analyse(list(claims), options)[1]


def analyse(claims: list[Claim], options: LinkOptions = LinkOptions()) -> tuple[_Pairs, list[Link]]:
    """The links and what the linker learnt (per-claim cues, sides, allies) for inspection."""
    index = ClaimIndex(claims)
    pairs = _Pairs(claims, index)
    n = len(claims)
    ok = [len(index.term_lists[i]) >= options.min_terms for i in range(n)]
    # A pair with no denial needs a cosine of at least ``floor`` to be linked (see _relation);
    # a denial's pairs are linked at any similarity, also through its article's matter.
    floor = min(options.same_threshold, options.same_allied_threshold, options.contradict_threshold)
    todo = _Todo()
    blocks = iter_candidate_blocks(
        index.vectors, [c.published.timestamp() if c.published else None for c in claims],
        [c.doc_id for c in claims], pairs.deny, ok,
        [pairs.doc_keys(c.doc_id) if pairs.deny[k] else None for k, c in enumerate(claims)],
        options.window_hours, floor)
    deny = pairs.deny
    for block in blocks:
        todo.extend(p[:3] for p in block if not (deny[p[0]] or deny[p[1]]) or _may_deny(pairs, p[0], p[1], p[2], options, p[3]))
    # first pass on the speakers' own sides; the sides learnt from it; then the final pass
    first = _classify(pairs, todo, options)
    pairs.learn_sides(first["same"], first["contradicts"], options.ally_similarity)
    cands = _classify(pairs, todo, options)
    links = _same_links(claims, cands["same"], options.same_per_claim)
    links += _answer_links(claims, cands["denies"], cands["same"], "denies")
    if options.contradict_keep == "first":
        links += _answer_links(claims, cands["contradicts"], cands["same"], "contradicts")
    else:
        links += _best_links(claims, cands["contradicts"], "contradicts", options.contradict_keep)
    links.sort(key=lambda l: (l.relation, -l.score, l.a.doc_id, l.b.doc_id))
    return pairs, links


class _Todo:
    """The candidate pairs, kept as typed arrays (a full archive has millions: as tuples they
    cost ~120 bytes each, here 16); iterated in (i, j) order."""

    def __init__(self) -> None:
        self.i, self.j, self.s = array("q"), array("q"), array("d")
        self._order: np.ndarray | None = None

    def extend(self, pairs: Iterable[tuple[int, int, float]]) -> None:
        for i, j, s in pairs:
            self.i.append(i)
            self.j.append(j)
            self.s.append(s)

    def __len__(self) -> int:
        return len(self.i)

    def __iter__(self) -> Iterator[tuple[int, int, float]]:
        i, j = np.frombuffer(self.i, dtype=np.int64), np.frombuffer(self.j, dtype=np.int64)
        s = np.frombuffer(self.s, dtype=np.float64)
        if self._order is None or len(self._order) != len(i):
            self._order = np.lexsort((j, i))
        for a in range(0, len(i), 65536):
            k = self._order[a:a + 65536]
            yield from zip(i[k].tolist(), j[k].tolist(), s[k].tolist())


def _classify(pairs: _Pairs, todo: Iterable[tuple[int, int, float]],
              options: LinkOptions) -> dict[str, list[tuple[int, int, float]]]:
    cands: dict[str, list[tuple[int, int, float]]] = {"same": [], "denies": [], "contradicts": []}
    deny = pairs.deny
    for i, j, sim in todo:
        if deny[i] or deny[j]:
            rel = _deny_relation(pairs, i, j, sim, options)
        else:
            rel = _plain_relation(pairs, i, j, sim, options)
        if rel is not None:
            kind, a, b, score = rel
            cands[kind].append((a, b, score))
    return cands


def _plain_relation(pairs: _Pairs, i: int, j: int, sim: float,
                    options: LinkOptions) -> tuple[str, int, int, float] | None:
    """_relation of a pair without a denial, computing only the features it needs (most
    candidate pairs of an archive fall here, and most are decided by similarity and sides)."""
    si, sj = pairs.sides[i], pairs.sides[j]
    allied_sides = pairs._allied(si, sj)
    allied = allied_sides or _overlap(pairs.spk[i], pairs.spk[j]) >= 0.5
    if sim < options.contradict_threshold and sim < options.same_threshold and not (
            allied and sim >= options.same_allied_threshold):
        return None  # under every threshold that could apply
    conflict = figures_differ(pairs.nums[i], pairs.nums[j]) or keys_conflict(pairs.polar[i], pairs.polar[j])
    if conflict:
        opposed = bool(si and sj and not allied_sides)
        if not allied and sim >= options.contradict_threshold and (opposed or not options.contradict_opposed):
            return ("contradicts", i, j, sim + (0.1 if opposed else 0.0))
        return None
    if sim >= options.same_threshold or (allied and sim >= options.same_allied_threshold):
        return ("same", i, j, sim)
    return None


def _may_deny(pairs: _Pairs, i: int, j: int, sim: float, options: LinkOptions, ctx_j: float | None = None) -> bool:
    """Whether a pair holding a denial can be linked at all, whatever sides the linker learns:
    its denial score at the largest bonus reaches the threshold, or both deny and are similar
    enough to be the same denial. The rest (most pairs met through an article's matter) is
    dropped before the two classification passes. ``ctx_j``: ``_covered(j, doc of i)`` when the
    candidate search computed it (i is then the denial); it decides only with a margin for
    rounding, so the pairs kept are those the exact sum keeps."""
    if pairs.deny[i] and pairs.deny[j] and sim >= min(options.same_threshold, options.same_allied_threshold):
        return True
    top = max(1.0, 1 + options.deny_bonus * 4)  # about + accuse + 2 * names, each at most 1
    for a, b in ((i, j), (j, i)):
        if pairs.deny[b]:
            if a == j and ctx_j is not None:
                ctx = ctx_j + 1e-9 * (1 if options.context_weight >= 0 else -1)
            else:
                ctx = pairs._covered(a, pairs.claims[b].doc_id)
            base = max(sim, pairs.target_sim(a, b)) + options.context_weight * ctx
            if base * top >= options.deny_threshold:
                return True
    return False


def _deny_relation(pairs: _Pairs, i: int, j: int, sim: float,
                   options: LinkOptions) -> tuple[str, int, int, float] | None:
    """_relation of a pair holding a denial, computing each feature only when it is needed."""
    si, sj = pairs.sides[i], pairs.sides[j]
    allied_sides = pairs._allied(si, sj)
    allied = allied_sides or _overlap(pairs.spk[i], pairs.spk[j]) >= 0.5
    deny = pairs.deny
    if not allied:
        best = None
        for a, b in ((i, j), (j, i)):  # does b deny a?
            if not deny[b]:
                continue
            names_a = bool(pairs.own_sides[a] & pairs.about[b])
            if deny[a] and not names_a:
                continue
            about_b = pairs._allied(pairs.sides[b], pairs.about[a])
            accuse_a = pairs.claims[a].stance == "accuse"
            bonus = 1 + options.deny_bonus * (about_b + accuse_a + 2 * names_a)
            ctx = pairs._covered(a, pairs.claims[b].doc_id)
            score = (max(sim, pairs.target_sim(a, b)) + options.context_weight * ctx) * bonus
            if score >= options.deny_threshold and (best is None or score > best[3]):
                best = ("denies", a, b, score)
        if best is not None:
            return best
    if deny[i] and deny[j] and not (si and sj and not allied_sides) and (
            sim >= options.same_threshold or (allied and sim >= options.same_allied_threshold)):
        return ("same", i, j, sim)
    return None


def _same_links(claims: list[Claim], cands: list[tuple[int, int, float]], per_claim: int) -> list[Link]:
    """Each claim to the earlier claims it matches best (at most ``per_claim``): a repetition
    points at the appearances it repeats, the first of them when scores tie."""
    by_later: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for a, b, s in cands:
        first, later = (a, b) if _earlier(claims[a], claims[b]) else (b, a)
        by_later[later].append((first, s))
    out = []
    for later, opts in by_later.items():
        opts.sort(key=lambda x: (-round(x[1], 2), _when(claims[x[0]])))
        for first, s in opts[:per_claim]:
            out.append(Link(claims[first], claims[later], "same", s))
    return out


def _answer_links(claims: list[Claim], cands: list[tuple[int, int, float]],
                  same: list[tuple[int, int, float]], relation: str) -> list[Link]:
    """Each answering claim once, against the first appearance of the claim it answers best:
    the earliest of that claim and its repetitions that it also answers. For ``denies`` the
    answer is b (the denial); for ``contradicts`` (symmetric) each side answers the other."""
    adj: dict[int, set[int]] = defaultdict(set)
    for a, b, _ in same:
        adj[a].add(b)
        adj[b].add(a)
    by_answer: dict[int, dict[int, float]] = defaultdict(dict)
    for a, b, s in cands:
        by_answer[b][a] = max(by_answer[b].get(a, 0.0), s)
        if relation == "contradicts":
            by_answer[a][b] = max(by_answer[a].get(b, 0.0), s)
    out: dict[tuple[int, int], Link] = {}
    for b, scores in by_answer.items():
        best = max(scores, key=lambda a: (scores[a], tuple(-x for x in _stamp(claims[a]))))
        pool = [a for a in scores if a == best or a in adj[best]]
        first = min(pool, key=lambda a: _when(claims[a]))
        x, y = first, b
        if relation == "contradicts" and _earlier(claims[b], claims[first]):
            x, y = b, first
        out.setdefault((x, y), Link(claims[x], claims[y], relation, scores[best]))
    return list(out.values())


def _stamp(c: Claim) -> tuple[float]:
    return (c.published.timestamp() if c.published else float("inf"),)


def _best_links(claims: list[Claim], cands: list[tuple[int, int, float]], relation: str,
                mode: str) -> list[Link]:
    """Keep a candidate (a, b) when it is the best of b (``mode="b"``), of a or b (``"either"``)
    or of both (``"both"``); a score within 5% of the best counts as the best."""
    best_b: dict[int, float] = {}
    best_a: dict[int, float] = {}
    uniq: dict[tuple[int, int], float] = {}
    for a, b, s in cands:
        uniq[(a, b)] = max(uniq.get((a, b), 0.0), s)
    sym = relation == "contradicts"
    for (a, b), s in uniq.items():
        best_b[b] = max(best_b.get(b, 0.0), s)
        best_a[a] = max(best_a.get(a, 0.0), s)
        if sym:
            best_b[a] = max(best_b.get(a, 0.0), s)
            best_a[b] = max(best_a.get(b, 0.0), s)
    out = []
    for (a, b), s in uniq.items():
        top_b, top_a = s >= 0.95 * best_b[b], s >= 0.95 * best_a[a]
        if sym:
            top_a, top_b = s >= 0.95 * best_b[a], s >= 0.95 * best_b[b]
        keep = {"b": top_b, "either": top_a or top_b, "both": top_a and top_b}[mode]
        if keep:
            x, y = (a, b)
            if sym and _earlier(claims[b], claims[a]):
                x, y = b, a
            out.append(Link(claims[x], claims[y], relation, s))
    return out


def _relation(f: dict, i: int, j: int, options: LinkOptions) -> tuple[str, int, int, float] | None:
    """The relation of a candidate pair, as (kind, a, b, score), or None."""
    sim = f["sim"]
    if f["deny_i"] or f["deny_j"]:
        # b denies a: b is a denial; a is not, unless b names a's speaker (a denial of a denial)
        best = None
        for a, b, x, y in ((i, j, "i", "j"), (j, i, "j", "i")):
            if not f[f"deny_{y}"] or (f[f"deny_{x}"] and not f[f"names_{x}"]) or f["allied"]:
                continue
            bonus = 1 + options.deny_bonus * (f[f"about_{y}"] + f[f"accuse_{x}"] + 2 * f[f"names_{x}"])
            s = (max(sim, f[f"sim_target_{y}"]) + options.context_weight * f[f"ctx_{y}"]) * bonus
            if s >= options.deny_threshold and (best is None or s > best[3]):
                best = ("denies", a, b, s)
        if best is not None:
            return best
        if f["deny_i"] and f["deny_j"] and not f["opposed"] and (
                sim >= options.same_threshold or (f["allied"] and sim >= options.same_allied_threshold)):
            return ("same", i, j, sim)
        return None
    conflict = f["polarity"] or f["figures_differ"]
    if conflict:
        if not f["allied"] and sim >= options.contradict_threshold and (f["opposed"] or not options.contradict_opposed):
            return ("contradicts", i, j, sim + (0.1 if f["opposed"] else 0.0))
        return None
    if sim >= options.same_threshold or (f["allied"] and sim >= options.same_allied_threshold):
        return ("same", i, j, sim)
    return None


def document_denials(claims: Iterable[Claim], min_score: float = 0.1) -> list[Link]:
    """Denials answered inside one article (``"… هذه الأخبار كاذبة"``): each denial to the claim
    of the same document it answers best (key similarity of the claim to the denial's content
    and target), from a speaker that is not the denial's side. A denial with no matter of its own
    answers what the denial just before it in the document answers. These links are not part of
    :func:`find_links` (which links different articles); claim groups use them."""
    claims = list(claims)
    if not claims:
        return []
    index = ClaimIndex(claims)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_doc[c.doc_id].append(i)
    out = []
    for members in by_doc.values():
        members.sort(key=lambda k: claims[k].idx)
        denies = {k: is_denial(claims[k]) for k in members}
        if not any(denies.values()):
            continue
        side_of = {k: sides(claims[k].speaker) for k in members}
        last: int | None = None
        for b in members:
            cb = claims[b]
            if not denies[b]:
                continue
            sb = side_of[b]
            v = index._vector(keys(cb.content + " " + (cb.target or "")))  # once per denial
            best, arg = 0.0, None
            for a in members:
                ca = claims[a]
                if a == b or denies[a] or (sb and sb & side_of[a]):
                    continue
                if ca.start < cb.end and cb.start < ca.end:
                    continue  # the reported news inside the denial itself, not the claim it answers
                s = index.dot(a, v)
                if s > best:
                    best, arg = s, a
            if arg is None or best < min_score:
                arg, best = last, 0.0
            if arg is not None:
                out.append(Link(claims[arg], cb, "denies", best))
                last = arg
    return out
