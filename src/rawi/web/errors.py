"""One error shape for the whole app: ``{"error": {"code": ..., "message": ...}}`` under
``/api/``, an escaped HTML page elsewhere. Bad parameters are 4xx with a message naming the
parameter, never 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("rawi.web")

CODES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "payload_too_large", 422: "invalid_parameter", 429: "rate_limited",
         500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An error with a status, a stable code and a one-line message."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message


def not_found(what: str) -> ApiError:
    return ApiError(404, f"no {what}")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                            headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "code": code, "message": message},
                                      status_code=status, headers=headers)


def _location(loc: tuple) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "body", "header", "form"):
        kind = {"query": "query parameter", "path": "path parameter", "body": "body",
                "header": "header", "form": "form field"}[parts[0]]
        rest = ".".join(parts[1:])
        return f"{kind} {rest!r}" if rest else kind
    return ".".join(parts) or "request"


def validation_message(exc: RequestValidationError) -> str:
    msgs = []
    for err in exc.errors()[:5]:
        msgs.append(f"{_location(tuple(err.get('loc', ())))}: {err.get('msg', 'invalid')}")
    return "; ".join(msgs) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid_parameter", validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(status, "error")
        if status == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        elif status == 405:
            message = f"method {request.method} not allowed on {request.url.path}"
        return error_response(request, status, CODES.get(status, "error"), message,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:  # pragma: no cover
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error", "internal error (see the server log)")
