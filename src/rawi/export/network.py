"""The speaker–claim–outlet network of a store, as a networkx graph (GEXF, GraphML).

Nodes carry ``type`` (speaker, claim, outlet) and ``label``; claim nodes also ``doc_id``,
``published``, ``stance`` and ``group`` (their claim group, when they have one). Edges carry
``relation``: ``said`` (speaker → claim), ``published`` (outlet → claim), ``same`` (a
repetition → the earliest claim it repeats), ``denies`` (a denial → the claim it denies) and
``contradicts``; link edges also ``weight`` (the link score).
"""

from __future__ import annotations

from typing import Any

_LABEL_CHARS = 120


def _attrs(**kw: Any) -> dict[str, Any]:
    """GEXF and GraphML take str/int/float/bool attributes only: drop the empty ones."""
    return {k: v for k, v in kw.items() if v is not None and v != ""}


def claim_node(doc_id: str, idx: int) -> str:
    return f"claim:{doc_id}#{idx}"


def build_network(store):  # noqa: ANN001, ANN201 - a Store -> networkx.DiGraph
    import networkx as nx

    from rawi.cli.links import load_claims
    from rawi.link.claims import find_links
    from rawi.link.groups import build_groups
    from rawi.store.sqlbase import speaker_key

    claims = load_claims(store)
    links = find_links(claims)
    group_of = {(c.doc_id, c.idx): g.id for g in build_groups(claims, links) for c in g.claims}
    g = nx.DiGraph(name="rawi speaker-claim-outlet network")
    for c in claims:
        node = claim_node(c.doc_id, c.idx)
        g.add_node(node, **_attrs(type="claim", label=c.content[:_LABEL_CHARS], doc_id=c.doc_id,
                                  published=c.published.isoformat() if c.published else None,
                                  stance=c.stance, group=group_of.get((c.doc_id, c.idx))))
        if c.speaker:
            sp = f"speaker:{speaker_key(c.speaker) or c.speaker}"
            if sp not in g:
                g.add_node(sp, **_attrs(type="speaker", label=c.speaker, source_type=c.source_type))
            g.add_edge(sp, node, relation="said")
        if c.outlet:
            out = f"outlet:{c.outlet}"
            if out not in g:
                g.add_node(out, type="outlet", label=c.outlet)
            g.add_edge(out, node, relation="published")
    for link in links:
        a, b = claim_node(link.a.doc_id, link.a.idx), claim_node(link.b.doc_id, link.b.idx)
        # same: b repeats a; denies: b denies a; contradicts: b contradicts a
        g.add_edge(b, a, relation=link.relation, weight=round(float(link.score), 4))
    return g


def write_network(store, path: str, fmt: str) -> int:  # noqa: ANN001
    """Write the network as ``gexf`` or ``graphml``; returns the number of nodes."""
    import networkx as nx

    g = build_network(store)
    if fmt == "gexf":
        nx.write_gexf(g, path)
    elif fmt == "graphml":
        nx.write_graphml(g, path)
    else:
        raise ValueError(f"unknown network format {fmt!r}")
    return g.number_of_nodes()
