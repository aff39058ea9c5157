"""``rawi links``: links between attributed claims of different articles."""

from __future__ import annotations

import json
from dataclasses import replace

import click


def _stored_or_computed(store, opts):
    """``(claims, links)``: the links ``rawi ingest`` stored, or computed now with ``opts`` (non-default
    options, or a store without current links)."""
    from rawi.link.claims import LinkOptions, find_links
    from rawi.store import link_store

    state = link_store.links_state(store)
    if opts == LinkOptions() and state["current"]:
        if state["pending"]:
            click.echo(f"note: the claims of {state['pending']} articles are not linked yet (an ingest "
                       "was interrupted); run `rawi ingest` again to link them", err=True)
        by_key = link_store.load_claims(store)
        claims = list(by_key.values())
        return claims, link_store.read_links(store, by_key)
    if opts == LinkOptions():
        click.echo("note: this store holds no current claim links (run `rawi ingest` to store them); "
                   "computing them now", err=True)
    claims = load_claims(store)
    return claims, find_links(claims, opts)


def load_claims(store):
    """Every attributed claim of the store's originals, as :class:`rawi.link.claims.Claim`
    (newest first), read in chunks and sharing repeated values."""
    from rawi.store import link_store

    return list(link_store.load_claims(store).values())


@click.command("links")
@click.option("--db", default="rawi.db", show_default=True, help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True,
              help="jsonl: one {a, b, relation, score} per link (a is the claim, b the repetition or denial).")
@click.option("--relation", type=click.Choice(["same", "contradicts", "denies"]), multiple=True,
              help="Only these relations (repeatable).")
@click.option("--window-hours", type=float, default=None, help="Only link claims this close in time (default 48).")
def links(db, fmt, relation, window_hours):
    """Links between claims across articles: the same claim, contradictions and denials.

    The links are those ``rawi ingest`` stored; with --window-hours (or on a store without
    current links) they are computed now."""
    from rawi.link.claims import LinkOptions
    from rawi.store import open_store

    opts = LinkOptions() if window_hours is None else replace(LinkOptions(), window_hours=window_hours)
    with open_store(db, readonly=True) as store:
        _, result = _stored_or_computed(store, opts)
    if relation:
        result = [l for l in result if l.relation in relation]
    if fmt == "jsonl":
        for l in result:
            click.echo(json.dumps(l.to_dict(), ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{len(result)} links")
    for col in ("relation", "score", "a: speaker", "a: claim", "b: speaker", "b: claim"):
        t.add_column(col)
    for l in result:
        t.add_row(l.relation, f"{l.score:.2f}", l.a.speaker or "", l.a.content[:60], l.b.speaker or "", l.b.content[:60])
    Console().print(t)


@click.command("claim")
@click.argument("claim_id", required=False)
@click.option("--db", default="rawi.db", show_default=True, help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the provenance chain and timeline; json: the whole claim group.")
def claim(claim_id, db, fmt):
    """Provenance (isnad) of a claim group: outlet → agency → speaker, with its timeline.

    Without CLAIM_ID, lists the claim groups."""
    from rawi.link.claims import LinkOptions
    from rawi.link.groups import build_groups
    from rawi.store import open_store

    with open_store(db, readonly=True) as store:
        claims, found = _stored_or_computed(store, LinkOptions())
    groups = build_groups(claims, found)
    if not claim_id:
        for g in groups:
            click.echo(f"{g.id}\t{len(g.claims)} appearances\t{len(g.denials)} denials\t{g.first.content[:80]}")
        return
    match = [g for g in groups if g.id == claim_id]
    if not match:
        raise click.ClickException(f"no claim group {claim_id!r} in {db} (run 'rawi claim --db {db}' to list them)")
    g = match[0]
    if fmt == "json":
        click.echo(json.dumps(g.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"claim {g.id}: {g.first.content}")
    for e in g.timeline():
        who = " → ".join(e["chain"]) or "?"
        tag = " (anonymous)" if e["anonymous"] else ""
        click.echo(f"  {e['published'] or '?':<25} {e['event']:<13} {who}{tag} [{e['doc_id']}]: {e['content'][:90]}")
