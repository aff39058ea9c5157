"""``train_ner`` builds a working model from small CoNLL files."""

from __future__ import annotations

from rawi.ner.tagger import CrfTagger
from rawi.ner.train import TrainOptions, train_ner


def test_ner_train_small_model(tmp_path):
    aner = tmp_path / "a.conll"
    lines = []
    for i in range(30):
        lines += ["زار O", "الرئيس O", "سمير B-PERS", "خليل I-PERS", "مدينة O", "حلب B-LOC", ". O", ""]
    aner.write_text("\n".join(lines) + "\n", encoding="utf-8")
    nf = tmp_path / "n.txt"
    nf.write_text("\u200eوصل\tO\n\u200eسمير\tB-Politician\n\u200eالى\tO\n\u200eحلب\tB-Population-Center\n\n",
                  encoding="utf-8")
    gold = tmp_path / "held.conll"
    out = tmp_path / "m.crfsuite"
    summary = train_ner(out, aner, nf, TrainOptions(max_iterations=20, minfreq=1), heldout_gold=gold)
    assert summary["heldout_sentences"] == 3 and summary["sentences"] == 27 * 2 + 1  # ANERcorp twice
    assert gold.read_text(encoding="utf-8").count("\n\n") == 3
    tags = CrfTagger(out).tag(["زار", "الرئيس", "سمير", "خليل", "مدينة", "حلب", "."])
    assert tags[2:4] == ["B-PER", "I-PER"] and tags[5] == "B-LOC"
