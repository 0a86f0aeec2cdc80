"""Maps in a real browser: offline, drawn, searchable, escaped, two to a page (headless system Chromium)."""

from __future__ import annotations

import pytest
from mapcheck import COUNTS_JS, INK_JS, XSS, add_entity, add_tie, open_map

from graph.maps import map_fragment, render_map, synthetic_view


def _check_clean(watch):
    assert watch.blocked == [], f"the map asked the network for {watch.blocked}"
    assert watch.errors == [], f"console errors: {watch.errors}"
    assert watch.dialogs == [], f"a script ran from the data: {watch.dialogs}"


def test_small_map_draws_offline(watched, small_view, tmp_path, screenshot_dir):
    path = tmp_path / "klein.html"
    render_map(small_view, title="Delft (proef)", path=path)
    page = open_map(watched, path)
    counts = page.evaluate(COUNTS_JS)
    assert counts == {"nodes": small_view.number_of_nodes(), "edges": small_view.number_of_edges(),
                      "shown": small_view.number_of_nodes()}
    assert page.evaluate(INK_JS) > 500  # the canvas holds a drawing, not a blank
    page.screenshot(path=str(screenshot_dir / "klein.png"))
    _check_clean(watched)


def test_xss_label_is_text(watched, small_view, tmp_path):
    path = tmp_path / "xss.html"
    render_map(small_view, title=XSS, path=path)
    page = open_map(watched, path)
    page.fill("[data-kg=search]", "img src")
    page.press("[data-kg=search]", "Enter")
    info = page.inner_text("[data-kg=info]")
    assert XSS in info
    assert page.title() == XSS
    assert page.inner_text(".kgmap-title") == XSS
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.wait_for_timeout(200)
    _check_clean(watched)


def test_search_focuses_and_highlights_neighbourhood(watched, small_view, tmp_path):
    path = tmp_path / "zoek.html"
    render_map(small_view, title="Zoeken", path=path)
    page = open_map(watched, path)
    page.fill("[data-kg=search]", "participe")  # case ignored
    page.press("[data-kg=search]", "Enter")
    state = page.evaluate("""() => { const m = document.querySelector('[data-kgmap]').kgmap;
        const byLabel = l => m.data.nodes.find(n => n.label === l).id;
        const col = l => m.nodes.get(byLabel(l)).color.background;
        return {selected: m.network.getSelectedNodes().map(id => m.nodes.get(id).label),
                neighbour: col('Delft'), far: col('Wijkcoöperatie')}; }""")
    assert state["selected"] == ["Participe"]
    assert state["neighbour"] == "#1f77b4"  # a neighbour keeps its colour
    assert state["far"] == "#e4e4e4"  # the rest fades
    assert "Participe" in page.inner_text("[data-kg=info]")
    assert "sociaalwerkorganisatie" in page.inner_text("[data-kg=info]")
    page.fill("[data-kg=search]", "bestaat niet")
    page.press("[data-kg=search]", "Enter")
    assert "Niets gevonden" in page.inner_text("[data-kg=status]")
    _check_clean(watched)


def test_legend_lists_what_the_map_uses_and_filters_kinds(watched, small_view, tmp_path):
    path = tmp_path / "legenda.html"
    render_map(small_view, title="Legenda", path=path)
    page = open_map(watched, path)
    legend = page.inner_text("[data-kg=legend]")
    for word in ("Gemeente", "Organisatie", "Samenwerkingsverband", "Initiatief", "werkt samen met", "lid van",
                 "gedeeld initiatief", "afgeleid verband", "Gouden Gemeente"):
        assert word in legend
    for unused in ("Persoon", "Voorziening", "Regio"):
        assert unused not in legend
    page.uncheck("[data-kg=legend] input[data-kind=Organisatie]")
    assert page.evaluate(COUNTS_JS)["shown"] == small_view.number_of_nodes() - 2
    page.check("[data-kg=legend] input[data-kind=Organisatie]")
    assert page.evaluate(COUNTS_JS)["shown"] == small_view.number_of_nodes()
    _check_clean(watched)


