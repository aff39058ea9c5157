"""``rawi queue`` (claims ranked by check-worthiness, with their signals) and ``rawi profiles``
(outlet and speaker profiles): thin shells over :mod:`rawi.signals`."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from typing import Any, Sequence

import click

from rawi.cli.store_cmds import _day, _open

FORMATS = ("table", "json", "csv")
_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(v: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is prefixed with '."""
    if v is None:
        return ""
    s = str(v)
    return "'" + s if s.startswith(_CSV_FORMULA) else s


def _csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([_cell(v) for v in r])


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    t = Table(title=title, show_lines=True)
    for h in header:
        t.add_column(h)
    for r in rows:  # Text(): stored text is never read as rich markup
        t.add_row(*(Text("" if v is None else str(v)) for v in r))
    Console().print(t)


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _brief(item, sig) -> str:  # noqa: ANN001
    """A signal in one table line: its kind, and its text unless it is the whole claim."""
    c = item.claim
    if (sig.start, sig.end) == (c.content_start, c.content_end):
        return sig.kind
    return f"{sig.kind}: {_clip(sig.text, 40)}"


_DB = click.option("--db", default="rawi.db", envvar="RAWI_DB", show_default=True, metavar="FILE|URL",
                   help="SQLite file or postgresql:// URL of the store (default: $RAWI_DB, else rawi.db).")
_SINCE = click.option("--since", callback=_day, metavar="DATE",
                      help="Only claims published on or after this day (YYYY-MM-DD).")
_UNTIL = click.option("--until", callback=_day, metavar="DATE",
                      help="Only claims published on or before this day (YYYY-MM-DD).")
_LINKS = click.option("--links/--no-links", default=True, show_default=True,
                      help="Link claims across articles (denied elsewhere, corroborated, single source).")


@click.command("queue")
@_DB
@_SINCE
@_UNTIL
@click.option("--outlet", default=None, help="Only claims of this outlet.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="How many claims to list.")
@_LINKS
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table; json: a list of claims with their signals; csv: one row per claim.")
def queue(db: str, since: date | None, until: date | None, outlet: str | None, limit: int,
          links: bool, fmt: str) -> None:
    """The daily queue: stored claims ranked by check-worthiness, each with its signals
    (anonymous source, figures and dates, absolute certainty, hedges, loaded language, denials,
    corroboration). Signals describe the claim's sourcing and wording; they are no verdict."""
    from rawi.signals.queue import QueueOptions, build_queue

    opts = QueueOptions(since=since, until=until, outlet=outlet, limit=limit, links=links)
    with _open(db, must_exist=True, readonly=True) as store:
        items = build_queue(store, opts)
    if fmt == "json":
        click.echo(json.dumps([it.to_dict() for it in items], ensure_ascii=False, indent=1))
        return
    def score(it) -> str:  # noqa: ANN001
        return "" if it.checkworthiness is None else f"{it.checkworthiness:.3f}"
    if fmt == "csv":
        _csv(("rank", "checkworthiness", "doc_id", "attribution", "outlet", "published", "speaker",
              "source_type", "stance", "content", "signals", "signal_texts"),
             [(it.rank, score(it), it.claim.doc_id, it.claim.idx, it.outlet, it.published,
               it.claim.speaker, it.claim.source_type, it.claim.stance, it.claim.content,
               ";".join(it.claim.kinds),
               " | ".join(f"{s.kind}: {s.text}" for s in it.claim.signals)) for it in items])
        return
    _table(f"{len(items)} claims by check-worthiness",
           ("#", "score", "outlet / date", "speaker", "claim", "signals"),
           [(it.rank, score(it), f"{it.outlet or '?'}\n{(it.published or '')[:10]}",
             it.claim.speaker or "", _clip(it.claim.content, 120),
             "\n".join(_brief(it, s) for s in it.claim.signals)) for it in items])


@click.command("profiles")
@_DB
@click.option("--by", type=click.Choice(("outlet", "speaker")), default="outlet", show_default=True,
              help="One row per outlet or per (resolved) speaker.")
@_SINCE
@_UNTIL
@click.option("--min-claims", type=click.IntRange(min=1), default=1, show_default=True,
              help="Leave out outlets or speakers with fewer claims.")
@_LINKS
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table, json or csv.")
def profiles(db: str, by: str, since: date | None, until: date | None, min_claims: int,
             links: bool, fmt: str) -> None:
    """Outlet or speaker profiles: how many claims, and the share of them with an anonymous or
    unverifiable source, denied, or in loaded language. Descriptive figures, not a verdict."""
    from rawi.signals.profiles import COLUMNS, store_profiles
    from rawi.signals.queue import QueueOptions

    opts = QueueOptions(since=since, until=until, limit=10**9, links=links, score=False)
    with _open(db, must_exist=True, readonly=True) as store:
        rows = store_profiles(store, by, opts, min_claims)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        _csv(COLUMNS, [[getattr(r, c) for c in COLUMNS] for r in rows])
        return
    pct = lambda n, s: f"{n} ({s:.0%})"  # noqa: E731
    _table(f"{len(rows)} {by}s", (by, "documents", "claims", "anonymous", "unverifiable", "denied",
                                  "loaded", "denials made"),
           [(r.name, r.documents, r.claims, pct(r.anonymous, r.anonymous_share),
             pct(r.unverifiable, r.unverifiable_share), pct(r.denied, r.denied_share),
             pct(r.loaded, r.loaded_share), r.denials_made) for r in rows])
