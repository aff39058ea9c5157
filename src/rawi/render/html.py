"""A self-contained, right-to-left HTML view of analysed documents.

Every finding is highlighted in the original text: speaker, cue, content and via in different
colours with a stance badge; entities, dates and numbers underlined; a hover title shows the
details. All article text is untrusted and escaped; the page has no script.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from rawi.model import Document

CSS = """
body{font-family:"Noto Naskh Arabic","Amiri","Segoe UI",Tahoma,sans-serif;line-height:1.9;margin:0;
background:#fafaf7;color:#1d1d1f}
main{max-width:52rem;margin:auto;padding:1rem}
article{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
h1{font-size:1.3rem;margin:.2rem 0}
.meta{color:#666;font-size:.85rem;direction:ltr;text-align:right}
.body{white-space:pre-wrap}
.speaker{background:#d6eaff}.cue{background:#ffe08a;font-weight:bold}.content{background:#e5f7e0}
.via{background:#f4d7ff}.channel{background:#ffe6cc}.target{outline:1px dashed #c00}.role{background:#e8eef7}
.ent{border-bottom:2px solid #7a7acc}.ent-PER{border-color:#2d6fd6}.ent-ORG{border-color:#b0651c}
.ent-LOC{border-color:#1c8a4d}.ent-MISC{border-color:#888}
.date{border-bottom:2px dotted #c02c70}.num{border-bottom:2px dotted #0a7b83}
.badge{font-size:.7rem;border-radius:4px;padding:0 .3rem;margin:0 .15rem;color:#fff;background:#555;
vertical-align:super}
.stance-deny{background:#c0392b}.stance-accuse{background:#8e44ad}.stance-warn{background:#d35400}
.stance-demand{background:#16a085}.stance-opinion{background:#2c3e50}.stance-question{background:#7f8c8d}
.stance-assert{background:#2e86c1}
table{border-collapse:collapse;font-size:.85rem;width:100%}td,th{border:1px solid #ddd;padding:.2rem .4rem;
vertical-align:top}
details{margin-top:.5rem;color:#555}
.legend span{margin-inline-end:.6rem;padding:0 .3rem}
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    cls: str
    title: str


def page_header(title: str) -> str:
    return ("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>\n"
            "<p class=\"legend\"><span class=\"speaker\">المتحدث</span><span class=\"cue\">فعل القول</span>"
            "<span class=\"content\">المضمون</span><span class=\"via\">عبر</span><span class=\"channel\">القناة</span>"
            "<span class=\"ent\">كيان</span><span class=\"date\">تاريخ</span><span class=\"num\">رقم</span></p>\n")


def page_footer() -> str:
    return "</main></body></html>\n"


def _marks(doc: Document) -> tuple[list[_Mark], dict[int, list[str]]]:
    marks: list[_Mark] = []
    badges: dict[int, list[str]] = {}
    for i, a in enumerate(doc.attributions):
        who = a.source_resolved or (doc.span_text(a.source) if a.source else "")
        info = f"#{i} {a.stance} · {a.type} · {who} ({a.source_type or '?'})"
        for name, cls in (("content", "content"), ("source", "speaker"), ("source_role", "role"),
                          ("via", "via"), ("channel", "channel"), ("target", "target"), ("cue", "cue")):
            span = getattr(a, name)
            if span is not None and span.end > span.start:
                marks.append(_Mark(span.start, span.end, cls, f"{name}: {info}"))
        badges.setdefault(a.cue.end, []).append(
            f"<sup class=\"badge stance-{escape(a.stance)}\">{escape(a.stance)}</sup>")
    for e in doc.entities:
        detail = f"{e.label}: {e.canonical_name or e.text}"
        if e.lat is not None and e.lon is not None:
            detail += f" ({e.lat:.3f}, {e.lon:.3f})"
        if e.canonical_id:
            detail += f" [{e.canonical_id}]"
        marks.append(_Mark(e.start, e.end, f"ent ent-{e.label}", detail))
    for d in doc.dates:
        marks.append(_Mark(d.start, d.end, "date", f"date: {d.value} ({d.kind})"))
    for n in doc.numbers:
        v = n.value if n.value_max is None else f"{n.value}–{n.value_max}"
        marks.append(_Mark(n.start, n.end, "num", f"number: {v} {n.unit or ''}{' ≈' if n.approx else ''}"))
    return marks, badges


def highlight(doc: Document) -> str:
    """The document text as escaped HTML with every finding wrapped in spans."""
    text = doc.text
    marks, badges = _marks(doc)
    cuts = {0, len(text)}
    for m in marks:
        cuts.add(max(0, min(m.start, len(text))))
        cuts.add(max(0, min(m.end, len(text))))
    cuts.update(p for p in badges if 0 <= p <= len(text))
    points = sorted(cuts)
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    out: list[str] = []
    for a, b in zip(points, points[1:] + [None]):
        for html in badges.get(a, ()):
            out.append(html)
        if b is None:
            break
        active = [m for m in active if m.end > a] + starts.get(a, [])
        chunk = escape(text[a:b])
        if not active:
            out.append(chunk)
            continue
        classes = " ".join(dict.fromkeys(c for m in active for c in m.cls.split()))
        title = " | ".join(dict.fromkeys(m.title for m in active))
        out.append(f"<span class=\"{escape(classes)}\" title=\"{escape(title)}\">{chunk}</span>")
    return "".join(out)


def _attribution_table(doc: Document) -> str:
    if not doc.attributions:
        return ""
    rows = []
    for i, a in enumerate(doc.attributions):
        cells = [str(i), a.stance, a.type, a.source_resolved or "", a.source_type or "",
                 doc.span_text(a.via) if a.via else "", doc.span_text(a.cue),
                 doc.span_text(a.content)[:200]]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("#", "الموقف", "النوع", "المتحدث", "صنفه", "عبر", "فعل القول", "المضمون"))
    return f"<details><summary>الإسنادات ({len(doc.attributions)})</summary><table><tr>{head}</tr>{''.join(rows)}</table></details>"


def render_document_html(doc: Document) -> str:
    meta = " · ".join(escape(x) for x in (doc.outlet or "", doc.published.isoformat() if doc.published else "",
                                          doc.url or "", doc.id) if x)
    removed = ""
    if doc.boilerplate:
        items = "".join(f"<li>{escape(r.text)} <small>({escape(r.reason)})</small></li>" for r in doc.boilerplate)
        removed = f"<details><summary>أسطر محذوفة ({len(doc.boilerplate)})</summary><ul>{items}</ul></details>"
    return (f"<article><h1>{escape(doc.title)}</h1><p class=\"meta\">{meta}</p>"
            f"<div class=\"body\">{highlight(doc)}</div>{_attribution_table(doc)}{removed}</article>\n")
