"""An ASGI layer in front of the app: security headers, request size and rate limits, timeouts.

Plain ASGI rather than Starlette middleware, so a body over the limit is refused while it streams in
and nothing here buffers a response.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import orjson

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


@dataclass
class Limits:
    max_body_bytes: int = 8 * 1024 * 1024
    rate_per_second: float = 50.0  # per client address; 0 turns the limit off
    burst: int = 200
    timeout_s: float = 30.0
    write_timeout_s: float = 300.0  # ingest parses and extracts: slower by nature


@dataclass
class _Bucket:
    tokens: float
    stamp: float = field(default_factory=time.monotonic)


class RateLimiter:
    """A token bucket per client address."""

    def __init__(self, rate: float, burst: int, max_clients: int = 10_000) -> None:
        self.rate, self.burst, self.max_clients = rate, burst, max_clients
        self.buckets: dict[str, _Bucket] = {}

    def allow(self, client: str) -> bool:
        if self.rate <= 0:
            return True
        now = time.monotonic()
        bucket = self.buckets.get(client)
        if bucket is None:
            if len(self.buckets) >= self.max_clients:  # forget the idle, so memory stays bounded
                self.buckets = {k: b for k, b in self.buckets.items() if now - b.stamp < 60}
            bucket = self.buckets[client] = _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


class Guard:
    def __init__(self, app, limits: Limits) -> None:
        self.app = app
        self.limits = limits
        self.rate = RateLimiter(limits.rate_per_second, limits.burst)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        if not self.rate.allow(client):
            await _plain(send, 429, "too many requests", [(b"retry-after", b"1")])
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limits.max_body_bytes:
            await _plain(send, 413, f"request body over {self.limits.max_body_bytes} bytes")
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            try:  # a body trickled in slowly must not hold a worker forever
                body = await asyncio.wait_for(_read_body(receive, self.limits.max_body_bytes), self.limits.timeout_s)
            except TimeoutError:
                await _plain(send, 408, f"request body not received within {self.limits.timeout_s:g} s")
                return
            if body is None:
                await _plain(send, 413, f"request body over {self.limits.max_body_bytes} bytes")
                return
            receive = _replay(body)
        started = False

        async def secured_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        timeout = self.limits.write_timeout_s if scope["method"] in ("POST", "PUT") else self.limits.timeout_s
        try:
            await asyncio.wait_for(self.app(scope, receive, secured_send), timeout)
        except TimeoutError:
            if not started:
                await _plain(send, 503, f"request took longer than {timeout:g} s")


async def _read_body(receive, limit: int) -> bytes | None:
    """The whole request body, or None as soon as it grows past ``limit`` (a chunked body declares no length)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes):
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _content_length(scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _plain(send, status: int, detail: str, extra: list | None = None) -> None:
    body = orjson.dumps({"detail": detail})
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"content-security-policy", CSP.encode()), *SECURITY_HEADERS, *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
