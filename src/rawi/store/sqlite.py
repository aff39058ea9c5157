"""The embedded default store: one SQLite file in WAL mode, FTS5 over normalised text."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Sequence

from rawi.store.base import SearchQuery, StoreUnavailable
from rawi.store.search import filter_clauses, fts5_expression, parse_query
from rawi.store.sqlbase import SqlStore
from rawi.store.textnorm import search_normalize


class SqliteStore(SqlStore):
    """A store in one SQLite file (``":memory:"`` for a throwaway one).

    Opening applies pending migrations (unless ``readonly``). WAL journal and
    ``synchronous=NORMAL``: a killed process loses at most the transaction it was in.
    """

    backend = "sqlite"

    def __init__(self, path: str | Path = "rawi.db", *, readonly: bool = False) -> None:
        super().__init__()
        self.path = str(path)
        self.url = self.path
        self.readonly = readonly
        if readonly:
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                         check_same_thread=False)
        else:
            try:
                self._conn = sqlite3.connect(self.path, isolation_level=None,
                                             check_same_thread=False)
            except sqlite3.OperationalError as exc:
                raise StoreUnavailable(self.path, f"cannot open the database ({exc})") from exc
        self._conn.execute("PRAGMA busy_timeout = 60000")
        self._conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of page cache
        if readonly:  # readers (search) map the file; writers keep RSS small
            self._conn.execute("PRAGMA mmap_size = 268435456")
        self._conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    # -- dialect -------------------------------------------------------------------------------
    def _exec(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def _many(self, sql: str, rows: list[Sequence[Any]]) -> None:
        self._conn.executemany(sql, rows)

    def _begin(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self._conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _run_script(self, sql: str) -> None:
        # executescript() would commit the open transaction; run statement by statement.
        for stmt in _split_statements(sql):
            self._conn.execute(stmt)

    def _index_text(self, num: int, text: str) -> None:
        self._conn.execute("INSERT INTO documents_fts (rowid, body) VALUES (?, ?)",
                           (num, search_normalize(text)))

    def _unindex_text(self, num: int, text: str, indexed_with: str | None) -> None:
        self._conn.execute("INSERT INTO documents_fts (documents_fts, rowid, body) "
                           "VALUES ('delete', ?, ?)", (num, search_normalize(text)))

    def _clear_index(self) -> None:
        self._conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")

    def _search_rows(self, query: SearchQuery) -> list[tuple]:
        terms = parse_query(query.text)
        if not terms:
            return []
        where, params = filter_clauses(query)
        if len(where) == 1:  # no filter (exact duplicates are never indexed): rank in FTS5 alone
            sql = ("WITH hits AS (SELECT rowid AS num, rank FROM documents_fts "
                   "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?) "
                   "SELECT d.num, d.id, d.title, o.name, d.published, -hits.rank AS score, d.text, "
                   "d.near_duplicate_of FROM hits JOIN documents d ON d.num = hits.num "
                   "LEFT JOIN outlets o ON o.id = d.outlet_id ORDER BY hits.rank")
            return self._all(sql, (fts5_expression(terms), query.limit, query.offset))
        sql = ("SELECT d.num, d.id, d.title, o.name, d.published, -bm25(documents_fts) AS score, "
               "d.text, d.near_duplicate_of FROM documents_fts "
               "JOIN documents d ON d.num = documents_fts.rowid "
               "LEFT JOIN outlets o ON o.id = d.outlet_id "
               f"WHERE documents_fts MATCH ? AND {' AND '.join(where)} "
               "ORDER BY bm25(documents_fts) LIMIT ? OFFSET ?")
        return self._all(sql, (fts5_expression(terms), *params, query.limit, query.offset))

    def file_size(self) -> int:
        """Bytes on disk: the database file plus its WAL."""
        if self.path == ":memory:":
            return 0
        return sum(p.stat().st_size for p in (Path(self.path), Path(self.path + "-wal"))
                   if p.exists())

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (after a large ingest)."""
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _split_statements(sql: str) -> list[str]:
    """Complete SQL statements of a script (uses SQLite's own completeness test)."""
    out, buf = [], []
    for line in sql.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf.append(line)
        chunk = "".join(buf)
        if sqlite3.complete_statement(chunk):
            out.append(chunk)
            buf = []
    if "".join(buf).strip():
        out.append("".join(buf))
    return out
