"""BIO helpers, corpus reading and tokenisation for NER."""

from __future__ import annotations

import pytest

from rawi.ner.corpus import clean_tag, harmonize, read_conll, read_newsfane, split_heldout, strict_bio
from rawi.ner.tagger import bio_spans
from rawi.ner.tokenize import split_sentences, tokens_with_offsets


@pytest.mark.parametrize("tags,spans", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # IOB1: an I- with no opener opens
    (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
    (["B-PERS", "I-PER"], [(0, 2, "PER")]),
    (["B-ORG", "I-PER"], [(0, 1, "ORG"), (1, 2, "PER")]),
    (["O", "O"], []),
])
def test_ner_bio_spans(tags, spans):
    assert bio_spans(tags) == spans


@pytest.mark.parametrize("raw,clean", [("B-PERS", "B-PER"), ("IPERS", "I-PER"), ("b-misc", "B-MISC"),
                                       ("B-OEG", "B-ORG"), ("Oالإصابة", "O"), ("00:00:00", "O")])
def test_ner_clean_tag(raw, clean):
    assert clean_tag(raw) == clean


def test_ner_strict_bio_repairs_orphan_inside():
    assert strict_bio(["O", "I-LOC", "I-LOC", "I-PER"]) == ["O", "B-LOC", "I-LOC", "B-PER"]


def test_ner_read_conll_and_split(tmp_path):
    p = tmp_path / "a.conll"
    p.write_text("".join(f"كلمة{i} O\nبغداد B-LOC\n\n" for i in range(20)), encoding="utf-8")
    sents = read_conll(p)
    assert len(sents) == 20 and sents[0] == (["كلمة0", "بغداد"], ["O", "B-LOC"])
    train, held = split_heldout(sents)
    assert [s[0][0] for s in held] == ["كلمة9", "كلمة19"] and len(train) == 18


def test_ner_read_newsfane_maps_fine_classes(tmp_path):
    p = tmp_path / "n.txt"
    p.write_text("\u200eقال\tO\n\u200eكوفي\tB-Politician\n\u200eانان\tI-Politician\n"
                 "\u200eالعرب\tB-Group\n\u200eفي\tO\n\u200eلبنان\tB-Nation\n\n", encoding="utf-8")
    toks, tags = read_newsfane(p)[0]
    assert toks[1] == "كوفي"  # U+200E stripped
    assert tags == ["O", "B-PER", "I-PER", "O", "O", "B-LOC"]


def test_ner_harmonize_adds_convention_words():
    sents = [(["دفع", "مئة", "دولار"], ["O", "O", "O"])]
    assert harmonize(sents, {"دولار": "MISC"})[0][1] == ["O", "O", "B-MISC"]


def test_ner_tokens_offsets_exact():
    text = "قال الرئيس (ترامب) إن 3.5% من «الناس»؟\nسطر"
    spans = tokens_with_offsets(text)
    toks = [text[s:e] for s, e in spans]
    assert toks == ["قال", "الرئيس", "(", "ترامب", ")", "إن", "3.5", "%", "من", "«", "الناس", "»", "؟", "سطر"]
    assert len(split_sentences(text, spans)) == 2


def test_ner_tokens_keep_diacritics_and_tatweel():
    text = "لـ داعشُ"
    assert [text[s:e] for s, e in tokens_with_offsets(text)] == ["لـ", "داعشُ"]
