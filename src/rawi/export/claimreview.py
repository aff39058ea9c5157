"""schema.org ClaimReview JSON-LD for claim groups, ready for a fact-checker to complete.

Each claim group becomes a ``ClaimReview`` whose ``itemReviewed`` is the ``Claim``: its
``author`` (the first speaker: a ``Person``, or an ``Organization`` for organisations, media,
documents and groups), its ``firstAppearance`` and every ``appearance`` as ``NewsArticle``s
(url, headline, datePublished, publisher ``Organization`` = the outlet). ``reviewRating`` is an
empty ``Rating``: rawi finds who said what, it does not judge it, so no verdict is invented.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from rawi.link.claims import Claim

CONTEXT = "https://schema.org"
_ORG_TYPES = {"organization", "media", "document", "group"}


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def author(claim: Claim) -> dict[str, Any] | None:
    if not claim.speaker:
        return None
    kind = "Organization" if claim.source_type in _ORG_TYPES else "Person"
    return {"@type": kind, "name": claim.speaker}


def news_article(claim: Claim, info: dict[str, Any] | None) -> dict[str, Any]:
    info = info or {}
    return _drop_none({
        "@type": "NewsArticle", "url": info.get("url"), "headline": info.get("title"),
        "datePublished": claim.published.isoformat() if claim.published else info.get("published"),
        "publisher": {"@type": "Organization", "name": claim.outlet} if claim.outlet else None,
        "identifier": claim.doc_id,
    })


def claim_review(group, info: Callable[[str], dict[str, Any] | None],  # noqa: ANN001
                 reviewed_on: date | None = None) -> dict[str, Any]:
    """The ClaimReview of one :class:`rawi.link.groups.ClaimGroup`; ``info(doc_id)`` gives the
    article's stored metadata (title, url, published)."""
    first = group.first
    cache: dict[str, dict[str, Any] | None] = {}

    def meta(doc_id: str) -> dict[str, Any] | None:
        if doc_id not in cache:
            cache[doc_id] = info(doc_id)
        return cache[doc_id]

    item = _drop_none({
        "@type": "Claim", "author": author(first),
        "datePublished": first.published.isoformat() if first.published else None,
        "firstAppearance": news_article(first, meta(first.doc_id)),
        "appearance": [news_article(c, meta(c.doc_id)) for c in group.claims],
    })
    return {
        "@context": CONTEXT, "@type": "ClaimReview", "identifier": group.id,
        "claimReviewed": first.content, "itemReviewed": item,
        "reviewRating": {"@type": "Rating"},
        "datePublished": (reviewed_on or date.today()).isoformat(),
    }


def claim_reviews(store, reviewed_on: date | None = None) -> list[dict[str, Any]]:  # noqa: ANN001
    from rawi.export.rows import claim_groups

    return [claim_review(g, store.document_info, reviewed_on) for g in claim_groups(store)]
