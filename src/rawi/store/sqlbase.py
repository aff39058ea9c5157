"""SQL shared by the SQLite and PostgreSQL stores: writes, reads, migrations.

SQL here is written with ``?`` placeholders; a backend rewrites them for its driver
(:meth:`SqlStore._q`). Every value from outside is a bound parameter, never SQL text.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from importlib import resources
from typing import Any, Iterator, Sequence

from rawi.model import (Attribution, DateMention, Document, Entity, NumberMention, RemovedLine,
                        Sentence, Span)
from rawi.store.base import (ClaimFilter, ClaimRow, DocState, ErrorRow, RunCounts, SearchHit,
                             SearchQuery, SpeakerRow, Store, StoredDoc)
from rawi.store.textnorm import NORMALIZER_ID, query_words, search_normalize

_DOC_COLS = ("id", "outlet_id", "title", "url", "published", "published_utc", "category",
             "language", "abstract", "source_path", "input_format", "encoding", "content_hash",
             "text", "meta", "duplicate_of", "near_duplicate_of", "near_duplicate_score",
             "analysed_with", "run_id")
_ATTR_SPANS = ("cue", "content", "source", "source_role", "via", "channel", "target")
MAX_RUN_PATHS = 100  # inputs recorded per run (a shell glob can name thousands of files)
_CHILD_TABLES = ("sentences", "mentions", "attributions", "dates", "numbers")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def day_start(d: date) -> str:
    """Midnight UTC of a day, as stored in ``published_utc``."""
    return datetime.combine(d, time(0), tzinfo=timezone.utc).isoformat()


def speaker_key(name: str) -> str:
    """The normalised key of a speaker name (harakat, hamza, ``_`` and spacing folded)."""
    return " ".join(query_words(name))


def entity_key(ent: Entity) -> str:
    if ent.canonical_id:
        return f"id:{ent.canonical_id}"
    return f"{ent.label}:{speaker_key(ent.canonical_name or ent.text)}"


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` as a substring (``\\`` is the escape character)."""
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def migrations(backend: str) -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of the packaged migrations for ``backend``, in order."""
    root = resources.files("rawi.store") / "migrations" / backend
    out = []
    for entry in root.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            out.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


class SqlStore(Store):
    """Everything that is plain SQL; backends add connection, FTS and dialect details."""

    backend = ""

    def __init__(self) -> None:
        self._depth = 0
        self._outlets: dict[str, int] = {}
        self._entities: dict[str, int] = {}
        self._speakers: dict[str, int] = {}
        self._sql: dict[str, str] = {}

    # -- dialect hooks -------------------------------------------------------------------------
    def _q(self, sql: str) -> str:
        return sql

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _many(self, sql: str, rows: list[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def _index_text(self, num: int, text: str) -> None:
        raise NotImplementedError

    def _unindex_text(self, num: int, text: str, indexed_with: str | None) -> None:
        raise NotImplementedError

    def _clear_index(self) -> None:
        raise NotImplementedError

    def _search_rows(self, query: SearchQuery) -> list[tuple]:
        raise NotImplementedError

    # -- helpers -------------------------------------------------------------------------------
    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        return self._exec(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self._exec(sql, params).fetchall())

    def _iter(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[tuple]:
        """The rows of a query, fetched ``size`` at a time (a large result is never held whole)."""
        cur = self._exec(sql, params)
        while True:
            rows = cur.fetchmany(size)
            if not rows:
                return
            yield from rows

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            # nested: a savepoint, so that one failed document rolls back alone
            name = f"rawi_sp{self._depth}"
            self._exec(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._exec(f"ROLLBACK TO SAVEPOINT {name}")
                self._exec(f"RELEASE SAVEPOINT {name}")
                self._outlets.clear()
                self._entities.clear()
                self._speakers.clear()
                raise
            else:
                self._exec(f"RELEASE SAVEPOINT {name}")
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            self._outlets.clear()
            self._entities.clear()
            self._speakers.clear()
            raise
        self._depth = 0
        self._commit()

    def _migrate(self) -> None:
        """Apply, in order, every packaged migration newer than the stored schema version
        (in one transaction, under a lock, so that concurrent openers apply each once)."""
        with self.transaction():
            self._lock_schema()
            self._exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                       "name TEXT NOT NULL, applied TEXT NOT NULL)")
            current = self.schema_version()
            for version, name, sql in migrations(self.backend):
                if version <= current:
                    continue
                self._run_script(sql)
                self._exec("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
                           (version, name, now_iso()))
            self._exec("INSERT INTO meta (key, value) VALUES ('normalizer', ?) "
                       "ON CONFLICT (key) DO NOTHING", (NORMALIZER_ID,))
        row = self._one("SELECT value FROM meta WHERE key = 'normalizer'")
        if row and row[0] != NORMALIZER_ID:
            self.rebuild_search_index()

    def _lock_schema(self) -> None:
        """Serialise schema changes between processes (SQLite: BEGIN IMMEDIATE already does)."""

    def _run_script(self, sql: str) -> None:
        raise NotImplementedError

    def schema_version(self) -> int:
        row = self._one("SELECT max(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0

    def _insert_id(self, sql: str, params: Sequence[Any], key: str = "id") -> int:
        row = self._one(f"{sql} RETURNING {key}", params)
        assert row is not None
        return int(row[0])

    def _upsert_id(self, cache: dict[str, int], table: str, key_col: str, key: str,
                   cols: dict[str, Any]) -> int:
        got = cache.get(key)
        if got is not None:
            return got
        row = self._one(f"SELECT id FROM {table} WHERE {key_col} = ?", (key,))
        if row is None:
            names = [key_col, *cols]
            marks = ", ".join("?" for _ in names)
            row = self._one(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks}) "
                            f"ON CONFLICT ({key_col}) DO NOTHING RETURNING id",
                            (key, *cols.values()))
            if row is None:  # another writer inserted it meanwhile (PostgreSQL)
                row = self._one(f"SELECT id FROM {table} WHERE {key_col} = ?", (key,))
        assert row is not None
        cache[key] = int(row[0])
        return cache[key]

    # -- ingest bookkeeping --------------------------------------------------------------------
    def begin_run(self, pipeline_version: str, paths: list[str]) -> int:
        with self.transaction():
            return self._insert_id(
                "INSERT INTO ingest_runs (started, pipeline_version, paths) VALUES (?, ?, ?)",
                (now_iso(), pipeline_version, json.dumps(
                    paths if len(paths) <= MAX_RUN_PATHS
                    else [*paths[:MAX_RUN_PATHS], f"… and {len(paths) - MAX_RUN_PATHS} more"],
                    ensure_ascii=False)))

    def finish_run(self, run_id: int, counts: RunCounts, status: str = "done") -> None:
        c = counts.to_dict()
        sets = ", ".join(f"{k} = ?" for k in c)
        with self.transaction():
            self._exec(f"UPDATE ingest_runs SET finished = ?, status = ?, {sets} WHERE id = ?",
                       (now_iso(), status, *c.values(), run_id))

    def source_files(self, paths: list[str]) -> dict[str, tuple[int, int, str]]:
        out: dict[str, tuple[int, int, str]] = {}
        for i in range(0, len(paths), 500):
            chunk = paths[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            for path, size, mtime, status in self._all(
                    f"SELECT path, size, mtime_ns, status FROM source_files WHERE path IN ({marks})",
                    chunk):
                out[path] = (int(size), int(mtime), status)
        return out

    def put_source_file(self, path: str, size: int, mtime_ns: int, status: str, n_docs: int,
                        run_id: int) -> None:
        self._exec("INSERT INTO source_files (path, size, mtime_ns, status, n_docs, run_id) "
                   "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET size = excluded.size, "
                   "mtime_ns = excluded.mtime_ns, status = excluded.status, "
                   "n_docs = excluded.n_docs, run_id = excluded.run_id",
                   (path, size, mtime_ns, status, n_docs, run_id))

    def doc_state(self, doc_id: str) -> DocState | None:
        row = self._one("SELECT num, id, content_hash, source_path, analysed_with FROM documents "
                        "WHERE id = ?", (doc_id,))
        return DocState(int(row[0]), row[1], row[2], row[3], row[4]) if row else None

    def find_by_hash(self, content_hash: str) -> str | None:
        row = self._one("SELECT id FROM documents WHERE content_hash = ? AND duplicate_of IS NULL "
                        "ORDER BY num LIMIT 1", (content_hash,))
        return row[0] if row else None

    def put_error(self, run_id: int | None, path: str | None, doc_id: str | None, code: str,
                  message: str) -> None:
        self._exec("INSERT INTO errors (run_id, path, doc_id, code, message, created) "
                   "VALUES (?, ?, ?, ?, ?, ?)", (run_id, path, doc_id, code, message, now_iso()))

    # -- documents -----------------------------------------------------------------------------
    def put_document(self, item: StoredDoc, run_id: int | None) -> int:
        doc = item.doc
        outlet_id = (self._upsert_id(self._outlets, "outlets", "name", doc.outlet, {})
                     if doc.outlet else None)
        pub = doc.published
        meta = {**dict(doc.meta), **item.meta}
        values = (doc.id, outlet_id, doc.title, doc.url, pub.isoformat() if pub else None,
                  pub.astimezone(timezone.utc).isoformat() if pub else None, doc.category,
                  doc.language, doc.abstract, doc.source_path, doc.input_format, doc.encoding,
                  item.content_hash, doc.text,
                  json.dumps(meta, ensure_ascii=False, default=str) if meta else None,
                  item.duplicate_of, item.near_duplicate_of, item.near_duplicate_score,
                  item.analysed_with, run_id)
        marks = ", ".join("?" for _ in _DOC_COLS)
        num = self._insert_id(f"INSERT INTO documents ({', '.join(_DOC_COLS)}) VALUES ({marks})",
                              values, key="num")
        if doc.boilerplate:
            self._many("INSERT INTO boilerplate (doc_num, idx, line_no, reason, text) "
                       "VALUES (?, ?, ?, ?, ?)",
                       [(num, i, r.line_no, r.reason, r.text) for i, r in enumerate(doc.boilerplate)])
        if item.duplicate_of is None:
            self._index_text(num, doc.text)
            self._exec("UPDATE documents SET indexed_with = ? WHERE num = ?", (NORMALIZER_ID, num))
            if item.minhash is not None:
                self._exec("INSERT INTO doc_minhash (doc_num, sig) VALUES (?, ?)",
                           (num, item.minhash))
            self._write_analysis(num, doc)
        return num

    def _write_analysis(self, num: int, doc: Document) -> None:
        if doc.sentences:
            self._many('INSERT INTO sentences (doc_num, idx, start, "end") VALUES (?, ?, ?, ?)',
                       [(num, i, s.start, s.end) for i, s in enumerate(doc.sentences)])
        if doc.entities:
            rows = []
            for i, e in enumerate(doc.entities):
                eid = self._upsert_id(self._entities, "entities", "key", entity_key(e), {
                    "label": e.label, "name": e.canonical_name or e.text,
                    "norm": speaker_key(e.canonical_name or e.text),
                    "canonical_id": e.canonical_id, "lat": e.lat, "lon": e.lon,
                    "country": e.country})
                rows.append((num, i, e.start, e.end, e.label, e.text, eid))
            self._many('INSERT INTO mentions (doc_num, idx, start, "end", label, text, entity_id) '
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        if doc.attributions:
            self._many(self._attr_insert_sql(),
                       [self._attr_row(num, i, a, doc.text) for i, a in enumerate(doc.attributions)])
        if doc.dates:
            self._many('INSERT INTO dates (doc_num, idx, start, "end", text, value, kind, granularity) '
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [(num, i, m.start, m.end, m.text, m.value, m.kind, m.granularity)
                        for i, m in enumerate(doc.dates)])
        if doc.numbers:
            self._many('INSERT INTO numbers (doc_num, idx, start, "end", text, value, value_max, '
                       "unit, approx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [(num, i, m.start, m.end, m.text,
                         None if m.value is None else float(m.value),
                         None if m.value_max is None else float(m.value_max), m.unit, bool(m.approx))
                        for i, m in enumerate(doc.numbers)])

    @staticmethod
    def _attr_insert_sql() -> str:
        cols = ["doc_num", "idx"]
        for name in _ATTR_SPANS:
            cols += [f"{name}_start", f"{name}_end"]
        cols += ["source_resolved", "speaker_id", "source_type", "type", "stance", "nested_in",
                 "anonymous"]
        return (f"INSERT INTO attributions ({', '.join(cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})")

    def _attr_row(self, num: int, idx: int, a: Attribution, text: str) -> tuple:
        row: list[Any] = [num, idx]
        for name in _ATTR_SPANS:
            span: Span | None = getattr(a, name)
            row += [span.start, span.end] if span is not None else [None, None]
        name = a.source_resolved or (text[a.source.start:a.source.end] if a.source else None)
        speaker_id = None
        if name and speaker_key(name):
            speaker_id = self._upsert_id(self._speakers, "speakers", "key", speaker_key(name),
                                         {"name": name, "source_type": a.source_type})
        row += [a.source_resolved, speaker_id, a.source_type, a.type, a.stance, a.nested_in,
                bool(a.anonymous)]
        return tuple(row)

    def _delete_analysis(self, num: int) -> None:
        for table in _CHILD_TABLES:
            self._exec(f"DELETE FROM {table} WHERE doc_num = ?", (num,))

    def replace_analysis(self, doc_id: str, doc: Document, analysed_with: str | None) -> None:
        state = self.doc_state(doc_id)
        if state is None:
            raise KeyError(doc_id)
        with self.transaction():
            self._forget_derived(state.num, stories=_stories_read_analysis())
            self._delete_analysis(state.num)
            self._write_analysis(state.num, doc)
            self._exec("UPDATE documents SET analysed_with = ? WHERE num = ?",
                       (analysed_with, state.num))

    def delete_document(self, doc_id: str) -> None:
        row = self._one("SELECT num, text, indexed_with FROM documents WHERE id = ?", (doc_id,))
        if row is None:
            return
        num = int(row[0])
        with self.transaction():
            if row[2] is not None:
                self._unindex_text(num, row[1], row[2])
            self._forget_derived(num, stories=True)
            self._delete_analysis(num)
            for table in ("boilerplate", "doc_minhash"):
                self._exec(f"DELETE FROM {table} WHERE doc_num = ?", (num,))
            self._exec("UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ?", (doc_id,))
            self._exec("UPDATE documents SET near_duplicate_of = NULL, near_duplicate_score = NULL "
                       "WHERE near_duplicate_of = ?", (doc_id,))
            self._exec("DELETE FROM documents WHERE num = ?", (num,))

    def _forget_derived(self, num: int, *, stories: bool) -> None:
        """Drop the stored links (and the story, when ``stories``) of a document whose
        analysis or text changes; the next :meth:`update_derived` computes them again."""
        if self.schema_version() < 2:
            return
        from rawi.store import link_store, story_store

        link_store.forget_links(self, num)
        if stories:
            story_store.forget_story(self, num)

    def update_derived(self, run_id: int | None = None) -> dict[str, int]:
        """Assign stories to the originals without one and link their claims (after an
        ingest); returns how many articles were assigned and links stored."""
        from rawi.store import link_store, story_store

        return {"stories_assigned": story_store.update_stories(self, run_id),
                "links_stored": link_store.update_links(self)}

    def outlet_names(self) -> list[str]:
        """Names of the outlets of stored originals."""
        return [r[0] for r in self._all(
            "SELECT DISTINCT o.name FROM outlets o JOIN documents d ON d.outlet_id = o.id "
            "WHERE d.duplicate_of IS NULL ORDER BY o.name")]

    def iter_minhashes(self) -> Iterator[tuple[str, bytes]]:
        for doc_id, sig in self._all(
                "SELECT d.id, m.sig FROM doc_minhash m JOIN documents d ON d.num = m.doc_num "
                "WHERE d.duplicate_of IS NULL AND d.near_duplicate_of IS NULL ORDER BY d.num"):
            yield doc_id, bytes(sig)

    def stale_documents(self, pipeline_version: str) -> list[str]:
        return [r[0] for r in self._all(
            "SELECT id FROM documents WHERE duplicate_of IS NULL AND "
            "(analysed_with IS NULL OR analysed_with <> ?) ORDER BY num", (pipeline_version,))]

    def rebuild_search_index(self) -> int:
        n = 0
        with self.transaction():
            self._clear_index()
            for num, text in self._all("SELECT num, text FROM documents WHERE duplicate_of IS NULL"):
                self._index_text(int(num), text)
                n += 1
            self._exec("UPDATE documents SET indexed_with = CASE WHEN duplicate_of IS NULL "
                       "THEN ? ELSE NULL END", (NORMALIZER_ID,))
            self._exec("UPDATE meta SET value = ? WHERE key = 'normalizer'", (NORMALIZER_ID,))
        return n

    # -- reading -------------------------------------------------------------------------------
    def _doc_row(self, doc_id: str) -> tuple | None:
        return self._one(
            "SELECT d.num, d.id, d.text, d.title, d.url, o.name, d.published, d.language, "
            "d.source_path, d.category, d.abstract, d.input_format, d.encoding, d.meta "
            "FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?", (doc_id,))

    def get_document(self, doc_id: str) -> Document | None:
        row = self._doc_row(doc_id)
        return self._build_document(row) if row else None

    def _build_document(self, row: tuple) -> Document:
        num = row[0]
        sel = lambda sql: self._all(sql, (num,))  # noqa: E731
        bp = tuple(RemovedLine(t, r, int(ln)) for ln, r, t in sel(
            "SELECT line_no, reason, text FROM boilerplate WHERE doc_num = ? ORDER BY idx"))
        sents = tuple(Sentence(int(s), int(e)) for s, e in sel(
            'SELECT start, "end" FROM sentences WHERE doc_num = ? ORDER BY idx'))
        ents = tuple(
            Entity(int(s), int(e), lab, txt, cid, name if (cid or name != txt) else None, lat, lon, cc)
            for s, e, lab, txt, cid, name, lat, lon, cc in sel(
                'SELECT m.start, m."end", m.label, m.text, e.canonical_id, e.name, e.lat, e.lon, '
                "e.country FROM mentions m JOIN entities e ON e.id = m.entity_id "
                "WHERE m.doc_num = ? ORDER BY m.idx"))
        dates = tuple(DateMention(int(s), int(e), t, v, k, g) for s, e, t, v, k, g in sel(
            'SELECT start, "end", text, value, kind, granularity FROM dates WHERE doc_num = ? '
            "ORDER BY idx"))
        numbers = tuple(
            NumberMention(int(s), int(e), t, _num(v), _num(vm), u, bool(ap))
            for s, e, t, v, vm, u, ap in sel(
                'SELECT start, "end", text, value, value_max, unit, approx FROM numbers '
                "WHERE doc_num = ? ORDER BY idx"))
        cols = ", ".join(f"{n}_start, {n}_end" for n in _ATTR_SPANS)
        attrs = []
        for r in sel(f"SELECT {cols}, source_resolved, source_type, type, stance, nested_in, "
                     "anonymous FROM attributions WHERE doc_num = ? ORDER BY idx"):
            spans = {n: (Span(int(r[2 * i]), int(r[2 * i + 1]), n) if r[2 * i] is not None else None)
                     for i, n in enumerate(_ATTR_SPANS)}
            k = 2 * len(_ATTR_SPANS)
            attrs.append(Attribution(
                cue=spans["cue"], content=spans["content"], type=r[k + 2], stance=r[k + 3],
                source=spans["source"], source_role=spans["source_role"], source_resolved=r[k],
                source_type=r[k + 1], via=spans["via"], channel=spans["channel"],
                target=spans["target"], nested_in=None if r[k + 4] is None else int(r[k + 4]),
                anonymous=bool(r[k + 5])))
        _, doc_id, text, title, url, outlet, pub, lang, path, cat, abstract, fmt, enc, meta = row
        return Document(
            id=doc_id, text=text, title=title or "", url=url, outlet=outlet,
            published=datetime.fromisoformat(pub) if pub else None, language=lang or "ar",
            source_path=path, category=cat, abstract=abstract, input_format=fmt, encoding=enc,
            boilerplate=bp, sentences=sents, entities=ents, dates=dates, numbers=numbers,
            attributions=tuple(attrs), meta=json.loads(meta) if meta else {})

    def iter_documents(self, *, include_duplicates: bool = False) -> Iterator[Document]:
        for doc_id in self.doc_ids(include_duplicates=include_duplicates):
            doc = self.get_document(doc_id)
            if doc is not None:
                yield doc

    def doc_ids(self, *, include_duplicates: bool = True) -> list[str]:
        where = "" if include_duplicates else \
            " WHERE duplicate_of IS NULL AND near_duplicate_of IS NULL"
        return [r[0] for r in self._all(f"SELECT id FROM documents{where} ORDER BY num")]

    def document_info(self, doc_id: str) -> dict[str, Any] | None:
        cols = ("id", "title", "url", "published", "category", "language", "source_path",
                "input_format", "encoding", "content_hash", "duplicate_of", "near_duplicate_of",
                "near_duplicate_score", "analysed_with", "run_id")
        row = self._one(f"SELECT {', '.join('d.' + c for c in cols)}, o.name FROM documents d "
                        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?", (doc_id,))
        if row is None:
            return None
        return {**dict(zip(cols, row[:-1])), "outlet": row[-1]}

    def search(self, query: SearchQuery) -> list[SearchHit]:
        from rawi.store.search import hits_from_rows

        return hits_from_rows(query, self._search_rows(query))

    def speakers(self, limit: int = 100, offset: int = 0) -> list[SpeakerRow]:
        rows = self._all("SELECT name, key, source_type, attributions, documents, denials "
                         "FROM speakers_view ORDER BY attributions DESC, key LIMIT ? OFFSET ?",
                         (limit, offset))
        return [SpeakerRow(r[0], r[1], r[2], int(r[3]), int(r[4]), int(r[5] or 0)) for r in rows]

    def claims(self, flt: ClaimFilter) -> list[ClaimRow]:
        where, params = ["1 = 1"], []
        if not flt.include_near_duplicates:
            where.append("near_duplicate_of IS NULL")
        if flt.speaker:
            if not speaker_key(flt.speaker):  # only punctuation or spaces: no name, no match
                return []
            where.append("speaker_key LIKE ? ESCAPE '\\'")
            params.append(like_pattern(speaker_key(flt.speaker)))
        for col, val in (("stance", flt.stance), ("source_type", flt.source_type),
                         ("outlet", flt.outlet), ("doc_id", flt.doc_id)):
            if val:
                where.append(f"{col} = ?")
                params.append(val)
        if flt.since:
            where.append("published_utc >= ?")
            params.append(day_start(flt.since))
        if flt.until:
            where.append("published_utc < ?")
            params.append(day_start(flt.until + timedelta(days=1)))
        rows = self._all(
            "SELECT doc_id, title, outlet, published, idx, source_resolved, source, source_type, "
            "cue, content, content_start, content_end, stance, type, via, channel, target "
            f"FROM attributions_view WHERE {' AND '.join(where)} "
            "ORDER BY published DESC, doc_id, idx LIMIT ? OFFSET ?",
            (*params, flt.limit, flt.offset))
        return [ClaimRow(r[0], r[1], r[2], r[3], int(r[4]), r[5] or r[6], r[6], r[7], r[8], r[9],
                         int(r[10]), int(r[11]), r[12], r[13], r[14], r[15], r[16]) for r in rows]

    def errors(self, run_id: int | None = None) -> list[ErrorRow]:
        sql = "SELECT run_id, path, doc_id, code, message FROM errors"
        rows = (self._all(sql + " WHERE run_id = ? ORDER BY id", (run_id,)) if run_id is not None
                else self._all(sql + " ORDER BY id"))
        return [ErrorRow(*r) for r in rows]

    def runs(self) -> list[dict[str, Any]]:
        cols = ["id", "started", "finished", "status", "pipeline_version", "paths",
                *RunCounts().to_dict()]
        return [dict(zip(cols, r)) for r in self._all(
            f"SELECT {', '.join(cols)} FROM ingest_runs ORDER BY id")]

    def stats(self) -> dict[str, int]:
        one = lambda sql: int(self._one(sql)[0] or 0)  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "originals": one("SELECT count(*) FROM documents WHERE duplicate_of IS NULL "
                             "AND near_duplicate_of IS NULL"),
            "duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "near_duplicates": one("SELECT count(*) FROM documents "
                                   "WHERE near_duplicate_of IS NOT NULL"),
            "unanalysed": one("SELECT count(*) FROM documents WHERE analysed_with IS NULL "
                              "AND duplicate_of IS NULL"),
            "sentences": one("SELECT count(*) FROM sentences"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "attributions": one("SELECT count(*) FROM attributions"),
            "speakers": one("SELECT count(*) FROM speakers"),
            "errors": one("SELECT count(*) FROM errors"),
            "runs": one("SELECT count(*) FROM ingest_runs"),
        }


def _stories_read_analysis() -> bool:
    """Whether story assignment reads the analysis (entities): then a re-analysed document
    is assigned again."""
    from rawi.link.stories import StoryOptions

    return StoryOptions().entity_bonus > 0


def _num(v: Any) -> float | int | None:
    if v is None:
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


def normalized_for_index(text: str) -> str:
    """What goes into the full-text index for a document text."""
    return search_normalize(text)
