"""Stories kept in the store: each original's story is assigned at ingest and stored.

:func:`update_stories` runs after an ingest has written its documents. It assigns every
original that has no story yet (in publication order, as :func:`rawi.link.story_report.build_stories`
does) with the incremental :class:`rawi.link.stories.StoryIndex`:

- document frequencies are those of every assigned article plus the new ones (kept in
  ``story_terms``), frozen while the run assigns;
- the index is resumed with the stored articles published within the story window of a new
  article (their stories and centroids), so a new article can join an existing story;
  nothing already assigned moves;
- on a store without stories, this is exactly ``build_stories`` over the whole store.

One transaction: a killed run leaves the articles it had not assigned without a story, and
the next run assigns them. When the story code or its options change (``stories_version``),
the next run assigns the whole store again.

Readers (:func:`read_stories`, :func:`story_of`) build :class:`rawi.link.story_report.Story`
records from the stored rows without recomputing anything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Sequence

from rawi.link.stories import (DocumentFrequencies, StoryDoc, StoryIndex, StoryOptions, _Story,
                               doc_terms)
from rawi.link.story_report import Story, story_doc
from rawi.model import Document, Entity
from rawi.store.code_version import code_version

_SOURCES = ("link/stories.py", "link/story_report.py", "link/terms.py", "text/normalize.py",
            "lexicons/stopwords.tsv")
_ORIGINAL = "d.duplicate_of IS NULL AND d.near_duplicate_of IS NULL"
_CHUNK = 500


def stories_version(options: StoryOptions = StoryOptions()) -> str:
    """A digest of the story code, its data and ``options``: stored stories made with another
    version are assigned again by the next ingest."""
    return code_version(_SOURCES, options)


def label(story_num: int) -> str:
    """The shown id of a stored story (``s00001``)."""
    return f"s{story_num:05d}"


def parse_label(value: str) -> int | None:
    if len(value) < 2 or value[0] != "s" or not value[1:].isdigit():
        return None
    return int(value[1:])


class _ResumedIndex(StoryIndex):
    """A :class:`StoryIndex` that can take back stored articles with their stored story."""

    def attach(self, d: StoryDoc, sid: int) -> None:
        """Put ``d`` into story ``sid`` (an index into ``self.stories``) as ``add`` would have."""
        vec = self._vector(doc_terms(d, self.options))
        i = len(self.vectors)
        self.vectors.append(vec)
        self.times.append(d.published)
        self.entities.append(d.entities)
        self.doc_ids.append(d.doc_id)
        while len(self.stories) <= sid:
            self.stories.append(_Story(len(self.stories)))
        story = self.stories[sid]
        story.members.append(i)
        n = len(story.members)
        merged = {t: w * (n - 1) / n for t, w in story.centroid.items()}
        for t, w in vec.items():
            merged[t] = merged.get(t, 0.0) + w / n
        norm = sum(w * w for w in merged.values()) ** 0.5 or 1.0
        story.centroid = {t: w / norm for t, w in merged.items()}
        if story.last is None or (d.published and d.published > story.last):
            story.last = d.published
        self.story_of.append(sid)
        for t in vec:
            self.postings[t].append(i)


# -- loading articles -------------------------------------------------------------------------

def _when(d: StoryDoc) -> tuple:
    return (d.published is None, d.published or datetime.min, d.doc_id)


def _light_documents(store: Any, rows: Sequence[tuple], options: StoryOptions) -> list[tuple[int, Document]]:
    """``(num, Document)`` with what :func:`story_doc` reads: title, the head of the text,
    outlet, time and the canonical entities."""
    nums = [int(r[0]) for r in rows]
    ents: dict[int, list[Entity]] = defaultdict(list)
    for i in range(0, len(nums), _CHUNK):
        chunk = nums[i:i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for num, start, end, lab, text, cid, name in store._all(
                f'SELECT m.doc_num, m.start, m."end", m.label, m.text, e.canonical_id, e.name '
                f"FROM mentions m JOIN entities e ON e.id = m.entity_id "
                f"WHERE e.canonical_id IS NOT NULL AND m.doc_num IN ({marks}) "
                f"ORDER BY m.doc_num, m.idx", chunk):
            ents[int(num)].append(Entity(int(start), int(end), lab, text, cid, name))
    out = []
    for num, doc_id, title, head, outlet, pub in rows:
        out.append((int(num), Document(
            id=doc_id, text=head or "", title=title or "", outlet=outlet,
            published=datetime.fromisoformat(pub) if pub else None,
            entities=tuple(ents.get(int(num), ())))))
    return out


def _select(options: StoryOptions) -> tuple[str, int]:
    head = max(2000, 3 * int(options.lead_chars))
    return ("SELECT d.num, d.id, d.title, substr(d.text, 1, length(d.title) + ?), o.name, d.published "
            "FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id", head)


def _pending(store: Any, options: StoryOptions) -> list[tuple[int, Document]]:
    sql, head = _select(options)
    rows = store._all(f"{sql} LEFT JOIN story_members sm ON sm.doc_num = d.num "
                      f"WHERE sm.doc_num IS NULL AND {_ORIGINAL} ORDER BY d.num", (head,))
    return _light_documents(store, rows, options)


def _windows(times: Iterable[datetime | None], hours: float) -> list[tuple[str, str]] | None:
    """Merged UTC intervals ``[t - hours, t + hours]``; None when a time is unknown (an
    article without a date is in every window)."""
    spans = []
    for t in times:
        if t is None:
            return None
        u = t.astimezone(timezone.utc)
        spans.append((u - timedelta(hours=hours), u + timedelta(hours=hours)))
    spans.sort()
    merged: list[list[datetime]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a.isoformat(), b.isoformat()) for a, b in merged]


def _resumable(store: Any, times: list[datetime | None], options: StoryOptions) -> list[tuple[int, int, Document]]:
    """``(story_id, num, Document)`` of the stored articles a new one may join, in assignment order."""
    sql, head = _select(options)
    base = f"{sql} JOIN story_members sm ON sm.doc_num = d.num"
    windows = _windows(times, options.window_hours)
    if windows is None:
        rows = store._all(base, (head,))
    else:
        rows, seen = [], set()
        got = [store._all(f"{base} WHERE d.published_utc >= ? AND d.published_utc <= ?", (head, lo, hi))
               for lo, hi in windows]
        got.append(store._all(f"{base} WHERE d.published_utc IS NULL", (head,)))
        for r in (r for part in got for r in part):
            if r[0] not in seen:
                seen.add(r[0])
                rows.append(r)
    docs = dict(_light_documents(store, rows, options))
    nums = list(docs)
    story: dict[int, tuple[int, int]] = {}
    for i in range(0, len(nums), _CHUNK):
        chunk = nums[i:i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for num, sid, s in store._all(f"SELECT doc_num, story_id, seq FROM story_members "
                                      f"WHERE doc_num IN ({marks})", chunk):
            story[int(num)] = (int(sid), int(s))
    order = sorted((n for n in nums if n in story), key=lambda n: story[n][1])
    return [(story[n][0], n, docs[n]) for n in order]


# -- assignment --------------------------------------------------------------------------------

def _meta(store: Any, key: str) -> str | None:
    row = store._one("SELECT value FROM meta WHERE key = ?", (key,))
    return row[0] if row else None


def _set_meta(store: Any, key: str, value: str) -> None:
    store._exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = excluded.value", (key, value))


def update_stories(store: Any, run_id: int | None = None,
                   options: StoryOptions = StoryOptions()) -> int:
    """Assign every original without a story; returns how many were assigned."""
    version = stories_version(options)
    with store.transaction():
        if _meta(store, "stories_version") != version:
            for table in ("story_members", "story_terms", "stories"):
                store._exec(f"DELETE FROM {table}")
            _set_meta(store, "stories_version", version)
            _set_meta(store, "stories_n", "0")
            _set_meta(store, "stories_seq", "0")
        pending = _pending(store, options)
        if not pending:
            return 0
        n_stored = int(_meta(store, "stories_n") or 0)
        seq = int(_meta(store, "stories_seq") or 0)
        new = sorted(((story_doc(doc), num) for num, doc in pending), key=lambda x: _when(x[0]))
        df = DocumentFrequencies()
        if n_stored:
            df.df.update({t: int(c) for t, c in store._all("SELECT term, df FROM story_terms")})
            df.n = n_stored
        changed: Counter[str] = Counter()
        for sd, _ in new:
            ts = set(doc_terms(sd, options))
            df.add(ts)
            changed.update(ts)
        index = _ResumedIndex(options, df=df, update_df=False)
        internal_to_db: list[int] = []
        if n_stored:
            db_to_internal: dict[int, int] = {}
            for sid, _num, doc in _resumable(store, [sd.published for sd, _ in new], options):
                k = db_to_internal.get(sid)
                if k is None:
                    k = db_to_internal[sid] = len(internal_to_db)
                    internal_to_db.append(sid)
                index.attach(story_doc(doc), k)
        row = store._one("SELECT max(id) FROM stories")
        next_id = int(row[0]) + 1 if row and row[0] is not None else 1
        new_stories, members = [], []
        for sd, num in new:
            k = index.add(sd)
            while k >= len(internal_to_db):
                internal_to_db.append(next_id)
                new_stories.append((next_id, run_id))
                next_id += 1
            seq += 1
            members.append((num, internal_to_db[k], seq))
        if new_stories:
            store._many("INSERT INTO stories (id, run_id) VALUES (?, ?)", new_stories)
        store._many("INSERT INTO story_members (doc_num, story_id, seq) VALUES (?, ?, ?)", members)
        store._many("INSERT INTO story_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE "
                    "SET df = excluded.df", [(t, df.df[t]) for t in changed])
        _set_meta(store, "stories_n", str(df.n))
        _set_meta(store, "stories_seq", str(seq))
        return len(members)


def forget_story(store: Any, num: int) -> None:
    """Drop an article's assignment (its text changed, or it is deleted): the next
    :func:`update_stories` assigns it again."""
    store._exec("DELETE FROM story_members WHERE doc_num = ?", (num,))


# -- reading -------------------------------------------------------------------------------------

def stories_state(store: Any) -> dict[str, Any]:
    """What the store holds: whether stories are stored, current, and complete."""
    if store.schema_version() < 2:
        return {"stored": False, "current": False, "pending": 0}
    row = store._one(f"SELECT count(*) FROM documents d LEFT JOIN story_members sm "
                     f"ON sm.doc_num = d.num WHERE sm.doc_num IS NULL AND {_ORIGINAL}")
    version = _meta(store, "stories_version")
    return {"stored": version is not None, "current": version == stories_version(),
            "pending": int(row[0]) if row else 0}


def story_sizes(store: Any) -> list[tuple[int, int]]:
    """``(story_id, articles)`` of every stored story, copies counted, in story order."""
    sizes: Counter[int] = Counter()
    for sid, n in store._all("SELECT story_id, count(*) FROM story_members GROUP BY story_id"):
        sizes[int(sid)] += int(n)
    for sid, n in store._all(
            "SELECT sm.story_id, count(*) FROM documents c JOIN documents d "
            "ON d.id = COALESCE(c.duplicate_of, c.near_duplicate_of) "
            "JOIN story_members sm ON sm.doc_num = d.num GROUP BY sm.story_id"):
        sizes[int(sid)] += int(n)
    return sorted(sizes.items())


def read_stories(store: Any, story_ids: Sequence[int] | None = None) -> list[Story]:
    """Stored stories (all, or those of ``story_ids``) in story order, as ``build_stories``
    describes them: member ids each followed by its copies, titles, outlets, first and last
    time, the five most mentioned actors (PER, ORG) and places (LOC)."""
    filters: list[tuple[str, list[int]]] = []
    if story_ids is None:
        filters.append(("", []))
    else:
        ids = sorted(set(int(s) for s in story_ids))
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            filters.append((f" WHERE sm.story_id IN ({', '.join('?' for _ in chunk)})", chunk))
    members: dict[int, list[tuple]] = defaultdict(list)
    copies: dict[str, list[str]] = defaultdict(list)
    mentions: dict[int, list[tuple]] = defaultdict(list)
    for where, params in filters:
        for sid, doc_id, title, outlet, pub in store._all(
                "SELECT sm.story_id, d.id, d.title, o.name, d.published FROM story_members sm "
                "JOIN documents d ON d.num = sm.doc_num LEFT JOIN outlets o ON o.id = d.outlet_id"
                f"{where} ORDER BY sm.story_id, sm.seq", params):
            members[int(sid)].append((doc_id, title or "", outlet, pub))
        for on in ("c.duplicate_of = d.id", "c.near_duplicate_of = d.id AND c.duplicate_of IS NULL"):
            for orig, copy in store._all(  # one indexed join each (COALESCE of both scans)
                    "SELECT d.id, c.id FROM story_members sm JOIN documents d ON d.num = sm.doc_num "
                    f"JOIN documents c ON {on}{where}", params):
                copies[orig].append(copy)
        and_ = " AND" if where else " WHERE"
        for sid, lab, name, n, first_seq, first_idx in store._all(
                "SELECT sm.story_id, m.label, e.name, count(*), min(sm.seq), min(m.idx) "
                "FROM story_members sm JOIN mentions m ON m.doc_num = sm.doc_num "
                f"JOIN entities e ON e.id = m.entity_id{where}{and_} m.label IN ('PER', 'ORG', 'LOC') "
                "GROUP BY sm.story_id, m.label, e.name", params):
            mentions[int(sid)].append((lab, name, int(n), int(first_seq), int(first_idx)))
    out = []
    for sid in sorted(members):
        ms = members[sid]
        actors: dict[str, list[int]] = {}
        places: dict[str, list[int]] = {}
        for lab, name, n, fs, fi in mentions.get(sid, ()):
            bag = places if lab == "LOC" else actors
            got = bag.setdefault(name, [0, fs, fi])
            got[0] += n
            got[1:] = min(got[1:], [fs, fi])
        times = [p for *_, p in ms if p]
        out.append(Story(
            id=label(sid),
            doc_ids=tuple(x for doc_id, *_ in ms for x in (doc_id, *sorted(copies.get(doc_id, ())))),
            titles=tuple(t for _, t, _, _ in ms),
            outlets=tuple(dict.fromkeys(o for _, _, o, _ in ms if o)),
            first=min(times) if times else None, last=max(times) if times else None,
            actors=_top(actors), places=_top(places)))
    return out


def _top(bag: dict[str, list[int]], n: int = 5) -> tuple[str, ...]:
    return tuple(k for k, _ in sorted(bag.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[1][2]))[:n])


def story_id_of(store: Any, doc_id: str) -> int | None:
    """The stored story of a document (a copy's is its original's)."""
    row = store._one("SELECT sm.story_id FROM story_members sm JOIN documents d ON d.num = sm.doc_num "
                     "WHERE d.id = ?", (doc_id,))
    if row is None:
        row = store._one("SELECT sm.story_id FROM documents c JOIN documents d "
                         "ON d.id = COALESCE(c.duplicate_of, c.near_duplicate_of) "
                         "JOIN story_members sm ON sm.doc_num = d.num WHERE c.id = ?", (doc_id,))
    return int(row[0]) if row else None