def test_legend_leaves_out_dashes_without_inferred_ties(watched, tmp_path):
    import networkx as nx

    G = nx.Graph()
    add_entity(G, "a", "A", "Organisatie")
    add_entity(G, "b", "B", "Organisatie")
    add_tie(G, "a", "b", "werkt samen met")
    path = tmp_path / "vermeld.html"
    render_map(G, title="Alleen vermeld", path=path)
    legend = open_map(watched, path).inner_text("[data-kg=legend]")
    assert "afgeleid" not in legend and "Gemeente" not in legend
    _check_clean(watched)


def test_click_edge_shows_relation_and_quotes(watched, tmp_path):
    import networkx as nx

    G = nx.Graph()
    add_entity(G, "a", "Participe", "Organisatie")
    add_entity(G, "b", "Delft voor Elkaar", "Samenwerkingsverband")
    add_tie(G, "a", "b", "lid van", inferred=True, quote="Melissa Jansen (projectdirecteur van penvoerder Participe)",
            via="Delft voor Elkaar")
    path = tmp_path / "lijn.html"
    render_map(G, title="Lijn", path=path, positions={"a": (-200, 0), "b": (200, 0)})
    page = open_map(watched, path)
    x, y = page.evaluate("""() => { const r = document.querySelector('[data-kgmap]');
        const p = r.kgmap.network.canvasToDOM({x: 0, y: 0});
        const box = r.querySelector('canvas').getBoundingClientRect(); return [box.left + p.x, box.top + p.y]; }""")
    page.mouse.click(x, y)
    info = page.inner_text("[data-kg=info]")
    assert "lid van" in info and "Participe" in info
    assert "Melissa Jansen (projectdirecteur van penvoerder Participe)" in info
    assert "bron 004 (afgeleid)" in info
    assert "via Delft voor Elkaar" not in info  # the network is one of the line's two ends: no "via" needed
    # a tie through a third party names it
    H = nx.Graph()
    add_entity(H, "a", "Participe", "Organisatie")
    add_entity(H, "c", "MEE Delft", "Organisatie")
    add_tie(H, "a", "c", "gedeeld samenwerkingsverband", inferred=True, quote="citaat", via="Delft voor Elkaar")
    render_map(H, title="Via", path=path, positions={"a": (-200, 0), "c": (200, 0)})
    page = open_map(watched, path)
    page.mouse.click(x, y)
    assert "gedeeld samenwerkingsverband via Delft voor Elkaar - bron 004" in page.inner_text("[data-kg=info]")
    _check_clean(watched)


def test_two_maps_on_one_page(watched, small_view, tmp_path, screenshot_dir):
    other = synthetic_view(60, seed=5)
    # Same map twice (same ids in the markup) plus another one: each must draw and search on its own.
    first = map_fragment(small_view, title="Kaart een", height="420px")
    second = map_fragment(other, title="Kaart twee", height="420px", include_library=False)
    page_html = ("<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>twee</title></head><body>"
                 + first + second + first + "</body></html>")
    path = tmp_path / "twee.html"
    path.write_text(page_html, encoding="utf-8")
    page = open_map(watched, path)
    counts = page.evaluate("() => [...document.querySelectorAll('[data-kgmap]')].map(r => r.kgmap.nodes.length)")
    assert counts == [small_view.number_of_nodes(), 60, small_view.number_of_nodes()]
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "element ids clash"
    inks = page.evaluate("""(ink) => [...document.querySelectorAll('[data-kgmap]')].map((r, i) => {
        r.setAttribute('data-probe', i); return (new Function('return ' + ink))()('[data-probe="' + i + '"]'); })""",
                         INK_JS)
    assert all(ink > 300 for ink in inks)
    maps = page.locator("[data-kgmap]")
    maps.nth(1).locator("[data-kg=search]").fill("Organisatie 1")
    maps.nth(1).locator("[data-kg=search]").press("Enter")
    assert "Organisatie 1" in maps.nth(1).locator("[data-kg=info]").inner_text()
    assert maps.nth(0).locator("[data-kg=info]").inner_text() == "Klik op een punt of een lijn."
    page.screenshot(path=str(screenshot_dir / "twee-kaarten.png"), full_page=True)
    _check_clean(watched)


