"""``rawi stories``: the stories of a store (articles about the same development)."""

from __future__ import annotations

import json
from dataclasses import replace

import click


@click.command("stories")
@click.option("--db", default="rawi.db", show_default=True, help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="table", show_default=True,
              help="jsonl: one {cluster, doc_ids, outlets, first, last, actors, places} per story.")
@click.option("--window-hours", type=float, default=None, help="Time window for joining a story (default 36).")
@click.option("--threshold", type=float, default=None, help="Similarity needed to join a story (default 0.25).")
@click.option("--min-size", type=int, default=1, show_default=True, help="Only print stories with at least this many articles.")
def stories(db, fmt, window_hours, threshold, min_size):
    """Print the stories of the stored articles.

    The stories are those ``rawi ingest`` assigned and stored. With --window-hours or
    --threshold, or on a store whose stories are missing or were made by another version of
    the story code, they are computed now from the stored articles instead."""
    from rawi.link.stories import StoryOptions
    from rawi.link.story_report import build_stories, folded_copies
    from rawi.store import open_store, story_store

    opts = StoryOptions()
    if window_hours is not None:
        opts = replace(opts, window_hours=window_hours)
    if threshold is not None:
        opts = replace(opts, threshold=threshold)
    with open_store(db, readonly=True) as store:
        state = story_store.stories_state(store)
        if opts == StoryOptions() and state["current"]:
            if state["pending"]:
                click.echo(f"note: {state['pending']} articles have no story yet (an ingest was "
                           "interrupted); run `rawi ingest` again to assign them", err=True)
            found = story_store.read_stories(store)
        else:
            if opts == StoryOptions():
                click.echo("note: this store holds no current stories (run `rawi ingest` to store "
                           "them); computing them now", err=True)
            found = build_stories(store.iter_documents(), opts, folded_copies(store))
        result = [s for s in found if len(s.doc_ids) >= min_size]
    if fmt == "jsonl":
        for s in result:
            click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps([s.to_dict() for s in result], ensure_ascii=False, indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        t = Table(title=f"{len(result)} stories")
        for col in ("story", "articles", "outlets", "from", "to", "lead title", "actors"):
            t.add_column(col)
        for s in result:
            t.add_row(s.id, str(len(s.doc_ids)), ", ".join(s.outlets), (s.first or "")[:16], (s.last or "")[:16],
                      s.titles[0][:60], ", ".join(s.actors[:3]))
        Console().print(t)
