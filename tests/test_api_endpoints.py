"""The JSON API under /api/v1: every endpoint, with good and bad parameters (4xx, never 500)."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from browser.webcorpus import ARTICLES, XSS_ID, built_store  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from rawi.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(built_store(), rate_limit=None), raise_server_exceptions=False) as c:
        yield c


def assert_error(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_api_documents_list_paginates(client):
    r = client.get("/api/v1/documents", params={"limit": 2, "offset": 0})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == len(ARTICLES) + 1 and len(page["items"]) == 2
    r2 = client.get("/api/v1/documents", params={"limit": 2, "offset": 2}).json()
    ids = {d["id"] for d in page["items"]} | {d["id"] for d in r2["items"]}
    assert len(ids) == 4
    assert client.get("/api/v1/documents", params={"offset": 100}).json()["items"] == []


def test_api_document_by_id_has_analysis(client):
    r = client.get("/api/v1/documents/nour-2026-04-02-dam")
    assert r.status_code == 200
    d = r.json()
    assert d["doc_id"] == "nour-2026-04-02-dam" and d["text"].startswith(d["title"])
    assert d["attributions"] and all("content" in a for a in d["attributions"])


@pytest.mark.parametrize("url,status", [
    ("/api/v1/documents/no-such-doc", 404),
    ("/api/v1/documents?limit=0", 422), ("/api/v1/documents?limit=100000", 422),
    ("/api/v1/documents?limit=abc", 422), ("/api/v1/documents?offset=-1", 422),
    ("/api/v1/attributions?stance=bogus", 422), ("/api/v1/attributions?since=2026-13-01", 422),
    ("/api/v1/attributions?since=2026-04-05&until=2026-04-01", 400),
    ("/api/v1/attributions?source_type=alien", 422),
    ("/api/v1/speakers?limit=-5", 422), ("/api/v1/speakers/profile", 422),
    ("/api/v1/speakers/profile?name=", 422), ("/api/v1/speakers/profile?name=لا أحد هنا", 404),
    ("/api/v1/stories?min_size=0", 422), ("/api/v1/stories/s99999", 404),
    ("/api/v1/claims?limit=x", 422), ("/api/v1/claims/group?doc_id=x", 422),
    ("/api/v1/claims/group?doc_id=nour-2026-04-02-dam&idx=999", 404),
    ("/api/v1/claims/group?doc_id=nour-2026-04-02-dam&idx=-1", 422),
    ("/api/v1/links?relation=likes", 422),
    ("/api/v1/search?q=" + "س" * 600, 422), ("/api/v1/search?entity=السد", 400),
    ("/api/v1/search?q=السد&until=yesterday", 422),
    ("/api/v1/nothing-here", 404),
    ("/api/v1/attributions?speaker=.", 400), ("/api/v1/search?q=السد&speaker=.", 400),
    ("/api/v1/search?speaker=" + "%20%D8%8C%21", 400), ("/api/v1/search?q=السد&entity=...", 400),
    ("/api/v1/speakers/profile?name=.", 404), ("/api/v1/stories/sx", 404),
    ("/api/v1/claims/c0000000000", 404),
])
def test_api_bad_parameters_are_4xx_with_message(client, url, status):
    assert_error(client.get(url), status)


def test_api_wrong_method_is_405(client):
    assert_error(client.delete("/api/v1/documents"), 405, "method_not_allowed")
    assert_error(client.get("/api/v1/analyse"), 405)


def test_api_attributions_filters(client):
    rows = client.get("/api/v1/attributions", params={"stance": "deny"}).json()["items"]
    assert rows and all(r["stance"] == "deny" for r in rows)
    anon = client.get("/api/v1/attributions", params={"source_type": "anonymous"}).json()["items"]
    assert anon and all(r["source_type"] == "anonymous" for r in anon)
    one = client.get("/api/v1/attributions", params={"doc_id": "sada-2026-04-03-dam-denial"}).json()["items"]
    assert one and {r["doc_id"] for r in one} == {"sada-2026-04-03-dam-denial"}
    assert all(r["id"] == f"{r['doc_id']}#{r['idx']}" for r in one)
    later = client.get("/api/v1/attributions", params={"since": "2026-04-03"}).json()["items"]
    assert later and all(r["published"] >= "2026-04-03" for r in later)


def test_api_speakers_and_profile(client):
    rows = client.get("/api/v1/speakers", params={"limit": 50}).json()["items"]
    names = [r["name"] for r in rows]
    assert "خالد الرفاعي" in names
    p = client.get("/api/v1/speakers/profile", params={"name": "خالد الرفاعي"}).json()
    assert p["statements"] >= 2 and p["stances"].get("deny", 0) >= 2
    assert p["outlets"] == {"إذاعة الصدى": p["statements"]}
    assert all(c["speaker"] == "خالد الرفاعي" for c in p["claims"])


def test_api_stories_group_the_dam_articles(client):
    page = client.get("/api/v1/stories").json()
    dam = [s for s in page["items"] if "nour-2026-04-02-dam" in s["doc_ids"]]
    assert len(dam) == 1 and "fajr-2026-04-02-dam" in dam[0]["doc_ids"]
    one = client.get(f"/api/v1/stories/{dam[0]['cluster']}").json()
    assert one == dam[0]
    assert client.get("/api/v1/stories", params={"min_size": 2}).json()["total"] >= 1


def test_api_claim_groups_links_and_denials(client):
    groups = client.get("/api/v1/claims").json()
    assert groups["total"] >= 1
    same = [g for g in groups["items"] if len(g["claims"]) >= 2]
    assert same, "the agency claim and its newspaper repetition form one group"
    g = same[0]
    assert {c["doc_id"] for c in g["claims"]} >= {"nour-2026-04-02-dam", "fajr-2026-04-02-dam"}
    assert any(o["relation"] == "denies" and o["theirs"]["doc_id"] == "sada-2026-04-03-dam-denial"
               for o in g["opposing"])
    first = g["claims"][0]
    by_claim = client.get("/api/v1/claims/group", params={"doc_id": first["doc_id"], "idx": first["idx"]}).json()
    assert by_claim["id"] == g["id"]
    links = client.get("/api/v1/links", params={"relation": "denies"}).json()
    assert links["total"] >= 1 and all(l["relation"] == "denies" for l in links["items"])


def test_api_outlets_compared(client):
    rows = {o["outlet"]: o for o in client.get("/api/v1/outlets").json()}
    fajr = rows["صحيفة الفجر"]
    assert fajr["documents"] >= 1 and 0 <= fajr["anonymous_share"] <= 1
    assert fajr["via_share"] > 0, "the newspaper quotes the agency"
    assert rows["وكالة النور للأنباء"]["anonymous_share"] > 0


def test_api_search_with_filters(client):
    hits = client.get("/api/v1/search", params={"q": "تصدعات"}).json()["items"]
    assert {h["doc_id"] for h in hits} >= {"nour-2026-04-02-dam", "sada-2026-04-03-dam-denial"}
    for h in hits:
        for s, e in h["highlights"]:
            assert s >= h["snippet_start"] and e <= h["snippet_start"] + len(h["snippet"])
    only = client.get("/api/v1/search", params={"q": "تصدعات", "outlet": "إذاعة الصدى"}).json()["items"]
    assert [h["doc_id"] for h in only] == ["sada-2026-04-03-dam-denial"]
    anon = client.get("/api/v1/search", params={"q": "تصدعات", "anonymous": "true"}).json()["items"]
    assert anon and "sada-2026-04-03-dam-denial" not in {h["doc_id"] for h in anon}
    browse = client.get("/api/v1/search", params={"stance": "deny"}).json()["items"]
    assert [h["doc_id"] for h in browse] == ["sada-2026-04-03-dam-denial"]
    assert client.get("/api/v1/search").json()["items"] == []


def test_api_analyse_does_not_store(client):
    before = client.get("/api/v1/documents").json()["total"]
    r = client.post("/api/v1/analyse", json={
        "text": "الأمطار تغمر الشوارع\n\nوقال مدير الدفاع المدني سامي العلي إن فرق الإنقاذ أجلت عشرين أسرة.",
        "published": "2026-04-06"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["title"] == "الأمطار تغمر الشوارع" and d["published"].startswith("2026-04-06")
    assert any("العلي" in (a.get("source") or "") for a in d["attributions"])
    assert client.get("/api/v1/documents").json()["total"] == before


@pytest.mark.parametrize("body,status", [
    ({}, 422), ({"text": ""}, 422), ({"text": "   "}, 400), ({"text": 5}, 422),
    ({"text": "نص", "published": "not a date"}, 400),
])
def test_api_analyse_bad_bodies(client, body, status):
    assert_error(client.post("/api/v1/analyse", json=body), status)


def test_api_analyse_invalid_json_is_422(client):
    r = client.post("/api/v1/analyse", content=b"{not json", headers={"content-type": "application/json"})
    assert_error(r, 422)


def test_api_document_with_markup_is_returned_verbatim_as_json(client):
    d = client.get(f"/api/v1/documents/{XSS_ID}")
    assert d.headers["content-type"].startswith("application/json")
    assert "<script>" in d.json()["title"]  # data, not HTML: JSON consumers escape it themselves


@pytest.mark.parametrize("text", ['"', '""', "*", "(", "NEAR(a b)", "a:b", "^", "-", "'", "\\", "\x00", "%", "_",
                                  'سد"', "ـــ", "\u200f", "🙂"])
def test_api_odd_search_input_never_500(client, text):
    for url, params in (("/api/v1/search", {"q": text}), ("/search", {"q": text}),
                        ("/api/v1/search", {"q": "السد", "speaker": text, "entity": text}),
                        ("/api/v1/attributions", {"speaker": text, "outlet": text}),
                        ("/api/v1/speakers/profile", {"name": text}), ("/speaker", {"name": text}),
                        ("/api/v1/claims/group", {"doc_id": text, "idx": 0})):
        assert client.get(url, params=params).status_code < 500, (url, params)
