"""What the web pages and the API ask of a store, built only from the Store's public methods
and the same library calls as the CLI (``build_stories``, ``find_links``, ``load_claims``).

Whole-corpus results (stories, claim links, outlet figures) are computed once and cached until
the store records a new ingest run.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterator

from rawi.link.claims import Link
from rawi.link.story_report import Story, folded_copies
from rawi.store import ClaimFilter, ClaimRow, Store, open_store
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
        if not readonly:  # create and migrate once, up front
            open_store(url, readonly=False).close()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.url, readonly=True)
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


def _groups(rows: dict[ClaimKey, ClaimRow], claims: list, links: list[Link]) -> dict[str, ClaimGroup]:
    """The claim groups of :func:`rawi.link.groups.build_groups` (as ``rawi claim``), with
    each claim's store row for display."""
    from rawi.link.groups import build_groups

    def key(c: Any) -> ClaimKey:
        return (c.doc_id, c.idx)

    out: dict[str, ClaimGroup] = {}
    for g in build_groups(claims, links):
        members = [rows[key(c)] for c in g.claims if key(c) in rows]
        if not members:
            continue
        best: dict[tuple[str, ClaimKey], Link] = {}  # one entry per opposing claim and relation
        for ln in (*g.denials, *g.contradictions):
            k = (ln.relation, key(ln.b))
            if key(ln.a) in rows and key(ln.b) in rows and (k not in best or ln.score > best[k].score):
                best[k] = ln
        opposing = [(ln, rows[key(ln.a)], rows[key(ln.b)]) for ln in best.values()]
        out[g.id] = ClaimGroup(g.id, members, opposing)
    return out


def answered_by(corpus: "Corpus", k: ClaimKey) -> list[tuple[Link, ClaimRow]]:
    """The claims that claim ``k`` denies or contradicts (``k`` is the link's ``b`` end)."""
    return [(ln, corpus.rows[(ln.a.doc_id, ln.a.idx)]) for ln in corpus.links
            if ln.relation != "same" and (ln.b.doc_id, ln.b.idx) == k and (ln.a.doc_id, ln.a.idx) in corpus.rows]


# -- the cache of whole-corpus results -----------------------------------------------------------

@dataclass
class Corpus:
    """Whole-corpus results of one store state."""

    rows: dict[ClaimKey, ClaimRow]
    links: list[Link]
    groups: dict[str, ClaimGroup]
    group_of: dict[ClaimKey, str]
    outlets: list["OutletFigures"] = field(default_factory=list)
    stories: list[Story] | None = None
    story_of: dict[str, Story] = field(default_factory=dict)

    @property
    def outlet_names(self) -> list[str]:
        return sorted(o.outlet for o in self.outlets if o.outlet != "?")


class CorpusCache:
    """Computes :class:`Corpus` lazily, again only after a new ingest run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: Any = None
        self._corpus: Corpus | None = None

    @staticmethod
    def state_key(store: Store) -> Any:
        runs = store.runs()
        last = runs[-1] if runs else {}
        return len(runs), last.get("finished"), last.get("status")

    def get(self, store: Store) -> Corpus:
        key = self.state_key(store)
        with self._lock:
            if self._corpus is None or key != self._key:
                self._corpus, self._key = self._build(store), key
            return self._corpus

    def stories(self, store: Store) -> list[Story]:
        corpus = self.get(store)
        with self._lock:
            if corpus.stories is None:
                corpus.stories = compute_stories(store)
                corpus.story_of = {d: st for st in corpus.stories for d in st.doc_ids}
            return corpus.stories

    def story_of(self, store: Store, doc_id: str) -> Story | None:
        self.stories(store)
        return self.get(store).story_of.get(doc_id)

    def warm(self, store: Store) -> None:
        """Compute everything now (a server calls this in the background at start)."""
        self.stories(store)

    @staticmethod
    def _build(store: Store) -> Corpus:
        from rawi.cli.links import load_claims
        from rawi.link.claims import find_links

        rows = {(r.doc_id, r.idx): r for r in store.claims(ClaimFilter(limit=ALL))}
        claims = load_claims(store)
        links = find_links(claims)
        groups = _groups(rows, claims, links)
        group_of = {(r.doc_id, r.idx): g.id for g in groups.values() for r in g.claims}
        return Corpus(rows, links, groups, group_of, outlet_figures(list(rows.values())))


def compute_stories(store: Store) -> list[Story]:
    from rawi.link.story_report import build_stories

    return build_stories(store.iter_documents(), folded=folded_copies(store))


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
    rows = store.claims(ClaimFilter(speaker=speaker, stance=stance, source_type=source_type,
                                    outlet=outlet, since=since, until=until, limit=ALL))
    seen: dict[str, BrowseHit] = {}
    for r in rows:
        if r.doc_id not in seen:
            seen[r.doc_id] = BrowseHit(r.doc_id, r.title, r.outlet, r.published, r.content,
                                       r.content_start, ((r.content_start, r.content_end),))
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


def speaker_profile(store: Store, cache: CorpusCache, name: str) -> SpeakerProfile | None:
    key = speaker_key(name)
    if not key:
        return None
    rows = [r for r in store.claims(ClaimFilter(speaker=name, limit=ALL))
            if speaker_key(r.speaker or "") == key]
    if not rows:
        return None
    corpus = cache.get(store)
    groups = list(dict.fromkeys(g for r in rows if (g := corpus.group_of.get((r.doc_id, r.idx)))))
    chains = 0
    for gid in groups:
        members = corpus.groups[gid].claims
        if any(is_anonymous(m) and speaker_key(m.speaker or "") != key for m in members):
            chains += 1
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


def find_story(stories: list[Story], pred: Callable[[Story], bool]) -> Story | None:
    return next((s for s in stories if pred(s)), None)
