"""ETag and Cache-Control on JSON reads, with 304 when the client's copy is current."""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHE_CONTROL = "no-cache"  # keep a copy, but ask each time: records change as texts arrive


class ETagMiddleware:
    """Tag 200 JSON answers to GET with a content hash; answer 304 to a matching If-None-Match.

    Streamed exports (CSV, NDJSON) pass through untouched, never buffered.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        wanted = Headers(scope=scope).get("if-none-match")
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False

        async def buffered_send(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                if message["status"] != 200 or not headers.get("content-type", "").startswith(
                    "application/json"
                ):
                    passing = True
                    await send(message)
                    return
                start = message
                return
            if passing:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            tag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
            assert start is not None
            headers = MutableHeaders(raw=start["headers"])
            headers["ETag"] = tag
            headers["Cache-Control"] = CACHE_CONTROL
            if wanted and tag in {t.strip() for t in wanted.split(",")}:
                del headers["content-length"]
                await send({**start, "status": 304})
                await send({"type": "http.response.body", "body": b""})
                return
            await send(start)
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffered_send)
