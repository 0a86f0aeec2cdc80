"""The site's routes, wired into the app by :func:`graph.web.app.create_app` (``site_routes``).

Each route looks up the current graph, calls one library function of :mod:`graph.site` and sends the
result with the security headers; nothing here computes or queries on its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph.site.index import site_index
from graph.site.linkeddata import MEDIA_TYPES, choose_format
from graph.site.paths import iri_for, page_path, split_suffix
from graph.site.security import security_headers

__all__ = ["site_routes", "STATIC_DIR"]

STATIC_DIR = Path(__file__).parent / "static"


def _html(body: str, status: int = 200, *, framable: bool = False) -> Response:
    return Response(body, status_code=status, media_type=MEDIA_TYPES["html"],
                    headers=security_headers(framable=framable))


_PAGES_LOCK = threading.Lock()


def _cached(ix, key: tuple, make: Callable, limit: int = 2048):
    """A page rendered once per graph (the data cannot change while one build is served), LRU-bounded."""
    pages = ix.cache.setdefault("pages", OrderedDict())
    with _PAGES_LOCK:
        if key in pages:
            pages.move_to_end(key)
            return pages[key]
    value = make()
    with _PAGES_LOCK:
        pages[key] = value
        while len(pages) > limit:
            pages.popitem(last=False)
    return value


def site_routes(current: Callable) -> list:
    """The routes of the web site; ``current()`` returns the backend being served (``.kg``: the loaded
    :class:`~graph.store.KnowledgeGraph`, ``.pool``: its :class:`~graph.sparql.QueryPool`).

    Ends with a catch-all that answers the helpful 404 page, so put these routes last.
    (``Settings.warm_site`` in :mod:`graph.web.app` builds the site index in the background at start.)
    """
    from graph.site.compare import compare_page
    from graph.site.dumps import DUMPS, dump_bytes, void_turtle
    from graph.site.entity import entity_page
    from graph.site.home import home_page
    from graph.site.linkeddata import describe
    from graph.site.mappage import map_page
    from graph.site.notfound import not_found_page
    from graph.site.render import render
    from graph.site.search import search
    from graph.site.source import source_page

    def index():
        return site_index(current().kg)

    def base(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def home(request: Request) -> Response:
        ix = index()
        return _html(_cached(ix, ("home",), lambda: home_page(ix)))

    def find(request: Request) -> Response:
        status, location, body = search(index(), request.query_params.get("q", ""))
        if location:
            return RedirectResponse(location, status_code=303, headers=security_headers())
        return _html(body, status)

    def compare(request: Request) -> Response:
        ix, values = index(), request.query_params.getlist("g")[:12]
        status, body = _cached(ix, ("compare", *values), lambda: compare_page(ix, values))
        return _html(body, status)

    def data(request: Request) -> Response:
        dumps = [(name, f"/data/{name}", what) for name, (_, _, what) in DUMPS.items()]
        return _html(render("data.html", index(), title="Data downloaden", dumps=dumps))

    def dump(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in DUMPS:
            return not_found(request)
        backend = current()
        body = dump_bytes(backend.kg, name, index().cache)
        headers = security_headers() | {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(body, media_type="application/gzip", headers=headers)

    def void(request: Request) -> Response:
        return Response(void_turtle(current().pool, base(request)), media_type=MEDIA_TYPES["ttl"],
                        headers=security_headers())

    def thing(request: Request) -> Response:
        kind, (slug, fmt) = request.path_params["kind"], split_suffix(request.path_params["slug"])
        iri = iri_for(kind, slug)
        ix = index()
        if iri is None or not ix.exists(iri):
            return _html(not_found_page(ix, request.url.path, iri=iri or None), 404)
        if fmt is None:  # the thing itself: 303 to the document asked for (Cool URIs, section 4.3)
            chosen = choose_format(request.headers.get("accept"))
            if chosen is None:
                return Response("Niet beschikbaar in dit formaat; kies text/html, text/turtle, "
                                "application/n-triples of application/ld+json.\n", status_code=406,
                                media_type="text/plain; charset=utf-8", headers=security_headers() | {"Vary": "Accept"})
            return RedirectResponse(page_path(iri, chosen), status_code=303,
                                    headers=security_headers() | {"Vary": "Accept"})
        if fmt != "html":
            return Response(describe(current().pool, iri, fmt), media_type=MEDIA_TYPES[fmt],
                            headers=security_headers())
        def make():
            page = source_page(ix, slug) if kind == "bron" else None
            return page or entity_page(ix, iri, base_url=base(request))

        return _html(_cached(ix, ("entity", iri, base(request)), make))

    def kaart(request: Request) -> Response:
        iri = iri_for(request.path_params["kind"], request.path_params["slug"])
        ix = index()
        page = map_page(ix, iri) if iri and ix.exists(iri) else None
        if page is None:
            return _html(not_found_page(ix, request.url.path, iri=None), 404)
        return _html(page, framable=True)

    def not_found(request: Request) -> Response:
        return _html(not_found_page(index(), request.url.path), 404)

    get = ["GET", "HEAD"]
    return [
        Route("/", home, methods=get),
        Route("/zoek", find, methods=get),
        Route("/vergelijk", compare, methods=get),
        Route("/data", data, methods=get),
        Route("/data/{name}", dump, methods=get),
        Route("/.well-known/void", void, methods=get),
        Route("/id/{kind}/{slug}", thing, methods=get),
        Route("/kaart/{kind}/{slug}", kaart, methods=get),
        Mount("/site/static", StaticFiles(directory=STATIC_DIR), name="site-static"),
        Route("/{path:path}", not_found, methods=get),
    ]
