"""The query page in headless Chromium: loads with every non-local request blocked, an example query shows its
rows, no console error. Uses the system Chromium through Playwright (never a browser download)."""

from __future__ import annotations

import pytest
from headless import system_chromium


@pytest.fixture(scope="module")  # not session: only one sync Playwright may run at a time (maps, site, web)
def browser():
    """Headless Chromium from the system (never a downloaded browser), driven by Playwright."""
    yield from system_chromium()


def test_query_page_runs_an_example(server, browser, kg):
    origin = server.url.rsplit("/sparql", 1)[0]
    page = browser.new_page()
    problems, blocked = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    def only_local(route):
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(server.url, wait_until="load")
    assert page.title() == "Kennisgraaf sociaal domein: SPARQL"
    buttons = page.locator("#voorbeelden button")
    buttons.first.wait_for()
    first_title = buttons.first.inner_text()
    assert first_title.startswith("Welke tien gemeenten")  # Dutch titles of the competency questions
    # the editor has the project's prefixes preset
    assert "PREFIX sd:" in page.evaluate("window.kennisgraafYasgui.getTab().getQuery()")
    buttons.first.click()
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for(timeout=20_000)
    expected = kg.query(page.evaluate("window.kennisgraafYasgui.getTab().getQuery()"))
    assert rows.count() == len(expected) == 10
    assert "Almere" in rows.first.inner_text() and "GM0034" in rows.first.inner_text()
    assert problems == [] and blocked == []
    page.close()


def test_service_description_without_a_query(server):
    from rdflib import Graph, URIRef

    from graph.namespaces import SPARQL_SD

    code, headers, body = server.request("GET", "/sparql", headers={"Accept": "text/turtle"})
    assert code == 200 and headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    service = URIRef(server.url)
    assert (service, SPARQL_SD.endpoint, service) in g
    names = {str(n) for n in g.objects(None, SPARQL_SD.name)}
    assert "https://w3id.org/sociaal-domein/id/graaf/cbs-2021" in names


def test_browsers_get_the_page_and_its_assets(server):
    code, headers, body = server.request("GET", "/sparql", headers={"Accept": "text/html"})
    assert code == 200 and headers["content-type"].startswith("text/html") and b"yasgui.min.js" in body
    csp = headers["content-security-policy"]  # strict: this server's scripts only, no inline script, not framable
    assert "script-src 'self';" in csp and "unsafe-eval" not in csp and "frame-ancestors 'none'" in csp
    for asset in ("/static/yasgui/yasgui.min.js", "/static/yasgui/yasgui.min.css", "/static/kennisgraaf.js",
                  "/static/yasgui/LICENSE"):
        assert server.request("GET", asset)[0] == 200, asset
    assert server.request("GET", "/")[0] == 200  # the web site's home page (graph.site)
