"""The FastAPI application: ``create_app(db)`` wires the store, the pages, the JSON API and
the hardening middleware together."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from rawi import __version__
from rawi.store import is_postgres_url
from rawi.web import errors
from rawi.web.queries import CorpusCache, StoreProvider, check_store
from rawi.web.security import (MAX_BODY_BYTES, BodyLimitMiddleware, RateLimiter, RateLimitMiddleware,
                               SecurityHeadersMiddleware)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def make_templates() -> Jinja2Templates:
    """Jinja2 with autoescaping on for every template (all article data is untrusted)."""
    from rawi.web.pages import register_filters

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    register_filters(env)
    return Jinja2Templates(env=env)


def create_app(db: str, *, ingest_token: str | None = None, readonly: bool = True,
               rate_limit: int | None = 300, rate_window: float = 60.0,
               max_body: int = MAX_BODY_BYTES, warm: bool = False) -> FastAPI:
    """The rawi web app over the store at ``db`` (a SQLite file or a postgresql:// URL).

    Read-only unless ``readonly=False``; ``POST /api/v1/ingest`` works only when
    ``ingest_token`` is set and the app is not read-only. ``rate_limit`` requests per
    ``rate_window`` seconds per client (None or 0: no limit); bodies over ``max_body`` → 413.
    Stories and claim links are read as ``rawi ingest`` stored them; a store written before
    they were stored is refused with the command that adds them. ``warm``: compute the cached
    outlet figures in a background thread at start-up.
    """
    if readonly and not is_postgres_url(db) and not Path(db).exists():
        from rawi.store.base import StoreUnavailable

        raise StoreUnavailable(str(db), "no store here (run `rawi ingest PATH --db FILE` first)")
    provider = StoreProvider(str(db), readonly=readonly)
    problem = check_store(provider.get())
    if problem:
        from rawi.store.base import StoreUnavailable

        provider.close()
        raise StoreUnavailable(str(db), problem)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            def _warm() -> None:
                try:
                    cache.warm(provider.get())
                except Exception:  # noqa: BLE001 - a request will compute (and report) it again
                    errors.log.exception("warming the corpus cache failed")

            threading.Thread(target=_warm, name="rawi-warm", daemon=True).start()
        yield
        provider.close()

    app = FastAPI(title="rawi", version=__version__, lifespan=lifespan,
                  description="rawi (راوي): who said what, on whose authority, when — in Arabic news.",
                  openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None)
    app.state.provider = provider
    app.state.cache = cache = CorpusCache()
    app.state.ingest_token = ingest_token or None
    app.state.readonly = readonly
    app.state.ingest_lock = threading.Lock()
    app.state.templates = make_templates()
    errors.install(app)

    from rawi.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC), follow_symlink=False), name="static")

    # Outermost last: headers wrap everything, including the 413/429 answers.
    limiter = RateLimiter(rate_limit, rate_window) if rate_limit else None
    app.add_middleware(RateLimitMiddleware, limiter=limiter)
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
