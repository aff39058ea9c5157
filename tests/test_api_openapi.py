"""The OpenAPI schema at /api/v1/openapi.json documents every API route with declared models."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi")

from browser.webcorpus import built_store  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.routing import APIRoute  # noqa: E402
    from fastapi.testclient import TestClient  # noqa: E402

from rawi.web import api, pages  # noqa: E402
from rawi.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def app():
    return create_app(built_store(), rate_limit=None)


@pytest.fixture(scope="module")
def schema(app):
    r = TestClient(app).get("/api/v1/openapi.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    return r.json()


def _openapi_path(route: APIRoute) -> str:
    return route.path_format


def test_api_openapi_documents_every_api_route(app, schema):
    api_routes = [r for r in api.router.routes if isinstance(r, APIRoute)]
    assert all(r.path.startswith("/api/v1/") for r in api_routes)
    assert len(api_routes) >= 14
    for route in api_routes:
        path = _openapi_path(route)
        assert path in schema["paths"], f"{path} missing from the OpenAPI schema"
        for method in route.methods:
            op = schema["paths"][path][method.lower()]
            assert op.get("summary"), f"{method} {path} has no summary"
            ok = op["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in ok or ok.get("type") == "array", f"{method} {path}: 200 has no model"
            for status in ("404", "422", "429"):
                err = op["responses"][status]["content"]["application/json"]["schema"]
                assert err["$ref"].endswith("/ErrorBody"), f"{method} {path}: {status} not ErrorBody"


def test_api_openapi_lists_no_html_pages(app, schema):
    assert all(p.startswith("/api/v1/") for p in schema["paths"]), sorted(schema["paths"])
    html = {r.path for r in pages.router.routes if isinstance(r, APIRoute)}
    assert not any(p.startswith("/api/") for p in html)
    assert {"/search", "/article/{doc_id:path}", "/speaker", "/story/{story_id}", "/claim", "/outlets",
            "/analyse"} <= html


def test_api_openapi_models_are_declared(schema):
    models = schema["components"]["schemas"]
    for name in ("ErrorBody", "DocumentList", "AnalysedDocument", "ClaimList", "SpeakerList",
                 "SpeakerProfileOut", "StoryList", "ClaimGroupList", "LinkList", "SearchResult",
                 "OutletOut", "AnalyseRequest", "IngestRequest", "IngestResult"):
        assert name in models, name
    assert models["ErrorBody"]["properties"]["error"]["$ref"].endswith("/ErrorDetail")
    stance = schema["paths"]["/api/v1/attributions"]["get"]["parameters"]
    assert any(p["name"] == "stance" for p in stance)


def test_api_openapi_has_no_docs_pages_needing_scripts(app):
    c = TestClient(app, raise_server_exceptions=False)
    assert c.get("/docs").status_code == 404 and c.get("/redoc").status_code == 404
