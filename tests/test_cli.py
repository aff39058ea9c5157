"""The command line: every command has help text and is in the generated reference."""

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import DEMO, ROOT
from rawi.cli import main

RUNNER = CliRunner()


def _commands():
    ctx = click.Context(main, info_name="rawi")
    out = []
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        out.append(([name], cmd))
        if isinstance(cmd, click.Group):
            sub = click.Context(cmd, info_name=name, parent=ctx)
            out += [([name, s], cmd.get_command(sub, s)) for s in cmd.list_commands(sub)]
    return out


def test_cli_every_command_has_help_text():
    cmds = _commands()
    assert len(cmds) >= 5
    for path, cmd in cmds:
        assert cmd is not None, path
        assert (cmd.help or "").strip(), f"rawi {' '.join(path)} has no help text"
        res = RUNNER.invoke(main, path + ["--help"])
        assert res.exit_code == 0, (path, res.output)
        for p in cmd.params:
            if isinstance(p, click.Option):
                assert (p.help or "").strip(), f"rawi {' '.join(path)} {p.opts[0]} has no help text"


def test_cli_reference_is_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_cli_version():
    res = RUNNER.invoke(main, ["--version"])
    assert res.exit_code == 0 and "rawi" in res.output


def test_cli_analyze_demo_corpus_reports_broken_file_and_goes_on():
    res = RUNNER.invoke(main, ["analyze", str(DEMO), "--format", "jsonl", "--no-progress"])
    assert res.exit_code == 0, res.output
    lines = [l for l in res.stdout.splitlines() if l.startswith("{")]
    docs = [json.loads(l) for l in lines]
    assert len(docs) >= 26
    assert "bad.jsonl" in res.stderr and "line 2" in res.stderr
    formats = {d["input_format"] for d in docs}
    assert {"text", "html", "trec", "jsonl"} <= formats


@pytest.mark.parametrize("fmt", ["json", "text", "html"])
def test_cli_analyze_formats(fmt, tmp_path):
    out = tmp_path / f"out.{fmt}"
    res = RUNNER.invoke(main, ["analyze", str(DEMO / "text"), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(text)) >= 8
    elif fmt == "html":
        assert '<html lang="ar" dir="rtl">' in text and "<script" not in text
    else:
        assert "==" in text


def test_cli_analyze_nothing_readable_exits_nonzero(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    res = RUNNER.invoke(main, ["analyze", str(bad)])
    assert res.exit_code != 0
    assert "empty.txt" in res.stderr


def test_cli_analyze_stdin():
    res = RUNNER.invoke(main, ["analyze", "-", "--format", "jsonl"],
                        input="عنوان الخبر\n\nوقال المتحدث باسم الوزارة إن الأنباء كاذبة.\n".encode())
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout.splitlines()[0])
    assert doc["title"] == "عنوان الخبر"


def test_cli_analyze_missing_path_is_reported(tmp_path):
    res = RUNNER.invoke(main, ["analyze", str(tmp_path / "nope.txt")])
    assert res.exit_code != 0
    assert "nope.txt" in res.stderr
