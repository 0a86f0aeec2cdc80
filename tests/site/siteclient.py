"""A minimal in-process HTTP client for an ASGI app (Starlette's TestClient needs httpx2, not installed here)."""

from __future__ import annotations

import asyncio
import concurrent.futures
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Reply:
    status_code: int
    headers: dict[str, str]
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8")


class Client:
    """``Client(app).get(path, headers=...)`` runs one request through the app in this process."""

    def __init__(self, app, host: str = "testserver") -> None:
        self.app, self.host = app, host

    def get(self, target: str, headers: dict[str, str] | None = None, method: str = "GET") -> Reply:
        # in a thread of its own: Playwright's sync API keeps an event loop running in the test's thread
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, self._call(method, target, headers or {})).result()

    async def _call(self, method: str, target: str, headers: dict[str, str]) -> Reply:
        parts = urlsplit(target)
        raw = [(b"host", self.host.encode())] + [(k.lower().encode(), v.encode()) for k, v in headers.items()]
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": parts.path, "raw_path": parts.path.encode(),
                 "query_string": parts.query.encode(), "root_path": "", "headers": raw,
                 "client": ("127.0.0.1", 1234), "server": (self.host, 80)}
        sent = {"status": 0, "headers": [], "body": b""}
        done = False

        async def receive():
            nonlocal done
            if not done:
                done = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.sleep(3600)

        async def send(message):
            if message["type"] == "http.response.start":
                sent["status"], sent["headers"] = message["status"], message.get("headers", [])
            elif message["type"] == "http.response.body":
                sent["body"] += message.get("body", b"")

        await self.app(scope, receive, send)
        return Reply(sent["status"], {k.decode().lower(): v.decode() for k, v in sent["headers"]}, sent["body"])
