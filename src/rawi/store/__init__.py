"""The corpus store: SQLite by default (one file), PostgreSQL for a team server.

>>> from rawi.store import open_store
>>> with open_store("rawi.db") as store:          # or "postgresql://user@host/db"
...     hits = store.search(SearchQuery("الأمريكية"))
"""

from __future__ import annotations

from pathlib import Path

from rawi.store.base import (ClaimFilter, ClaimRow, ErrorRow, RunCounts, SearchHit, SearchQuery,
                             SpeakerRow, Store, StoredDoc)

__all__ = ["ClaimFilter", "ClaimRow", "ErrorRow", "RunCounts", "SearchHit", "SearchQuery",
           "SpeakerRow", "Store", "StoredDoc", "open_store", "is_postgres_url"]


def is_postgres_url(url: str | Path) -> bool:
    return str(url).startswith(("postgresql://", "postgres://"))


def open_store(url: str | Path = "rawi.db", *, readonly: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at a file path or PostgreSQL URL."""
    if is_postgres_url(url):
        from rawi.store.postgres import PostgresStore

        return PostgresStore(str(url), readonly=readonly)
    from rawi.store.sqlite import SqliteStore

    return SqliteStore(url, readonly=readonly)
