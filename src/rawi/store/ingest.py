"""The ingest pipeline: read files, analyse in worker processes, store in batched transactions.

- Incremental: a file whose size and mtime are unchanged since it was ingested is not read
  again; a document whose id and text hash are stored is not analysed again. ``reanalyse``
  re-runs analysis for stored documents analysed with another pipeline version.
- Exact duplicates (same text, another id) are stored with ``duplicate_of`` and no analysis;
  near-duplicates (MinHash LSH, :mod:`rawi.store.dedup`) are analysed and marked
  ``near_duplicate_of``, and the counting views leave them out.
- Crash-safe: each batch is one transaction holding whole documents and the ``source_files``
  rows of the files they finished, so ``kill -9`` at any moment leaves a consistent store and
  the next run resumes where the last commit left off.
- A broken file or article (reader error, stage error) becomes a row in ``errors`` with the
  run id; the run goes on.
- After the documents, the stories of the new originals and the links of their claims are
  computed and stored (:mod:`rawi.store.story_store`, :mod:`rawi.store.link_store`); readers
  (``rawi stories``, ``rawi links``, the web) read them instead of recomputing.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rawi.errors import RawiError, StageError
from rawi.model import Document
from rawi.parallel import default_jobs, ordered_map
from rawi.store import dedup
from rawi.store.base import ErrorRow, RunCounts, Store, StoredDoc
from rawi.store.progress import IngestProgress

Analyze = Callable[[Document], Document]


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest. ``jobs`` None = all cores; ``analyze`` None = the default pipeline."""

    jobs: int | None = None
    batch_size: int = 200
    reanalyse: bool = False
    retry_errors: bool = False
    input_format: str | None = None
    reader: Any = None  # rawi.readers.ReaderOptions; input_format overrides its format
    near_duplicates: bool = True
    near_threshold: float = dedup.THRESHOLD
    progress: bool = True
    analyze: Analyze | None = None
    pipeline_version: str | None = None
    stream_bytes: int = 16 * 1024 * 1024  # files this large are read and stored as a stream


@dataclass
class IngestReport:
    """What one ingest did."""

    run_id: int
    status: str
    counts: RunCounts
    seconds: float
    pipeline_version: str
    stale: int = 0  # stored documents analysed with another pipeline version
    errors: list[ErrorRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "status": self.status, "seconds": round(self.seconds, 3),
                "pipeline_version": self.pipeline_version, "stale": self.stale,
                **self.counts.to_dict(), "error_list": [e.to_dict() for e in self.errors]}


def no_analysis(doc: Document) -> Document:
    """Store the text only (fast bulk loading); a later ``reanalyse`` run analyses it."""
    return doc


no_analysis.version = "none"  # type: ignore[attr-defined]


# -- pipeline version ----------------------------------------------------------------------------

_VERSION_SOURCES = ("pipeline.py", "stages", "text", "lexicons", "models")


def pipeline_version(analyze: Analyze | None = None) -> str:
    """The version of the analysis that ``analyze`` (default: the rawi pipeline) performs.

    ``rawi.pipeline.PIPELINE_VERSION`` when defined; otherwise the rawi version plus a digest
    of the stage list and of the source and data files the stages read, so that any change
    to them marks stored analyses as stale.
    """
    if analyze is not None:
        return str(getattr(analyze, "version", None)
                   or f"{analyze.__module__}.{getattr(analyze, '__qualname__', 'analyze')}")
    import rawi
    from rawi import pipeline

    explicit = getattr(pipeline, "PIPELINE_VERSION", None)
    if explicit:
        return str(explicit)
    h = hashlib.blake2b(digest_size=6)
    for st in getattr(pipeline, "DEFAULT_STAGES", ()):
        h.update(f"{st.name}={st.target};".encode())
    root = Path(rawi.__file__).parent
    for name in _VERSION_SOURCES:
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()
                                                     and "__pycache__" not in p.parts)
        for p in files:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return f"rawi-{rawi.__version__}+{h.hexdigest()}"


# -- worker side -----------------------------------------------------------------------------------

@dataclass
class Item:
    """One record of a file as the worker saw it."""

    doc: Document | None = None
    doc_id: str | None = None
    content_hash: str | None = None
    sig: bytes | None = None
    unchanged: bool = False
    analysed: bool = True  # False: the worker skipped analysis (it took it for a duplicate)
    error: tuple[str, str] | None = None  # (code, message): the record could not be read
    stage_error: tuple[str, str] | None = None  # the document is kept, unanalysed


@dataclass(frozen=True)
class _Task:
    path: str
    reader: Any
    analyze: Analyze | None
    near: bool
    lookup_url: str | None


_LOOKUPS: dict[str, Store] = {}


