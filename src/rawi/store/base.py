"""The Store API: what every backend (SQLite, PostgreSQL) offers, and the records it returns.

Writers (the ingest pipeline) use :meth:`Store.transaction` and the ``put_*`` methods; readers
(CLI, HTTP API, cross-document linking) use :meth:`Store.get_document`,
:meth:`Store.iter_documents`, :meth:`Store.search`, :meth:`Store.speakers` and
:meth:`Store.claims`. Backends are chosen by :func:`rawi.store.open_store`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Iterator

from rawi.errors import RawiError
from rawi.model import Document


class StoreUnavailable(RawiError):
    """The store cannot be opened (no such directory, server down, driver missing)."""

    code = "E030"


@dataclass(frozen=True)
class SearchQuery:
    """A full-text query with optional filters.

    ``text``: words and "quoted phrases", all required; hamza forms, harakat, shadda, tatweel
    and taa marbuta fold; a word also matches with a leading و ف ب ل ك (and ال forms).
    ``speaker``/``entity``: a substring of the normalised name. ``since``/``until``: inclusive
    publication days (UTC). The attribution filters (speaker, stance, source type) must hold
    for one and the same attribution.
    """

    text: str
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    speaker: str | None = None
    entity: str | None = None
    stance: str | None = None
    source_type: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class SearchHit:
    """One matching document. ``highlights`` and ``snippet_start`` are offsets into the
    original ``Document.text`` (not the normalised text); ``snippet`` is
    ``text[snippet_start:snippet_start + len(snippet)]``."""

    doc_id: str
    title: str
    outlet: str | None
    published: str | None
    score: float
    snippet: str
    snippet_start: int
    highlights: tuple[tuple[int, int], ...] = ()
    near_duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["highlights"] = [list(h) for h in self.highlights]
        return d


@dataclass(frozen=True)
class SpeakerRow:
    name: str
    key: str
    source_type: str | None
    attributions: int
    documents: int
    denials: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ClaimFilter:
    """Filters for :meth:`Store.claims`; ``speaker`` is a substring of the normalised name."""

    speaker: str | None = None
    stance: str | None = None
    source_type: str | None = None
    outlet: str | None = None
    doc_id: str | None = None
    since: date | None = None
    until: date | None = None
    include_near_duplicates: bool = False
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class ClaimRow:
    """One attributed statement with its document's title and outlet."""

    doc_id: str
    title: str
    outlet: str | None
    published: str | None
    idx: int
    speaker: str | None
    source: str | None
    source_type: str | None
    cue: str
    content: str
    content_start: int
    content_end: int
    stance: str
    type: str
    via: str | None = None
    channel: str | None = None
    target: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DocState:
    """What the store holds about one document id (for incremental ingest)."""

    num: int
    id: str
    content_hash: str
    source_path: str | None
    analysed_with: str | None


@dataclass
class RunCounts:
    """Counters of one ingest run (also the ``ingest_runs`` columns)."""

    files_seen: int = 0
    files_skipped: int = 0
    docs_stored: int = 0
    docs_updated: int = 0
    docs_unchanged: int = 0
    docs_duplicate: int = 0
    docs_near_duplicate: int = 0
    docs_reanalysed: int = 0
    errors: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class ErrorRow:
    run_id: int | None
    path: str | None
    doc_id: str | None
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoredDoc:
    """A document ready to write: the analysed document and what ingest decided about it."""

    doc: Document
    content_hash: str
    analysed_with: str | None
    duplicate_of: str | None = None
    near_duplicate_of: str | None = None
    near_duplicate_score: float | None = None
    minhash: bytes | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class Store(ABC):
    """A corpus store. Use as a context manager, or call :meth:`close`."""

    url: str

    # -- lifecycle ---------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """One transaction: everything written inside commits together or not at all."""

    # -- ingest bookkeeping --------------------------------------------------------------------
    @abstractmethod
    def begin_run(self, pipeline_version: str, paths: list[str]) -> int: ...

    @abstractmethod
    def finish_run(self, run_id: int, counts: RunCounts, status: str = "done") -> None: ...

    @abstractmethod
    def source_files(self, paths: list[str]) -> dict[str, tuple[int, int, str]]:
        """``path -> (size, mtime_ns, status)`` for those of ``paths`` already ingested."""

    @abstractmethod
    def put_source_file(self, path: str, size: int, mtime_ns: int, status: str, n_docs: int,
                        run_id: int) -> None: ...

    @abstractmethod
    def doc_state(self, doc_id: str) -> DocState | None: ...

    @abstractmethod
    def find_by_hash(self, content_hash: str) -> str | None:
        """The id of a stored original (not a duplicate) whose text has this hash."""

    @abstractmethod
    def put_document(self, item: StoredDoc, run_id: int | None) -> int:
        """Write a document and all its records; returns its row number."""

    @abstractmethod
    def replace_analysis(self, doc_id: str, doc: Document, analysed_with: str | None) -> None:
        """Replace the analysis records of a stored document (text and metadata stay)."""

    @abstractmethod
    def delete_document(self, doc_id: str) -> None: ...

    @abstractmethod
    def put_error(self, run_id: int | None, path: str | None, doc_id: str | None, code: str,
                  message: str) -> None: ...

    @abstractmethod
    def iter_minhashes(self) -> Iterator[tuple[str, bytes]]:
        """``(doc_id, signature)`` of every original (neither duplicate nor near-duplicate)."""

    @abstractmethod
    def stale_documents(self, pipeline_version: str) -> list[str]:
        """Ids of originals not analysed with ``pipeline_version``."""

    @abstractmethod
    def rebuild_search_index(self) -> int:
        """Re-index every original's text with the current normaliser; returns the count."""

    # -- reading -------------------------------------------------------------------------------
    @abstractmethod
    def get_document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def iter_documents(self, *, include_duplicates: bool = False) -> Iterator[Document]: ...

    @abstractmethod
    def doc_ids(self, *, include_duplicates: bool = True) -> list[str]: ...

    @abstractmethod
    def document_info(self, doc_id: str) -> dict[str, Any] | None:
        """The ``documents`` row (without the text) as a dict, outlet by name."""

    @abstractmethod
    def search(self, query: SearchQuery) -> list[SearchHit]: ...

    @abstractmethod
    def speakers(self, limit: int = 100, offset: int = 0) -> list[SpeakerRow]: ...

    @abstractmethod
    def claims(self, flt: ClaimFilter) -> list[ClaimRow]: ...

    @abstractmethod
    def errors(self, run_id: int | None = None) -> list[ErrorRow]: ...

    @abstractmethod
    def runs(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Row counts: documents, originals, duplicates, near-duplicates, attributions, …"""
