"""The web app: wires the SPARQL endpoint, the query page, caching and CORS (Starlette).

Logic lives elsewhere: the protocol in :mod:`graph.web.protocol`, every
query goes through the safe query layer :mod:`graph.sparql` (time limit,
no updates, no fetching), the page in :mod:`graph.web.page`. The graph is
passed in, never loaded here.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph.sparql import Limits, QueryError, QueryPool
from graph.store import KnowledgeGraph
from graph.web.dataset import DatasetFiles
from graph.web.protocol import ProtocolError, negotiate, parse_request, wants_html
from graph.web.protocol import media_type as result_media_type

__all__ = ["Settings", "ResultCache", "create_app", "STATIC_DIR"]

log = logging.getLogger("kennisgraaf.web")
STATIC_DIR = Path(__file__).parent / "static"
# an IRI reference without a scheme, e.g. <s> or <../x>: the query needs a base IRI
_RELATIVE_IRI = re.compile(r"<(?![A-Za-z][A-Za-z0-9+.-]*:)[^<>\"{}|^`\\\x00-\x20]*>")


@dataclass(frozen=True)
class Settings:
    """How the endpoint runs.

    ``timeout`` (seconds), ``max_bytes`` (of a serialized answer: answers are limited by size, not by
    rows) and ``max_length`` (characters of the query) are the per-query limits;
    ``workers`` query processes; ``cache_entries`` = 0 turns the result cache off; ``build_id`` names the
    build for ETags when no watched files are given; ``warm_site`` builds the web site's index in the
    background at start (and before a new build is switched in), so no visitor waits for it.
    """

    timeout: float = 10.0
    max_bytes: int = 64 * 1024 * 1024
    max_length: int = 100_000
    workers: int = 2
    cache_entries: int = 512
    cache_bytes: int = 64 * 1024 * 1024
    build_id: str | None = None
    reload_check: float = 1.0
    warm_site: bool = False

    def limits(self) -> Limits:
        return Limits(timeout=self.timeout, max_rows=None, max_bytes=self.max_bytes,
                      max_length=self.max_length)


class ResultCache:
    """A bounded LRU cache of serialized results (by entry count and total bytes).

    >>> c = ResultCache(entries=2, max_bytes=100)
    >>> c.put("a", b"1"); c.put("b", b"2"); c.put("c", b"3")
    >>> c.get("a") is None, c.get("c")
    (True, b'3')
    """

    def __init__(self, entries: int, max_bytes: int) -> None:
        self.entries, self.max_bytes = entries, max_bytes
        self._data: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: str, value: bytes) -> None:
        if self.entries <= 0 or len(value) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._data.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._data[key] = value
            self._size += len(value)
            while len(self._data) > self.entries or self._size > self.max_bytes:
                _, dropped = self._data.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._data)


class _Backend:
    """One loaded build: its query pool, its identity, its cache."""

    def __init__(self, kg: KnowledgeGraph, settings: Settings, build_id: str, last_modified: float) -> None:
        self.kg = kg  # the web site (graph.site) reads its pages from the loaded graph
        self.graphs = set(kg.named_graphs())
        self.pool = QueryPool(kg.store, workers=settings.workers, limits=settings.limits())
        self.build_id = build_id
        self.last_modified = last_modified
        self.cache = ResultCache(settings.cache_entries, settings.cache_bytes)

    def close(self) -> None:
        self.pool.close()


class _State:
    """The current backend, swapped when the watched files change (a new build)."""

    def __init__(self, kg: KnowledgeGraph, settings: Settings, files: DatasetFiles | None) -> None:
        self.settings, self.files = settings, files
        build_id = files.signature() if files else settings.build_id or f"start-{time.time_ns():x}"
        modified = files.last_modified() if files else time.time()
        self.backend = _Backend(kg, settings, build_id, modified)
        self._checked = time.monotonic()
        self._reloading = False
        if settings.warm_site:
            threading.Thread(target=_warm_site, args=(kg,), daemon=True, name="site-index").start()

    def maybe_reload(self) -> None:
        if not self.files or self._reloading or time.monotonic() - self._checked < self.settings.reload_check:
            return
        self._checked = time.monotonic()
        try:
            signature = self.files.signature()
        except OSError:  # a build is moving files into place; look again later
            return
        if signature != self.backend.build_id:
            self._reloading = True
            threading.Thread(target=self._reload, args=(signature,), daemon=True).start()

    def _reload(self, signature: str) -> None:
        try:
            kg = self.files.load()
            if self.settings.warm_site:
                _warm_site(kg)  # before the switch: visitors keep the old build's pages meanwhile
            new = _Backend(kg, self.settings, signature, self.files.last_modified())
            old, self.backend = self.backend, new
            log.warning("new build loaded (%s); cache cleared", signature)
            # queries still running on the old pool finish within the time limit
            threading.Timer(self.settings.timeout + 5, old.close).start()
        except Exception:  # noqa: BLE001 - keep serving the old build
            log.exception("could not load the new build; still serving the previous one")
        finally:
            self._reloading = False


def _warm_site(kg: KnowledgeGraph) -> None:
    from graph.site.index import site_index

    started = time.perf_counter()
    try:
        site_index(kg)
    except Exception:  # noqa: BLE001 - the first visitor will build it (and see the error) instead
        log.exception("could not build the site index in the background")
        return
    log.info("site index built in %.1f s", time.perf_counter() - started)


def _etag(*parts: str) -> str:
    return '"' + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32] + '"'


def _not_modified(request: Request, etag: str, last_modified: float) -> bool:
    inm = request.headers.get("if-none-match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return etag in tags or "*" in tags
    ims = request.headers.get("if-modified-since")
    if ims:
        try:
            return int(last_modified) <= parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, f"the request body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(kg: KnowledgeGraph, settings: Settings | None = None, *, files: DatasetFiles | None = None,
               examples: list[dict] | None = None) -> Starlette:
    """Build the web app over a loaded graph.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph to serve (read-only).
    settings : Settings, optional
        Limits, workers and cache.
    files : DatasetFiles, optional
        The files ``kg`` was loaded from: their identity gives the ETag and Last-Modified, and when they
        change (a new build) the server loads them again and drops its cache.
    examples : list of dict, optional
        Example queries for the page (``{"titel", "query"}``); default: the competency questions.

    Returns
    -------
    starlette.applications.Starlette
        Routes ``/sparql`` (protocol endpoint, query page, service description), ``/static``.

    Examples
    --------
    >>> from starlette.testclient import TestClient       # doctest: +SKIP
    >>> app = create_app(graph.load())                     # doctest: +SKIP
    """
    from graph.site.routes import site_routes
    from graph.web.page import PAGE_CSP, page_html, service_description

    settings = settings or Settings()
    state = _State(kg, settings, files)
    body_limit = settings.max_length * 4 + 4096

    async def sparql(request: Request) -> Response:
        state.maybe_reload()
        backend = state.backend
        accept = request.headers.get("accept")
        try:
            body = await _read_body(request, body_limit) if request.method == "POST" else b""
            req = parse_request(request.method, request.scope.get("query_string", b""),
                                request.headers.get("content-type"), body)
            if req is None:
                if wants_html(accept):
                    html = page_html(examples, timeout=settings.timeout)
                    return Response(html, media_type="text/html; charset=utf-8",
                                    headers={"Vary": "Accept", "Content-Security-Policy": PAGE_CSP,
                                             "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff"})
                endpoint = str(request.url.replace(query=""))
                return Response(service_description(endpoint, sorted(backend.graphs)),
                                media_type="text/turtle; charset=utf-8", headers={"Vary": "Accept"})
            default_graph, named_graphs = list(req.default_graphs) or None, list(req.named_graphs) or None
            kind = backend.pool.check(req.query, default_graph, named_graphs)  # messages point into the query
            query = req.query
            if _RELATIVE_IRI.search(query):
                # relative IRIs resolve against the endpoint (the protocol's "service-defined BASE URI"); on the
                # first line, so later lines keep their numbers
                query = f"BASE <{request.url.replace(query='', fragment='')}> {query}"
            fmt = negotiate(accept, kind, req.format_hint)
            etag = _etag(backend.build_id, fmt, query, *req.default_graphs, "\x1e", *req.named_graphs)
            headers = {"ETag": etag, "Last-Modified": formatdate(backend.last_modified, usegmt=True),
                       "Vary": "Accept", "Cache-Control": "no-cache"}
            if _not_modified(request, etag, backend.last_modified):
                return Response(status_code=304, headers=headers)
            data = backend.cache.get(etag)
            headers["X-Cache"] = "hit" if data is not None else "miss"
            if data is None:
                data = await run_in_threadpool(backend.pool.execute, query, serialize=fmt,
                                               default_graph=default_graph, named_graphs=named_graphs)
                backend.cache.put(etag, data)
            return Response(data, media_type=result_media_type(fmt), headers=headers)
        except ProtocolError as exc:
            return _error(exc.status, exc.message, exc.headers)
        except QueryError as exc:
            return _error(getattr(exc, "status", 400), exc.message)

    async def favicon(request: Request) -> Response:
        # no icon, said so without a 404 (which a browser reports as a console error on every page)
        return Response(status_code=204, headers={"Cache-Control": "public, max-age=86400"})

    async def on_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error(500, "internal error: the query could not be answered; the server log has the details")

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        state.backend.close()

    methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    app = Starlette(
        routes=[
            Route("/sparql", sparql, methods=methods),
            Route("/sparql/", sparql, methods=methods),
            Route("/favicon.ico", favicon),
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
            *site_routes(lambda: state.backend),  # the web site (graph.site), last: it ends with the 404 page
        ],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["Accept", "Content-Type", "If-None-Match", "If-Modified-Since"],
                               expose_headers=["ETag", "Last-Modified", "X-Cache"], allow_credentials=False,
                               max_age=3600)],
        exception_handlers={Exception: on_error},
        lifespan=lifespan,
    )
    app.state.kennisgraaf = state
    return app
