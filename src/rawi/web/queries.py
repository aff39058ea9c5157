"""What the web pages and the API ask of a store.

Stories and claim links are computed at ingest and stored (:mod:`rawi.store.story_store`,
:mod:`rawi.store.link_store`); a page reads only the rows it shows. Outlet figures (one pass
over every attribution) are computed once and cached until the store records a new ingest run.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator

from rawi.link.claims import Link
from rawi.link.story_report import Story
from rawi.store import ClaimFilter, ClaimRow, Store, link_store, open_store, story_store
from rawi.store.sqlbase import speaker_key

ALL = 10**9
ClaimKey = tuple[str, int]


class StoreProvider:
    """One read-only store per worker thread (SQLite connections are not shared)."""

    def __init__(self, url: str, readonly: bool = True) -> None:
        self.url, self.readonly = url, readonly
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self._generation = 0  # bumped by close(): thread-local stores of older generations are closed
        if not readonly:  # create and migrate once, up front
            open_store(url, readonly=False).close()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None or getattr(self._local, "generation", -1) != self._generation:
            # none yet in this thread, or closed by close() (an app's lifespan ended and a new
            # one started, as test clients and schemathesis do): open a fresh one
            store = self._local.store = open_store(self.url, readonly=True)
            self._local.generation = self._generation
            with self._lock:
                self._all.append(store)
        return store

    @contextmanager
    def writable(self) -> Iterator[Store]:
        with open_store(self.url, readonly=False) as store:
            yield store

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                s.close()
            self._all.clear()
            self._generation += 1


# -- claim groups ------------------------------------------------------------------------------

@dataclass
class ClaimGroup:
    """Claims linked by ``same`` (earliest first) and the links that oppose any of them."""

    id: str
    claims: list[ClaimRow]
    opposing: list[tuple[Link, ClaimRow, ClaimRow]] = field(default_factory=list)  # (link, ours, theirs)


def claim_id(row: ClaimRow | Any) -> str:
    return f"{row.doc_id}#{row.idx}"


def parse_claim_id(value: str) -> ClaimKey | None:
    doc_id, sep, idx = value.rpartition("#")
    if not sep or not doc_id or not idx.isdigit():
        return None
    return doc_id, int(idx)


def claim_groups(store: Store, group_ids: list[str]) -> list[ClaimGroup]:
    """The stored groups of ``group_ids`` (in that order; unknown ids left out)."""
    members = link_store.group_members(store, group_ids)
    opposing = link_store.group_opposing(store, [g for g in group_ids if g in members])
    return [ClaimGroup(g, members[g], opposing.get(g, [])) for g in group_ids if g in members]


def claim_group(store: Store, group_id: str) -> ClaimGroup | None:
    got = claim_groups(store, [group_id])
    return got[0] if got else None


def claim_groups_page(store: Store, min_size: int, limit: int, offset: int) -> tuple[int, list[ClaimGroup]]:
    """``(total, groups)``: largest first, then most opposed, then by id."""
    total, ids = link_store.group_page(store, min_size, limit, offset)
    return total, claim_groups(store, ids)


def group_of_claim(store: Store, doc_id: str, idx: int) -> tuple[ClaimRow | None, ClaimGroup | None]:
    """The claim row and its group (None when the claim is in no group)."""
    row = link_store.claim_row(store, doc_id, idx)
    if row is None:
        return None, None
    gid = link_store.group_of_claim(store, doc_id, idx)
    return row, (claim_group(store, gid) if gid else None)


def groups_of_document(store: Store, doc_id: str) -> dict[int, str]:
    return link_store.groups_of_document(store, doc_id)


def answered_by(store: Store, k: ClaimKey) -> list[tuple[Link, ClaimRow]]:
    """The claims that claim ``k`` denies or contradicts (``k`` is the link's ``b`` end)."""
    return link_store.answers_to(store, k[0], k[1])


def links_page(store: Store, relation: str | None, limit: int, offset: int) -> tuple[int, list[Link]]:
    return link_store.links_page(store, relation, limit, offset)


# -- stories -----------------------------------------------------------------------------------

def story_page(store: Store, min_size: int, limit: int, offset: int, *,
               largest_first: bool) -> tuple[int, list[Story]]:
    """``(total, stories)`` with at least ``min_size`` articles (copies counted), in story
    order or largest first."""
    sizes = [(sid, n) for sid, n in story_store.story_sizes(store) if n >= min_size]
    if largest_first:
        sizes.sort(key=lambda x: (-x[1], x[0]))
    page = [sid for sid, _ in sizes[offset:offset + limit]]
    by_id = {story_store.parse_label(s.id): s for s in story_store.read_stories(store, page)}
    return len(sizes), [by_id[sid] for sid in page if sid in by_id]


def get_story(store: Store, story_id: str) -> Story | None:
    num = story_store.parse_label(story_id)
    if num is None:
        return None
    got = story_store.read_stories(store, [num])
    return got[0] if got else None


def story_of(store: Store, doc_id: str) -> Story | None:
    num = story_store.story_id_of(store, doc_id)
    if num is None:
        return None
    got = story_store.read_stories(store, [num])
    return got[0] if got else None


# -- the cache of whole-corpus figures -----------------------------------------------------------

class CorpusCache:
    """Outlet figures, computed on first use and again only after a new ingest run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: Any = None
        self._outlets: list[OutletFigures] | None = None

    @staticmethod
    def state_key(store: Store) -> Any:
        runs = store.runs()
        last = runs[-1] if runs else {}
        return len(runs), last.get("finished"), last.get("status")

    def outlets(self, store: Store) -> list["OutletFigures"]:
        key = self.state_key(store)
        with self._lock:
            if self._outlets is None or key != self._key:
                self._outlets = outlet_figures(store.claims(ClaimFilter(limit=ALL)))
                self._key = key
            return self._outlets

    def warm(self, store: Store) -> None:
        """Compute the cached figures now (a server calls this in the background at start)."""
        self.outlets(store)


def check_store(store: Store) -> str | None:
    """Why the stored stories or claim links cannot serve (None when they can)."""
    if store.schema_version() < 2:
        return ("this store predates stored stories and claim links: run `rawi ingest PATH --db "
                "FILE` once (with the same inputs; unchanged files are not read again) to add them")
    return None


# -- documents, search, speakers ---------------------------------------------------------------

def document_page(store: Store, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """``(total, infos)`` of original documents, in ingest order."""
    ids = store.doc_ids(include_duplicates=False)
    infos = [store.document_info(i) for i in ids[offset:offset + limit]]
    return len(ids), [i for i in infos if i is not None]


@dataclass(frozen=True)
class BrowseHit:
    """A document found by attribution filters alone (no search words)."""

    doc_id: str
    title: str
    outlet: str | None
    published: str | None
    snippet: str
    snippet_start: int
    highlights: tuple[tuple[int, int], ...] = ()
    score: float | None = None
    near_duplicate_of: str | None = None


def browse(store: Store, *, outlet: str | None, since: date | None, until: date | None,
           speaker: str | None, stance: str | None, source_type: str | None,
           limit: int, offset: int) -> list[BrowseHit]:
    """Documents with an attribution matching the filters, newest first; the snippet is the
    first matching claim (highlighted whole)."""
    seen: dict[str, BrowseHit] = {}
    chunk, start = max(200, 4 * (offset + limit)), 0
    while len(seen) < offset + limit:
        rows = store.claims(ClaimFilter(speaker=speaker, stance=stance, source_type=source_type,
                                        outlet=outlet, since=since, until=until, limit=chunk,
                                        offset=start))
        for r in rows:
            if r.doc_id not in seen:
                seen[r.doc_id] = BrowseHit(r.doc_id, r.title, r.outlet, r.published, r.content,
                                           r.content_start, ((r.content_start, r.content_end),))
        if len(rows) < chunk:
            break
        start += chunk
    return list(seen.values())[offset:offset + limit]


def snippet_parts(snippet: str, start: int, highlights: tuple[tuple[int, int], ...] | list) -> list[tuple[str, bool]]:
    """The snippet cut into ``(text, highlighted)`` pieces (for escaping templates)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, e in sorted((s - start, e - start) for s, e in highlights):
        s, e = max(s, pos), min(e, len(snippet))
        if e <= s:
            continue
        if s > pos:
            out.append((snippet[pos:s], False))
        out.append((snippet[s:e], True))
        pos = e
    if pos < len(snippet):
        out.append((snippet[pos:], False))
    return out


@dataclass
class SpeakerProfile:
    name: str
    key: str
    claims: list[ClaimRow]
    stances: Counter
    outlets: Counter
    source_types: Counter
    anonymous_own: int  # their statements that are themselves anonymous
    anonymous_chains: int  # their claims also carried, in the same claim group, by an anonymous source
    groups: list[str]


def is_anonymous(row: ClaimRow) -> bool:
    return row.source_type == "anonymous"


def speaker_profile(store: Store, name: str) -> SpeakerProfile | None:
    key = speaker_key(name)
    if not key:
        return None
    rows = [r for r in store.claims(ClaimFilter(speaker=name, limit=ALL))
            if speaker_key(r.speaker or "") == key]
    if not rows:
        return None
    groups, chains = link_store.speaker_groups(store, key)
    return SpeakerProfile(
        name=rows[0].speaker or name, key=key, claims=rows,
        stances=Counter(r.stance for r in rows), outlets=Counter(r.outlet or "?" for r in rows),
        source_types=Counter(r.source_type or "?" for r in rows),
        anonymous_own=sum(1 for r in rows if is_anonymous(r)), anonymous_chains=chains, groups=groups)


# -- outlets -----------------------------------------------------------------------------------

@dataclass
class OutletFigures:
    outlet: str
    documents: int
    attributions: int
    anonymous: int
    with_via: int
    top_speakers: list[tuple[str, int]]
    stances: Counter

    @property
    def anonymous_share(self) -> float:
        return self.anonymous / self.attributions if self.attributions else 0.0

    @property
    def via_share(self) -> float:
        return self.with_via / self.attributions if self.attributions else 0.0


def outlet_figures(rows: list[ClaimRow] | Any, top: int = 5) -> list[OutletFigures]:
    """Per outlet: share of anonymous sources, who it quotes most, agency dependence (share of
    attributions with a via)."""
    by: dict[str, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        by[r.outlet or "?"].append(r)
    out = []
    for outlet, rs in by.items():
        speakers = Counter(r.speaker for r in rs if r.speaker)
        out.append(OutletFigures(outlet, len({r.doc_id for r in rs}), len(rs),
                                 sum(1 for r in rs if is_anonymous(r)),
                                 sum(1 for r in rs if r.via), speakers.most_common(top),
                                 Counter(r.stance for r in rs)))
    out.sort(key=lambda o: (-o.attributions, o.outlet))
    return out


def story_timeline(store: Store, story: Story) -> list[dict[str, Any]]:
    """The story's articles (copies included) with outlet and time, oldest first."""
    infos = [i for i in (store.document_info(d) for d in story.doc_ids) if i is not None]
    infos.sort(key=lambda i: (i.get("published") is None, i.get("published") or "", i["id"]))
    return infos
