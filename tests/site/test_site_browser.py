"""The site in headless Chromium against the real server: every page type offline and error-free (with a
screenshot each), a crawl of the whole site, the compare page with two and five gemeenten, a map framed by
another site, and the XSS probe build."""

from __future__ import annotations

import concurrent.futures
import contextlib
import html.parser
import http.client
import http.server
import threading
from urllib.parse import urljoin, urlsplit

import pytest
from sitecheck import XSS, open_watch

from graph.maps import iframe_snippet

PAGE_TYPES = {
    "home": "/",
    "gemeente": "/id/gemeente/gm0503.html",
    "organisatie": "/id/organisatie/mee-delft.html",
    "samenwerkingsverband": None,  # found in the graph
    "initiatief": None,
    "bron": "/id/bron/004.html",
    "vergelijk": "/vergelijk?g=gemeente/gm0503&g=gemeente/gm0289",
    "zoeken": "/zoek?q=wijk",
    "data": "/data",
    "kaart": "/kaart/gemeente/gm0503",
}
INK_JS = """(root) => { const c = root.querySelector('canvas'); const g = c.getContext('2d');
  const d = g.getImageData(0, 0, c.width, c.height).data; let ink = 0;
  for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) ink++; }
  return ink; }"""
READY = "() => [...document.querySelectorAll('[data-kgmap]')].every(m => m.dataset.ready === 'true')"


def _origin(server) -> str:
    return f"http://127.0.0.1:{server.port}"


def _first_of(kg, cls: str) -> str:
    iri = kg.query(f"SELECT ?e WHERE {{ ?e a sd:{cls} }} ORDER BY ?e LIMIT 1")["e"][0]
    return iri.replace("https://w3id.org/sociaal-domein", "") + ".html"


@pytest.fixture(scope="module")
def page_types(kg):
    out = dict(PAGE_TYPES)
    out["samenwerkingsverband"] = _first_of(kg, "Samenwerkingsverband")
    out["initiatief"] = _first_of(kg, "Initiatief")
    return out


def _visit(watch, url: str):
    page = watch.page
    response = page.goto(url, wait_until="load")
    if page.query_selector("iframe.map"):  # the embedded map draws inside its frame
        frame = page.frame_locator("iframe.map")
        frame.locator("[data-kgmap][data-ready=true]").wait_for(timeout=60_000)
    if page.query_selector("[data-kgmap]"):
        page.wait_for_function(READY, timeout=60_000)
    return response


def test_every_page_type_loads_offline_without_errors(browser, site_server, page_types, screenshot_dir):
    origin = _origin(site_server)
    context, watch = open_watch(browser, (origin + "/",))
    try:
        for name, path in page_types.items():
            response = _visit(watch, origin + path)
            assert response.status in (200, 404), (name, response.status)
            assert watch.page.locator("h1, h2").count() > 0, name
            watch.page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=name != "bron")
            watch.clean()
        # the helpful 404 page (its own 404 status is the only console message)
        _visit(watch, origin + "/id/gemeente/gm9999")
        watch.page.screenshot(path=str(screenshot_dir / "404.png"))
        assert "gm9999" in watch.page.inner_text("main")
        assert all("404" in e for e in watch.errors)
        watch.errors.clear()
        watch.clean()
    finally:
        context.close()


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src", "action"):
            if a.get(key) and tag in ("a", "link", "iframe", "script", "img", "form"):
                self.links.append(a[key])


def test_crawl_from_home_finds_no_broken_link(site_server):
    """Every internal link, frame and style sheet, page by page from the home page: no 404, no 500."""
    port = site_server.port
    start = "/"
    seen, broken, queue = {start}, [], [start]

    def fetch(path: str):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request("GET", path, headers={"Accept": "text/html"})
            resp = conn.getresponse()
            body = resp.read()
            return path, resp.status, resp.getheader("content-type") or "", body
        finally:
            conn.close()

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        while queue:
            batch, queue = queue, []
            for path, status, ctype, body in pool.map(fetch, batch):
                if status >= 400:
                    broken.append((path, status))
                    continue
                if not ctype.startswith("text/html") or path.startswith(("/kaart/", "/sparql")):
                    continue
                parser = _Links()
                parser.feed(body.decode("utf-8"))
                for link in parser.links:
                    target = urlsplit(urljoin(f"http://127.0.0.1:{port}{path}", link))
                    if target.netloc != f"127.0.0.1:{port}" or target.path == "/zoek":
                        continue
                    local = target.path + (f"?{target.query}" if target.query else "")
                    if local not in seen:
                        seen.add(local)
                        queue.append(local)
    assert broken == []
    assert len(seen) > 300  # the whole site: every gemeente, organisation, source ...
    assert any(p.startswith("/id/bron/") for p in seen) and any(p.startswith("/kaart/") for p in seen)


