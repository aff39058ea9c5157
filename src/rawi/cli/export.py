"""``rawi export``: a store as JSON Lines, CSV, Parquet, ClaimReview JSON-LD, GEXF or GraphML."""

from __future__ import annotations

from pathlib import Path

import click

from rawi.export import TARGETS, WHATS


@click.command("export")
@click.option("--db", default="rawi.db", envvar="RAWI_DB", show_default=True, metavar="FILE|URL",
              help="The store: a SQLite file or a postgresql:// URL.")
@click.option("--to", "to", type=click.Choice(TARGETS), required=True,
              help="jsonl, csv, parquet (flat tables); claimreview (schema.org JSON-LD of claim "
                   "groups); gexf, graphml (speaker–claim–outlet network).")
@click.option("--what", type=click.Choice(WHATS), default=None,
              help="What to export (default: documents; claims for claimreview/gexf/graphml).")
@click.option("-o", "--output", default=None, metavar="FILE",
              help="Output file (default: standard output; required for parquet, gexf, graphml).")
@click.option("--bom", is_flag=True, help="Write UTF-8 with a byte-order mark (for spreadsheet programs).")
def export(db, to, what, output, bom):
    """Export the stored articles, attributions, speakers, claim groups or stories."""
    from rawi.errors import RawiError
    from rawi.export import export as run_export
    from rawi.store import is_postgres_url, open_store

    if not is_postgres_url(db) and not Path(db).exists():
        raise click.ClickException(f"{db}: no store here (run `rawi ingest PATH --db {db}` first)")
    try:
        with open_store(db, readonly=True) as store:
            n = run_export(store, to, what, output, bom=bom)
    except (ValueError, RawiError) as exc:
        raise click.ClickException(str(exc)) from exc
    if output:
        click.echo(f"{n} records written to {output}", err=True)
