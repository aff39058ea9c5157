"""Hypothesis strategies for the CI fuzz tests: hypothesis' own text and bytes (which it
shrinks well) mixed with the hostile generators of :mod:`fuzz.gen` (seeded, so a failing
example is reproducible from its seed)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from fuzz import gen

settings.register_profile(
    "fuzz-ci", max_examples=40, derandomize=True, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
CI = settings.get_profile("fuzz-ci")

_SPECIAL = st.sampled_from(
    gen.WORDS + tuple(gen.MARKS) + tuple(gen.BIDI) + tuple(gen.COMBINING) + gen.EMOJI
    + gen.OTHER_SCRIPTS + tuple(gen.SPACES) + gen.SURROGATES + tuple(".،؛؟!\n")
)
_SEED = st.integers(min_value=0, max_value=2 ** 32)

#: Unicode text with Arabic news words, quote marks, bidi controls, combining marks, emoji,
#: other scripts, odd spaces and lone surrogates.
hostile_text = st.one_of(
    st.lists(st.one_of(_SPECIAL, st.text(max_size=8)), max_size=80).map("".join),
    _SEED.map(lambda s: gen.gen_text(random.Random(s), surrogates=True)),
)
#: The same without lone surrogates (what a decoded file can contain).
decodable_text = st.one_of(
    st.lists(st.one_of(_SPECIAL.filter(lambda p: p not in gen.SURROGATES), st.text(max_size=8)), max_size=80).map("".join),
    _SEED.map(lambda s: gen.gen_text(random.Random(s))),
)


def format_bytes(fmt: str) -> st.SearchStrategy[bytes]:
    """Input bytes for one reader format (see gen.gen_format), or hypothesis' own bytes."""
    return st.one_of(_SEED.map(lambda s: gen.gen_format(random.Random(s), fmt)), st.binary(max_size=300))


any_bytes = st.one_of(st.binary(max_size=2000), _SEED.map(lambda s: gen.gen_bytes(random.Random(s))))
