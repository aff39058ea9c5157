"""``rawi checkworthy FILE.tsv --text-column tweet_text`` and ``rawi train checkworthy``."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click


def read_column(path: Path, column: str) -> list[str]:
    """One text column of a tab-separated file with a header row (no quoting, as CheckThat!)."""
    from rawi.errors import BadRecord, UnreadableFile

    csv.field_size_limit(sys.maxsize)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise UnreadableFile(str(path), "not UTF-8 text") from e
    if not rows or column not in rows[0]:
        raise BadRecord(str(path), f"no column {column!r} in the header row")
    i = rows[0].index(column)
    return [r[i] if i < len(r) else "" for r in rows[1:] if r]


@click.command("checkworthy")
@click.argument("tsv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--text-column", default="tweet_text", show_default=True, help="Column holding the text.")
def checkworthy(tsv: Path, text_column: str) -> None:
    """Print one line per row: Yes or No, a tab, the check-worthiness score in [0, 1]."""
    from rawi.classify.checkworthy import label_texts
    from rawi.errors import RawiError

    try:
        out = label_texts(read_column(tsv, text_column))
    except RawiError as exc:
        raise click.ClickException(exc.one_line()) from exc
    for lab, score in out:
        click.echo(f"{lab}\t{score:.4f}")


@click.command("checkworthy")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="CheckThat! 2024 Arabic folder; default ../shared/data/checkworthy/checkthat2024-ar.")
def train_checkworthy(data_dir: Path | None) -> None:
    """Train the check-worthiness model on CheckThat! 2024 Arabic train (dev is only scored)."""
    from rawi.classify import train_checkworthy as T

    T.train(data_dir or T.CT_DIR, log=click.echo)
