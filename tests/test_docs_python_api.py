"""Every ```python block of docs/python-api.md runs, in order, in one namespace, in a temporary
directory holding the demo corpus as demo/corpus."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "python-api.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def python_blocks(text: str) -> list[str]:
    return [m.group(1) for m in _BLOCK.finditer(text)]


def test_docs_python_api_has_examples_for_each_topic():
    text = DOC.read_text(encoding="utf-8")
    code = "\n".join(python_blocks(text))
    for name in ("rawi.analyze(", "read_path(", "open_store(", "ingest(", ".search(", ".claims(",
                 "build_stories(", "find_links(", "export(", "run_batch("):
        assert name in code, f"docs/python-api.md has no example using {name}"


def test_docs_python_api_blocks_run(tmp_path, capsys):
    blocks = python_blocks(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    (tmp_path / "demo").symlink_to(ROOT / "demo", target_is_directory=True)
    old = Path.cwd()
    os.chdir(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    try:
        for n, block in enumerate(blocks, 1):
            try:
                exec(compile(block, f"{DOC.name}[block {n}]", "exec"), namespace)  # noqa: S102
            except Exception as exc:  # pragma: no cover - the message is what matters
                pytest.fail(f"docs/python-api.md block {n} failed: {exc!r}\n{block}")
    finally:
        os.chdir(old)
    out = capsys.readouterr().out
    assert "ClaimReview" in out and "سالم الخطيب" in out
    for name in ("rawi.db", "documents.jsonl", "attributions.csv", "claims.parquet", "claims.jsonld",
                 "network.gexf", "batch.db"):
        assert (tmp_path / name).stat().st_size > 0, name
