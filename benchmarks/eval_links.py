#!/usr/bin/env python3
"""Cross-article claim links on the development gold, scored by the official scorer.

usage: python benchmarks/eval_links.py [--shared DIR] [--db FILE] [--keep] [--errors] [--out FILE]

Ingests ../shared/gold/stories-dev/articles into a temporary SQLite store with `rawi ingest`
(or reuses --db FILE when it exists), reads the claims and links them with the same code as
`rawi links` (rawi.cli.links.load_claims + rawi.link.claims.find_links), writes the prediction
and runs score_links.py on ../shared/gold/links-dev/gold.jsonl.

With --errors, lists by kind: gold ends that no attribution covers, gold links missed (with the
features of the pair as rawi saw them) and scorable predicted links that are wrong.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from rawi.cli.links import load_claims
from rawi.link.claims import LinkOptions, _relation, analyse, pair_features
from rawi.store import open_store


def _ingest(articles: Path, db: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "rawi", "ingest", str(articles), "--db", str(db), "--quiet"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"rawi ingest failed:\n{proc.stderr[-3000:]}")


def _short(s: str, n: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--db", type=Path, default=None, help="reuse (or create) this store instead of a temporary one")
    ap.add_argument("--out", type=Path, default=None, help="also write the prediction here")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--set", action="append", default=[], metavar="OPTION=VALUE",
                    help="override a LinkOptions field (tuning on dev only)")
    args = ap.parse_args()
    articles = args.shared / "gold/stories-dev/articles"
    gold_path = args.shared / "gold/links-dev/gold.jsonl"
    tmp = Path(tempfile.mkdtemp(prefix="rawi-links-"))
    db = args.db or tmp / "dev.db"
    if not db.exists():
        _ingest(articles, db)
    with open_store(str(db), readonly=True) as store:
        claims = load_claims(store)
    opts = LinkOptions()
    for kv in args.set:
        k, v = kv.split("=", 1)
        opts = replace(opts, **{k: type(getattr(opts, k))(v)})
    pairs, links = analyse(claims, opts)
    pred = args.out or tmp / "pred.jsonl"
    pred.write_text("".join(json.dumps(l.to_dict(), ensure_ascii=False) + "\n" for l in links), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(args.shared / "eval/score_links.py"), str(gold_path), str(pred)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"score_links.py failed:\n{proc.stderr[-3000:]}")
    print(proc.stdout, end="")
    print(f"{len(claims)} claims, {len(links)} links ({dict(Counter(l.relation for l in links))})")
    if args.errors:
        _errors(args.shared, gold_path, claims, links, opts, pairs)
    return 0


def _errors(shared: Path, gold_path: Path, claims, links, opts, pairs) -> None:
    sys.path.insert(0, str(shared / "eval"))
    from score_attribution import f1, tokens  # the scorer's own normalisation

    gold = [json.loads(l) for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    gclaims: list[tuple[str, list[str], str]] = []
    gindex: dict[tuple[str, str], int] = {}

    def gid(end) -> int:
        key = (end["doc_id"], " ".join(tokens(end["content"])))
        if key not in gindex:
            gindex[key] = len(gclaims)
            gclaims.append((end["doc_id"], tokens(end["content"]), end["content"]))
        return gindex[key]

    gl = [(gid(g["a"]), gid(g["b"]), g["relation"], g.get("note", "")) for g in gold]

    def to_gold(doc: str, content: str) -> int | None:
        t = tokens(content)
        best, arg = 0.0, None
        for i, (d, ct, _) in enumerate(gclaims):
            if d == doc:
                s = f1(ct, t)
                if s > best:
                    best, arg = s, i
        return arg if best >= 0.5 else None

    # gold claim -> rawi claim (the best-overlapping attribution of its document)
    pos = {}
    for i, c in enumerate(claims):
        g = to_gold(c.doc_id, c.content)
        if g is not None:
            pos.setdefault(g, []).append(i)
    print("allies learnt:", sorted("-".join(sorted(a)) for a in pairs.allies))
    print("\n== gold claims no attribution covers")
    for g, (d, _, text) in enumerate(gclaims):
        if g not in pos:
            print(f"  {d}: {_short(text)}")
    # same: connectivity
    parent = list(range(len(gclaims)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pl = [(to_gold(l.a.doc_id, l.a.content), to_gold(l.b.doc_id, l.b.content), l) for l in links]
    for a, b, l in pl:
        if l.relation == "same" and a is not None and b is not None:
            parent[root(a)] = root(b)
    pred_pairs = {(a, b, l.relation) for a, b, l in pl if a is not None and b is not None}
    misses: dict[str, list[str]] = {"same": [], "contradicts": [], "denies": []}
    for a, b, r, note in gl:
        if r == "same":
            ok = root(a) == root(b)
        elif r == "denies":
            ok = (a, b, r) in pred_pairs
        else:
            ok = (a, b, r) in pred_pairs or (b, a, r) in pred_pairs
        if ok:
            continue
        lines = [f"  [{note}]"]
        for side, g in (("a", a), ("b", b)):
            lines.append(f"    {side} {gclaims[g][0]}: {_short(gclaims[g][2])}")
        if a in pos and b in pos:
            i, j = pos[a][0], pos[b][0]
            ci, cj = claims[i], claims[j]
            lines.append(f"    rawi a: spk={ci.speaker!r} stance={ci.stance} tgt={ci.target!r}")
            lines.append(f"    rawi b: spk={cj.speaker!r} stance={cj.stance} tgt={cj.target!r}")
            feats = pair_features(pairs, i, j)
            rel = _relation(feats, i, j, opts)
            lines.append(f"    pair classified: {rel[0] if rel else None}" + (f" score={rel[3]:.2f}" if rel else ""))
            lines.append("    " + " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                          for k, v in feats.items()))
            got = [l.relation for x, y, l in pl if {x, y} == {a, b}]
            if got:
                lines.append(f"    predicted instead: {got}")
        else:
            lines.append("    (an end has no attribution)")
        misses[r].append("\n".join(lines))
    gold_same_root = list(range(len(gclaims)))

    def groot(x):
        while gold_same_root[x] != x:
            x = gold_same_root[x]
        return x

    for a, b, r, _ in gl:
        if r == "same":
            ra, rb = groot(a), groot(b)
            if ra != rb:
                gold_same_root[ra] = rb
    gold_pairs = {(a, b, r) for a, b, r, _ in gl if r != "same"}
    false: dict[str, list[str]] = {"same": [], "contradicts": [], "denies": []}
    for a, b, l in pl:
        if a is None or b is None:
            continue
        r = l.relation
        if r == "same":
            ok = groot(a) == groot(b)
        elif r == "denies":
            ok = (a, b, r) in gold_pairs
        else:
            ok = (a, b, r) in gold_pairs or (b, a, r) in gold_pairs
        if not ok:
            gold_rel = [rr for x, y, rr, _ in gl if {x, y} == {a, b}]
            false[r].append(f"  score={l.score:.2f} gold={gold_rel or '-'}\n    a {l.a.doc_id} ({l.a.speaker}): "
                            f"{_short(l.a.content)}\n    b {l.b.doc_id} ({l.b.speaker}): {_short(l.b.content)}")
    for r in misses:
        print(f"\n== missed {r}: {len(misses[r])}")
        print("\n".join(misses[r]))
    for r in false:
        print(f"\n== false {r} (scorable): {len(false[r])}")
        print("\n".join(false[r]))


if __name__ == "__main__":
    sys.exit(main())
