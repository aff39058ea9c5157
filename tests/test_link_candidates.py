"""Candidate pairs of the claim linker: the sparse block search against a brute force, and the
lazy relation paths against the full feature dictionary."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.link.candidates import candidate_pairs
from rawi.link.claims import Claim, ClaimIndex, LinkOptions, _deny_relation, _plain_relation, _Pairs, _relation

T0 = datetime(2026, 3, 12, 9, 0, tzinfo=timezone.utc)
WORDS = ["الجيش", "القصف", "الحدود", "الميناء", "الوزير", "الهدنة", "المفاوضات", "الصواريخ", "الحكومة",
         "المعارضة", "اللاجئين", "النفط", "الانتخابات", "المطار", "الشحنة"]
SPEAKERS = ["الجيش السوري", "وزارة الدفاع الأمريكية", "مصدر أمني", "المتحدث باسم التحالف", "الخارجية الروسية"]
DENY = ["نفى", "كاذبة", "لا صحة"]


def _claims(seed: int, n: int) -> list[Claim]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        words = rng.sample(WORDS, rng.randint(2, 7))
        if rng.random() < 0.25:
            words.insert(0, rng.choice(DENY))
        content = " ".join(words)
        when = None if rng.random() < 0.1 else T0 + timedelta(hours=rng.uniform(0, 200))
        stance = "deny" if rng.random() < 0.1 else rng.choice(["assert", "accuse"])
        target = " ".join(rng.sample(WORDS, 2)) if rng.random() < 0.3 else None
        out.append(Claim(f"d{rng.randint(0, n // 2)}", k, content, 0, len(content), rng.choice(SPEAKERS),
                         stance, when, "o", target, "organization", None))
    return out


def _built(seed: int, n: int):
    """Random claims with their index, per-claim cues and the linker's ``ok`` (≥ 2 terms)."""
    claims = _claims(seed, n)
    index = ClaimIndex(claims)
    return claims, index, _Pairs(claims, index), [len(t) >= 2 for t in index.term_lists]


def _inputs(claims, index, pairs, ok):
    """The per-claim arguments of the candidate search, as the linker builds them."""
    return (index.vectors, [c.published.timestamp() if c.published else None for c in claims],
            [c.doc_id for c in claims], pairs.deny, ok,
            [pairs.doc_keys(c.doc_id) if pairs.deny[k] else None for k, c in enumerate(claims)])


def _brute(claims, index, pairs, ok, hours, floor):
    out = []
    span = timedelta(hours=hours)
    for i, ci in enumerate(claims):
        if not ok[i]:
            continue
        for j, cj in enumerate(claims):
            if j == i or not ok[j] or ci.doc_id == cj.doc_id:
                continue
            if not pairs.deny[i] and pairs.deny[j]:
                continue
            if j < i and not (pairs.deny[i] and not pairs.deny[j]):
                continue
            if ci.published and cj.published and abs(ci.published - cj.published) > span:
                continue
            sim = index.cosine(i, j)
            matter = pairs.deny[i] and any(t in pairs.doc_keys(ci.doc_id) for t in index.vectors[j])
            if sim >= floor or (pairs.deny[i] and (sim > 0 or matter)):
                out.append((i, j, sim))
    return out


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 60), hours=st.sampled_from([6.0, 48.0, 1000.0]))
def test_link_candidates_block_search_equals_brute_force(seed, n, hours):
    claims, index, pairs, ok = _built(seed, n)
    got = candidate_pairs(*_inputs(claims, index, pairs, ok), hours, 0.15)
    want = _brute(claims, index, pairs, ok, hours, 0.15)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in want]
    assert all(abs(a[2] - b[2]) < 1e-9 for a, b in zip(got, want))


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_link_candidates_lazy_relations_agree_with_the_feature_dictionary(seed):
    claims, index, pairs, _ = _built(seed, 40)
    options = LinkOptions()
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            sim = index.cosine(i, j)
            lazy = (_deny_relation if pairs.deny[i] or pairs.deny[j] else _plain_relation)(pairs, i, j, sim, options)
            full = _relation(pairs.features(i, j, sim), i, j, options)
            assert lazy == full


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_link_candidates_context_of_a_denial_pair_is_the_covered_weight(seed):
    from rawi.link.candidates import iter_candidate_blocks

    claims, index, pairs, ok = _built(seed, 50)
    blocks = iter_candidate_blocks(*_inputs(claims, index, pairs, ok), 48.0, 0.15)
    for block in blocks:
        for i, j, _, ctx in block:
            if pairs.deny[i]:
                assert abs(ctx - pairs._covered(j, claims[i].doc_id)) < 1e-9
            else:
                assert ctx == 0.0
