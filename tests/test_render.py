import io
import json

from rawi.model import Attribution, Document, Entity, Span
from rawi.render import open_renderer
from rawi.render.html import highlight, render_document_html
from rawi.render.text import render_text

HOSTILE = 'عنوان <script>alert(1)</script>\n\nقال " onmouseover="alert(2)" المصدر إن <img src=x onerror=alert(3)> وقع.'


def _doc() -> Document:
    t = HOSTILE
    cue = t.index("قال")
    content = t.index("<img")
    return Document(id="x<y>", text=t, title=t.split("\n")[0], url='javascript:alert("u")',
                    attributions=(Attribution(cue=Span(cue, cue + 3), content=Span(content, len(t) - 5),
                                              source_resolved='" onmouseover="alert(4)', source_type="anonymous"),),
                    entities=(Entity(cue + 4, cue + 6, "PER", t[cue + 4:cue + 6], canonical_name="<b>x</b>"),))


def test_render_html_escapes_all_untrusted_text():
    html = render_document_html(_doc())
    assert "<script>" not in html and "<img" not in html
    assert 'onmouseover="alert' not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html
    assert "<b>x</b>" not in html


def test_render_html_highlight_keeps_the_text():
    doc = _doc()
    import re
    import html as h
    plain = h.unescape(re.sub(r"<sup[^>]*>.*?</sup>", "", re.sub(r"<span[^>]*>|</span>", "", highlight(doc))))
    # badges aside, the highlighted body is exactly the original text
    assert plain == doc.text


def test_render_html_page_is_rtl_and_scriptless():
    out = io.StringIO()
    with open_renderer("html", out) as render:
        render(_doc())
    page = out.getvalue()
    assert '<html lang="ar" dir="rtl">' in page
    assert "<script" not in page and "Content-Security-Policy" in page


def test_render_json_array_is_valid_json():
    out = io.StringIO()
    with open_renderer("json", out) as render:
        render(_doc())
        render(_doc())
    data = json.loads(out.getvalue())
    assert [d["doc_id"] for d in data] == ["x<y>", "x<y>"]


def test_render_text_summary_names_the_speaker():
    s = render_text(_doc())
    assert "onmouseover" in s and "ASSERT" in s
