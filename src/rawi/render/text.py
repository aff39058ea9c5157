"""A readable plain-text summary of one analysed document."""

from __future__ import annotations

from rawi.model import Document


def _clip(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_text(doc: Document) -> str:
    lines = [f"== {doc.id} ==", f"title: {doc.title}"]
    meta = [x for x in (doc.outlet, doc.published.isoformat() if doc.published else None, doc.url) if x]
    if meta:
        lines.append(" | ".join(meta))
    lines.append(f"{len(doc.sentences)} sentences, {len(doc.attributions)} attributions, "
                 f"{len(doc.entities)} entities, {len(doc.dates)} dates, {len(doc.numbers)} numbers")
    for i, a in enumerate(doc.attributions):
        speaker = a.source_resolved or (doc.span_text(a.source) if a.source else "?")
        extra = []
        if a.source_type:
            extra.append(a.source_type)
        if a.via:
            extra.append("via " + doc.span_text(a.via))
        if a.channel:
            extra.append(doc.span_text(a.channel))
        if a.target:
            extra.append("target " + doc.span_text(a.target))
        if a.nested_in is not None:
            extra.append(f"inside #{a.nested_in}")
        lines.append(f"  [{i}] {a.stance.upper()} {a.type} — {speaker} ({', '.join(extra)}) "
                     f"«{doc.span_text(a.cue)}»: {_clip(doc.span_text(a.content))}")
    if doc.entities:
        ents = ", ".join(f"{e.text}/{e.label}" + (f"→{e.canonical_name}" if e.canonical_name and e.canonical_name != e.text else "")
                         for e in doc.entities[:40])
        lines.append(f"  entities: {ents}")
    if doc.dates:
        lines.append("  dates: " + ", ".join(f"{d.text}={d.value}" for d in doc.dates))
    if doc.numbers:
        lines.append("  numbers: " + ", ".join(
            f"{n.text}={n.value}{'~' if n.approx else ''}{' ' + n.unit if n.unit else ''}" for n in doc.numbers))
    if doc.boilerplate:
        lines.append("  boilerplate removed: " + " | ".join(_clip(r.text, 60) for r in doc.boilerplate))
    return "\n".join(lines)
