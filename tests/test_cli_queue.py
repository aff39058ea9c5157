"""``rawi queue`` and ``rawi profiles`` through click's runner, on a store of our fixtures."""

from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner
from signals_fixtures import border_doc, prices_doc

from rawi.cli import main
from rawi.cli import queue as queue_cli
from rawi.signals import loaded as loaded_mod
from rawi.signals.profiles import COLUMNS
from rawi.store import StoredDoc, open_store
from rawi.store.dedup import content_hash


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr(loaded_mod, "tagger", lambda: None)  # the lexicon, deterministic
    path = tmp_path / "q.db"
    with open_store(path) as st, st.transaction():
        for d in (border_doc(), prices_doc()):
            st.put_document(StoredDoc(d, content_hash(d.text), "v"), None)
    return str(path)


def _run(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("cmd", [queue_cli.queue, queue_cli.profiles], ids=lambda c: c.name)
def test_cli_queue_commands_have_help_and_are_registered(cmd: click.Command):
    assert cmd.help and cmd.help.strip()
    for p in cmd.params:
        if isinstance(p, click.Option):
            assert p.help and p.help.strip(), f"{cmd.name} {p.opts} has no help"
    assert cmd.name in CliRunner().invoke(main, ["--help"]).output
    assert "Usage" in CliRunner().invoke(main, [cmd.name, "--help"]).output


def test_cli_queue_json_ranked_by_checkworthiness_with_signals(db):
    items = json.loads(_run("queue", "--db", db, "--format", "json"))
    assert len(items) == 6 and [it["rank"] for it in items] == list(range(1, 7))
    scores = [it["checkworthiness"] for it in items if it["checkworthiness"] is not None]
    assert scores == sorted(scores, reverse=True)
    anon = [it for it in items if it["speaker"] == "مصدر أمني"]
    assert len(anon) == 1
    kinds = {s["kind"] for s in anon[0]["signals"]}
    assert {"anonymous_source", "figure", "date", "absolute_certainty", "denied"} <= kinds
    for it in items:  # with links every linked claim is either corroborated or single-source
        assert {"single_source", "corroborated"} & {s["kind"] for s in it["signals"]}
        for s in it["signals"]:
            assert s["span"][0] <= s["span"][1] and s["text"] and s["explanation"]


def test_cli_queue_limit_since_and_no_links(db):
    assert len(json.loads(_run("queue", "--db", db, "--format", "json", "--limit", "2"))) == 2
    later = json.loads(_run("queue", "--db", db, "--format", "json", "--since", "2026-03-11"))
    assert {it["doc_id"] for it in later} == {"prices"}
    bare = json.loads(_run("queue", "--db", db, "--format", "json", "--no-links"))
    assert not any(s["kind"] in ("single_source", "corroborated") for it in bare for s in it["signals"])


def test_cli_queue_csv_and_table(db):
    rows = list(csv.reader(io.StringIO(_run("queue", "--db", db, "--format", "csv"))))
    assert rows[0][:4] == ["rank", "checkworthiness", "doc_id", "attribution"] and len(rows) == 7
    anon = [r for r in rows[1:] if r[6] == "مصدر أمني"][0]
    assert "anonymous_source" in anon[10].split(";")
    out = _run("queue", "--db", db, "--limit", "3")
    assert "3 claims" in out


def test_cli_queue_csv_cells_cannot_run_as_formulas():
    assert queue_cli._cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert queue_cli._cell("قال") == "قال" and queue_cli._cell(None) == ""


def test_cli_queue_missing_store_and_bad_date(tmp_path):
    r = CliRunner().invoke(main, ["queue", "--db", str(tmp_path / "none.db")])
    assert r.exit_code != 0 and "no store here" in r.output
    r = CliRunner().invoke(main, ["queue", "--db", str(tmp_path / "none.db"), "--since", "monday"])
    assert r.exit_code != 0 and "YYYY-MM-DD" in r.output


def test_cli_queue_profiles_by_outlet(db):
    rows = {r["name"]: r for r in json.loads(_run("profiles", "--db", db, "--format", "json"))}
    afaq = rows["صحيفة الأفق"]
    assert afaq["claims"] == 5 and afaq["documents"] == 1
    assert afaq["anonymous"] == 1 and afaq["anonymous_share"] == 0.2
    assert afaq["unverifiable"] == 1 and afaq["denied"] == 1 and afaq["denials_made"] == 1
    assert afaq["loaded"] >= 1
    nahr = rows["إذاعة النهر"]
    assert (nahr["claims"], nahr["anonymous"], nahr["denied"]) == (1, 0, 0)


def test_cli_queue_profiles_by_speaker_csv(db):
    rows = list(csv.DictReader(io.StringIO(_run("profiles", "--db", db, "--by", "speaker",
                                                 "--format", "csv", "--no-links"))))
    assert list(rows[0]) == list(COLUMNS)
    by = {r["name"]: r for r in rows}
    assert by["مصدر أمني"]["anonymous_share"] == "1.0" and by["الجيش"]["denials_made"] == "1"
    assert "سامر حداد" in by
    out = _run("profiles", "--db", db, "--by", "speaker")
    assert "6 speakers" in out


def test_cli_queue_uses_the_links_the_store_keeps(monkeypatch):
    from types import SimpleNamespace

    from rawi.signals import queue as q

    link_store = pytest.importorskip("rawi.store.link_store")

    a = SimpleNamespace(doc_id="d1", idx=0, content="…", speaker="س", outlet="أ", published=None)
    b = SimpleNamespace(doc_id="d2", idx=0, content="…", speaker="ص", outlet="ب", published=None)
    monkeypatch.setattr(link_store, "links_state",
                        lambda st: {"stored": True, "current": True, "pending": 0})
    monkeypatch.setattr(link_store, "load_claims", lambda st: {(1, 0): a, (2, 0): b})
    monkeypatch.setattr(link_store, "read_links", lambda st, claims: [
        SimpleNamespace(a=a, b=b, relation="same", score=0.9)])
    cx = q.crossdoc_from_store(object())
    assert [o.doc_id for o in cx.other_outlets(("d1", 0))] == ["d2"]
    monkeypatch.setattr(link_store, "links_state",
                        lambda st: {"stored": True, "current": False, "pending": 0})
    assert q._stored_links(object()) is None  # stale: computed again instead
