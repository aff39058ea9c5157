"""Readers on the real articles in ../shared (skipped when it is absent)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from rawi.readers import iter_input_paths, read_path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "data" / "seeds"
ANT = SHARED / "data" / "ant-multisource"
GOLD = SHARED / "gold" / "attribution-dev"

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")


def test_readers_shared_seeds_read_and_seed004_comment_form_removed():
    docs = {d.id: d for p in sorted(SEEDS.glob("seed-*.txt")) for d in read_path(p)}
    assert {"seed-000", "seed-004"} <= set(docs)
    seed4 = docs["seed-004"]
    assert seed4.title == "موسكو تتهم واشنطن بدعم تنظيم داعش في البوكمال"
    assert "أضف تعليقاً" not in seed4.text and "لن يتم نشر عنوان بريدك" not in seed4.text
    assert [r.reason for r in seed4.boilerplate] == ["comment form", "comment form"]
    assert seed4.boilerplate[0].text == "أضف تعليقاً"
    assert seed4.text.endswith("الشرق الأوسط.")
    seed0 = docs["seed-000"]
    assert seed0.text.startswith(seed0.title + "\n\n") and seed0.boilerplate == ()


@pytest.mark.skipif(not ANT.exists(), reason="ANT corpus is absent")
def test_readers_shared_ant_sample_per_outlet():
    outlets = sorted(p for p in ANT.iterdir() if p.is_dir())
    assert len(outlets) == 5
    for outlet_dir in outlets:
        for path in itertools.islice(iter_input_paths([str(outlet_dir)]), 40):
            (doc,) = read_path(path)
            assert doc.id == path.stem and doc.input_format == "trec"
            assert doc.title and doc.text.startswith(doc.title)
            assert doc.outlet and doc.category == path.parent.name
            assert doc.published is not None and doc.published.utcoffset() is not None
            assert doc.url and doc.url.startswith("http")


@pytest.mark.skipif(not ANT.exists(), reason="ANT corpus is absent")
def test_readers_shared_ant_walk_skips_readme():
    names = {p.name for p in iter_input_paths([str(ANT)])}
    assert "README.md" not in names and len(names) > 30_000


@pytest.mark.skipif(not GOLD.exists(), reason="attribution gold is absent")
def test_readers_shared_gold_quotes_survive_boilerplate_filter():
    docs = {d.id: d for p in iter_input_paths([str(GOLD / "articles")]) for d in read_path(p)}
    missing = []
    for line in (GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = docs[record["doc_id"]].text
        for att in record["attributions"]:
            for key in ("cue", "source", "source_role", "via", "channel", "content", "target"):
                value = att.get(key)
                if isinstance(value, str) and value and value not in text:
                    missing.append((record["doc_id"], key, value[:40]))
    assert missing == []
