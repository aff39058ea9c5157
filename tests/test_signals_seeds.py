"""Done-when check of issue #10 on the two seed articles (``rawi analyze seeds --format json``):
the anonymous "military-diplomatic source", the absolute "100%" and the coalition's denial are
surfaced as signals on the right claims."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SHARED

from rawi.cli import main
from rawi.model import Document
from rawi.signals import SignalOptions, document_signals

SEEDS = SHARED / "data" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/data/seeds is absent (a user's fresh clone)")


@pytest.fixture(scope="module")
def seed():
    r = CliRunner().invoke(main, ["analyze", str(SEEDS), "--format", "json"])
    assert r.exit_code == 0, r.output
    docs = {d["doc_id"]: Document.from_dict(d) for d in json.loads(r.stdout)}
    doc = docs["seed-000"]
    return doc, document_signals(doc, options=SignalOptions(use_tagger=False))


def _by_content(doc, claims, needle):
    found = [c for c in claims if needle in c.content]
    assert found, f"no claim containing {needle!r}"
    return found


def _kinds(c, kind):
    return [s for s in c.signals if s.kind == kind]


def test_signals_seeds_military_diplomatic_source_is_anonymous(seed):
    doc, claims = seed
    (c,) = _by_content(doc, claims, "بإجلاء أكثر من 22 قياديا")
    (s,) = _kinds(c, "anonymous_source")
    assert s.text == "مصدر عسكري دبلوماسي" and "نوفوستي" in s.explanation
    # the named senator's claims carry no anonymous-source signal
    for c in _by_content(doc, claims, "100%"):
        assert not _kinds(c, "anonymous_source")


def test_signals_seeds_absolute_100_percent(seed):
    doc, claims = seed
    (c,) = _by_content(doc, claims, "واقعة ثابتة 100%")
    assert {s.text for s in _kinds(c, "absolute_certainty")} == {"واقعة ثابتة", "100%"}
    (c,) = _by_content(doc, claims, "حدث في الواقع 100%")
    assert [s.text for s in _kinds(c, "absolute_certainty")] == ["100%"]
    assert not any(s.text == "100%" for s in _kinds(c, "figure"))


def test_signals_seeds_coalition_denial(seed):
    doc, claims = seed
    denials = [c for c in claims if _kinds(c, "denial")]
    coalition = [c for c in denials if "التحالف" in (c.speaker or "")]
    assert coalition, [c.speaker for c in denials]
    j = coalition[0].idx
    (c,) = _by_content(doc, claims, "بإجلاء أكثر من 22 قياديا")  # the anonymous source's claim
    assert any(s.attrs.get("by_attribution") == j for s in _kinds(c, "denied"))
    # the senator's Afghanistan remark is not what the coalition denied
    for c in _by_content(doc, claims, "أفغانستان، أستطيع"):
        assert not _kinds(c, "denied")


def test_signals_seeds_through_the_store_queue(tmp_path, monkeypatch):
    from rawi.signals import loaded as loaded_mod

    monkeypatch.setattr(loaded_mod, "tagger", lambda: None)
    db = str(tmp_path / "seeds.db")
    r = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", db, "-j", "1"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["queue", "--db", db, "--format", "json", "--limit", "100"])
    assert r.exit_code == 0, r.output
    items = json.loads(r.stdout)
    kinds = lambda it: {s["kind"] for s in it["signals"]}  # noqa: E731
    (anon,) = [it for it in items if "بإجلاء أكثر من 22 قياديا" in it["content"]]
    assert {"anonymous_source", "denied"} <= kinds(anon)
    (senator,) = [it for it in items if "واقعة ثابتة 100%" in it["content"]]
    assert "absolute_certainty" in kinds(senator) and "anonymous_source" not in kinds(senator)
    assert any("denial" in kinds(it) and "التحالف" in (it["speaker"] or "") for it in items)
