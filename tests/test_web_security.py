"""Security of the web app: escaping of injected markup on every page, headers, body limit,
rate limit, the ingest token, static files."""

from __future__ import annotations

import re
from html.parser import HTMLParser
import shutil
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

from browser.webcorpus import XSS_ID, built_store  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from rawi.web.app import create_app  # noqa: E402
from rawi.web.pages import safe_href  # noqa: E402
from rawi.web.security import CSP, RateLimiter, tokens_match  # noqa: E402

TOKEN = "s3cret-token-for-tests-0123456789"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(built_store(), rate_limit=None), raise_server_exceptions=False) as c:
        yield c


def xss_pages(client) -> list[str]:
    """Every page that shows the injected article's title, text, URL, outlet or speaker."""
    a = client.get("/api/v1/attributions", params={"doc_id": XSS_ID}).json()["items"]
    pages = [f"/article/{quote(XSS_ID)}", "/search?q=" + quote("الحكومة"), "/search?q=" + quote("بيان"),
             "/outlets", "/stories", "/claims", "/speakers", "/"]
    pages += [f"/claim?doc_id={quote(XSS_ID)}&idx={r['idx']}" for r in a]
    for s in client.get("/api/v1/stories").json()["items"]:
        if XSS_ID in s["doc_ids"]:
            pages.append(f"/story/{s['cluster']}")
    return pages


