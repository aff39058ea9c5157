"""CRF feature extraction: stems shared across clitics, gazetteer kinds, caching, model size."""

from __future__ import annotations

from rawi.ner.features import FeatureExtractor
from rawi.ner.normalize import norm, strip_proclitics
from rawi.ner.tagger import MODEL_PATH


def test_ner_features_prefixed_word_shares_stem_feature():
    fx = FeatureExtractor(clusters={})
    bare, prefixed = fx.sentence(["حيفا"])[0], fx.sentence(["وحيفا"])[0]
    assert "s=حيفا" in bare and "s=حيفا" in prefixed and "pc=و" in prefixed


def test_ner_features_gazetteer_and_neighbours():
    fx = FeatureExtractor(clusters={})
    feats = fx.sentence(["قال", "الرئيس", "فلان", "في", "بسوريا"])
    assert "-1g=title" in feats[2]
    assert "g=cty" in feats[4]  # the country is found under the clitic ب
    assert "BOS" in feats[0] and "EOS" in feats[4] and "+2EOS" in feats[3]


def test_ner_features_cached_per_word():
    fx = FeatureExtractor(clusters={})
    fx.sentence(["بغداد", "بغداد"])
    assert list(fx.cache) == ["بغداد"]


def test_ner_features_clusters_used_when_given():
    fx = FeatureExtractor(clusters={norm("بغداد"): ("3", "41")})
    assert {"c=3", "cf=41"} <= set(fx.sentence(["بغداد"])[0])


def test_ner_strip_proclitics_keeps_two_letters():
    assert strip_proclitics(norm("والحكومة")) == ("وال", "حكومه")
    assert strip_proclitics("بن") == ("", "بن")


def test_ner_model_is_small():
    if MODEL_PATH.exists():
        assert MODEL_PATH.stat().st_size < 5_000_000


def test_ner_attribute_sidecar_is_the_models():
    import pycrfsuite

    from rawi.ner.tagger import attributes_path, model_attributes

    t = pycrfsuite.Tagger()
    t.open(str(MODEL_PATH))
    assert attributes_path(MODEL_PATH).exists(), "run rawi.ner.tagger.write_attributes after training"
    from_model = frozenset(a for a, _ in t.info().state_features)
    assert model_attributes(MODEL_PATH, t) == from_model


def test_ner_attribute_sidecar_ignored_when_stale(tmp_path):
    import shutil

    import pycrfsuite

    from rawi.ner.tagger import attributes_path, model_attributes

    model = tmp_path / "m.crfsuite"
    shutil.copy(MODEL_PATH, model)
    attributes_path(model).write_text("# sha256 0000\nw=x\n", encoding="utf-8")
    t = pycrfsuite.Tagger()
    t.open(str(model))
    assert "w=x" not in model_attributes(model, t) and len(model_attributes(model, t)) > 1000


def test_ner_known_attribute_filter_keeps_every_tag():
    import pycrfsuite

    from rawi.ner.tagger import model_attributes

    t = pycrfsuite.Tagger()
    t.open(str(MODEL_PATH))
    full = FeatureExtractor()
    filtered = FeatureExtractor(known=model_attributes(MODEL_PATH, t))
    sents = [["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس", "إن", "الضربات", "نجحت"],
             ["وأعلنت", "وزارة", "الدفاع", "الروسية", "أن", "الدفاعات", "السورية", "اعترضت", "71", "صاروخا"],
             ["المرصد", "السوري", "لحقوق", "الإنسان", "ومقره", "لندن"]]
    for s in sents:
        f, g = full.sentence(s), filtered.sentence(s)
        assert sum(map(len, g)) < sum(map(len, f))
        assert t.tag(f) == t.tag(g)