def _lookup_store(url: str | None) -> Store | None:
    """A read-only store for skip checks in a worker process (one per process and URL)."""
    if url is None:
        return None
    got = _LOOKUPS.get(url)
    if got is None:
        from rawi.store import open_store

        try:
            got = _LOOKUPS[url] = open_store(url, readonly=True)
        except Exception:  # the main process checks again; a worker may go without
            return None
    return got


def _analyze(doc: Document, analyze: Analyze | None) -> Document:
    if analyze is None:
        from rawi.pipeline import analyze_document

        return analyze_document(doc)
    return analyze(doc)


def process_doc(doc: Document, task: _Task, lookup: Store | None) -> Item:
    """Hash, skip-check, analyse and sign one document (in a worker)."""
    h = dedup.content_hash(doc.text)
    if lookup is not None:
        state = lookup.doc_state(doc.id)
        if state is not None and state.content_hash == h:
            return Item(doc_id=doc.id, content_hash=h, unchanged=True)
        if state is None and lookup.find_by_hash(h) is not None:
            return Item(doc=doc, doc_id=doc.id, content_hash=h, analysed=False)  # exact duplicate
    stage_error = None
    try:
        analysed = _analyze(doc, task.analyze)
    except RawiError as exc:
        analysed, stage_error = doc, (exc.code, exc.message)
    except Exception as exc:  # noqa: BLE001 - a stage bug must not stop the run
        analysed, stage_error = doc, (StageError.code, f"analysis failed: {exc!r}")
    sig = dedup.signature(doc.text, doc.title) if task.near else None
    return Item(doc=analysed.evolve(tokens=()), doc_id=doc.id, content_hash=h, sig=sig,
                stage_error=stage_error)


def iter_records(task: _Task) -> Iterator[Document | Item]:
    """The records of one file: documents, and an error Item for each record or file problem."""
    from rawi.readers import ReaderOptions, iter_read_path

    try:
        for got in iter_read_path(Path(task.path), task.reader or ReaderOptions()):
            yield Item(error=(got.code, got.message)) if isinstance(got, RawiError) else got
    except RawiError as exc:
        yield Item(error=(exc.code, exc.message))
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the run
        yield Item(error=(RawiError.code, f"unexpected reader failure: {exc!r}"))


def process_path(task: _Task, lookup: Store | None = None) -> list[Item]:
    """Every record of one file, read and processed (a worker's unit of work)."""
    return [got if isinstance(got, Item) else process_doc(got, task, lookup)
            for got in iter_records(task)]


def _pool_process(task: _Task) -> list[Item]:
    return process_path(task, _lookup_store(task.lookup_url))


def _pool_process_record(arg: tuple[Document | Item, _Task]) -> Item:
    got, task = arg
    return got if isinstance(got, Item) else process_doc(got, task, _lookup_store(task.lookup_url))


def _pool_analyze(arg: tuple[Document, Analyze | None]) -> Item:
    doc, analyze = arg
    try:
        return Item(doc=_analyze(doc, analyze).evolve(tokens=()), doc_id=doc.id)
    except RawiError as exc:
        return Item(doc=doc, doc_id=doc.id, stage_error=(exc.code, exc.message))
    except Exception as exc:  # noqa: BLE001
        return Item(doc=doc, doc_id=doc.id, stage_error=(StageError.code, f"analysis failed: {exc!r}"))


# -- main side -------------------------------------------------------------------------------------

