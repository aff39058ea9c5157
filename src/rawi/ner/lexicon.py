"""The word sets the NER features look up, read once from ``rawi/lexicons/*.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rawi.errors import UnreadableFile
from rawi.ner.normalize import norm, norm_phrase

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a lexicon file: ``#`` comments and blank lines skipped, tab-separated fields."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot read lexicon ({e.strerror})") from e
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class FeatureLexicon:
    """Normalised single words by kind, for CRF gazetteer features."""

    kinds: dict[str, tuple[str, ...]]  # normalised word -> kinds (cty, cit, part, title, org, loc, nat)

    def get(self, n: str) -> tuple[str, ...]:
        return self.kinds.get(n, ())


@lru_cache(maxsize=1)
def feature_lexicon(root: Path = LEXICONS) -> FeatureLexicon:
    kinds: dict[str, set[str]] = {}

    def add(word: str, kind: str) -> None:
        kinds.setdefault(word, set()).add(kind)

    for fname, kind in (("gazetteer_countries.tsv", "cty"), ("gazetteer_cities.tsv", "cit"),
                        ("places_overlay.tsv", "cit")):
        path = root / fname
        if not path.exists():
            continue
        for row in read_tsv(path):
            words = norm_phrase(row[0]).split()
            if len(words) == 1:
                add(words[0], kind)
            else:
                for w in words:
                    add(w, "part")
    for row in read_tsv(root / "gazetteer_cues.tsv"):
        if len(row) >= 2:
            add(norm(row[0]), row[1].strip())
    return FeatureLexicon({w: tuple(sorted(k)) for w, k in kinds.items()})
