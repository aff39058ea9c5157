"""``rawi ner --conll IN.conll`` (tag tokens) and ``rawi train ner`` (rebuild the model)."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("ner")
@click.option("--conll", "conll", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              required=True, help="Input: one token per line (tag optional), blank line between sentences.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of standard output.")
def ner(conll: Path, output: Path | None) -> None:
    """Tag the tokens of a CoNLL file with BIO entity tags (PER ORG LOC MISC).

    Prints the same tokens, one per line, each followed by a space and its tag, with a blank
    line between sentences.
    """
    from rawi.ner.corpus import read_tokens
    from rawi.ner.tagger import default_tagger

    tagger = default_tagger()
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for toks in read_tokens(conll):
            for tok, tag in zip(toks, tagger.tag(toks)):
                out.write(f"{tok} {tag}\n")
            out.write("\n")
    finally:
        if output:
            out.close()


@click.command("ner")
@click.option("--anercorp", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/data/ner/anercorp-train.conll"), show_default=True,
              help="ANERcorp train part (CoNLL); every 10th sentence is held out.")
@click.option("--newsfane", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/data/ner/newsfane/NewsFANE-minus-anercorp-test.txt"),
              show_default=True, help="NewsFANE gold (token<TAB>fine tag).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model file to write (default: the shipped src/rawi/models/ner-crf.crfsuite).")
@click.option("--heldout-gold", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the held-out ANERcorp sentences here, for score_ner.py.")
@click.option("--max-iterations", type=int, default=None, help="L-BFGS iterations (default 150).")
def train_ner(anercorp: Path, newsfane: Path, output: Path | None, heldout_gold: Path | None,
              max_iterations: int | None) -> None:
    """Train the CRF entity tagger from ANERcorp and NewsFANE (a few minutes on one core)."""
    from dataclasses import replace

    from rawi.ner.tagger import MODEL_PATH
    from rawi.ner.train import TrainOptions, train_ner as _train

    opts = TrainOptions() if max_iterations is None else replace(TrainOptions(), max_iterations=max_iterations)
    summary = _train(output or MODEL_PATH, anercorp, newsfane, opts, heldout_gold)
    click.echo(" ".join(f"{k}={v}" for k, v in summary.items() if k != "last_iteration"))
