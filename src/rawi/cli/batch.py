"""``rawi batch`` (analysis on a Dask cluster into partitioned Parquet) and ``rawi load-batch``."""

from __future__ import annotations

import json

import click


@click.command("batch")
@click.argument("paths", nargs=-1, required=True)
@click.argument("output", nargs=1)
@click.option("--engine", type=click.Choice(["dask", "local"]), default="dask", show_default=True,
              help="dask: a Dask distributed cluster; local: one partition after another, in this process.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A running Dask scheduler (tcp://host:8786); default: a LocalCluster of --workers processes.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="LocalCluster worker processes (one thread each).")
@click.option("--partition-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Articles per partition (a plain file counts as one).")
@click.option("--input-format", type=click.Choice(["text", "html", "trec", "jsonl", "csv"]), default=None,
              help="Force the format of plain files (default: detect).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the report: text or json.")
def batch(paths, output, engine, scheduler, workers, partition_size, input_format, fmt):
    """Analyse PATHS (directories, JSON Lines, Parquet, WARC, .gz files) into Parquet under OUTPUT.

    One documents file per partition (OUTPUT/documents/), failed articles in OUTPUT/errors/;
    re-running skips finished partitions. See docs/batch.md."""
    from rawi.batch import BatchOptions, run_batch
    from rawi.errors import RawiError
    from rawi.readers import ReaderOptions

    def progress(s):  # noqa: ANN001, ANN202
        if fmt == "text":
            state = "FAILED" if s.get("failed") else "done"
            click.echo(f"{s['partition']}: {state}, {s['documents']} documents, {s['errors']} errors", err=True)

    opts = BatchOptions(engine=engine, scheduler=scheduler, workers=workers,
                        partition_size=partition_size, reader=ReaderOptions(input_format=input_format),
                        progress=progress)
    try:
        report = run_batch(list(paths), output, opts)
    except (RawiError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        click.echo(f"{report.partitions} partitions ({report.skipped} already finished, {report.done} done, "
                   f"{report.failed} failed): {report.documents} documents, {report.errors} errors "
                   f"in {report.seconds:.1f}s -> {report.output}")
    if report.failed:
        raise SystemExit(1)


@click.command("load-batch")
@click.argument("output")
@click.option("--db", default="rawi.db", envvar="RAWI_DB", show_default=True, metavar="FILE|URL",
              help="The store: a SQLite file (created when missing) or a postgresql:// URL.")
@click.option("--no-near-duplicates", is_flag=True, help="Skip near-duplicate detection.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the report: text or json.")
def load_batch(output, db, no_near_duplicates, fmt):
    """Load the finished partitions of a `rawi batch` OUTPUT into a store (loaded ones are skipped)."""
    from rawi.batch import load_batch as run_load
    from rawi.errors import RawiError
    from rawi.store import open_store

    try:
        with open_store(db) as store:
            report = run_load(output, store, near_duplicates=not no_near_duplicates)
    except RawiError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        c = report.counts
        click.echo(f"{report.loaded} partitions loaded, {report.skipped} already loaded, "
                   f"{report.unfinished} unfinished: {c.docs_stored} stored, {c.docs_updated} updated, "
                   f"{c.docs_unchanged} unchanged, {c.docs_duplicate} duplicates, "
                   f"{c.docs_near_duplicate} near-duplicates, {c.errors} errors")
