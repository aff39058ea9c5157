"""``rawi ner --conll`` output shape, lazy model loading, training command."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from rawi.cli.ner import ner, train_ner
from rawi.ner.tagger import MODEL_PATH, CrfTagger

needs_model = pytest.mark.skipif(not MODEL_PATH.exists(), reason="NER model not built")

CONLL = "قال O\nالرئيس O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n\nوصل O\nالوفد O\n.\n\n"


@needs_model
def test_ner_cli_conll_output_shape(tmp_path):
    p = tmp_path / "in.conll"
    p.write_text(CONLL.replace("\n.\n", "\n. O\n"), encoding="utf-8")
    res = CliRunner().invoke(ner, ["--conll", str(p)])
    assert res.exit_code == 0, res.output
    blocks = res.output.rstrip("\n").split("\n\n")
    assert len(blocks) == 2
    rows = [line.split(" ") for line in blocks[0].splitlines()]
    assert [r[0] for r in rows] == ["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو"]
    assert all(len(r) == 2 and (r[1] == "O" or r[1][:2] in ("B-", "I-")) for r in rows)
    assert rows[2][1] == "B-PER" and rows[5][1] == "B-LOC"


@needs_model
def test_ner_cli_tokens_without_tags_and_output_file(tmp_path):
    p = tmp_path / "in.conll"
    p.write_text("قال\nترامب\n\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    res = CliRunner().invoke(ner, ["--conll", str(p), "-o", str(out)])
    assert res.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ")[0] for line in lines[:2]] == ["قال", "ترامب"] and lines[2] == ""


def test_ner_cli_has_help():
    assert CliRunner().invoke(ner, ["--help"]).exit_code == 0
    assert "ANERcorp" in CliRunner().invoke(train_ner, ["--help"]).output


def test_ner_tagger_loads_lazily():
    t = CrfTagger()
    assert not t.loaded
    if MODEL_PATH.exists():
        t.tag(["بغداد"])
        assert t.loaded


def test_ner_import_does_not_load_model():
    code = ("import sys; import rawi.stages.entities, rawi.cli.ner; "
            "print('pycrfsuite' in sys.modules, 'rawi.ner.gazetteer' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "False"


def test_ner_missing_model_raises_coded_error(tmp_path):
    from rawi.errors import ModelMissing

    with pytest.raises(ModelMissing):
        CrfTagger(tmp_path / "none.crfsuite").tag(["x"])
