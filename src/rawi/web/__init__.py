"""rawi's web UI and HTTP API (``rawi serve``): server-rendered Arabic pages and JSON under /api/v1."""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):  # noqa: ANN002, ANN003, ANN201 - re-export without importing FastAPI eagerly
    """See :func:`rawi.web.app.create_app`."""
    from rawi.web.app import create_app as _create

    return _create(*args, **kwargs)
