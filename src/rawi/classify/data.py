"""Readers for the named training data of rawi's classifiers (ANS, UnifiedFC, CheckThat!).

The data stay in ``../shared`` (never copied into the repository); these functions only read
them, raising :class:`rawi.errors.UnreadableFile` / :class:`rawi.errors.BadRecord` with the
file named.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from rawi.errors import BadRecord, UnreadableFile

#: ``../shared`` next to the repository (the default data root of the trainers).
SHARED = Path(__file__).resolve().parents[3].parent / "shared"
ANS_DIR = SHARED / "data" / "stance" / "ans" / "stance"
UFC_DIR = SHARED / "data" / "stance" / "unifiedfc-ar"
CT_DIR = SHARED / "data" / "checkworthy" / "checkthat2024-ar"

csv.field_size_limit(sys.maxsize)


def _open(path: Path):
    try:
        return open(path, encoding="utf-8", newline="")
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot read ({e.strerror})") from e


def read_ans(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """ANS stance CSV (``s1,s2,stance``): pairs and labels (agree / disagree / other)."""
    with _open(path) as fh:
        rows = list(csv.DictReader(fh))
    if rows and not {"s1", "s2", "stance"} <= set(rows[0]):
        raise BadRecord(str(path), "expected columns s1,s2,stance")
    return [(r["s1"], r["s2"]) for r in rows], [r["stance"].strip() for r in rows]


@dataclass(frozen=True)
class UfcPair:
    """One claim–article pair of UnifiedFC."""

    claim_id: str
    fold: str
    claim: str
    article: str
    stance: str
    rationale: tuple[int, ...]


def read_folds(path: Path) -> dict[str, str]:
    """Claim id -> fold name from UnifiedFC's ``folds.txt`` (``Fold_1: ID ID …``)."""
    out: dict[str, str] = {}
    with _open(path) as fh:
        for line in fh:
            name, sep, ids = line.partition(":")
            if sep:
                for i in ids.split():
                    out[i] = name.strip()
    return out


def read_unifiedfc(root: Path = UFC_DIR) -> list[UfcPair]:
    """Every claim–article pair of the UnifiedFC JSON files present under ``root/dataset``."""
    folds = read_folds(root / "folds.txt")
    out: list[UfcPair] = []
    for fn in sorted((root / "dataset").glob("*.json")):
        try:
            d = json.loads(fn.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise BadRecord(str(fn), f"unreadable claim JSON ({e})") from e
        cid = d.get("id", fn.stem)
        for art, st, rat in zip(d["article"], d["stance"], d.get("rationale") or [""] * len(d["article"])):
            idx = tuple(int(x) for x in re.findall(r"\d+", rat or ""))
            out.append(UfcPair(cid, folds.get(cid, ""), d["claim"], art, st.strip(), idx))
    return out


def read_checkthat(path: Path) -> tuple[list[str], list[str], list[str]]:
    """CheckThat! 2024 task 1 TSV (tab-separated, no quoting): ids, texts, labels."""
    with _open(path) as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or "tweet_text" not in rows[0]:
        raise BadRecord(str(path), "expected a header with tweet_text")
    head = rows[0]
    it, il = head.index("tweet_text"), head.index("class_label") if "class_label" in head else None
    ii = head.index("tweet_id") if "tweet_id" in head else 0
    body = [r for r in rows[1:] if r]
    return ([r[ii] for r in body], [r[it] for r in body],
            [r[il].strip() for r in body] if il is not None else [])
