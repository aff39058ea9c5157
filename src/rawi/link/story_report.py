"""Stories of a store: assignment in publication order and a summary of each story."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from rawi.link.stories import DocumentFrequencies, StoryDoc, StoryIndex, StoryOptions, doc_terms
from rawi.model import Document


@dataclass(frozen=True)
class Story:
    id: str
    doc_ids: tuple[str, ...]
    titles: tuple[str, ...]
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    actors: tuple[str, ...]
    places: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"cluster": self.id, "doc_ids": list(self.doc_ids), "titles": list(self.titles),
                "outlets": list(self.outlets), "first": self.first, "last": self.last,
                "actors": list(self.actors), "places": list(self.places)}


def story_doc(doc: Document) -> StoryDoc:
    body = doc.text[len(doc.title):].lstrip() if doc.title and doc.text.startswith(doc.title) else doc.text
    ents = frozenset(e.canonical_id for e in doc.entities if e.canonical_id)
    return StoryDoc(doc.id, doc.published, doc.title, body, doc.outlet, ents)


def _when(d: Document) -> tuple:
    return (d.published is None, d.published or datetime.min, d.id)


def build_stories(docs: Iterable[Document], options: StoryOptions = StoryOptions(),
                  folded: dict[str, str] | None = None) -> list[Story]:
    """Assign every document to a story (publication order) and summarise the stories.

    ``folded`` maps exact and near-duplicate copies to their original: a copy joins its
    original's story and is not compared on its own (syndicated wires fold into one).
    """
    docs = sorted(docs, key=_when)
    copies: dict[str, list[str]] = {}
    for copy, original in (folded or {}).items():
        copies.setdefault(original, []).append(copy)
    sdocs = [story_doc(d) for d in docs]
    df = DocumentFrequencies()
    for s in sdocs:
        df.add(doc_terms(s, options))
    index = StoryIndex(options, df=df, update_df=False)
    for s in sdocs:
        index.add(s)
    by_id = {d.id: d for d in docs}
    out = []
    for n, members in enumerate(index.clusters()):
        ds = [by_id[i] for i in members]
        actors: Counter[str] = Counter()
        places: Counter[str] = Counter()
        for d in ds:
            for e in d.entities:
                name = e.canonical_name or e.text
                (places if e.label == "LOC" else actors if e.label in ("PER", "ORG") else Counter())[name] += 1
        times = [d.published.isoformat() for d in ds if d.published]
        out.append(Story(
            id=f"s{n + 1:05d}", doc_ids=tuple(x for d in ds for x in (d.id, *sorted(copies.get(d.id, ())))), titles=tuple(d.title for d in ds),
            outlets=tuple(dict.fromkeys(d.outlet for d in ds if d.outlet)),
            first=min(times) if times else None, last=max(times) if times else None,
            actors=tuple(a for a, _ in actors.most_common(5)), places=tuple(p for p, _ in places.most_common(5)),
        ))
    return out


def folded_copies(store) -> dict[str, str]:
    """Exact and near-duplicate copies in a store -> their original (so that a copy joins its
    original's story instead of being compared on its own)."""
    originals = set(store.doc_ids(include_duplicates=False))
    folded = {}
    for doc_id in store.doc_ids(include_duplicates=True):
        if doc_id not in originals:
            info = store.document_info(doc_id) or {}
            target = info.get("duplicate_of") or info.get("near_duplicate_of")
            if target:
                folded[doc_id] = target
    return folded
