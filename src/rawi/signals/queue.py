"""The daily queue: stored claims ranked by check-worthiness, each with its signals.

Reads the store only through its public API (:meth:`Store.claims`,
:meth:`Store.get_document`). Cross-document links are the store's own (``rawi.store.link_store``)
when it keeps them and they are current; otherwise they are computed here with
:func:`rawi.link.claims.find_links` over every stored claim, as ``rawi links`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Iterable, Iterator

from rawi.model import Document
from rawi.signals.core import SignalOptions, document_signals
from rawi.signals.crossdoc import CrossDoc
from rawi.signals.model import ClaimSignals

ALL = 10**9


@dataclass(frozen=True)
class QueueOptions:
    """``since``/``until``: inclusive publication days; ``limit``: items kept after ranking;
    ``links``: compute cross-document links (denied elsewhere, corroborated, single source);
    ``score``: run the check-worthiness model; ``use_tagger``: the loaded-language model."""

    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    limit: int = 50
    links: bool = True
    score: bool = True
    use_tagger: bool = True


@dataclass(frozen=True)
class QueueItem:
    """One claim of the queue: where it was published and what its signals are."""

    claim: ClaimSignals
    title: str
    outlet: str | None
    published: str | None
    rank: int = 0

    @property
    def checkworthiness(self) -> float | None:
        return self.claim.checkworthiness

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "title": self.title, "outlet": self.outlet,
                "published": self.published, **self.claim.to_dict()}


def _claim_rows(store: Any, since: date | None = None, until: date | None = None,
                outlet: str | None = None) -> list[Any]:
    from rawi.store import ClaimFilter

    return store.claims(ClaimFilter(since=since, until=until, outlet=outlet, limit=ALL))


def _stored_links(store: Any) -> CrossDoc | None:
    """The store's own links when it keeps them, up to date; ``None`` otherwise."""
    try:
        from rawi.store import link_store

        state = link_store.links_state(store)
        if not (state.get("stored") and state.get("current") and not state.get("pending")):
            return None
        claims = link_store.load_claims(store)
        return CrossDoc.from_links(link_store.read_links(store, claims), claims.values())
    except (ImportError, AttributeError):  # a store without stored links
        return None


def crossdoc_from_store(store: Any) -> CrossDoc:
    """Links between every stored claim (originals only), as a :class:`CrossDoc`."""
    stored = _stored_links(store)
    if stored is not None:
        return stored
    from rawi.link.claims import Claim, find_links

    claims = []
    for r in _claim_rows(store):
        pub = datetime.fromisoformat(r.published) if r.published else None
        claims.append(Claim(r.doc_id, r.idx, r.content, r.content_start, r.content_end,
                            r.speaker or r.source, r.stance, pub, r.outlet, r.target,
                            r.source_type, r.via))
    return CrossDoc.from_links(find_links(claims), claims)


def stored_signals(store: Any, options: QueueOptions = QueueOptions()) -> Iterator[QueueItem]:
    """Every stored claim in the options' time range with its signals (unranked, unscored)."""
    rows = _claim_rows(store, options.since, options.until, options.outlet)
    cross = crossdoc_from_store(store) if options.links else None
    wanted: dict[str, set[int]] = {}
    meta: dict[str, Any] = {}
    for r in rows:
        wanted.setdefault(r.doc_id, set()).add(r.idx)
        meta.setdefault(r.doc_id, r)
    sopts = SignalOptions(use_tagger=options.use_tagger)
    for doc_id, idxs in wanted.items():
        doc: Document | None = store.get_document(doc_id)
        if doc is None:
            continue
        r = meta[doc_id]
        for cs in document_signals(doc, cross, sopts):
            if cs.idx in idxs:
                yield QueueItem(cs, r.title or doc.title, r.outlet, r.published)


def _rank_key(item: QueueItem) -> tuple:
    s = item.checkworthiness
    return (s is None, -(s or 0.0), -len(item.claim.kinds), item.claim.doc_id, item.claim.idx)


def rank_items(items: Iterable[QueueItem], limit: int | None = None) -> list[QueueItem]:
    """Items by check-worthiness (highest first; unscored last), then by how many kinds of
    signal they carry, then by document and attribution; ranks are numbered from 1."""
    ordered = sorted(items, key=_rank_key)
    if limit is not None:
        ordered = ordered[:limit]
    return [replace(it, rank=n) for n, it in enumerate(ordered, 1)]


def score_items(items: list[QueueItem]) -> list[QueueItem]:
    from rawi.signals.score import checkworthiness

    scores = checkworthiness([it.claim.content for it in items])
    return [replace(it, claim=replace(it.claim, checkworthiness=s)) for it, s in zip(items, scores)]


def build_queue(store: Any, options: QueueOptions = QueueOptions()) -> list[QueueItem]:
    """The ranked queue of the store's claims (see :class:`QueueOptions`)."""
    items = list(stored_signals(store, options))
    if options.score:
        items = score_items(items)
    return rank_items(items, options.limit)
