"""Flat rows of a store, one kind per ``--what``: documents, attributions, speakers, claims
(claim groups) and stories. Documents and attributions stream from the store one document at
a time; claims and stories need the whole store (they link articles) and are built in memory.
"""

from __future__ import annotations

from typing import Any, Iterator

from rawi.model import Document
from rawi.store.base import Store

WHATS = ("documents", "attributions", "speakers", "claims", "stories")

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "title", "url", "outlet", "published", "category", "language",
                  "source_path", "input_format", "n_sentences", "n_entities", "n_dates",
                  "n_numbers", "n_attributions", "text"),
    "attributions": ("doc_id", "idx", "title", "outlet", "published", "speaker", "source",
                     "source_role", "source_type", "anonymous", "cue", "content",
                     "content_start", "content_end", "stance", "type", "via", "channel",
                     "target", "nested_in"),
    "speakers": ("name", "key", "source_type", "attributions", "documents", "denials"),
    "claims": ("id", "claim", "first_doc_id", "first_published", "first_outlet",
               "first_speaker", "appearances", "speakers", "outlets", "denials",
               "contradictions", "doc_ids"),
    "stories": ("cluster", "articles", "first", "last", "lead_title", "outlets", "actors",
                "places", "doc_ids"),
}

SEP = " | "  # how list values are joined in a flat cell


def document_row(doc: Document) -> dict[str, Any]:
    return {"doc_id": doc.id, "title": doc.title, "url": doc.url, "outlet": doc.outlet,
            "published": doc.published.isoformat() if doc.published else None,
            "category": doc.category, "language": doc.language, "source_path": doc.source_path,
            "input_format": doc.input_format, "n_sentences": len(doc.sentences),
            "n_entities": len(doc.entities), "n_dates": len(doc.dates),
            "n_numbers": len(doc.numbers), "n_attributions": len(doc.attributions),
            "text": doc.text}


def attribution_rows(doc: Document) -> Iterator[dict[str, Any]]:
    t = doc.text
    span = lambda s: t[s.start:s.end] if s is not None else None  # noqa: E731
    for i, a in enumerate(doc.attributions):
        yield {"doc_id": doc.id, "idx": i, "title": doc.title, "outlet": doc.outlet,
               "published": doc.published.isoformat() if doc.published else None,
               "speaker": a.source_resolved or span(a.source), "source": span(a.source),
               "source_role": span(a.source_role), "source_type": a.source_type,
               "anonymous": a.anonymous, "cue": span(a.cue), "content": span(a.content),
               "content_start": a.content.start, "content_end": a.content.end,
               "stance": a.stance, "type": a.type, "via": span(a.via),
               "channel": span(a.channel), "target": span(a.target), "nested_in": a.nested_in}


def iter_speakers(store: Store, page: int = 1000) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        rows = store.speakers(limit=page, offset=offset)
        for r in rows:
            yield r.to_dict()
        if len(rows) < page:
            return
        offset += page


def claim_groups(store: Store) -> list:
    """The claim groups of the store (:func:`rawi.link.groups.build_groups` over its links)."""
    from rawi.cli.links import load_claims
    from rawi.link.claims import find_links
    from rawi.link.groups import build_groups

    claims = load_claims(store)
    return build_groups(claims, find_links(claims))


def claim_row(group) -> dict[str, Any]:  # noqa: ANN001 - a ClaimGroup
    d = group.to_dict()
    f = d["first_appearance"]
    return {"id": d["id"], "claim": d["claim"], "first_doc_id": f["doc_id"],
            "first_published": f["published"], "first_outlet": f["outlet"],
            "first_speaker": f["speaker"], "appearances": d["appearances"],
            "speakers": SEP.join(d["speakers"]), "outlets": SEP.join(d["outlets"]),
            "denials": len(d["denials"]), "contradictions": len(d["contradictions"]),
            "doc_ids": SEP.join(dict.fromkeys(c.doc_id for c in group.claims))}


def stories(store: Store) -> list:
    from rawi.link.story_report import build_stories, folded_copies

    return build_stories(store.iter_documents(), folded=folded_copies(store))


def story_row(story) -> dict[str, Any]:  # noqa: ANN001 - a Story
    return {"cluster": story.id, "articles": len(story.doc_ids), "first": story.first,
            "last": story.last, "lead_title": story.titles[0] if story.titles else "",
            "outlets": SEP.join(story.outlets), "actors": SEP.join(story.actors),
            "places": SEP.join(story.places), "doc_ids": SEP.join(story.doc_ids)}


def iter_rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    """Flat rows (keys = ``COLUMNS[what]``) of one kind."""
    if what == "documents":
        for doc in store.iter_documents():
            yield document_row(doc)
    elif what == "attributions":
        for doc in store.iter_documents():
            yield from attribution_rows(doc)
    elif what == "speakers":
        yield from iter_speakers(store)
    elif what == "claims":
        for g in claim_groups(store):
            yield claim_row(g)
    elif what == "stories":
        for s in stories(store):
            yield story_row(s)
    else:
        raise ValueError(f"unknown export kind {what!r}; expected one of {', '.join(WHATS)}")


def iter_records(store: Store, what: str) -> Iterator[dict[str, Any]]:
    """Full JSON records: documents as the published schema, claim groups and stories whole."""
    if what == "documents":
        for doc in store.iter_documents():
            yield doc.to_dict()
    elif what == "claims":
        for g in claim_groups(store):
            yield g.to_dict()
    elif what == "stories":
        for s in stories(store):
            yield s.to_dict()
    else:
        yield from iter_rows(store, what)
