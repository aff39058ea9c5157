"""schemathesis against the served OpenAPI schema: generated requests for every operation
(paths, query parameters, bodies) must never get a server error (5xx). A short run here; the
long run is ``benchmarks/schemathesis_run.py``-style: raise RAWI_SCHEMATHESIS_EXAMPLES."""

from __future__ import annotations

import os
import warnings

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[test]')")

from browser.webcorpus import built_store  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from rawi.web.app import create_app  # noqa: E402

EXAMPLES = int(os.environ.get("RAWI_SCHEMATHESIS_EXAMPLES", "15"))
APP = create_app(built_store(), rate_limit=None, ingest_token="s3cret-token-for-tests")
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _lifespan():
    """schemathesis calls the app without its lifespan: run it (it opens the store) around
    the whole module."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with TestClient(APP):
        yield


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_schemathesis_no_server_error(case) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
