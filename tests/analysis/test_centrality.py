"""Centrality: known answers on hand-made graphs; igraph agrees with NetworkX within a stated tolerance."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis.centrality import centrality

#: igraph and NetworkX use different solvers (PRPACK vs power iteration / ARPACK vs LAPACK): agreement to 1e-4.
TOL = 1e-4


def _random_weighted(seed: int, n: int = 120, p: float = 0.06) -> nx.Graph:
    G = nx.gnp_random_graph(n, p, seed=seed)
    G = G.subgraph(max(nx.connected_components(G), key=len)).copy()
    for i, (a, b) in enumerate(G.edges):
        G.edges[a, b]["weight"] = 1 + (a * 7 + b * 3 + i) % 4
    return G


def test_star_known_answers():
    df = centrality(nx.star_graph(4), weight=None).set_index("iri")
    assert df.loc["0", "graad"] == 4 and df.loc["0", "tussenpositie"] == pytest.approx(1.0)
    assert df.loc["1", "tussenpositie"] == 0
    # constraint of a leaf tied only to the hub is 1 (no alternatives); the hub's is 4 * (1/4)^2 = 0.25
    assert df.loc["1", "beperking"] == pytest.approx(1.0)
    assert df.loc["0", "beperking"] == pytest.approx(0.25)


def test_path_betweenness():
    df = centrality(nx.path_graph(5), weight=None).set_index("iri")
    # the middle of a 5-path lies on 4 of the 6 pairs' paths between the others: 4 / 6
    assert df.loc["2", "tussenpositie"] == pytest.approx(4 / 6)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_igraph_agrees_with_networkx(seed, weight):
    G = _random_weighted(seed)
    ours = centrality(G, weight=weight, backend="igraph").set_index("iri").sort_index()
    ref = centrality(G, weight=weight, backend="networkx").set_index("iri").sort_index()
    for col in ("graad", "gewogen_graad", "tussenpositie", "pagerank", "eigenvector", "beperking"):
        diff = (ours[col] - ref[col]).abs().max()
        assert diff < TOL, (col, diff)


def test_filters_and_top():
    G = nx.Graph()
    G.add_node("o1", label="O1", kind="Organisatie", gemeenten=["Delft"])
    G.add_node("o2", label="O2", kind="Organisatie", gemeenten=["Aalten"])
    G.add_node("g", label="Delft", kind="Gemeente", gemeenten=["Delft"])
    G.add_edges_from([("o1", "g"), ("o2", "g")], weight=1)
    assert centrality(G, kinds=("Organisatie",))["naam"].tolist() == ["O1", "O2"]
    assert centrality(G, kinds=("Organisatie",), gemeente="gemeente delft")["naam"].tolist() == ["O1"]
    assert len(centrality(G, top=1)) == 1
    with pytest.raises(ValueError):
        centrality(G, backend="nope")


def test_real_central_organisations(coop):
    df = centrality(coop, kinds=("Organisatie",))
    assert set(df["soort_entiteit"]) == {"Organisatie"}
    kw = df.set_index("naam").loc["Kwadraad"]
    # Kwadraad: the eight other named partners of Delft voor Elkaar and the gemeente Delft
    assert kw["graad"] == 9