class _Tags(HTMLParser):
    """Collects what a browser would parse: tags and their (unescaped) attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


ALLOWED_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "nav", "main", "footer", "a",
                "section", "article", "h1", "h2", "h3", "p", "span", "sup", "div", "details", "summary",
                "ul", "ol", "li", "small", "table", "thead", "tbody", "tr", "th", "td", "form", "input",
                "button", "label", "select", "option", "textarea", "mark", "blockquote", "b", "code",
                "dl", "dt", "dd", "meter", "time"}


def assert_no_executable_markup(html: str, where: str) -> None:
    """No script element, no element outside the templates' own set, no event-handler
    attribute, no javascript: URL — as an HTML parser (a browser) reads the page."""
    p = _Tags()
    p.feed(html)
    for tag, attrs in p.tags:
        assert tag in ALLOWED_TAGS, f"{where}: unexpected <{tag}> (injected markup?)"
        for name, value in attrs:
            assert not name.startswith("on"), f"{where}: event handler {name}= on <{tag}>"
            assert name in {"href", "src", "action", "class", "title", "lang", "dir", "charset", "name",
                            "content", "rel", "type", "value", "placeholder", "aria-label", "role",
                            "method", "selected", "checked", "enctype", "rows", "min", "max",
                            "open"}, f"{where}: unexpected attribute {name}= on <{tag}>"
            if name in ("href", "src", "action") and value:
                assert not value.strip().lower().startswith(("javascript:", "data:")), f"{where}: {value!r}"


def test_web_injected_markup_is_escaped_on_every_page(client):
    pages = xss_pages(client)
    assert len(pages) >= 9
    seen_escaped = 0
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        assert_no_executable_markup(r.text, url)
        seen_escaped += "&lt;script&gt;" in r.text
    assert seen_escaped >= 2, "the article and search pages show the (escaped) injected title"


def test_web_article_page_shows_escaped_title_text_and_url(client):
    html = client.get(f"/article/{quote(XSS_ID)}").text
    assert "&lt;script&gt;window.__xss=1" in html
    assert "&#34; onmouseover=&#34;window.__xss=2" in html or "&quot; onmouseover=&quot;window.__xss=2" in html
    assert "&lt;img src=x onerror=" in html
    # the URL is not a plain link target with a quote break-out: shown escaped or as an escaped href
    assert 'onmouseover="window.__xss=3"' not in html


def test_web_analyse_page_escapes_pasted_markup(client):
    r = client.post("/analyse", data={"text": "عنوان <script>window.__xss=1</script>\n\nوقال الوزير "
                                      "<img src=x onerror=alert(1)> إن الوضع مستقر."})
    assert r.status_code == 200
    assert_no_executable_markup(r.text, "/analyse")
    assert "&lt;script&gt;" in r.text


def test_web_error_pages_escape_the_path_and_parameters(client):
    r = client.get("/article/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert r.status_code == 404
    assert_no_executable_markup(r.text, "404 page")
    r = client.get("/speaker", params={"name": '<script>alert(1)</script>" onmouseover="x'})
    assert r.status_code == 404
    assert_no_executable_markup(r.text, "speaker 404")
    r = client.get("/search", params={"q": '"><script>alert(1)</script>', "speaker": '" onfocus="x'})
    assert_no_executable_markup(r.text, "search form echo")


def test_web_csp_and_security_headers_on_pages_api_static_and_errors(client):
    for url in ("/", "/api/v1/documents", "/static/rawi.css", "/no-such-page", "/api/v1/documents?limit=0"):
        r = client.get(url)
        assert r.headers["content-security-policy"] == CSP, url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in CSP and "frame-ancestors 'none'" in CSP and "form-action 'self'" in CSP
    assert "unsafe-inline" not in CSP and "script-src" not in CSP  # no script at all


def test_web_templates_have_no_inline_script_or_style():
    root = Path(__file__).resolve().parents[1] / "src" / "rawi" / "web" / "templates"
    for t in root.glob("*.html"):
        src = t.read_text(encoding="utf-8")
        assert "<script" not in src and "<style" not in src and " style=" not in src, t.name
        assert not re.search(r"\son[a-z]+=", src), t.name
        assert not re.search(r"\|\s*safe\b", src), f"{t.name}: |safe on data"


def test_web_oversized_body_is_413(client):
    big = b"x" * (2 * 1024 * 1024 + 10)
    r = client.post("/api/v1/analyse", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    r = client.post("/analyse", files={"file": ("a.txt", big, "text/plain")})
    assert r.status_code == 413


def test_web_body_limit_also_applies_without_content_length():
    app = create_app(built_store(), rate_limit=None, max_body=1000)
    c = TestClient(app, raise_server_exceptions=False)

    def chunks():
        for _ in range(10):
            yield b"a" * 200

    r = c.post("/api/v1/analyse", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_web_rate_limit_answers_429_with_retry_after():
    c = TestClient(create_app(built_store(), rate_limit=3, rate_window=60), raise_server_exceptions=False)
    codes = [c.get("/api/v1/speakers").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = c.get("/api/v1/speakers")
    assert r.json()["error"]["code"] == "rate_limited" and int(r.headers["retry-after"]) >= 1
    assert c.get("/static/rawi.css").status_code == 200  # static files are not counted


def test_web_rate_limiter_window_slides():
    lim = RateLimiter(2, window=10)
    assert lim.allow("a", 0)[0] and lim.allow("a", 1)[0] and not lim.allow("a", 2)[0]
    assert lim.allow("b", 2)[0]
    assert lim.allow("a", 10.5)[0]


def test_web_token_check():
    assert tokens_match("abc", "abc") and not tokens_match("abd", "abc")
    assert not tokens_match(None, "abc") and not tokens_match("abc", None) and not tokens_match("", "")


DOC = {"id": "api-ingest-1", "title": "اختبار الإدخال", "outlet": "منبر الاختبار",
       "published": "2026-04-07T10:00:00+00:00",
       "text": "اختبار الإدخال\n\nوقال المتحدث باسم البلدية عمر القاسم إن الطرق ستفتح صباح الغد."}


def test_web_ingest_refused_without_token_configured(client):
    r = client.post("/api/v1/ingest", json={"documents": [DOC]}, headers={"x-rawi-token": TOKEN})
    assert r.status_code == 404 and "disabled" in r.json()["error"]["message"]


def test_web_ingest_needs_the_right_token(tmp_path):
    db = tmp_path / "w.db"
    shutil.copy(built_store(), db)
    c = TestClient(create_app(str(db), ingest_token=TOKEN, readonly=False, rate_limit=None),
                   raise_server_exceptions=False)
    for headers in ({}, {"x-rawi-token": "wrong"}, {"authorization": "Bearer " + TOKEN[:-1]},
                    {"authorization": TOKEN}):
        r = c.post("/api/v1/ingest", json={"documents": [DOC]}, headers=headers)
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden", headers
    assert c.get("/api/v1/documents/api-ingest-1").status_code == 404
    r = c.post("/api/v1/ingest", json={"documents": [DOC]}, headers={"authorization": "Bearer " + TOKEN})
    assert r.status_code == 200, r.text
    assert r.json()["docs_stored"] == 1 and r.json()["errors"] == 0
    assert c.get("/api/v1/documents/api-ingest-1").json()["outlet"] == "منبر الاختبار"
    assert "عمر القاسم" in c.get("/api/v1/speakers", params={"limit": 200}).text
    assert c.post("/api/v1/ingest", json={"documents": []}, headers={"x-rawi-token": TOKEN}).status_code == 422


def test_web_readonly_app_with_token_still_refuses_ingest():
    c = TestClient(create_app(built_store(), ingest_token=TOKEN, readonly=True), raise_server_exceptions=False)
    assert c.post("/api/v1/ingest", json={"documents": [DOC]}, headers={"x-rawi-token": TOKEN}).status_code == 404


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/static/%2e%2e%2f%2e%2e%2fpyproject.toml", "/static//etc/passwd"])
def test_web_static_files_cannot_escape_their_directory(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404)
    assert "create_app" not in r.text and "root:" not in r.text


def test_web_safe_href_only_allows_http():
    assert safe_href("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil", "", None, "http://"):
        assert safe_href(bad) is None, bad


def test_web_missing_store_is_a_clear_error(tmp_path):
    from rawi.errors import RawiError

    with pytest.raises(RawiError, match="no store here"):
        create_app(str(tmp_path / "absent.db"))
