"""HTTP hardening for the web app: security headers, a request body limit, a per-client rate
limit and a constant-time token check. Pure ASGI middleware (no per-request Python objects
beyond what Starlette already builds)."""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import deque
from typing import Any, Awaitable, Callable

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: No script at all: every page is server-rendered and works without JavaScript.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
MAX_BODY_BYTES = 2 * 1024 * 1024


def tokens_match(given: str | None, expected: str | None) -> bool:
    """True when ``given`` equals the configured token (compared in constant time)."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def error_payload(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()


async def send_error(send: Send, status: int, code: str, message: str,
                     extra: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    body = error_payload(code, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS, *extra]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    """Adds the CSP and the other security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *(h for h in SECURITY_HEADERS if h[0] not in present)]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuses request bodies over ``max_bytes`` with 413 (by Content-Length, or while reading)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request body larger than {self.max_bytes} bytes"
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    too_big = int(v) > self.max_bytes
                except ValueError:
                    await send_error(send, 400, "bad_request", "invalid Content-Length header")
                    return
                if too_big:
                    await send_error(send, 413, "payload_too_large", message)
                    return
        seen = 0
        exceeded = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal seen, exceeded
            if exceeded:
                return {"type": "http.disconnect"}
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:  # stop reading; the app's answer is replaced below
                    exceeded = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return msg

        replaced = False

        async def guarded_send(msg: dict[str, Any]) -> None:
            nonlocal replaced
            if exceeded:
                if not replaced:
                    replaced = True
                    await send_error(send, 413, "payload_too_large", message)
                return
            await send(msg)

        await self.app(scope, limited_receive, guarded_send)
        if exceeded and not replaced:
            await send_error(send, 413, "payload_too_large", message)


class RateLimiter:
    """A sliding-window limit of ``limit`` requests per ``window`` seconds for each client."""

    def __init__(self, limit: int, window: float = 60.0, max_clients: int = 10_000) -> None:
        self.limit, self.window, self.max_clients = limit, window, max_clients
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> tuple[bool, float]:
        """``(allowed, seconds until the next request would be allowed)``."""
        now = time.monotonic() if now is None else now
        with self._lock:
            q = self._hits.get(client)
            if q is None:
                if len(self._hits) >= self.max_clients:  # forget idle clients first
                    for key in [k for k, d in self._hits.items() if not d or d[-1] < now - self.window]:
                        del self._hits[key]
                q = self._hits[client] = deque()
            while q and q[0] <= now - self.window:
                q.popleft()
            if len(q) >= self.limit:
                return False, max(0.0, q[0] + self.window - now)
            q.append(now)
            return True, 0.0


class RateLimitMiddleware:
    """429 with ``Retry-After`` once a client (by remote address) exceeds the limit.

    Static files are not counted."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter | None) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.limiter is None or scope.get("path", "").startswith("/static/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        ok, wait = self.limiter.allow(str(client))
        if not ok:
            secs = max(1, int(wait + 0.999))
            await send_error(send, 429, "rate_limited",
                             f"too many requests: at most {self.limiter.limit} per "
                             f"{self.limiter.window:g} s; retry in {secs} s",
                             ((b"retry-after", str(secs).encode()),))
            return
        await self.app(scope, receive, send)
