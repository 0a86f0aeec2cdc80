"""A view as plain map data: styles, sizes, dashes, legend entries only for what is used."""

from __future__ import annotations

import networkx as nx
import pytest
from mapcheck import add_entity, add_tie

from graph.maps import map_data, synthetic_view
from graph.maps.layout import LAYOUT_THRESHOLD


def test_nodes_and_edges_keep_their_attributes(small_view):
    d = map_data(small_view)
    assert len(d["nodes"]) == 5 and len(d["edges"]) == 4
    by_label = {n["label"]: n for n in d["nodes"]}
    assert by_label["Participe"]["soort"] == "sociaalwerkorganisatie"
    assert by_label["Delft"]["awards"] == [2015] and by_label["Delft"]["border"]
    assert by_label["Wijkcoöperatie"]["inferred"] is True
    dashed = [e for e in d["edges"] if e["dashes"]]
    assert [e["relation"] for e in dashed] == ["gedeeld initiatief"]
    assert dashed[0]["evidence"][0]["status"] == "afgeleid"


def test_legend_only_what_is_used(small_view):
    legend = map_data(small_view)["legend"]
    assert [k["kind"] for k in legend["kinds"]] == ["Gemeente", "Organisatie", "Samenwerkingsverband", "Initiatief"]
    assert [k["count"] for k in legend["kinds"]] == [1, 2, 1, 1]
    assert [r["relation"] for r in legend["relations"]] == ["gedeeld initiatief", "lid van", "werkt samen met"]
    small_view.remove_edge("o2", "i1")
    assert map_data(small_view)["legend"]["inferred"] == ""


@pytest.mark.parametrize("size_by", ["score", {"g": 5.0, "o1": 1.0}, lambda G: {"g": 5.0, "o1": 1.0}])
def test_size_by_centrality(small_view, size_by):
    nx.set_node_attributes(small_view, {"g": 5.0, "o1": 1.0}, "score")
    d = map_data(small_view, size_by=size_by, size_label="tussenpositie")
    size = {n["label"]: n["size"] for n in d["nodes"]}
    assert size["Delft"] > size["Participe"]
    assert d["legend"]["size"] == "tussenpositie"


def test_directed_multigraph_keeps_parallel_edges():
    G = nx.MultiDiGraph()
    add_entity(G, "a", "A", "Organisatie")
    add_entity(G, "b", "B", "Initiatief")
    G.add_edge("a", "b", relation="voert uit", weight=1, inferred=False, evidence=[])
    G.add_edge("a", "b", relation="initiatiefnemer", weight=1, inferred=True, evidence=[])
    d = map_data(G)
    assert d["directed"] is True and len(d["edges"]) == 2
    assert {r["relation"] for r in d["legend"]["relations"]} == {"voert uit", "initiatiefnemer"}
    assert len({r["color"] for r in d["legend"]["relations"]}) == 2


def test_big_graphs_get_positions_small_ones_do_not():
    small = map_data(synthetic_view(LAYOUT_THRESHOLD, seed=1))
    big = map_data(synthetic_view(LAYOUT_THRESHOLD + 1, seed=1))
    assert not small["positioned"] and "x" not in small["nodes"][0]
    assert big["positioned"] and all("x" in n and "y" in n for n in big["nodes"])


def test_given_positions_are_used():
    G = nx.Graph()
    add_entity(G, "a", "A", "Organisatie")
    add_entity(G, "b", "B", "Organisatie")
    add_tie(G, "a", "b", "werkt samen met")
    d = map_data(G, positions={"a": (1, 2), "b": (3, 4)})
    assert d["positioned"] and [(n["x"], n["y"]) for n in d["nodes"]] == [(1.0, 2.0), (3.0, 4.0)]


def test_backbone_keeps_each_nodes_strongest_lines():
    from collections import Counter

    from graph.maps.data import ALL_LINES_LIMIT, BACKBONE_PER_NODE

    G = synthetic_view(600, seed=3)
    assert G.number_of_edges() > ALL_LINES_LIMIT
    d = map_data(G)
    core = [e for e in d["edges"] if e["core"]]
    assert d["backbone"] == len(core) < len(d["edges"]) / 2
    kept, degree = Counter(), Counter()
    for e in d["edges"]:
        for end in (e["from"], e["to"]):
            degree[end] += 1
            kept[end] += e["core"]
    assert all(kept[n] >= min(BACKBONE_PER_NODE, degree[n]) for n in degree)
    # stated lines go before inferred ones of the same weight
    hub = max(degree, key=degree.get)
    lines = [e for e in d["edges"] if hub in (e["from"], e["to"])]
    if any(not e["inferred"] for e in lines):
        assert any(e["core"] and not e["inferred"] for e in lines)


def test_small_map_draws_every_line(small_view):
    d = map_data(small_view)
    assert d["backbone"] == 0 and not any("core" in e for e in d["edges"])


def test_a_line_of_several_relations_has_one_legend_entry(small_view):
    from graph.maps.style import SEVERAL_RELATIONS

    small_view.add_edge("o1", "i1", relation="gedeeld samenwerkingsverband; gedeelde afspraak", weight=2,
                        inferred=False, evidence=[])
    d = map_data(small_view)
    legend = {r["relation"]: r for r in d["legend"]["relations"]}
    assert SEVERAL_RELATIONS in legend and not any("; " in r for r in legend)
    joined = next(e for e in d["edges"] if "; " in e["relation"])
    assert joined["color"] == legend[SEVERAL_RELATIONS]["color"]
    assert joined["relation"] == "gedeeld samenwerkingsverband; gedeelde afspraak"  # the line keeps its words


def test_the_legend_counts_points_without_a_line(small_view):
    assert map_data(small_view)["legend"]["isolated"] == 0
    add_entity(small_view, "los", "Los", "Organisatie")
    assert map_data(small_view)["legend"]["isolated"] == 1
