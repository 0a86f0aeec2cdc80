"""``kennisgraaf map`` and ``kennisgraaf maps``: on a stand-in for graph.views (contract-shaped graphs),
and on the real build once graph.views is there."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import types

import networkx as nx
import pytest
from mapcheck import COUNTS_JS, add_entity, add_tie, open_map

import graph
from graph.cli import main

HAVE_VIEWS = importlib.util.find_spec("graph.views") is not None


def _labels(path) -> set[str]:
    block = re.search(r'<script type="application/json" data-kg="data">(.*?)</script>', path.read_text("utf-8"),
                      re.S).group(1)
    return {n["label"] for n in json.loads(block)["nodes"]}


@pytest.fixture
def fake_views(monkeypatch):
    """graph.views and graph.store.load replaced by a small full view that follows the contract."""
    G = nx.MultiDiGraph()
    add_entity(G, "g:delft", "Delft", "Gemeente", awards=[2015])
    add_entity(G, "g:almere", "Almere", "Gemeente", gemeenten=["Almere"], awards=[2017])
    add_entity(G, "g:oss", "Oss", "Gemeente", gemeenten=["Oss"])
    add_entity(G, "o:participe", "Participe", "Organisatie", soort="sociaalwerkorganisatie")
    add_entity(G, "o:kwadraad", "Kwadraad", "Organisatie", soort="sociaalwerkorganisatie")
    add_entity(G, "s:dve", "Delft voor Elkaar", "Samenwerkingsverband")
    add_entity(G, "i:dem", "Alzheimer Café", "Initiatief", themes=["dementie"], inferred=True)
    add_entity(G, "o:dno", "DNO", "Organisatie", gemeenten=["Almere"], soort="welzijnsorganisatie")
    add_tie(G, "o:participe", "s:dve", "lid van")
    add_tie(G, "o:kwadraad", "s:dve", "lid van", inferred=True)
    add_tie(G, "o:participe", "g:delft", "actief in")
    add_tie(G, "i:dem", "o:kwadraad", "uitgevoerd door", inferred=True)
    add_tie(G, "o:dno", "g:almere", "actief in")
    calls = []

    def ego_graph(kg, entity, radius=1):
        calls.append((entity, radius))
        return nx.ego_graph(G.to_undirected(), entity, radius=radius)

    fake = types.ModuleType("graph.views")
    fake.full_graph = lambda kg: G
    fake.ego_graph = ego_graph
    monkeypatch.setitem(sys.modules, "graph.views", fake)
    monkeypatch.setattr(graph, "views", fake, raising=False)
    monkeypatch.setattr("graph.store.load", lambda path=None: object())
    return types.SimpleNamespace(G=G, ego_calls=calls)


def test_map_gemeente_forgiving_name(fake_views, tmp_path):
    out = tmp_path / "delft.html"
    assert main(["map", "--gemeente", "gemeente Délft", "-o", str(out)]) == 0
    assert _labels(out) == {"Delft", "Participe", "Kwadraad", "Delft voor Elkaar", "Alzheimer Café"}
    assert "<title>Gemeente Delft</title>" in out.read_text("utf-8")


def test_map_organisation_is_its_ego_network(fake_views, tmp_path):
    out = tmp_path / "kwadraad.html"
    assert main(["map", "--organisation", "kwadraad", "-o", str(out)]) == 0
    assert fake_views.ego_calls == [("o:kwadraad", 1)]
    assert _labels(out) == {"Kwadraad", "Delft voor Elkaar", "Alzheimer Café"}


@pytest.mark.parametrize(("args", "labels"), [
    (["--theme", "Dementie"], {"Alzheimer Café", "Kwadraad"}),
    (["--kind", "welzijnsorganisatie"], {"DNO", "Almere"}),
    (["--year", "2017"], {"Almere", "DNO"}),
    ([], {"Delft", "Participe", "Kwadraad", "Delft voor Elkaar", "Alzheimer Café", "Almere", "DNO"}),
    (["--stated-only"], {"Delft", "Participe", "Kwadraad", "Delft voor Elkaar", "Almere", "DNO"}),
])
def test_map_filters(fake_views, tmp_path, args, labels):
    out = tmp_path / "kaart.html"
    assert main(["map", *args, "-o", str(out)]) == 0
    assert _labels(out) == labels


def test_unknown_name_suggests(fake_views, tmp_path, capsys):
    assert main(["map", "--gemeente", "Delfd", "-o", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert "geen gemeente met de naam 'Delfd'; bedoelt u: Delft" in err and "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


def test_nothing_to_draw(fake_views, tmp_path, capsys):
    assert main(["map", "--theme", "armoede", "-o", str(tmp_path / "x.html")]) == 2
    assert "nothing to draw" in capsys.readouterr().err


def test_output_in_a_missing_folder(fake_views, tmp_path, capsys):
    assert main(["map", "--gemeente", "Delft", "-o", str(tmp_path / "nee" / "x.html")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_maps_writes_all_maps_and_an_index(fake_views, tmp_path):
    out = tmp_path / "kaarten"
    assert main(["maps", "--out", str(out), "-q"]) == 0
    index = (out / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="([^"]+)">', index)
    assert {"overzicht.html", "gouden-gemeenten-2015.html", "gouden-gemeenten-2017.html", "gemeente-delft.html",
            "gemeente-almere.html", "organisatie-kwadraad.html", "thema-dementie.html"} <= set(links)
    assert "gemeente-oss.html" not in links  # a gemeente with nothing around it gets no map
    assert sorted(p.name for p in out.iterdir()) == sorted([*links, "index.html"])
    assert _labels(out / "gemeente-almere.html") == {"Almere", "DNO"}


def test_maps_index_opens_offline(fake_views, tmp_path, watched):
    out = tmp_path / "kaarten"
    assert main(["maps", "--out", str(out), "-q"]) == 0
    page = open_map(watched, out / "gemeente-delft.html")
    assert page.evaluate(COUNTS_JS)["nodes"] == 5
    assert watched.blocked == [] and watched.errors == []


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_VIEWS, reason="graph.views is not on this branch yet (it comes with the analysis work)")
def test_real_gemeente_map_in_the_browser(built, tmp_path, watched, screenshot_dir):
    out = tmp_path / "delft.html"
    assert main(["map", "--gemeente", "Delft", "-o", str(out), "--graph", str(built.output / "kennisgraaf.nq")]) == 0
    page = open_map(watched, out)
    counts = page.evaluate(COUNTS_JS)
    assert counts["nodes"] > 5 and counts["edges"] > 5
    assert "Delft" in _labels(out) and "Participe" in _labels(out)
    page.screenshot(path=str(screenshot_dir / "delft.png"))
    assert watched.blocked == [] and watched.errors == []


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_VIEWS, reason="graph.views is not on this branch yet (it comes with the analysis work)")
def test_real_maps_folder(built, tmp_path):
    out = tmp_path / "kaarten"
    assert main(["maps", "--out", str(out), "-q", "--graph", str(built.output / "kennisgraaf.nq")]) == 0
    links = re.findall(r'<a href="([^"]+)">', (out / "index.html").read_text("utf-8"))
    assert "overzicht.html" in links and "gemeente-delft.html" in links and "thema-dementie.html" in links
    assert all((out / link).is_file() for link in links)
