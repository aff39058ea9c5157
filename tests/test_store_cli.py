"""The store commands through click's runner: ingest, search, speakers, claims, show."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner
from test_ingest_pipeline import write_corpus
from test_store_fixtures import sample_docs

from rawi.cli import store_cmds
from rawi.store import StoredDoc, open_store
from rawi.store.dedup import content_hash

COMMANDS = [store_cmds.ingest, store_cmds.search, store_cmds.speakers, store_cmds.claims,
            store_cmds.show]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with open_store(path) as st, st.transaction():
        for d in sample_docs():
            st.put_document(StoredDoc(d, content_hash(d.text), "v"), None)
    return str(path)


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c.name)
def test_store_cli_every_command_and_option_has_help(cmd: click.Command):
    assert cmd.help and cmd.help.strip()
    for p in cmd.params:
        if isinstance(p, click.Option):
            assert p.help and p.help.strip(), f"{cmd.name} {p.opts} has no help"
    result = CliRunner().invoke(cmd, ["--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_store_cli_search_formats(db):
    r = CliRunner().invoke(store_cmds.search, ["الأمريكيّة", "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.output)
    assert sorted(h["doc_id"] for h in hits) == ["AR-1", "AR-2"]
    r = CliRunner().invoke(store_cmds.search, ["واشنطن", "--db", db, "--stance", "deny",
                                               "--format", "csv"])
    lines = r.output.strip().splitlines()
    assert lines[0].startswith("doc_id,") and len(lines) == 2 and lines[1].startswith("AR-1,")
    r = CliRunner().invoke(store_cmds.search, ["واشنطن", "--db", db, "--since", "2018-05-01"])
    assert r.exit_code == 0 and "AR-2" in r.output and "AR-1" not in r.output
    r = CliRunner().invoke(store_cmds.search, ["x", "--db", db, "--since", "yesterday"])
    assert r.exit_code != 0 and "YYYY-MM-DD" in r.output


def test_store_cli_speakers_claims_show(db):
    r = CliRunner().invoke(store_cmds.speakers, ["--db", db, "--format", "jsonl"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert rows[0]["name"] in ("جون سميث", "حسن روحاني") and rows[0]["attributions"] == 2
    r = CliRunner().invoke(store_cmds.claims, ["--db", db, "--stance", "deny", "--format", "json"])
    claims = json.loads(r.output)
    assert len(claims) == 2 and {c["speaker"] for c in claims} == {"جون سميث"}
    r = CliRunner().invoke(store_cmds.claims, ["--db", db, "--speaker", "روحاني"])
    assert r.exit_code == 0 and "اتهم" in r.output
    r = CliRunner().invoke(store_cmds.show, ["AR-1", "--db", db, "--format", "json"])
    d = json.loads(r.output)
    assert d["doc_id"] == "AR-1" and len(d["attributions"]) == 3 and d["store"]["analysed_with"] == "v"
    r = CliRunner().invoke(store_cmds.show, ["AR-1", "--db", db])
    assert r.exit_code == 0 and "attributions" in r.output
    r = CliRunner().invoke(store_cmds.show, ["NOPE", "--db", db])
    assert r.exit_code != 0 and "no document" in r.output


def test_store_cli_read_commands_refuse_a_missing_db(tmp_path):
    r = CliRunner().invoke(store_cmds.search, ["x", "--db", str(tmp_path / "none.db")])
    assert r.exit_code != 0 and "no store here" in r.output
    assert not (tmp_path / "none.db").exists()


def test_store_cli_ingest_reports_and_is_incremental(tmp_path):
    write_corpus(tmp_path / "in", 4)
    (tmp_path / "in" / "empty.txt").write_text("")
    db = str(tmp_path / "i.db")
    args = [str(tmp_path / "in"), "--db", db, "--jobs", "1", "--quiet", "--format", "json"]
    r = CliRunner().invoke(store_cmds.ingest, args)
    assert r.exit_code == 0, r.output
    rep = json.loads(r.output)
    assert rep["files_seen"] == 5 and rep["docs_stored"] == 4
    assert any(e["code"] == "E004" for e in rep["error_list"])
    r = CliRunner().invoke(store_cmds.ingest, args)
    rep = json.loads(r.output)
    assert rep["files_skipped"] == 5 and rep["docs_stored"] == 0
