"""Lazy loading, probability ranges, a toy fit, and (with ../shared) the shipped dev figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from rawi.classify.checkworthy import MODEL_PATH as CW_MODEL
from rawi.classify.pair_features import PairVectorizer
from rawi.classify.stance import LABELS, MODEL_PATHS, model_kind
from rawi.classify.tweet_features import TweetVectorizer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")


def test_classify_import_loads_no_model():
    code = ("import rawi.classify.stance, rawi.classify.checkworthy, rawi.cli.stance, "
            "rawi.cli.checkworthy; from rawi.classify.modelio import load_bundle; "
            "import sys; assert load_bundle.cache_info().currsize == 0; "
            "assert 'joblib' not in sys.modules, 'joblib imported eagerly'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_classify_model_kind_by_length():
    assert model_kind(("ادعاء قصير", "عنوان قصير")) == "claim"
    assert model_kind(("ادعاء قصير", "سطر\nسطر\nسطر")) == "article"
    assert model_kind(("ادعاء", "كلمة " * 200)) == "article"


def test_classify_pair_vectorizer_toy_fit_separates_swaps():
    base = ["ارتفاع أسعار الذهب اليوم", "ارتفاع صادرات النفط هذا العام", "ارتفاع عدد السياح في مصر",
            "ارتفاع الأسهم في بورصة دبي", "ارتفاع أسعار القمح عالميا", "ارتفاع الطلب على الكهرباء"]
    pairs, y = [], []
    for s in base:
        pairs.append((s, s.replace("ارتفاع", "زيادة") + " بشكل كبير"))
        y.append("agree")
        pairs.append((s, s.replace("ارتفاع", "انخفاض")))
        y.append("disagree")
    vec = PairVectorizer().fit(pairs)
    X = vec.transform(pairs)
    m = LogisticRegression(C=10, max_iter=2000).fit(X, y)
    test = [("ارتفاع أسعار الفضة اليوم", "انخفاض أسعار الفضة اليوم")]
    assert m.predict(vec.transform(test))[0] == "disagree"


def test_classify_tweet_vectorizer_shapes():
    texts = ["عاجل وزارة الصحة تعلن 20 إصابة", "صباح الخير", "الحكومة تقر موازنة 2024"] * 3
    vec = TweetVectorizer().fit(texts)
    assert vec.transform(texts[:2]).shape[0] == 2


@pytest.mark.skipif(not MODEL_PATHS["claim"].exists(), reason="stance claim model not trained")
def test_classify_stance_scores_are_probabilities():
    from rawi.classify.stance import predict_pairs, stance_scores

    pairs = [("الحكومة تعلن خفض الضرائب", "الحكومة تعلن رفع الضرائب"),
             ("الحكومة تعلن خفض الضرائب", "خفض الضرائب بقرار حكومي")]
    sc = stance_scores(pairs, kind="claim")
    assert all(set(s) == set(LABELS) and abs(sum(s.values()) - 1) < 1e-6 for s in sc)
    assert all(0.0 <= v <= 1.0 for s in sc for v in s.values())
    assert len(predict_pairs(pairs, kind="claim")) == 2
    assert predict_pairs([], kind="claim") == []


@pytest.mark.skipif(not CW_MODEL.exists(), reason="check-worthiness model not trained")
def test_classify_checkworthy_scores_in_unit_interval():
    from rawi.classify.checkworthy import label_texts, score_texts

    s = score_texts(["الوزارة: 300 حالة وفاة خلال أسبوع", "أحبكم في الله", ""])
    assert len(s) == 3 and all(0.0 <= v <= 1.0 for v in s)
    assert [lab for lab, _ in label_texts(["نص"])][0] in ("Yes", "No")


@needs_shared
@pytest.mark.skipif(not MODEL_PATHS["claim"].exists(), reason="stance claim model not trained")
def test_classify_stance_reproduces_ans_dev():
    import joblib
    from sklearn.metrics import f1_score

    from rawi.classify.data import ANS_DIR, read_ans
    from rawi.classify.stance import predict_pairs

    pairs, gold = read_ans(ANS_DIR / "dev.csv")
    pred = [p if p in ("agree", "disagree") else "other" for p in predict_pairs(pairs, kind="claim")]
    mf = f1_score(gold, pred, average="macro")
    meta = joblib.load(MODEL_PATHS["claim"])["meta"]
    assert mf >= 0.70
    assert abs(mf - meta["dev_macro_f1_ans"]) < 1e-6


@needs_shared
@pytest.mark.skipif(not CW_MODEL.exists(), reason="check-worthiness model not trained")
def test_classify_checkworthy_reproduces_dev():
    import joblib
    from sklearn.metrics import f1_score

    from rawi.classify.checkworthy import label_texts
    from rawi.classify.data import CT_DIR, read_checkthat

    _, texts, gold = read_checkthat(CT_DIR / "CT24_checkworthy_arabic_dev.tsv")
    pred = [lab for lab, _ in label_texts(texts)]
    meta = joblib.load(CW_MODEL)["meta"]["dev"]
    y, p = np.array(gold) == "Yes", np.array(pred) == "Yes"
    assert abs(f1_score(y, p, average="macro") - meta["macro_f1"]) < 1e-6
    assert abs(f1_score(y, p) - meta["f1_yes"]) < 1e-6
    assert f1_score(y, p) > 0.37  # beats the char n-gram baseline of the task brief
