"""Claim-level cross-validation of the claim–article stance model over UnifiedFC folds 1–4.

usage: python benchmarks/cv_stance_ufc.py [--keep DIR] [--errors]

For each of folds 1–4 the whole training procedure of ``rawi train stance --only article``
(:func:`rawi.classify.train_stance.fit_article`: vectorizer fit, candidate selection and
per-class bias tuned by inner leave-one-fold-out CV) runs on the other three folds and predicts
the held-out one; the four prediction sets are concatenated and scored by the official
``score_labels.py`` over the four classes and then with ``--positive disagree``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from eval_stance import confusions, score

from rawi.classify.train_stance import cv_article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    out = a.keep or Path(tempfile.mkdtemp(prefix="rawi-stance-cv-"))
    out.mkdir(parents=True, exist_ok=True)
    data, gold, pred = cv_article(log=print)
    (out / "claims.txt").write_text("\n".join(p.claim_id for p in data) + "\n", encoding="utf-8")
    score(gold, pred, out)
    score(gold, pred, out, positive="disagree")
    if a.errors:
        confusions(gold, pred, [(p.claim, p.article) for p in data])


if __name__ == "__main__":
    main()
