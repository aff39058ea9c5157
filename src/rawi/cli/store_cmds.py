"""CLI commands over the corpus store: ``ingest``, ``search``, ``speakers``, ``claims``, ``show``.

Each command parses its options, makes one library call (:mod:`rawi.store`) and renders the
result as a rich table, JSON, JSON Lines or CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

import click

DB_HELP = ("The store: a SQLite file (created when missing) or a postgresql:// URL. "
           "Default: $RAWI_DB, else rawi.db.")
FORMATS = ("table", "json", "jsonl", "csv")
STANCES = ("assert", "deny", "accuse", "warn", "demand", "opinion", "question")
CLAIM_FIELDS = ("doc_id", "title", "outlet", "published", "idx", "speaker", "source",
                "source_type", "cue", "content", "content_start", "content_end", "stance", "type",
                "via", "channel", "target")
SOURCE_TYPES = ("person", "official", "organization", "anonymous", "media", "document", "group")


def _db_option(f):  # noqa: ANN001, ANN202 - click decorator
    return click.option("--db", "db", default="rawi.db", envvar="RAWI_DB", show_default=True,
                        metavar="FILE|URL", help=DB_HELP)(f)


def _format_option(default: str = "table"):  # noqa: ANN202
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=default,
                        show_default=True, help="Output: a table, JSON, JSON Lines or CSV.")


def _open(db: str, *, must_exist: bool, readonly: bool = False):  # noqa: ANN202
    from rawi.errors import RawiError
    from rawi.store import is_postgres_url, open_store

    if must_exist and not is_postgres_url(db) and not Path(db).exists():
        raise click.ClickException(f"{db}: no store here (run `rawi ingest PATH --db {db}` first)")
    try:
        return open_store(db, readonly=readonly)
    except RawiError as exc:
        raise click.ClickException(str(exc)) from exc


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _records(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [r.to_dict() if hasattr(r, "to_dict") else (asdict(r) if is_dataclass(r) else dict(r))
            for r in rows]


def _emit(rows: Sequence[Any], fmt: str, columns: Sequence[str], title: str = "") -> None:
    """Print ``rows`` (records with ``to_dict``) in ``fmt``; ``columns`` for table and CSV."""
    recs = _records(rows)
    if fmt == "json":
        click.echo(json.dumps(recs, ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        for r in recs:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in recs:
            w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title or None, show_lines=False)
        for c in columns:
            table.add_column(c)
        for r in recs:
            table.add_row(*(Text("" if r.get(c) is None else str(r.get(c))) for c in columns))
        Console().print(table)


# -- ingest ----------------------------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for reading and analysis (default: all cores).")
@click.option("--reanalyse", "--reanalyze", is_flag=True,
              help="Also re-run analysis for stored documents analysed with another pipeline version.")
@click.option("--input-format", type=click.Choice(("text", "html", "trec", "jsonl", "csv")),
              default=None, help="Read every file as this format (default: detect per file).")
@click.option("--encoding", default=None, help="Decode every file with this encoding (default: detect).")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Documents per transaction.")
@click.option("--retry-errors", is_flag=True,
              help="Read again unchanged files that failed in an earlier run.")
@click.option("--no-near-duplicates", is_flag=True, help="Skip MinHash near-duplicate detection.")
@click.option("--no-analysis", is_flag=True,
              help="Store and index the texts only (fast); analyse later with --reanalyse.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              show_default=True, help="The run report as text or JSON.")
def ingest(paths: tuple[str, ...], db: str, jobs: int | None, reanalyse: bool,
           input_format: str | None, encoding: str | None, batch_size: int, retry_errors: bool,
           no_near_duplicates: bool, no_analysis: bool, quiet: bool, fmt: str) -> None:
    """Read, analyse and store articles from files, directories or glob patterns.

    Incremental: unchanged files and already stored texts are skipped. Broken files and
    articles are recorded in the store's errors table and the run goes on.
    """
    from rawi.readers import ReaderOptions
    from rawi.store.ingest import IngestOptions, ingest as run_ingest, no_analysis as skip

    options = IngestOptions(jobs=jobs, batch_size=batch_size, reanalyse=reanalyse,
                            retry_errors=retry_errors, input_format=input_format,
                            reader=ReaderOptions(encoding=encoding),
                            near_duplicates=not no_near_duplicates, progress=not quiet,
                            analyze=skip if no_analysis else None)
    import sqlite3

    try:
        with _open(db, must_exist=False) as store:
            report = run_ingest(list(paths), store, options)
    except (sqlite3.OperationalError, OSError) as exc:
        # a full disk, a read-only file system, a vanished directory: what was committed stays
        # whole (one transaction per batch); the next run resumes from there
        full = "full" in str(exc).lower() or getattr(exc, "errno", None) == 28
        what = "the disk is full" if full else str(exc)
        raise click.ClickException(f"{db}: cannot write the store: {what}; the articles committed so far "
                                   f"are intact and the next 'rawi ingest' resumes from them") from None
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    c = report.counts
    click.echo(f"run {report.run_id}: {c.files_seen} files ({c.files_skipped} unchanged, skipped), "
               f"{c.docs_stored} stored, {c.docs_updated} updated, {c.docs_unchanged} already stored, "
               f"{c.docs_duplicate} exact duplicates, {c.docs_near_duplicate} near-duplicates, "
               f"{c.docs_reanalysed} re-analysed, {c.errors} errors in {report.seconds:.1f} s",
               err=True)
    for e in report.errors[:20]:
        click.echo(f"  [{e.code}] {e.path or ''}{' ' + e.doc_id if e.doc_id else ''}: {e.message}",
                   err=True)
    if len(report.errors) > 20:
        click.echo(f"  … {len(report.errors) - 20} more (see the errors table)", err=True)
    if report.stale:
        click.echo(f"{report.stale} stored documents were analysed with another pipeline version; "
                   "run with --reanalyse to update them.", err=True)


# -- search ----------------------------------------------------------------------------------------

@click.command()
@click.argument("query")
@_db_option
@click.option("--outlet", default=None, help="Only this outlet (e.g. BBC).")
@click.option("--since", callback=_day, default=None, metavar="YYYY-MM-DD",
              help="Published on or after this day (UTC).")
@click.option("--until", callback=_day, default=None, metavar="YYYY-MM-DD",
              help="Published on or before this day (UTC).")
@click.option("--speaker", default=None, help="Documents quoting a speaker whose name contains this.")
@click.option("--entity", default=None, help="Documents mentioning an entity whose name contains this.")
@click.option("--stance", type=click.Choice(STANCES), default=None,
              help="Documents with an attribution of this stance.")
@click.option("--source-type", type=click.Choice(SOURCE_TYPES), default=None,
              help="Documents with an attribution to a source of this type.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Most hits to show.")
@_format_option()
def search(query: str, db: str, outlet: str | None, since: date | None, until: date | None,
           speaker: str | None, entity: str | None, stance: str | None, source_type: str | None,
           limit: int, fmt: str) -> None:
    """Full-text search: words and "quoted phrases", all required.

    Hamza forms, harakat, shadda, tatweel and taa marbuta fold (الأمريكية = الامريكيه =
    الأمريكيّة); a word also matches with a leading و ف ب ل ك.
    """
    from rawi.store import SearchQuery

    q = SearchQuery(query, outlet=outlet, since=since, until=until, speaker=speaker,
                    entity=entity, stance=stance, source_type=source_type, limit=limit)
    with _open(db, must_exist=True) as store:
        hits = store.search(q)
    if fmt != "table":
        _emit(hits, fmt, ("doc_id", "title", "outlet", "published", "score", "snippet",
                          "snippet_start", "near_duplicate_of"))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(hits)} hits for {query}")
    for c in ("doc", "outlet", "published", "title / snippet"):
        table.add_column(c)
    for h in hits:
        snip = Text(h.snippet)
        for s, e in h.highlights:
            snip.stylize("bold reverse", s - h.snippet_start, e - h.snippet_start)
        cell = Text(h.title, style="bold") + Text("\n") + snip
        table.add_row(Text(h.doc_id), Text(h.outlet or ""), Text((h.published or "")[:10]), cell)
    Console().print(table)


# -- speakers and claims -------------------------------------------------------------------------

@click.command()
@_db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="Most speakers to show (most quoted first).")
@_format_option()
def speakers(db: str, limit: int, fmt: str) -> None:
    """Resolved speakers with how often they are quoted (syndicated copies counted once)."""
    with _open(db, must_exist=True) as store:
        rows = store.speakers(limit=limit)
    _emit(rows, fmt, ("name", "source_type", "attributions", "documents", "denials"),
          title="speakers")


@click.command()
@_db_option
@click.option("--speaker", default=None, help="Only claims of speakers whose name contains this.")
@click.option("--stance", type=click.Choice(STANCES), default=None, help="Only claims of this stance.")
@click.option("--source-type", type=click.Choice(SOURCE_TYPES), default=None,
              help="Only claims from sources of this type.")
@click.option("--outlet", default=None, help="Only claims in this outlet's articles.")
@click.option("--doc", "doc_id", default=None, help="Only claims in this document.")
@click.option("--since", callback=_day, default=None, metavar="YYYY-MM-DD",
              help="Published on or after this day.")
@click.option("--until", callback=_day, default=None, metavar="YYYY-MM-DD",
              help="Published on or before this day.")
@click.option("--with-near-duplicates", is_flag=True,
              help="Include claims from near-duplicate (syndicated) copies.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True,
              help="Most claims to show.")
@_format_option()
def claims(db: str, speaker: str | None, stance: str | None, source_type: str | None,
           outlet: str | None, doc_id: str | None, since: date | None, until: date | None,
           with_near_duplicates: bool, limit: int, fmt: str) -> None:
    """Attributed statements: who said what, where, with which stance."""
    from rawi.store import ClaimFilter

    flt = ClaimFilter(speaker=speaker, stance=stance, source_type=source_type, outlet=outlet,
                      doc_id=doc_id, since=since, until=until,
                      include_near_duplicates=with_near_duplicates, limit=limit)
    with _open(db, must_exist=True) as store:
        rows = store.claims(flt)
    _emit(rows, fmt, ("doc_id", "outlet", "published", "speaker", "cue", "stance", "content")
          if fmt == "table" else CLAIM_FIELDS, title="claims")



# -- show ------------------------------------------------------------------------------------------

@click.command()
@click.argument("doc_id")
@_db_option
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="A readable summary, or the analysed document as JSON.")
def show(doc_id: str, db: str, fmt: str) -> None:
    """One stored document: metadata, text and what was found in it."""
    with _open(db, must_exist=True) as store:
        doc = store.get_document(doc_id)
        info = store.document_info(doc_id)
    if doc is None or info is None:
        raise click.ClickException(f"{db}: no document {doc_id!r}")
    if fmt == "json":
        d = doc.to_dict()
        d["store"] = {k: info[k] for k in ("content_hash", "duplicate_of", "near_duplicate_of",
                                           "near_duplicate_score", "analysed_with", "run_id")}
        click.echo(json.dumps(d, ensure_ascii=False, indent=2, default=str))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    con = Console()
    meta = Table(show_header=False, title=doc.id)
    meta.add_column("field")
    meta.add_column("value")
    for k in ("title", "outlet", "published", "category", "url", "source_path", "input_format",
              "encoding", "duplicate_of", "near_duplicate_of", "analysed_with"):
        v = info.get(k)
        if v not in (None, ""):
            meta.add_row(k, Text(str(v)))
    meta.add_row("counts", f"{len(doc.sentences)} sentences, {len(doc.entities)} entities, "
                 f"{len(doc.attributions)} attributions, {len(doc.dates)} dates, "
                 f"{len(doc.numbers)} numbers, {len(doc.boilerplate)} boilerplate lines removed")
    con.print(meta)
    con.print(Text(doc.text))
    if doc.attributions:
        t = Table(title="attributions")
        for c in ("#", "speaker", "cue", "stance", "type", "content"):
            t.add_column(c)
        for i, a in enumerate(doc.attributions):
            src = a.source_resolved or (doc.span_text(a.source) if a.source else "")
            t.add_row(str(i), Text(src), Text(doc.span_text(a.cue)), a.stance, a.type,
                      Text(doc.span_text(a.content)))
        con.print(t)