class _Writer:
    """Decides, per document, what to store, and writes batches in one transaction each."""

    def __init__(self, store: Store, run_id: int, version: str, options: IngestOptions,
                 counts: RunCounts) -> None:
        self.store, self.run_id, self.version = store, run_id, version
        self.options, self.counts = options, counts
        self._near: dedup.NearDuplicateIndex | None = None
        self._partial: dict[str, tuple[bool, int]] = {}  # file -> (had an error, documents) so far

    def near_index(self) -> dedup.NearDuplicateIndex:
        if self._near is None:
            self._near = dedup.NearDuplicateIndex(self.options.near_threshold)
            self._near.add_all(self.store.iter_minhashes())
        return self._near

    def error(self, path: str | None, doc_id: str | None, code: str, message: str) -> None:
        self.store.put_error(self.run_id, path, doc_id, code, message)
        self.counts.errors += 1

    def write_files(self, batch: list[tuple[str, int, int, list[Item]]], *, done: bool = True) -> None:
        """Store the items of whole files (``done``), or the next part of one file: its
        ``source_files`` row is written with its last part, so a killed run reads it again."""
        with self.store.transaction():
            for path, size, mtime, items in batch:
                bad, n_docs = self._partial.pop(path, (False, 0))
                n_docs += sum(1 for i in items if i.error is None)
                for item in items:
                    if item.error is not None:
                        self.error(path, item.doc_id, *item.error)
                        bad = True
                    else:
                        try:
                            with self.store.transaction():  # a savepoint: this document alone
                                bad |= self.write_item(path, item)
                        except Exception as exc:  # noqa: BLE001 - record the article, go on
                            doc_id = item.doc_id or (item.doc.id if item.doc is not None else None)
                            self.error(path, doc_id, "E011", f"could not be stored: {exc}")
                            bad = True
                if done:
                    self.store.put_source_file(path, size, mtime, "error" if bad else "ok", n_docs,
                                               self.run_id)
                else:
                    self._partial[path] = (bad, n_docs)

    def write_item(self, path: str, item: Item) -> bool:
        """Store one document; True when it carries an analysis error."""
        c, store = self.counts, self.store
        if item.doc is None:
            c.docs_unchanged += 1
            return False
        doc, h = item.doc, item.content_hash or dedup.content_hash(item.doc.text)
        state = store.doc_state(doc.id)
        updated = False
        if state is not None and state.content_hash != h and state.source_path != doc.source_path:
            orig = doc.id
            doc = doc.evolve(id=f"{orig}~{h[:8]}", meta={**dict(doc.meta), "original_id": orig})
            state = store.doc_state(doc.id)
        if state is not None:
            if state.content_hash == h:
                c.docs_unchanged += 1
                return False
            store.delete_document(doc.id)
            updated = True
        dup_of = store.find_by_hash(h)
        if dup_of is not None:
            store.put_document(StoredDoc(_bare(doc), h, None, duplicate_of=dup_of), self.run_id)
            c.docs_duplicate += 1
            return False
        near = None
        if item.sig is not None and self.options.near_duplicates:
            near = self.near_index().query(item.sig)
        version = self.version if item.analysed and item.stage_error is None else None
        store.put_document(StoredDoc(doc, h, version, near_duplicate_of=near.doc_id if near else None,
                                     near_duplicate_score=near.score if near else None,
                                     minhash=item.sig), self.run_id)
        if near is not None:
            c.docs_near_duplicate += 1
        elif item.sig is not None and self.options.near_duplicates:
            self.near_index().add(doc.id, item.sig)
        if updated:
            c.docs_updated += 1
        else:
            c.docs_stored += 1
        if item.stage_error is not None:
            self.error(path, doc.id, *item.stage_error)
            return True
        return False


def _bare(doc: Document) -> Document:
    """The document without its analysis records."""
    return doc.evolve(sentences=(), tokens=(), entities=(), dates=(), numbers=(), attributions=())


def _expand(paths: Iterable[str], writer_error: Callable[[str, str, str], None]) -> list[str]:
    from rawi.readers import iter_input_paths

    files: list[str] = []
    for raw in paths:
        try:
            for p in iter_input_paths([raw]):
                if str(p) == "-":
                    writer_error(raw, "E001", "ingest reads files, not standard input")
                else:
                    files.append(str(p))
        except RawiError as exc:
            writer_error(raw, exc.code, exc.message)
    return files


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
        return st.st_size, st.st_mtime_ns
    except OSError:
        return -1, -1


def _reader_options(options: IngestOptions) -> Any:
    from rawi.readers import ReaderOptions

    base = options.reader or ReaderOptions()
    if options.input_format:
        base = replace(base, input_format=options.input_format)
    return base


def ingest(paths: list[str], store: Store, options: IngestOptions = IngestOptions()) -> IngestReport:
    """Ingest files and directories into ``store``; see the module docstring."""
    t0 = time.perf_counter()
    version = options.pipeline_version or pipeline_version(options.analyze)
    run_id = store.begin_run(version, [str(p) for p in paths])
    counts = RunCounts()
    writer = _Writer(store, run_id, version, options, counts)
    jobs = options.jobs or default_jobs()
    status = "failed"
    progress = IngestProgress(enabled=options.progress)
    try:
        with progress:
            pre_errors: list[tuple[str, str, str]] = []
            files = _expand(paths, lambda p, code, msg: pre_errors.append((p, code, msg)))
            if pre_errors:
                with store.transaction():
                    for p, code, msg in pre_errors:
                        writer.error(p, None, code, msg)
            counts.files_seen = len(files)
            todo = _files_to_read(store, files, options.retry_errors)
            counts.files_skipped = len(files) - len(todo)
            _ingest_files(todo, store, writer, options, jobs, progress)
            if options.reanalyse:
                _reanalyse(store, writer, options, jobs, progress)
            _update_derived(store, writer)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(run_id, counts, status)
    stale = 0 if options.reanalyse else len(store.stale_documents(version))
    return IngestReport(run_id, status, counts, time.perf_counter() - t0, version, stale,
                        store.errors(run_id))


def _update_derived(store: Store, writer: _Writer) -> None:
    """Stories and claim links of the new documents (one transaction each; a failure is
    recorded and the next run tries again)."""
    update = getattr(store, "update_derived", None)
    if update is None:
        return
    try:
        update(writer.run_id)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - the documents are stored; say why, go on
        with store.transaction():
            writer.error(None, None, "E012", f"stories and claim links not updated: {exc!r}")


