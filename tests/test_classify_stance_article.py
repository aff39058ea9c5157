"""Claim–article stance: parsed articles, claim-style and cue-conjunction features, the bias
tuner, the blended model and the training / CV procedure on a tiny synthetic corpus."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import f1_score, recall_score

from rawi.classify import features as F
from rawi.classify.article_features import (CLAIM_NAMES, DENSE_NAMES, ArticleVectorizer,
                                            claim_style, dense_article_features, parse_article,
                                            sentences)
from rawi.classify.stance import LABELS, BlendModel
from rawi.classify.train_stance import _macro_f1_rd, fit_article, predict_bundle, tune_bias

CLAIM = "الجيش يسيطر على مدينة البوكمال"
DENY = ("أخبار اليوم في المنطقة والطقس.\n"
        "ونفى مصدر عسكري أن يكون الجيش قد سيطر على مدينة البوكمال حتى الآن.\n"
        "وتستمر المعارك في ريف دير الزور منذ أسابيع.")
AGREE = ("أخبار اليوم في المنطقة والطقس.\n"
         "أعلن الجيش أنه سيطر على مدينة البوكمال بالكامل بعد معارك عنيفة.\n"
         "وتستمر المعارك في ريف دير الزور منذ أسابيع.")
OTHER = ("ارتفعت أسعار الذهب في الأسواق العالمية اليوم.\n"
         "وقال متعاملون إن الطلب على المعدن الأصفر زاد خلال الأسبوع الماضي بشكل ملحوظ.")


def _feats(claim: str, article: str) -> dict[str, float]:
    idf = F.Idf().fit(sentences(article) + [claim])
    feats, _ = dense_article_features(claim, article, idf)
    assert len(feats) == len(DENSE_NAMES)
    return dict(zip(DENSE_NAMES, feats))


def test_classify_stance_parse_article_keeps_sentences_and_cues():
    p = parse_article(DENY)
    assert len(p.sents) == 3
    assert p.sents[1].deny > 0 and p.sents[0].deny == 0
    assert p.n_tokens == sum(len(s.stems) for s in p.sents)
    assert parse_article("").sents == parse_article(None).sents  # type: ignore[arg-type]


def test_classify_stance_long_run_on_text_is_windowed():
    text = " ".join(["كلمة"] * 2000)
    out = sentences(text)
    assert len(out) > 5 and all(len(s) <= 600 for s in out)


def test_classify_stance_claim_style_wire_vs_rumour():
    wire = dict(zip(CLAIM_NAMES, claim_style("قال المبعوث الأممي للصحفيين يوم الثلاثاء إن الحكومة قبلت الاقتراح")))
    rumour = dict(zip(CLAIM_NAMES, claim_style("إطلاق سراح الممثل السوري من السجن بعد خمس سنوات")))
    assert wire["claim_weekday"] == 1.0 and wire["claim_report"] >= 1.0
    assert rumour["claim_weekday"] == 0.0 and rumour["claim_report"] == 0.0


def test_classify_stance_denying_sentence_that_covers_the_claim():
    deny, agree, other = _feats(CLAIM, DENY), _feats(CLAIM, AGREE), _feats(CLAIM, OTHER)
    assert deny["wc_refute_max"] > 0.5 and agree["wc_refute_max"] == 0.0
    assert agree["wc_max"] > other["wc_max"] and other["key_art"] < 0.5


def test_classify_stance_fast_macro_f1_matches_sklearn():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 4, 300)
    p = np.where(rng.random(300) < 0.6, y, rng.integers(0, 4, 300))
    mf, rd = _macro_f1_rd(y, p)
    L = np.array(LABELS)
    assert mf == pytest.approx(f1_score(L[y], L[p], average="macro"))
    assert rd == pytest.approx(recall_score(L[y], L[p], labels=["disagree"], average="macro"))


def test_classify_stance_tune_bias_prefers_disagree_recall():
    # disagree items get a weak disagree probability: without a bias none is predicted
    y = np.array(["agree"] * 20 + ["disagree"] * 10 + ["unrelated"] * 20)
    P = np.tile([0.6, 0.2, 0.1, 0.1], (50, 1))
    P[30:] = [0.1, 0.2, 0.1, 0.6]
    P[20:30] = [0.5, 0.4, 0.05, 0.05]
    b = tune_bias(P, y)
    pred = np.array(LABELS)[np.argmax(np.log(P + 1e-9) + b, axis=1)]
    assert (pred[20:30] == "disagree").mean() >= 0.5 and (pred[:20] == "agree").all()


def test_classify_stance_blend_model_probabilities():
    from sklearn.linear_model import LogisticRegression

    X = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 2.0], [2.0, 0.0]] * 5)
    y = np.array(["agree", "unrelated"] * 10)
    m = BlendModel([("dense", LogisticRegression().fit(X[:, :1], y), 1.0),
                    ("all", LogisticRegression().fit(X, y), 1.0)], n_dense=1)
    P = m.predict_proba(X)
    assert P.shape == (20, 4) and np.allclose(P.sum(1), 1.0)
    assert P[:, LABELS.index("disagree")].max() == 0.0


def _corpus():
    claims = [f"الجيش يسيطر على مدينة {c}" for c in ("البوكمال", "الميادين", "تدمر", "القريتين")]
    pairs, y, folds = [], [], []
    for i, c in enumerate(claims):
        town = c.split()[-1]
        arts = {"agree": AGREE.replace("البوكمال", town), "disagree": DENY.replace("البوكمال", town),
                "discuss": f"تتحدث تقارير عن معارك قرب {town} دون تأكيد من أي طرف.\nوالوضع غامض هناك.",
                "unrelated": OTHER}
        for lab, art in arts.items():
            for k in range(3):
                pairs.append((c, art + f"\nسطر إضافي رقم {k} عن أحوال الطقس في المنطقة."))
                y.append(lab)
                folds.append(f"Fold_{i % 2 + 1}")
    return pairs, np.array(y), np.array(folds)


def test_classify_stance_fit_article_and_predict_bundle():
    pairs, y, folds = _corpus()
    items = ArticleVectorizer.parse(pairs)
    bundle = fit_article(items, y, folds, log=lambda s: None)
    assert bundle["meta"]["selected"] in bundle["meta"]["inner_cv"]
    pred = predict_bundle(bundle, items)
    assert len(pred) == len(y) and set(pred) <= set(LABELS)
    assert np.mean(np.array(pred) == y) > 0.5
    again = predict_bundle(fit_article(items, y, folds, log=lambda s: None), items)
    assert again == pred  # deterministic
