"""``rawi train …``: reproducible training of the models rawi ships."""

from __future__ import annotations

import click

from rawi.cli import LazyGroup

TRAINERS: dict[str, str] = {
    "ner": "rawi.cli.ner:train_ner",
    "stance": "rawi.cli.stance:train_stance",
    "checkworthy": "rawi.cli.checkworthy:train_checkworthy",
}


@click.group(cls=LazyGroup, lazy=TRAINERS)
def train() -> None:
    """Train one of rawi's models from named data (see the model cards)."""