@pytest.mark.parametrize("count", [2, 5])
def test_compare_by_ticking_gemeenten(browser, site_server, count, screenshot_dir):
    origin = _origin(site_server)
    context, watch = open_watch(browser, (origin + "/",))
    try:
        page = watch.page
        _visit(watch, origin + "/vergelijk")
        boxes = page.locator("input[name=g]")
        assert boxes.count() >= 5
        for i in range(count):
            boxes.nth(i).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Vergelijk").click()
        assert page.url.count("g=") == count  # the selection is in the URL
        assert page.locator("table.compare thead th").count() == count + 1
        assert page.locator("table.compare tbody tr").count() > 10
        page.screenshot(path=str(screenshot_dir / f"vergelijk-{count}.png"), full_page=True)
        # the same URL again (bookmarked) shows the same comparison
        first = page.inner_text("table.compare")
        page.goto(page.url)
        assert page.inner_text("table.compare") == first
        watch.clean()
    finally:
        context.close()


@contextlib.contextmanager
def _other_site(body: str):
    """Another site (a second origin on 127.0.0.1, a real server so Chromium treats it as local) with one page."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            data = body.encode() if self.path == "/" else b""
            self.send_response(200 if data else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_map_draws_in_an_iframe_on_another_site(browser, site_server, screenshot_dir):
    origin = _origin(site_server)
    snippet = iframe_snippet(origin + "/kaart/gemeente/gm0503", title="Kaart Delft")
    framed_page = iframe_snippet(origin + "/id/gemeente/gm0503.html", title="Pagina Delft", height="200px")
    body = f'<!doctype html><html lang="nl"><body><h1>Andere site</h1>{snippet}{framed_page}</body></html>'
    with _other_site(body) as other:
        context, watch = open_watch(browser, (origin + "/", other + "/"))
        try:
            page = watch.page
            page.goto(other + "/")
            frame = page.frame_locator("iframe[title='Kaart Delft']")
            frame.locator("[data-kgmap][data-ready=true]").wait_for(timeout=60_000)
            map_frame = next(f for f in page.frames if "/kaart/" in f.url)
            assert map_frame.evaluate(INK_JS, map_frame.query_selector("[data-kgmap]")) > 500
            page.screenshot(path=str(screenshot_dir / "ingesloten-kaart.png"))
            # an ordinary page refuses to be framed by another site (frame-ancestors 'none')
            assert not any(f.url.endswith("gm0503.html") for f in page.frames)
            assert watch.blocked == [] and watch.dialogs == []
            assert any("frame-ancestors 'none'" in e for e in watch.errors)
            assert all("frame-ancestors 'none'" in e or "404" in e for e in watch.errors), watch.errors  # favicon
        finally:
            context.close()


def test_xss_probe_build_shows_text_and_runs_nothing(browser, xss_server, screenshot_dir):
    origin = _origin(xss_server)
    context, watch = open_watch(browser, (origin + "/",))
    try:
        page = watch.page
        for path in ("/", "/id/gemeente/gm0001.html", "/id/organisatie/a.html", "/id/samenwerking/n.html",
                     "/id/initiatief/i.html", "/id/bron/T1.html", "/vergelijk", "/kaart/organisatie/a"):
            _visit(watch, origin + path)
            text = page.inner_text("body")
            if not path.startswith("/kaart/"):
                assert XSS in text, path
            assert page.evaluate("document.querySelectorAll('img').length") == 0, path
            if path.startswith("/kaart/"):
                page.fill("[data-kg=search]", "Alfa")
                page.press("[data-kg=search]", "Enter")
                assert XSS in page.inner_text("[data-kg=info]")
            page.wait_for_timeout(100)
            watch.clean()
        page.goto(origin + "/id/gemeente/gm0001.html")
        page.screenshot(path=str(screenshot_dir / "xss-gemeente.png"), full_page=True)
        # the map inside the gemeente page draws, and its labels stay text
        frame = next(f for f in page.frames if "/kaart/" in f.url)
        frame.wait_for_function(READY, timeout=60_000)
        assert frame.evaluate("document.querySelectorAll('img').length") == 0
        watch.clean()
    finally:
        context.close()
