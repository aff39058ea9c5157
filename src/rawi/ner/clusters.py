"""Distributional word clusters learned from unlabelled ANT news text (a cheap Brown stand-in).

Each frequent normalised word gets a vector of its left and right neighbour counts over the
commonest context words; the vectors are reduced by truncated SVD and clustered twice with
k-means (coarse and fine). The result ships as ``models/ner-crf.clusters.tsv``
(``word<TAB>coarse<TAB>fine``) and feeds the CRF as ``c=``/``cf=`` features.
Build: ``python -m rawi.ner.clusters --ant ../shared/data/ant-multisource``.
"""

from __future__ import annotations

import argparse
import collections
import re
from functools import lru_cache
from pathlib import Path

from rawi.ner.normalize import norm
from rawi.ner.tokenize import tokenize

CLUSTERS_PATH = Path(__file__).resolve().parents[1] / "models" / "ner-crf.clusters.tsv"
_TEXT = re.compile(r"<(?:TITLE|TEXT|ABSTRACT)>(.*?)</(?:TITLE|TEXT|ABSTRACT)>", re.S)


def build(ant: Path, out: Path, vocab_size: int = 40000, contexts: int = 1500,
          coarse: int = 64, fine: int = 400, seed: int = 0) -> int:
    import numpy as np
    from scipy.sparse import coo_matrix, hstack
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    sents: list[list[str]] = []
    freq: collections.Counter = collections.Counter()
    for p in sorted(ant.rglob("*.txt")):
        for block in _TEXT.findall(p.read_text(encoding="utf-8", errors="replace")):
            toks = [norm(t) for t in tokenize(block)]
            freq.update(toks)
            sents.append(toks)
    words = [w for w, _ in freq.most_common(vocab_size)]
    idx = {w: i for i, w in enumerate(words)}
    ctx = {w: i for i, w in enumerate(words[:contexts])}
    left: collections.Counter = collections.Counter()
    right: collections.Counter = collections.Counter()
    for toks in sents:
        for a, b in zip(toks, toks[1:]):
            ia, ib = idx.get(a), idx.get(b)
            if ib is not None and a in ctx:
                left[ib, ctx[a]] += 1
            if ia is not None and b in ctx:
                right[ia, ctx[b]] += 1

    def mat(c: collections.Counter):
        k = list(c)
        r = np.array([x for x, _ in k]); col = np.array([y for _, y in k])
        v = np.log1p(np.array([c[x] for x in k], dtype=float))
        return coo_matrix((v, (r, col)), shape=(len(words), len(ctx)))

    x = normalize(hstack([mat(left), mat(right)]).tocsr())
    z = normalize(TruncatedSVD(100, random_state=seed).fit_transform(x))
    c1 = MiniBatchKMeans(coarse, random_state=seed, n_init=3, batch_size=4096).fit_predict(z)
    c2 = MiniBatchKMeans(fine, random_state=seed, n_init=3, batch_size=4096).fit_predict(z)
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# Word clusters for the rawi NER CRF, learned from the ANT corpus v2.1 text "
                f"(Chouigui et al. 2017;\n# citation licence) by rawi.ner.clusters: "
                f"{len(words)} words, SVD(100) of neighbour counts, k-means {coarse}/{fine}.\n")
        for w, a, b in zip(words, c1, c2):
            f.write(f"{w}\t{a}\t{b}\n")
    return len(words)


@lru_cache(maxsize=1)
def load(path: Path = CLUSTERS_PATH) -> dict[str, tuple[str, str]]:
    """``word -> (coarse, fine)``; empty when the file is absent."""
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            w, a, b = line.split("\t")
            out[w] = (a, b)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="build NER word clusters from ANT")
    ap.add_argument("--ant", type=Path, default=Path("../shared/data/ant-multisource"))
    ap.add_argument("--out", type=Path, default=CLUSTERS_PATH)
    a = ap.parse_args(argv)
    print(build(a.ant, a.out), "words clustered")


if __name__ == "__main__":
    main()
