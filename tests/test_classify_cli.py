"""CLI output shape of ``rawi stance`` and ``rawi checkworthy`` on tiny fixtures."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from rawi.classify.checkworthy import MODEL_PATH as CW_MODEL
from rawi.classify.stance import LABELS, MODEL_PATHS
from rawi.cli.checkworthy import checkworthy
from rawi.cli.stance import stance

needs_claim = pytest.mark.skipif(not MODEL_PATHS["claim"].exists(), reason="stance claim model not trained")
needs_article = pytest.mark.skipif(not MODEL_PATHS["article"].exists(), reason="stance article model not trained")
needs_cw = pytest.mark.skipif(not CW_MODEL.exists(), reason="check-worthiness model not trained")

PAIRS = [
    ("ارتفاع أسعار النفط بعد قرار أوبك", "أسعار النفط ترتفع إثر قرار أوبك"),
    ("ارتفاع أسعار النفط بعد قرار أوبك", "انخفاض أسعار النفط بعد قرار أوبك"),
    ("الرئيس يزور باريس الأسبوع المقبل", "فريق الكرة يفوز بالبطولة للمرة الثالثة"),
]


def _csv(path, rows, header=("claim", "headline")):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


@needs_claim
def test_classify_stance_cli_one_label_per_row(tmp_path):
    _csv(tmp_path / "p.csv", PAIRS)
    res = CliRunner().invoke(stance, [str(tmp_path / "p.csv"), "--a", "claim", "--b", "headline"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert len(lines) == len(PAIRS)
    assert all(line in LABELS for line in lines)


@needs_article
def test_classify_stance_cli_article_rows(tmp_path):
    article = ("عاجل: الجيش يعلن السيطرة على المدينة.\n"
               "ونفى مصدر معارض أن يكون الجيش قد دخل المدينة.\n"
               "وتتواصل المعارك في الريف الشرقي منذ أسابيع بحسب مراسلين.")
    _csv(tmp_path / "p.csv", [("الجيش يسيطر على المدينة", article)] * 2)
    res = CliRunner().invoke(stance, [str(tmp_path / "p.csv"), "--a", "claim", "--b", "headline",
                                      "--scores"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert len(lines) == 2 and lines[0] == lines[1]
    lab, probs = lines[0].split("\t")
    assert lab in LABELS
    vals = [float(kv.split("=")[1]) for kv in probs.split()]
    assert all(0.0 <= v <= 1.0 for v in vals) and abs(sum(vals) - 1.0) < 0.01


def test_classify_stance_cli_missing_column_is_one_line_error(tmp_path):
    _csv(tmp_path / "p.csv", PAIRS)
    res = CliRunner().invoke(stance, [str(tmp_path / "p.csv"), "--a", "claim", "--b", "nope"])
    assert res.exit_code != 0
    assert "nope" in res.output and "p.csv" in res.output


@needs_cw
def test_classify_checkworthy_cli_label_tab_score(tmp_path):
    rows = ["1\tعاجل: وزارة الصحة تعلن تسجيل 250 إصابة جديدة بفيروس كورونا اليوم",
            "2\tصباح الخير يا أحلى وطن 🌹",
            "3\t"]
    (tmp_path / "t.tsv").write_text("tweet_id\ttweet_text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(checkworthy, [str(tmp_path / "t.tsv"), "--text-column", "tweet_text"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert len(lines) == 3
    scores = []
    for line in lines:
        lab, score = line.split("\t")
        assert lab in ("Yes", "No")
        scores.append(float(score))
        assert 0.0 <= scores[-1] <= 1.0
    assert scores[0] > scores[1]  # a counted, sourced statement beats a greeting


def test_classify_checkworthy_cli_missing_column(tmp_path):
    (tmp_path / "t.tsv").write_text("id\ttext\n1\tنص\n", encoding="utf-8")
    res = CliRunner().invoke(checkworthy, [str(tmp_path / "t.tsv"), "--text-column", "tweet_text"])
    assert res.exit_code != 0 and "tweet_text" in res.output
