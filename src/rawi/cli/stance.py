"""``rawi stance PAIRS.csv --a COL --b COL`` and ``rawi train stance``."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click


def read_columns(path: Path, a: str, b: str) -> list[tuple[str, str]]:
    """The ``(a, b)`` text pairs of a CSV with a header row (UTF-8, any size of field)."""
    from rawi.errors import BadRecord, UnreadableFile

    csv.field_size_limit(sys.maxsize)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in (a, b) if c not in (reader.fieldnames or [])]
            if missing:
                raise BadRecord(str(path), f"no column {', '.join(missing)} (have: {', '.join(reader.fieldnames or [])})")
            return [(row[a] or "", row[b] or "") for row in reader]
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise UnreadableFile(str(path), "not UTF-8 text") from e


@click.command("stance")
@click.argument("pairs_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--a", "col_a", required=True, help="Column of the first text (claim / headline).")
@click.option("--b", "col_b", required=True, help="Column of the second text (headline / article).")
@click.option("--kind", type=click.Choice(["auto", "claim", "article"]), default="auto",
              show_default=True, help="claim: short pairs (ANS model); article: claim vs article.")
@click.option("--scores", is_flag=True, help="Also print the four probabilities after a tab.")
def stance(pairs_csv: Path, col_a: str, col_b: str, kind: str, scores: bool) -> None:
    """Print one stance label per CSV row: agree, disagree, discuss or unrelated."""
    from rawi.classify.stance import LABELS, predict_pairs, stance_scores
    from rawi.errors import RawiError

    try:
        pairs = read_columns(pairs_csv, col_a, col_b)
        labels = predict_pairs(pairs, kind=kind)
        probs = stance_scores(pairs, kind=kind) if scores else None
    except RawiError as exc:
        raise click.ClickException(exc.one_line()) from exc
    for i, lab in enumerate(labels):
        if probs is None:
            click.echo(lab)
        else:
            click.echo(lab + "\t" + " ".join(f"{l}={probs[i][l]:.3f}" for l in LABELS))


@click.command("stance")
@click.option("--only", type=click.Choice(["both", "claim", "article"]), default="both",
              show_default=True, help="Which of the two stance models to train.")
@click.option("--ans-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="ANS stance folder (train.csv, dev.csv); default ../shared/data/stance/ans/stance.")
@click.option("--ufc-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="UnifiedFC folder (dataset/, folds.txt); default ../shared/data/stance/unifiedfc-ar.")
def train_stance(only: str, ans_dir: Path | None, ufc_dir: Path | None) -> None:
    """Train the stance models from ANS (claim pairs) and UnifiedFC folds 1-4 (articles)."""
    from rawi.classify import train_stance as T

    if only in ("both", "claim"):
        click.echo("claim-pair model (ANS):")
        T.train_claim(ans_dir or T.ANS_DIR, log=click.echo)
    if only in ("both", "article"):
        click.echo("claim-article model (UnifiedFC):")
        T.train_article(ufc_dir or T.UFC_DIR, log=click.echo)
