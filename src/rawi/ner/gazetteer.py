"""Places with coordinates: curated overlay, countries and cities, loaded lazily, once.

Look-up order for a name: ``places_overlay.tsv`` (curated region), ``gazetteer_countries.tsv``,
``gazetteer_cities.tsv``. Overlay and country names are also matched in untagged text, except
those marked ``tagged`` (names that are common words: العديد "many", مالي "financial"). A name with candidates in several countries is resolved by the
article's country context (the country most mentioned), else by population.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rawi.ner.lexicon import LEXICONS, read_tsv
from rawi.ner.normalize import longest_matches, lookup_variants, norm_phrase


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # preferred Arabic name
    country: str  # ISO 3166 alpha-2 ("" for a region spanning countries)
    lat: float
    lon: float
    kind: str  # city town region base country ...
    population: int = 0
    curated: bool = False  # from the overlay or the country list (trusted coordinates)

    @property
    def id(self) -> str:
        return f"loc:{self.country or 'xx'}:" + norm_phrase(self.name).replace(" ", "_")


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, tuple[Place, ...]]  # normalised name -> candidates, best first
    max_len: int
    curated: frozenset[str] = frozenset()
    curated_first: frozenset[str] = frozenset()

    def match_tokens(self, norms: list[str]) -> list[tuple[int, int, Place]]:
        """Longest non-overlapping matches of curated names over normalised tokens."""
        return [(i, j, self.places[key][0]) for i, j, key in longest_matches(norms, self.curated_first, self.curated, self.max_len)]

    def candidates(self, text: str) -> tuple[Place, ...]:
        return self.candidates_form(text)[0]

    def candidates_form(self, text: str) -> tuple[tuple[Place, ...], str | None]:
        """Candidates for a name and the form of its first word that matched.

        When the whole name is unknown, its longest known beginning is tried
        (``دير الزور السورية`` -> ``دير الزور``).
        """
        words = norm_phrase(text).split()
        for k in range(len(words), 0, -1):
            for first in lookup_variants(words[0]):
                c = self.places.get(" ".join([first, *words[1:k]]))
                if c:
                    return c, first
        return (), None

    def resolve(self, text: str, context: Counter | None = None) -> Place | None:
        """The place ``text`` names, preferring the article's most-mentioned countries."""
        c = self.candidates(text)
        if not c:
            return None
        if len(c) > 1 and context:
            # context picks among plausible readings (curated, or a city of 100,000 or more);
            # a small namesake town never beats the curated reading
            def key(p: Place) -> tuple:
                ctx = context.get(p.country, 0)
                plausible = p.curated or p.population >= 100_000
                return (plausible and ctx > 0, p.curated, ctx, p.population)
            return max(c, key=key)
        return c[0]


def _add(places: dict[str, list[Place]], name: str, p: Place) -> None:
    key = norm_phrase(name)
    lst = places.setdefault(key, [])
    if not any(q.country == p.country for q in lst):
        lst.append(p)


@lru_cache(maxsize=2)
def gazetteer(root: Path = LEXICONS) -> Gazetteer:
    places: dict[str, list[Place]] = {}
    for r in read_tsv(root / "places_overlay.tsv"):
        free = len(r) < 7 or r[6].strip() != "tagged"
        _add(places, r[0], Place(r[1], r[2], float(r[3]), float(r[4]), r[5].strip(), 10**9, free))
    rows = read_tsv(root / "gazetteer_countries.tsv")
    countries: dict[str, Place] = {}
    # the CLDR name is the preferred one, else the shortest
    for r in sorted(rows, key=lambda r: (len(r) < 7 or r[6].strip() != "preferred", len(r[0]))):
        countries.setdefault(r[1], Place(r[0], r[1], float(r[2]), float(r[3]), "country", 10**8, True))
    tagged_only: set[str] = set()
    for r in rows:
        _add(places, r[0], countries[r[1]])
        if len(r) > 5 and r[5].strip() == "tagged":
            tagged_only.add(norm_phrase(r[0]))
    for r in read_tsv(root / "gazetteer_cities.tsv"):
        _add(places, r[0], Place(r[0], r[1], float(r[2]), float(r[3]), "city", int(r[4])))
    out = {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in places.items()}
    overlay_tagged = {norm_phrase(r[0]) for r in read_tsv(root / "places_overlay.tsv")
                      if len(r) > 6 and r[6].strip() == "tagged"}
    curated = frozenset(k for k, v in out.items()
                        if v[0].curated and k not in tagged_only and k not in overlay_tagged)
    return Gazetteer(out, max(len(k.split()) for k in out), curated,
                     frozenset(k.split()[0] for k in curated))
