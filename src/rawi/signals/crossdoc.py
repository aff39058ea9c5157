"""What other articles say about a claim: an index over cross-document claim links.

Built from the output of :func:`rawi.link.claims.find_links` (or of
:func:`rawi.link.groups.build_groups`); the signal functions take it as an optional argument
and stay pure. Without it nothing is said about corroboration, since nothing is known.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

Key = tuple[str, int]  # (doc_id, attribution index)


@dataclass(frozen=True)
class Other:
    """A claim of another article, as the signals cite it."""

    doc_id: str
    idx: int
    content: str
    speaker: str | None
    outlet: str | None
    published: str | None
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "attribution": self.idx, "content": self.content,
                "speaker": self.speaker, "outlet": self.outlet, "published": self.published}


def _other(c: Any, score: float | None = None) -> Other:
    pub = getattr(c, "published", None)
    return Other(c.doc_id, int(c.idx), c.content, getattr(c, "speaker", None),
                 getattr(c, "outlet", None), pub.isoformat() if hasattr(pub, "isoformat") else pub,
                 score)


@dataclass
class CrossDoc:
    """For each claim key: the same claim elsewhere, its denials and its contradictions.

    ``known``: the claims that took part in the linking (a claim outside it gets no
    ``single_source`` signal); ``None`` means every claim asked about did.
    """

    same: dict[Key, list[Other]] = field(default_factory=lambda: defaultdict(list))
    denied_by: dict[Key, list[Other]] = field(default_factory=lambda: defaultdict(list))
    contradicted_by: dict[Key, list[Other]] = field(default_factory=lambda: defaultdict(list))
    outlet_of: dict[Key, str | None] = field(default_factory=dict)
    known: set[Key] | None = None

    @classmethod
    def from_links(cls, links: Iterable[Any], claims: Iterable[Any] | None = None) -> "CrossDoc":
        """From :class:`rawi.link.claims.Link` objects (``a``, ``b``, ``relation``, ``score``).

        ``same`` links are closed transitively: every member of a chain of repetitions sees
        every other member.
        """
        cx = cls()
        if claims is not None:
            cx.known = set()
            for c in claims:
                k = (c.doc_id, int(c.idx))
                cx.known.add(k)
                cx.outlet_of[k] = getattr(c, "outlet", None)
        parent: dict[Key, Key] = {}
        member: dict[Key, Any] = {}

        def root(k: Key) -> Key:
            parent.setdefault(k, k)
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for link in links:
            ka, kb = (link.a.doc_id, int(link.a.idx)), (link.b.doc_id, int(link.b.idx))
            for k, c in ((ka, link.a), (kb, link.b)):
                cx.outlet_of.setdefault(k, getattr(c, "outlet", None))
            if link.relation == "same":
                member[ka], member[kb] = link.a, link.b
                ra, rb = root(ka), root(kb)
                if ra != rb:
                    parent[ra] = rb
            elif link.relation == "denies":
                cx.denied_by[ka].append(_other(link.b, link.score))
            elif link.relation == "contradicts":
                cx.contradicted_by[ka].append(_other(link.b, link.score))
                cx.contradicted_by[kb].append(_other(link.a, link.score))
        groups: dict[Key, list[Key]] = defaultdict(list)
        for k in member:
            groups[root(k)].append(k)
        for keys in groups.values():
            for k in keys:
                cx.same[k] = [_other(member[o]) for o in sorted(keys) if o != k]
        return cx

    @classmethod
    def from_groups(cls, groups: Iterable[Any], claims: Iterable[Any] | None = None) -> "CrossDoc":
        """From :class:`rawi.link.groups.ClaimGroup` objects (``claims``, ``denials``,
        ``contradictions``)."""
        cx = cls.from_links((), claims)
        for g in groups:
            keys = [(c.doc_id, int(c.idx)) for c in g.claims]
            for c, k in zip(g.claims, keys):
                cx.outlet_of.setdefault(k, getattr(c, "outlet", None))
                cx.same[k] = [_other(o) for o, ko in zip(g.claims, keys) if ko != k]
            for link in g.denials:
                for k in keys:
                    cx.denied_by[k].append(_other(link.b, link.score))
            for link in g.contradictions:
                inside = (link.a.doc_id, int(link.a.idx)) in keys
                other = link.b if inside else link.a
                for k in keys:
                    cx.contradicted_by[k].append(_other(other, link.score))
        return cx

    def knows(self, key: Key) -> bool:
        return self.known is None or key in self.known

    def other_outlets(self, key: Key, outlet: str | None = None) -> list[Other]:
        """Repetitions of the claim in other articles whose outlet differs from this one's
        (when outlets are unknown, other articles count)."""
        own = outlet if outlet is not None else self.outlet_of.get(key)
        return [o for o in self.same.get(key, ()) if o.doc_id != key[0]
                and (own is None or o.outlet is None or o.outlet != own)]
