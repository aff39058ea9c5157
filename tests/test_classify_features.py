"""Feature functions of rawi.classify on short Arabic news-style sentences."""

from __future__ import annotations

from rawi.classify import features as F
from rawi.classify.article_features import dense_article_features, sentences
from rawi.classify.article_features import DENSE_NAMES as ART_NAMES
from rawi.classify.pair_features import DENSE_NAMES, dense_pair_features, diff_text
from rawi.classify.tweet_features import CUE_NAMES, clean, cue_features

A = "الحكومة تعلن ارتفاع أسعار الوقود بنسبة 10% اعتبارا من الأحد"
B = "الحكومة لم تعلن ارتفاع أسعار الوقود"
C = "الحكومة تعلن انخفاض أسعار الوقود بنسبة 15% اعتبارا من الأحد"


def test_classify_negation_detected_in_one_side_only():
    assert F.negation_count(B) == 1
    assert F.negation_count(A) == 0
    idf = F.Idf().fit([A, B, C])
    f = dict(zip(DENSE_NAMES, dense_pair_features(A, B, idf)))
    assert f["neg_xor"] == 1.0
    assert "NEG_ONE_SIDE" in diff_text(A, B)
    assert "NEG_ONE_SIDE" not in diff_text(A, C)


def test_classify_number_mismatch_detected():
    assert F.numbers(A) == {"10"}
    assert F.number_mismatch(A, C)[0] == 1.0
    assert F.number_mismatch(A, A) == (0.0, 0.0, 0.0)
    assert F.number_mismatch("قتل ٣ أشخاص", "قتل 3 أشخاص") == (0.0, 0.0, 0.0)
    assert F.year_mismatch("انتخابات 2018 في العراق", "انتخابات 2021 في العراق") == 1.0


def test_classify_antonym_swap_detected():
    assert F.antonym_hits(A, C) >= 1
    assert F.antonym_hits(A, A) == 0
    assert F.antonym_hits("استمرار المفاوضات في جنيف", "توقف المفاوضات في جنيف") == 1


def test_classify_denial_cues():
    assert F.denial_count("نفت الوزارة الخبر ووصفته بأنه عار عن الصحة") == 2
    assert F.denial_count("قال الوزير إن الاقتصاد ينمو") == 0


def test_classify_overlap_bounds():
    ta, tb = F.stems(A), F.stems(B)
    for v in (F.jaccard(ta, tb), F.containment(ta, tb), F.containment(tb, ta),
              F.cosine(F.char_ngrams(A), F.char_ngrams(B))):
        assert 0.0 <= v <= 1.0 + 1e-9
    assert F.jaccard(ta, ta) == 1.0
    assert F.jaccard([], []) == 0.0
    assert F.containment(tb, ta) > F.containment(ta, tb)  # the short text is inside the long one
    assert abs(F.cosine(F.char_ngrams(A), F.char_ngrams(A)) - 1.0) < 1e-9


def test_classify_normalised_tokens_and_stems():
    assert F.tokens("أعلنَت الوزارةُ") == F.tokens("اعلنت الوزاره")
    assert F.stems("والحكومة") == F.stems("الحكومه") == ["حكوم"]
    assert F.clean_social("عاجل @user #فتح_الحدود https://t.co/x").split() == ["عاجل", "فتح", "الحدود"]


def test_classify_article_features_find_the_denying_sentence():
    claim = "الجيش يسيطر على مدينة البوكمال"
    article = ("أخبار اليوم في المنطقة والطقس.\n"
               "ونفى مصدر عسكري أن يكون الجيش قد سيطر على مدينة البوكمال حتى الآن.\n"
               "وتستمر المعارك في ريف دير الزور منذ أسابيع.")
    idf = F.Idf().fit(sentences(article) + [claim])
    feats, top = dense_article_features(claim, article, idf)
    f = dict(zip(ART_NAMES, feats))
    assert len(feats) == len(ART_NAMES)
    assert "البوكمال" in top.split(" ")[0:20] or "البوكمال" in top
    assert f["top_deny"] > 0 and f["best_cont"] >= 0.5


def test_classify_tweet_cues():
    f = dict(zip(CUE_NAMES, cue_features("عاجل: ارتفاع الإصابات بنسبة 20% في 2021 #كورونا")))
    g = dict(zip(CUE_NAMES, cue_features("صباح الخير يا وطني الجميل 💛")))
    assert f["percent"] == 1.0 and f["year"] == 1.0 and f["n_numbers"] > 0
    assert g["percent"] == 0.0 and g["emoji"] > 0 and g["hedge"] > 0
    assert "#" not in clean("مرحبا #عاجل")
