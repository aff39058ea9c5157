"""Links between attributed claims of different articles: same, contradicts, denies.

A claim is the content of an attribution. Candidate pairs come from an inverted index over the
claims' TF-IDF vectors (normalised, clitic-stripped terms) within a time window, so the work
grows with the number of related claims, not with the square of the archive.

- ``same``: high content similarity and compatible speakers; each repetition is linked to the
  earliest article that has the claim.
- ``denies``: b's attribution is a denial (stance ``deny``) whose content or target overlaps a's
  claim, and a is not itself a denial.
- ``contradicts``: two factual claims on the same matter from different speakers that cannot both
  be true: their figures for the same thing differ, or one negates what the other asserts.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from rawi.link.terms import terms
from rawi.text.normalize import normalize_text

_NUM = re.compile(r"\d+(?:[.,]\d+)?")
_NEG = re.compile(r"(?:^|\s)(?:لم|لن|لا|ليس|ليست|غير|عدم|دون|فشل\S*|نفى|ينفي|بلا)(?=\s|$)")


@dataclass(frozen=True)
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
    same_threshold: float = 0.45
    same_speaker_overlap: float = 0.3
    deny_threshold: float = 0.20
    contradict_threshold: float = 0.30
    min_terms: int = 3


def _speaker_terms(s: str | None) -> set[str]:
    return set(terms(s or ""))


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _numbers(s: str) -> set[str]:
    return set(_NUM.findall(normalize_text(s)))


def _negated(s: str) -> bool:
    return bool(_NEG.search(normalize_text(s)))


class ClaimIndex:
    """TF-IDF vectors of claims and an inverted index for candidate pairs."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.term_lists = [terms(c.content) for c in claims]
        df: Counter[str] = Counter()
        for ts in self.term_lists:
            df.update(set(ts))
        n = len(claims)
        self.vectors: list[dict[str, float]] = []
        for ts in self.term_lists:
            tf = Counter(ts)
            v = {t: (1 + math.log(c)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, c in tf.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self.vectors.append({t: x / norm for t, x in v.items()})
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, v in enumerate(self.vectors):
            for t in v:
                self.postings[t].append(i)

    def similar(self, i: int) -> dict[int, float]:
        dots: dict[int, float] = defaultdict(float)
        for t, w in self.vectors[i].items():
            for j in self.postings[t]:
                if j != i:
                    dots[j] += w * self.vectors[j][t]
        return dots

    def cosine_text(self, i: int, text: str) -> float:
        v = Counter(terms(text))
        if not v:
            return 0.0
        norm = math.sqrt(sum(c * c for c in v.values()))
        return sum(self.vectors[i].get(t, 0.0) * c / norm for t, c in v.items())


def _in_window(a: Claim, b: Claim, hours: float) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs(a.published - b.published) <= timedelta(hours=hours)


def _earlier(a: Claim, b: Claim) -> bool:
    ka = (a.published is None, a.published or datetime.min, a.doc_id, a.idx)
    kb = (b.published is None, b.published or datetime.min, b.doc_id, b.idx)
    return ka < kb


def find_links(claims: Iterable[Claim], options: LinkOptions = LinkOptions()) -> list[Link]:
    """All links between claims of different documents."""
    claims = list(claims)
    index = ClaimIndex(claims)
    speakers = [_speaker_terms(c.speaker) for c in claims]
    links: list[Link] = []
    best_same: dict[int, tuple[float, int]] = {}
    seen_pairs: set[tuple[int, int, str]] = set()
    for i, ci in enumerate(claims):
        if len(index.term_lists[i]) < options.min_terms:
            continue
        for j, sim in index.similar(i).items():
            cj = claims[j]
            if cj.doc_id == ci.doc_id or not _in_window(ci, cj, options.window_hours):
                continue
            if len(index.term_lists[j]) < options.min_terms:
                continue
            same_side = _overlap(speakers[i], speakers[j]) >= options.same_speaker_overlap
            deny_i, deny_j = ci.stance == "deny", cj.stance == "deny"
            # denial: j denies i
            if deny_j and not deny_i:
                s = max(sim, index.cosine_text(i, cj.target or "") if cj.target else 0.0)
                if s >= options.deny_threshold and not same_side and (i, j, "denies") not in seen_pairs:
                    seen_pairs.add((i, j, "denies"))
                    links.append(Link(ci, cj, "denies", s))
                continue
            if deny_i or deny_j:
                continue
            if sim >= options.same_threshold and same_side:
                # link i to its earliest repetition in another article
                if _earlier(cj, ci) and (i not in best_same or _earlier(cj, claims[best_same[i][1]])):
                    best_same[i] = (sim, j)
                continue
            if sim >= options.contradict_threshold and not same_side and _earlier(ci, cj):
                ni, nj = _numbers(ci.content), _numbers(cj.content)
                mismatch = bool(ni and nj and not (ni & nj))
                polarity = _negated(ci.content) != _negated(cj.content)
                if (mismatch or polarity) and (i, j, "contradicts") not in seen_pairs:
                    seen_pairs.add((i, j, "contradicts"))
                    links.append(Link(ci, cj, "contradicts", sim))
    for i, (sim, j) in best_same.items():
        links.append(Link(claims[j], claims[i], "same", sim))
    links.sort(key=lambda l: (l.relation, -l.score, l.a.doc_id, l.b.doc_id))
    return links
