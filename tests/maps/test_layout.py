"""Positions computed in Python for big maps."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.maps import compute_positions, synthetic_view


def test_every_node_placed_reproducibly():
    G = synthetic_view(400, seed=3)
    a = compute_positions(G, seed=7)
    assert set(a) == set(G) and a == compute_positions(G, seed=7)
    assert a != compute_positions(G, seed=8)


def test_neighbours_lie_closer_than_strangers():
    G = nx.connected_caveman_graph(10, 8)
    pos = compute_positions(G, seed=1)
    dist = lambda u, v: math.dist(pos[u], pos[v])  # noqa: E731
    near = sum(dist(u, v) for u, v in G.edges) / G.number_of_edges()
    nodes = list(G)
    far = sum(dist(nodes[i], nodes[-1 - i]) for i in range(40)) / 40
    assert near < far / 2


def test_unknown_method():
    with pytest.raises(ValueError, match="unknown layout method"):
        compute_positions(nx.path_graph(3), method="spring")


def test_empty_graph():
    assert compute_positions(nx.Graph()) == {}
