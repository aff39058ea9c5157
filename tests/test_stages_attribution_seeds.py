"""Regression on the two seed articles of ../shared: every gold attribution is found.

Named after the issue "Attribution: who said what, on whose authority": the coalition's
denial and the spokesman's "هذه الأخبار كاذبة" must be found, with the right speakers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rawi.model import Document
from rawi.stages.attribution import find_attributions

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold" / "attribution-dev"
pytestmark = pytest.mark.skipif(not (GOLD / "gold.jsonl").exists(), reason="../shared is absent")


def _load(doc_id: str) -> tuple[list[dict], list[dict]]:
    import importlib.util
    spec = importlib.util.spec_from_file_location("score_attribution", SHARED / "eval" / "score_attribution.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    gold = next(json.loads(line)["attributions"] for line in (GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip() and json.loads(line)["doc_id"] == doc_id)
    text = (GOLD / "plain" / f"{doc_id}.txt").read_text(encoding="utf-8")
    doc = find_attributions(Document(id=doc_id, text=text, title=text.split("\n", 1)[0]))
    pred = [a.to_dict(doc.text) for a in doc.attributions]
    return [dict(g, _tokens=sc.tokens(g["content"]), _spk=sc.speaker(g)) for g in gold], \
        [dict(p, _tokens=sc.tokens(p["content"]), _spk=sc.speaker(p), _f1=sc.f1) for p in pred]


@pytest.mark.parametrize("doc_id", ["seed-000", "seed-004"])
def test_stages_attribution_seeds_every_gold_attribution_found(doc_id: str) -> None:
    gold, pred = _load(doc_id)
    f1 = pred[0]["_f1"]
    missing = [g["content"][:40] for g in gold if not any(f1(g["_tokens"], p["_tokens"]) >= 0.5 for p in pred)]
    assert not missing


def test_stages_attribution_seeds_coalition_denial_and_spokesman() -> None:
    _, pred = _load("seed-000")
    deny = [p for p in pred if p["stance"] == "deny"]
    assert any(p["cue"] == "نفى" and p["source_resolved"] == "“التحالف الدولي”".strip("“”") or
               p["cue"] == "نفى" and "التحالف الدولي" in (p["source_resolved"] or "") for p in deny)
    spokesman = [p for p in deny if p["content"] == "هذه الأخبار كاذبة"]
    assert spokesman and spokesman[0]["type"] == "direct"
