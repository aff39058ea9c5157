"""``rawi serve``: options, defaults (loopback, read-only) and refusals."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")

from click.testing import CliRunner  # noqa: E402

from browser.webcorpus import built_store  # noqa: E402
from rawi.cli.serve import serve  # noqa: E402


@pytest.fixture
def ran(monkeypatch):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def test_web_serve_defaults_to_loopback_and_read_only(ran, monkeypatch):
    monkeypatch.delenv("RAWI_INGEST_TOKEN", raising=False)
    r = CliRunner().invoke(serve, ["--db", built_store()])
    assert r.exit_code == 0, r.output
    app, kw = ran[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    assert app.state.readonly is True and app.state.ingest_token is None


def test_web_serve_token_from_environment_enables_ingest(ran, monkeypatch, tmp_path):
    monkeypatch.setenv("RAWI_INGEST_TOKEN", "a-long-enough-token-123")
    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "new.db"), "--port", "8123", "--host", "0.0.0.0"])
    assert r.exit_code == 0, r.output
    app, kw = ran[0]
    assert kw["port"] == 8123 and kw["host"] == "0.0.0.0"
    assert app.state.readonly is False and app.state.ingest_token == "a-long-enough-token-123"
    assert (tmp_path / "new.db").exists()


def test_web_serve_refuses_missing_store_and_short_token(ran, tmp_path, monkeypatch):
    monkeypatch.delenv("RAWI_INGEST_TOKEN", raising=False)
    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "absent.db")])
    assert r.exit_code != 0 and "no store here" in r.output
    r = CliRunner().invoke(serve, ["--db", built_store(), "--ingest-token", "short"])
    assert r.exit_code != 0 and "16 characters" in r.output
    r = CliRunner().invoke(serve, ["--db", built_store(), "--port", "70000"])
    assert r.exit_code != 0
    assert not ran
