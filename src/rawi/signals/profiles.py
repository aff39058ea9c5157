"""Outlet and speaker profiles: how often claims are anonymously sourced, denied or loaded.

Descriptive counts and shares over the stored claims, never a verdict on an outlet or a
person: a high share of anonymous sourcing can be a newsroom's protection of its sources, a
high share of denied claims can mean the speaker is the one who says inconvenient things.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from rawi.signals.queue import QueueItem, QueueOptions, stored_signals
from rawi.text.normalize import fold

BY = ("outlet", "speaker")
UNKNOWN = {"outlet": "(unknown outlet)", "speaker": "(no speaker)"}
#: Signal kind counted -> column prefix.
COUNTED = (("anonymous_source", "anonymous"), ("unverifiable_source", "unverifiable"),
           ("denied", "denied"), ("loaded_language", "loaded"))
COLUMNS = ("name", "documents", "claims", "anonymous", "anonymous_share", "unverifiable",
           "unverifiable_share", "denied", "denied_share", "loaded", "loaded_share",
           "denials_made")


@dataclass(frozen=True)
class ProfileRow:
    """Counts of one outlet's or speaker's claims; ``*_share`` = count / claims."""

    name: str
    documents: int
    claims: int
    anonymous: int
    anonymous_share: float
    unverifiable: int
    unverifiable_share: float
    denied: int
    denied_share: float
    loaded: int
    loaded_share: float
    denials_made: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _key(item: QueueItem, by: str) -> tuple[str, str]:
    name = item.outlet if by == "outlet" else item.claim.speaker
    name = " ".join((name or "").split())
    if not name:
        return ("", UNKNOWN[by])
    return (fold(name.strip("\"“”«»'")), name)


def profile_rows(items: Iterable[QueueItem], by: str = "outlet", min_claims: int = 1) -> list[ProfileRow]:
    """One row per outlet (or speaker) of ``items``, most claims first. Pure."""
    if by not in BY:
        raise ValueError(f"profiles by {by!r}: expected one of {', '.join(BY)}")
    names: dict[str, Counter] = {}
    docs: dict[str, set[str]] = {}
    counts: dict[str, Counter] = {}
    for it in items:
        k, name = _key(it, by)
        names.setdefault(k, Counter())[name] += 1
        docs.setdefault(k, set()).add(it.claim.doc_id)
        c = counts.setdefault(k, Counter())
        c["claims"] += 1
        kinds = set(it.claim.kinds)
        for kind, col in COUNTED:
            c[col] += kind in kinds
        c["denials_made"] += it.claim.stance == "deny"
    rows = []
    for k, c in counts.items():
        n = c["claims"]
        if n < min_claims:
            continue
        share = {f"{col}_share": round(c[col] / n, 4) for _, col in COUNTED}
        rows.append(ProfileRow(name=names[k].most_common(1)[0][0], documents=len(docs[k]),
                               claims=n, anonymous=c["anonymous"], unverifiable=c["unverifiable"],
                               denied=c["denied"], loaded=c["loaded"],
                               denials_made=c["denials_made"], **share))
    rows.sort(key=lambda r: (-r.claims, r.name))
    return rows


def store_profiles(store: Any, by: str = "outlet", options: QueueOptions = QueueOptions(),
                   min_claims: int = 1) -> list[ProfileRow]:
    """:func:`profile_rows` over the store's claims (``options``: time range, links, tagger;
    no check-worthiness scoring is needed)."""
    return profile_rows(stored_signals(store, options), by, min_claims)
