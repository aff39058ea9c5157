"""Score the shipped NER model on the held-out tenth of ANERcorp train (every 10th sentence).

usage: python benchmarks/eval_ner.py [--shared ../shared] [--model PATH] [--errors]
Writes heldout-gold.conll and heldout-pred.conll to a temporary folder (or --keep DIR), runs the
official scorer and, with --errors, prints the commonest confusions and boundary errors.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
from pathlib import Path

from rawi.ner.corpus import read_conll, split_heldout, write_conll
from rawi.ner.tagger import MODEL_PATH, CrfTagger, bio_spans


def error_table(gold: list, pred: list) -> None:
    kinds: collections.Counter = collections.Counter()
    examples: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for (toks, g), p in zip(gold, pred):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        for s in gs - ps:
            same = [q for q in ps if q[0] == s[0] and q[1] == s[1]]
            overl = [q for q in ps if q[0] < s[1] and s[0] < q[1]]
            k = (f"type {s[2]}->{same[0][2]}" if same else f"boundary {s[2]}" if overl
                 else f"missed {s[2]}")
            kinds[k] += 1
            examples[k][" ".join(toks[s[0]:s[1]])] += 1
        for s in ps - gs:
            if not any(q[0] < s[1] and s[0] < q[1] for q in gs):
                kinds[f"spurious {s[2]}"] += 1
                examples[f"spurious {s[2]}"][" ".join(toks[s[0]:s[1]])] += 1
    for k, n in kinds.most_common(14):
        print(f"{n:5d} {k:22s} {' | '.join(w for w, _ in examples[k].most_common(8))}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    _, held = split_heldout(read_conll(a.shared / "data/ner/anercorp-train.conll"))
    tagger = CrfTagger(a.model)
    pred = [tagger.tag(toks) for toks, _ in held]
    out = a.keep or Path(tempfile.mkdtemp(prefix="rawi-ner-"))
    out.mkdir(parents=True, exist_ok=True)
    write_conll(held, out / "heldout-gold.conll")
    write_conll(((t, p) for (t, _), p in zip(held, pred)), out / "heldout-pred.conll")
    subprocess.run([sys.executable, str(a.shared / "eval/score_ner.py"),
                    str(out / "heldout-gold.conll"), str(out / "heldout-pred.conll")], check=True)
    if a.errors:
        error_table(held, pred)


if __name__ == "__main__":
    main()
