"""Canonical actors (``lexicons/aliases.tsv``): alias look-up, phrase matching, fuzzy variants."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rawi.errors import BadRecord
from rawi.ner.lexicon import LEXICONS, read_tsv
from rawi.ner.normalize import longest_matches, lookup_variants, norm, norm_phrase


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    label: str
    name: str


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Normalised alias -> actor; ``free`` holds aliases that may add an entity by themselves."""

    by_alias: dict[str, Actor]
    free: frozenset[str]
    first_words: frozenset[str]
    max_len: int

    def lookup(self, text: str) -> Actor | None:
        """The actor a name denotes, trying the first word with and without its proclitics."""
        return self.lookup_form(text)[0]

    def lookup_form(self, text: str) -> tuple[Actor | None, str | None]:
        """The actor and the form of the first word that matched (``لداعش`` -> ``داعش``)."""
        words = norm_phrase(text).split()
        if not words:
            return None, None
        for first in lookup_variants(words[0]):
            a = self.by_alias.get(" ".join([first, *words[1:]]))
            if a is not None:
                return a, first
        return None, None

    def fuzzy(self, text: str, label: str, cutoff: float = 90.0) -> Actor | None:
        """An actor whose alias is a near spelling of ``text`` (same label, long names only)."""
        from rapidfuzz import fuzz, process

        n = norm_phrase(text)
        if len(n) < 6:
            return None
        keys = [k for k, a in self.by_alias.items() if a.label == label and abs(len(k) - len(n)) <= 2]
        hit = process.extractOne(n, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self.by_alias[hit[0]] if hit else None

    def match_tokens(self, norms: list[str]) -> list[tuple[int, int, Actor]]:
        """Longest non-overlapping free-alias matches over normalised tokens: ``(i, j, actor)``."""
        return [(i, j, self.by_alias[key]) for i, j, key in longest_matches(norms, self.first_words, self.free, self.max_len)]


@lru_cache(maxsize=4)
def alias_table(path: Path = LEXICONS / "aliases.tsv") -> AliasTable:
    by_alias: dict[str, Actor] = {}
    free: set[str] = set()
    tagged_only: set[str] = set()
    for row in read_tsv(path):
        if len(row) < 4:
            raise BadRecord(str(path), f"alias row needs 4 fields: {row!r}")
        actor = Actor(row[0].strip(), row[1].strip(), row[2].strip())
        by_alias.setdefault(norm_phrase(row[2]), actor)  # the preferred name always resolves
        for alias in row[3].split("|"):  # but only listed aliases may add entities
            alias = alias.strip()
            key = norm_phrase(alias.lstrip("="))
            if key:
                by_alias.setdefault(key, actor)
                (tagged_only if alias.startswith("=") else free).add(key)
    free -= tagged_only
    return AliasTable(by_alias, frozenset(free), frozenset(k.split()[0] for k in free),
                      max(len(k.split()) for k in free))


def actor_id(label: str, name: str) -> str:
    """A stable id for an actor not in the alias table: ``per:دونالد_ترامب``."""
    return f"{label.lower()}:" + "_".join(norm(w) for w in name.split())
