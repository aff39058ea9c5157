"""Fuzz the text layer: the normaliser and its offset map, quote pairing, sentence and
paragraph splitting and tokenisation, on hostile Unicode (lone surrogates included: these
functions take any ``str``)."""

from __future__ import annotations

from fuzz.budget import time_budget
from fuzz.strategies import CI, hostile_text
from fuzz.targets import normalize_target, quotes_target, segment_target
from hypothesis import given, settings

BUDGET = 3.0


@settings(CI, max_examples=150)
@given(hostile_text)
def test_fuzz_text_normalize_offsets(s: str) -> None:
    with time_budget(BUDGET):
        normalize_target(s)


@settings(CI, max_examples=150)
@given(hostile_text)
def test_fuzz_text_quotes_pairing(s: str) -> None:
    with time_budget(BUDGET):
        quotes_target(s)


@settings(CI, max_examples=100)
@given(hostile_text)
def test_fuzz_text_sentences_and_tokens(s: str) -> None:
    with time_budget(BUDGET):
        segment_target(s)


def test_fuzz_text_long_line_and_mark_runs() -> None:
    """Inputs that are slow for quadratic code: one 400k-character line, 20k quote marks,
    20k periods, 5k nested guillemets."""
    for s in ("قال الوزير إن " * 30_000, "«" * 20_000, '"' * 20_000, "." * 20_000,
              "«" * 5_000 + "نص" + "»" * 5_000, "\u0651" * 50_000, "\u202e" * 50_000):
        with time_budget(10.0):
            normalize_target(s)
            quotes_target(s)
            segment_target(s)