def _files_to_read(store: Store, files: list[str], retry_errors: bool) -> list[tuple[str, int, int]]:
    known = store.source_files(files)
    todo = []
    for path in files:
        size, mtime = _stat(path)
        got = known.get(path)
        if got is not None and got[0] == size and got[1] == mtime and size >= 0 \
                and (got[2] == "ok" or not retry_errors):
            continue
        todo.append((path, size, mtime))
    return todo


def _lookup_url(store: Store) -> str | None:
    url = getattr(store, "url", None)
    return None if url in (None, ":memory:", "") else url


def _ingest_files(todo: list[tuple[str, int, int]], store: Store, writer: _Writer,
                  options: IngestOptions, jobs: int, progress: IngestProgress) -> None:
    """Small files go to the workers whole; a file of ``stream_bytes`` or more is read as a
    stream of records (analysed by the workers) and written in batches, so that memory does
    not grow with its size. Files are stored in the order given."""
    if not todo:
        return
    progress.start("ingest", len(todo))
    i = 0
    while i < len(todo):
        if todo[i][1] >= options.stream_bytes:
            _ingest_stream(todo[i], store, writer, options, jobs, progress)
            i += 1
            continue
        j = i
        while j < len(todo) and todo[j][1] < options.stream_bytes:
            j += 1
        _ingest_small(todo[i:j], store, writer, options, jobs, progress)
        i = j


def _ingest_stream(entry: tuple[str, int, int], store: Store, writer: _Writer,
                   options: IngestOptions, jobs: int, progress: IngestProgress) -> None:
    path, size, mtime = entry
    url = _lookup_url(store) if jobs > 1 else None
    task = _Task(path, _reader_options(options), options.analyze, options.near_duplicates, url)
    records = ((got, task) for got in iter_records(task))
    if jobs > 1:
        results: Iterator[Item] = ordered_map(_pool_process_record, records, jobs)
    else:
        results = (got if isinstance(got, Item) else process_doc(got, task, store)
                   for got, _ in records)
    part: list[Item] = []
    for item in results:
        part.append(item)
        if len(part) >= options.batch_size:
            writer.write_files([(path, size, mtime, part)], done=False)
            progress.advance(0, len(part), writer.counts)
            part = []
    writer.write_files([(path, size, mtime, part)], done=True)
    progress.advance(1, len(part), writer.counts)


def _ingest_small(todo: list[tuple[str, int, int]], store: Store, writer: _Writer,
                  options: IngestOptions, jobs: int, progress: IngestProgress) -> None:
    reader = _reader_options(options)
    url = _lookup_url(store) if jobs > 1 else None
    tasks = (_Task(p, reader, options.analyze, options.near_duplicates, url) for p, _, _ in todo)
    if jobs > 1:
        results: Iterator[list[Item]] = ordered_map(_pool_process, tasks, jobs)
    else:
        results = (process_path(t, store) for t in tasks)
    batch: list[tuple[str, int, int, list[Item]]] = []
    n_docs = 0
    for (path, size, mtime), items in zip(todo, results):
        batch.append((path, size, mtime, items))
        n_docs += len(items)
        if n_docs >= options.batch_size:
            writer.write_files(batch)
            progress.advance(len(batch), n_docs, writer.counts)
            batch, n_docs = [], 0
    if batch:
        writer.write_files(batch)
        progress.advance(len(batch), n_docs, writer.counts)


def _reanalyse(store: Store, writer: _Writer, options: IngestOptions, jobs: int,
               progress: IngestProgress) -> None:
    ids = store.stale_documents(writer.version)
    if not ids:
        return
    progress.start("reanalyse", len(ids))

    def docs() -> Iterator[tuple[Document, Analyze | None]]:
        for doc_id in ids:
            doc = store.get_document(doc_id)
            if doc is not None:
                yield _bare(doc), options.analyze

    results: Iterator[Item] = (ordered_map(_pool_analyze, docs(), jobs) if jobs > 1
                               else (_pool_analyze(a) for a in docs()))
    batch: list[Item] = []

    def flush() -> None:
        with store.transaction():
            for item in batch:
                assert item.doc is not None and item.doc_id is not None
                if item.stage_error is not None:
                    writer.error(item.doc.source_path, item.doc_id, *item.stage_error)
                    store.replace_analysis(item.doc_id, item.doc, None)
                else:
                    store.replace_analysis(item.doc_id, item.doc, writer.version)
                    writer.counts.docs_reanalysed += 1
        progress.advance(len(batch), len(batch), writer.counts)
        batch.clear()

    for item in results:
        batch.append(item)
        if len(batch) >= options.batch_size:
            flush()
    if batch:
        flush()
