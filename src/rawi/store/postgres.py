"""The team-server store: PostgreSQL through psycopg 3, same API as the SQLite store.

Full text: ``documents.fts`` is ``to_tsvector('simple', <normalised text>)`` with a GIN index;
queries are ``to_tsquery('simple', <expression built from normalised words>)`` bound as a
parameter. Schema migrations live in ``migrations/postgres``.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from rawi.store.base import SearchQuery, StoreUnavailable
from rawi.store.search import filter_clauses, parse_query, tsquery_expression
from rawi.store.sqlbase import SqlStore
from rawi.store.textnorm import query_words

_PLACEHOLDER = re.compile(r"\?")


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database given by a ``postgresql://`` URL."""

    backend = "postgres"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        super().__init__()
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise StoreUnavailable(url, "psycopg is not installed (pip install 'psycopg[binary]')") \
                from exc
        self.url = url
        self.readonly = readonly
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(_redact(url), f"cannot connect: {str(exc).strip()}") from exc
        self._tx: Any = None
        if not readonly:
            self._exec("SET client_min_messages = warning")
            self._migrate()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- dialect -------------------------------------------------------------------------------
    def _q(self, sql: str) -> str:
        got = self._sql.get(sql)
        if got is None:
            got = self._sql[sql] = _PLACEHOLDER.sub("%s", sql)
        return got

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(self._q(sql), tuple(params) if params else None)

    def _many(self, sql: str, rows: list[Sequence[Any]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(self._q(sql), rows)

    def _begin(self) -> None:
        self._tx = self._conn.transaction()
        self._tx.__enter__()

    def _commit(self) -> None:
        tx, self._tx = self._tx, None
        tx.__exit__(None, None, None)

    def _rollback(self) -> None:
        tx, self._tx = self._tx, None
        if tx is not None:
            import psycopg

            try:
                tx.__exit__(psycopg.Rollback, psycopg.Rollback(), None)
            except psycopg.Rollback:  # pragma: no cover - psycopg swallows its own Rollback
                pass

    def _lock_schema(self) -> None:
        self._exec("SELECT pg_advisory_xact_lock(7277241)")

    def _run_script(self, sql: str) -> None:
        self._conn.execute(sql)  # no parameters: psycopg sends the script as is

    def _index_text(self, num: int, text: str) -> None:
        # Words only, space-separated: PostgreSQL's parser then sees the same words as the
        # query side (it would otherwise split "يونغ-تشول" into three lexemes, shifting positions).
        self._exec("UPDATE documents SET fts = to_tsvector('simple', ?) WHERE num = ?",
                   (" ".join(query_words(text)), num))

    def _unindex_text(self, num: int, text: str, indexed_with: str | None) -> None:
        self._exec("UPDATE documents SET fts = NULL WHERE num = ?", (num,))

    def _clear_index(self) -> None:
        self._exec("UPDATE documents SET fts = NULL")

    def _search_rows(self, query: SearchQuery) -> list[tuple]:
        terms = parse_query(query.text)
        if not terms:
            return []
        where, params = filter_clauses(query)
        sql = ("SELECT d.num, d.id, d.title, o.name, d.published, ts_rank_cd(d.fts, q) AS score, "
               "d.text, d.near_duplicate_of FROM documents d "
               "CROSS JOIN to_tsquery('simple', ?) AS q "
               "LEFT JOIN outlets o ON o.id = d.outlet_id "
               f"WHERE d.fts @@ q AND {' AND '.join(where)} "
               "ORDER BY score DESC, d.num LIMIT ? OFFSET ?")
        return self._all(sql, (tsquery_expression(terms), *params, query.limit, query.offset))

    def file_size(self) -> int:
        """Bytes the database takes on the server."""
        return int(self._one("SELECT pg_database_size(current_database())")[0])

    def drop_everything(self) -> None:
        """Drop all rawi tables and views (tests use this on a throwaway database)."""
        self._conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        self._outlets.clear()
        self._entities.clear()
        self._speakers.clear()


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)
