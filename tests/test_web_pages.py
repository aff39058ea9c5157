"""The HTML pages: right-to-left Arabic layout, every page type, highlighted findings."""

from __future__ import annotations

import warnings
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

from browser.webcorpus import built_store  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from rawi.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(built_store(), rate_limit=None), raise_server_exceptions=False) as c:
        yield c


def page(client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in r.text
    assert '<meta name="viewport"' in r.text and "/static/rawi.css" in r.text
    return r.text


def test_web_home_and_lists_render(client):
    assert "الأكثر اقتباساً" in page(client, "/")
    assert "خالد الرفاعي" in page(client, "/speakers")
    assert "/story/" in page(client, "/stories")
    assert "/claim/c" in page(client, "/claims")
    assert "تحليل نص" in page(client, "/analyse")


def test_web_search_page_highlights_and_filters(client):
    html = page(client, "/search?q=" + quote("تصدعات"))
    assert "<mark>تصدعات</mark>" in html
    assert "/article/sada-2026-04-03-dam-denial" in html
    only = page(client, "/search?q=" + quote("تصدعات") + "&outlet=" + quote("إذاعة الصدى"))
    assert "/article/sada-2026-04-03-dam-denial" in only and "/article/nour-2026-04-02-dam" not in only
    anon = page(client, "/search?q=" + quote("تصدعات") + "&anonymous=true")
    assert "/article/nour-2026-04-02-dam" in anon and "/article/sada-2026-04-03-dam-denial" not in anon
    deny = page(client, "/search?stance=deny")
    assert "/article/sada-2026-04-03-dam-denial" in deny and "<mark>" in deny
    assert 'checked' in anon and "selected" in only


def test_web_search_page_bad_parameters_are_4xx_pages(client):
    assert "خطأ 422" in page(client, "/search?since=yesterday", 422)
    assert "since" in page(client, "/search?since=2026-04-05&until=2026-04-01", 400)
    page(client, "/search?entity=" + quote("السد"), 400)
    page(client, "/search?limit=0", 422)
    assert "speaker" in page(client, "/search?speaker=.", 400)  # punctuation matches no name


def test_web_article_page_highlights_every_finding(client):
    html = page(client, "/article/nour-2026-04-02-dam")
    for cls in ("speaker", "cue", "content"):
        assert f'class="{cls}' in html or f'class="{cls} ' in html, cls
    assert "badge stance-assert" in html
    assert 'class="date' in html or "date\"" in html
    assert "title=\"" in html and "/speaker?name=" in html and "/claim?doc_id=nour-2026-04-02-dam" in html
    assert "/story/" in html


def test_web_article_page_shows_removed_boilerplate_on_request(client):
    html = page(client, "/article/olive-harvest")
    assert "<details class=\"removed\">" in html and "شارك هذا الخبر" in html


def test_web_article_page_unknown_id_is_404(client):
    assert "خطأ 404" in page(client, "/article/no-such-article", 404)


def test_web_speaker_profile(client):
    html = page(client, "/speaker?name=" + quote("خالد الرفاعي"))
    assert "مزيج المواقف" in html and "إذاعة الصدى" in html and "نفي" in html
    assert "سلاسل مجهولة تقود إليه" in html
    page(client, "/speaker?name=" + quote("لا أحد"), 404)
    page(client, "/speaker", 422)


def test_web_story_page_timeline_by_outlet(client):
    stories = client.get("/api/v1/stories").json()["items"]
    dam = next(s for s in stories if "nour-2026-04-02-dam" in s["doc_ids"])
    html = page(client, f"/story/{dam['cluster']}")
    assert "الخط الزمني" in html and "حسب المنبر" in html
    assert html.index("/article/nour-2026-04-02-dam") < html.index("/article/fajr-2026-04-02-dam")
    assert "وكالة النور للأنباء" in html and "صحيفة الفجر" in html
    page(client, "/story/s99999", 404)


def test_web_claim_page_chain_and_denial(client):
    html = page(client, "/claim?doc_id=fajr-2026-04-02-dam&idx=0")
    # provenance: outlet -> via (agency) -> anonymous original speaker
    assert 'hop outlet">صحيفة الفجر' in html and 'hop via">وكالة النور للأنباء' in html
    assert "hop source anon" in html
    assert "/article/nour-2026-04-02-dam" in html, "the agency's original is in the group"
    assert "rel-denies" in html and "/article/sada-2026-04-03-dam-denial" in html
    page(client, "/claim?doc_id=fajr-2026-04-02-dam&idx=77", 404)
    page(client, "/claim?doc_id=fajr-2026-04-02-dam&idx=x", 422)


def test_web_outlets_page(client):
    html = page(client, "/outlets")
    assert "صحيفة الفجر" in html and "عبر وسيط" in html and "٪" in html


def test_web_analyse_page_paste_and_upload(client):
    r = client.post("/analyse", data={"text": "زيارة رسمية\n\nوقال وزير الخارجية سمير النمر إن الزيارة ناجحة."})
    assert r.status_code == 200 and "class=\"cue" in r.text and "النمر" in r.text
    before = client.get("/api/v1/documents").json()["total"]
    up = "أمطار غزيرة\n\nوحذرت هيئة الأرصاد من أمطار غزيرة يوم الجمعة.".encode("utf-8")
    r = client.post("/analyse", files={"file": ("note.txt", up, "text/plain")})
    assert r.status_code == 200 and "هيئة الأرصاد" in r.text
    assert client.get("/api/v1/documents").json()["total"] == before, "nothing is stored"
    r = client.post("/analyse", data={"text": "  "})
    assert r.status_code == 400 and "card error" in r.text
    r = client.post("/analyse", files={"file": ("x.bin", b"\x00\x01\x02", "application/octet-stream")})
    assert r.status_code == 400


def test_web_static_css_served(client):
    r = client.get("/static/rawi.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert "@media" in r.text


def test_web_claim_group_ids_match_the_cli(client):
    from rawi.cli.links import load_claims
    from rawi.link.claims import find_links
    from rawi.link.groups import build_groups
    from rawi.store import open_store

    with open_store(built_store(), readonly=True) as store:
        claims = load_claims(store)
    cli_ids = {g.id for g in build_groups(claims, find_links(claims))}
    api_ids = {g["id"] for g in client.get("/api/v1/claims", params={"limit": 500}).json()["items"]}
    assert api_ids == cli_ids and cli_ids
    gid = sorted(cli_ids)[0]
    assert client.get(f"/api/v1/claims/{gid}").json()["id"] == gid
    assert f"/claim/{gid}" in page(client, "/claims")
    assert gid in page(client, f"/claim/{gid}")
    page(client, "/claim/c0000000000", 404)


def test_web_denial_page_shows_what_it_denies(client):
    html = page(client, "/claim?doc_id=sada-2026-04-03-dam-denial&idx=1")
    assert "هذا الادعاء ينفي" in html and "/article/nour-2026-04-02-dam" in html


def test_web_query_string_keeps_zero():
    from rawi.web.pages import query_string

    assert query_string(doc_id="a b", idx=0, x=None, y="", z=False) == "doc_id=a+b&idx=0"
