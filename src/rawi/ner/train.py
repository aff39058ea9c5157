"""Training the shipped CRF: ``train_ner(out_path, anercorp, newsfane)`` (``rawi train ner``)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from rawi.ner.corpus import (Sentence, harmonize, read_conll, read_newsfane, single_word_conventions,
                             split_heldout, write_conll)
from rawi.ner.features import FeatureExtractor
from rawi.ner.tagger import MODEL_PATH, write_attributes


@dataclass(frozen=True)
class TrainOptions:
    """crfsuite L-BFGS settings; L1 (``c1``) keeps the model sparse and small."""

    c1: float = 0.1
    c2: float = 0.05
    max_iterations: int = 150
    minfreq: int = 2
    heldout_every: int = 10  # hold out every 10th ANERcorp sentence (index % 10 == 9)
    use_heldout_for_training: bool = False
    harmonize: bool = True  # carry ANERcorp one-word conventions (currencies ...) to NewsFANE
    anercorp_weight: int = 2  # ANERcorp sentences given twice: its conventions are the target
    extra: dict = field(default_factory=dict)


def train_ner(out_path: str | Path = MODEL_PATH, anercorp: str | Path | None = None,
              newsfane: str | Path | None = None, options: TrainOptions = TrainOptions(),
              heldout_gold: str | Path | None = None, verbose: bool = False) -> dict:
    """Train on ANERcorp (minus the held-out tenth) plus NewsFANE; write the model.

    NewsFANE's fine classes are mapped by ``lexicons/newsfane_map.tsv``; with
    ``options.harmonize`` its untagged one-word occurrences of words that ANERcorp (train part)
    consistently tags as one type are tagged so too (:func:`rawi.ner.corpus.harmonize`).

    ``heldout_gold``, when given, receives the held-out ANERcorp sentences as CoNLL for
    ``score_ner.py``. Returns a summary (sentence and token counts, seconds, model bytes).
    """
    import pycrfsuite

    t0 = time.time()
    train: list[Sentence] = []
    held: list[Sentence] = []
    if anercorp:
        a = read_conll(anercorp)
        tr, held = split_heldout(a, options.heldout_every)
        train += (a if options.use_heldout_for_training else tr) * options.anercorp_weight
    if newsfane:
        nf = read_newsfane(newsfane)
        if options.harmonize and train:
            nf = harmonize(nf, single_word_conventions(tr if anercorp else train))
        train += nf
    if heldout_gold and held:
        write_conll(held, heldout_gold)
    fx = FeatureExtractor()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for toks, tags in train:
        trainer.append(fx.sentence(toks), tags)
    trainer.set_params({"c1": options.c1, "c2": options.c2, "max_iterations": options.max_iterations,
                        "feature.minfreq": options.minfreq,
                        "feature.possible_transitions": True, **options.extra})
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_path))
    write_attributes(out_path)
    return {"sentences": len(train), "tokens": sum(len(t) for t, _ in train),
            "heldout_sentences": len(held), "seconds": round(time.time() - t0, 1),
            "model_bytes": out_path.stat().st_size, "last_iteration": trainer.logparser.last_iteration}