@pytest.mark.parametrize("n", [2000])
def test_big_map_is_positioned_and_says_so(watched, tmp_path, screenshot_dir, n):
    G = synthetic_view(n, seed=1)
    path = tmp_path / f"groot-{n}.html"
    render_map(G, title=f"Synthetisch, {n} punten", path=path)
    page = open_map(watched, path)
    counts = page.evaluate(COUNTS_JS)
    assert counts["nodes"] == n and counts["edges"] == G.number_of_edges()
    assert page.evaluate("() => document.querySelector('[data-kgmap]').kgmap.network.physics.options.enabled") \
        is False
    assert "Grote kaart (2.000 punten" in page.inner_text("[data-kg=note]")
    page.fill("[data-kg=search]", "Organisatie 7")
    page.press("[data-kg=search]", "Enter")
    assert "Organisatie 7" in page.inner_text("[data-kg=info]")
    node = next(n for n, d in G.nodes(data=True) if d["label"] == "Organisatie 7")
    selected = page.evaluate("""() => { const m = document.querySelector('[data-kgmap]').kgmap;
        return m.network.getSelectedNodes().map(id => m.data.nodes[id].iri); }""")
    assert set(selected) == {node, *G[node]}  # the neighbourhood is highlighted by selection
    page.screenshot(path=str(screenshot_dir / f"groot-{n}.png"))
    _check_clean(watched)


def test_many_lines_draw_the_backbone_first(watched, tmp_path):
    G = synthetic_view(1000, seed=2)
    path = tmp_path / "lijnen.html"
    render_map(G, title="Veel lijnen", path=path)
    page = open_map(watched, path)
    shown = "() => document.querySelector('[data-kgmap]').kgmap.edgeView.length"
    first = page.evaluate(shown)
    assert first == page.evaluate("() => document.querySelector('[data-kgmap]').kgmap.data.backbone")
    assert 0 < first < G.number_of_edges()
    assert "sterkste" in page.inner_text("[data-kg=note]")
    dutch = [f"{x:,}".replace(",", ".") for x in (first, G.number_of_edges())]  # 2.748 van 11.000
    assert f"{dutch[0]} van {dutch[1]} lijnen" in page.inner_text("[data-kg=lines-status]")
    hub = max(G, key=G.degree)
    page.fill("[data-kg=search]", G.nodes[hub]["label"])
    page.press("[data-kg=search]", "Enter")
    connected = page.evaluate("""(iri) => { const m = document.querySelector('[data-kgmap]').kgmap;
        const id = m.data.nodes.find(n => n.iri === iri).id; return m.network.getConnectedEdges(id).length; }""", hub)
    assert connected == G.degree(hub)  # a found node shows every line it has
    now = page.evaluate(shown)
    assert now > first and f"{now:,}".replace(",", ".") + " van" in page.inner_text("[data-kg=lines-status]")
    assert "treffer" in page.inner_text("[data-kg=status]") or "Gevonden" in page.inner_text("[data-kg=status]")
    page.click("[data-kg=reset]")
    page.wait_for_function(f"() => ({shown})() === {first}")  # 'Alles tonen' closes the node's extra lines
    page.click("[data-kg=lines]")
    page.wait_for_function(f"() => ({shown})() === {G.number_of_edges()}")
    assert page.get_attribute("[data-kg=lines]", "aria-pressed") == "true"
    page.click("[data-kg=lines]")
    page.wait_for_function(f"() => ({shown})() < {G.number_of_edges()}")
    _check_clean(watched)


def test_empty_map_loads(watched, tmp_path):
    import networkx as nx

    path = tmp_path / "leeg.html"
    render_map(nx.Graph(), title="Leeg", path=path)
    page = open_map(watched, path)
    assert page.evaluate(COUNTS_JS) == {"nodes": 0, "edges": 0, "shown": 0}
    _check_clean(watched)
