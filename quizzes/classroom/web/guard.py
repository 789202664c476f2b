"""What every request passes before a page sees it: its size, its rate, where it comes
from (Origin, and Host when the server listens on this computer only), and the headers
every answer carries. Plain ASGI, so it wraps the app whole."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

BROWSER_COOKIE = "cb_browser"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD"})

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        b"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class Bucket:
    """A token bucket: ``rate`` requests a second on average, ``burst`` at once."""

    __slots__ = ("stamp", "tokens")

    def __init__(self, burst: float, now: float) -> None:
        self.tokens = burst
        self.stamp = now

    def take(self, rate: float, burst: float, now: float) -> bool:
        self.tokens = min(burst, self.tokens + (now - self.stamp) * rate)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class Guard:
    """Refuses with a short plain page: 413 for a body over ``max_body`` bytes, 429 for a
    browser over its rate, 403 for a form or request sent from another origin (or with
    none named), 421 for a Host that is not this computer when listening on loopback.

    A browser is limited by its cookie, not its address: a classroom behind one router
    shares an address. Requests without the cookie (a first visit) share one bucket."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        loopback_only: bool,
        allowed_origins: tuple[str, ...] = (),
        max_body: int = 16 * 1024,
        rate: float = 10.0,
        burst: float = 60.0,
        anonymous_rate: float = 200.0,
        anonymous_burst: float = 1000.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.loopback_only = loopback_only
        self.allowed = {o.rstrip("/").lower() for o in allowed_origins}
        self.max_body = max_body
        self.rate, self.burst = rate, burst
        self.anonymous_rate, self.anonymous_burst = anonymous_rate, anonymous_burst
        self.clock = clock
        self.buckets: dict[str, Bucket] = {}
        self.anonymous = Bucket(anonymous_burst, clock())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            # Nothing here speaks websocket: refuse every one, from any origin.
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refused = self._refusal(scope, headers)
        if refused is not None:
            await _plain(send, *refused)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        received = 0

        async def counted() -> Message:
            # A body sent in chunks without a length is cut off at the limit: the page
            # reading it sees the client gone and answers 413.
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if self.loopback_only and _hostname(host) not in LOOPBACK:
            return 421, "This server answers only at its own address on this computer."
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return 413, "That request is too large."
        browser = _cookie(headers.get("cookie", ""), BROWSER_COOKIE)
        now = self.clock()
        if browser:
            bucket = self.buckets.get(browser)
            if bucket is None:
                if len(self.buckets) > 100_000:
                    self.buckets.clear()  # a flood of made-up cookies forgets, not grows
                bucket = self.buckets[browser] = Bucket(self.burst, now)
            allowed = bucket.take(self.rate, self.burst, now)
        else:
            allowed = self.anonymous.take(self.anonymous_rate, self.anonymous_burst, now)
        if not allowed:
            return 429, "Too many requests: wait a moment, then try again."
        if scope["method"] not in SAFE_METHODS and not self._same_origin(headers, host):
            return 403, "This form was sent from another site, so it was refused."
        return None

    def _same_origin(self, headers: dict[str, str], host: str) -> bool:
        origin = headers.get("origin")
        if not origin or origin == "null":
            origin = headers.get("referer")
        if not origin:
            return False  # browsers name the origin of every form they send
        parts = urlsplit(origin)
        if f"{parts.scheme}://{parts.netloc}".lower() in self.allowed:
            return True
        return bool(parts.netloc) and _netloc(parts.netloc) == _netloc(host)


def _netloc(text: str) -> str:
    text = text.lower()
    for default in (":80", ":443"):
        if text.endswith(default):
            return text[: -len(default)]
    return text


def _hostname(host: str) -> str:
    host = host.lower()
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _cookie(header: str, name: str) -> str | None:
    if not header:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # a malformed header is no cookie
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


async def _plain(send: Send, status: int, text: str) -> None:
    body = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Refused</title>"
        f"<main><h1>Refused</h1><p>{text}</p></main></html>"
    ).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
    ]
    if status == 429:
        headers.append((b"retry-after", b"2"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
