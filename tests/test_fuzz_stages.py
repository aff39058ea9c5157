"""Fuzz every pipeline stage on documents built by ``document_from_text`` from hostile text:
each stage is called directly (the Pipeline would wrap a crash in StageError), must finish
within the budget and leave every span inside the text with its text at its offsets."""

from __future__ import annotations

import pytest
from fuzz.budget import Hang, time_budget
from fuzz.strategies import CI, hostile_text
from fuzz.targets import pipeline_target, stage_target
from hypothesis import given, settings

from rawi.pipeline import DEFAULT_STAGES

BUDGET = 6.0
WARM = "قال الوزير «لن نتراجع» يوم الأحد 5 مايو 2024.\n\nوأضاف أن 20 شخصاً أصيبوا."


@pytest.mark.parametrize("name", [st.name for st in DEFAULT_STAGES])
def test_fuzz_stages_each_stage(name: str) -> None:
    target = stage_target(name)
    target(WARM)  # loads models and lexicons outside the time budget

    @settings(CI, max_examples=25)
    @given(hostile_text)
    def run(s: str) -> None:
        with time_budget(BUDGET):
            target(s)

    run()


def test_fuzz_stages_analyze_document() -> None:
    pipeline_target(WARM)

    @settings(CI, max_examples=25)
    @given(hostile_text)
    def run(s: str) -> None:
        with time_budget(BUDGET):
            pipeline_target(s)

    run()


def test_fuzz_stages_attribution_long_cue_run() -> None:
    """Found by benchmarks/fuzz_all.py: a run of cue verbs on one line took quadratic time
    (2,000 x 'أكد ' 4 s, 11,364 x over 20 s) in the speaker nesting, antecedent search and
    clause-end scans of rawi.stages.attribution."""
    target = stage_target("attribution")
    target(WARM)
    with time_budget(5.0):
        target("أكد " * 8000)
