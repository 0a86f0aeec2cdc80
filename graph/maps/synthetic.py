"""Made-up graphs shaped like the views (same node and edge attributes), for tests and the benchmark."""

from __future__ import annotations

import random

import networkx as nx

__all__ = ["synthetic_view"]

_KINDS = ["Organisatie"] * 6 + ["Samenwerkingsverband", "Initiatief", "Voorziening", "Persoon"]
_RELATIONS = ["werkt samen met", "lid van", "gedeeld initiatief"]
_THEMES = ["dementie", "jeugd", "mantelzorg", "armoede", "wonen"]


def synthetic_view(n_nodes: int, *, edges_per_node: float = 11.0, seed: int = 0) -> nx.Graph:
    """A random graph with every node and edge attribute of the views' contract.

    About one node in 25 is a ``Gemeente``; the others belong to one gemeente and link mostly
    within it (a clustered graph like a province's network). Labels, sources and quotes are
    visibly made up (``"Organisatie 17"``, source ``"synthetisch"``): never real facts.

    Parameters
    ----------
    n_nodes : int
        Number of nodes.
    edges_per_node : float
        Edges per node (the issue's 2,000-node benchmark graph has 11, i.e. 22,000 edges).
    seed : int
        Seed of the random generator.

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> G = synthetic_view(100, seed=1)
    >>> G.number_of_nodes(), G.number_of_edges()
    (100, 1100)
    >>> sorted(G.nodes["n0"])
    ['awards', 'gemeenten', 'inferred', 'kind', 'label', 'soort', 'sources', 'themes']
    >>> synthetic_view(100, seed=1).edges == G.edges
    True
    """
    rng = random.Random(seed)
    G = nx.Graph()
    n_gemeenten = max(1, n_nodes // 25)
    gemeenten = [f"Gemeente {i + 1}" for i in range(n_gemeenten)]
    members: dict[int, list[str]] = {i: [] for i in range(n_gemeenten)}
    home_of: dict[str, int] = {}
    counters: dict[str, int] = {}
    for i in range(n_nodes):
        node = f"n{i}"
        if i < n_gemeenten:
            kind, home = "Gemeente", i
            label = gemeenten[i]
        else:
            kind, home = rng.choice(_KINDS), rng.randrange(n_gemeenten)
            counters[kind] = counters.get(kind, 0) + 1
            label = f"{kind} {counters[kind]}"
        G.add_node(node, label=label, kind=kind, soort="", gemeenten=[gemeenten[home]],
                   themes=rng.sample(_THEMES, rng.randint(0, 2)), sources=["synthetisch"],
                   inferred=rng.random() < 0.1, awards=[2015] if kind == "Gemeente" and rng.random() < 0.05 else [])
        members[home].append(node)
        home_of[node] = home
    target = int(round(n_nodes * edges_per_node))
    nodes = list(G.nodes)
    max_edges = n_nodes * (n_nodes - 1) // 2
    target = min(target, max_edges)
    count = 0
    while count < target:
        u = rng.choice(nodes)
        group = members[home_of[u]]
        v = rng.choice(group) if rng.random() < 0.8 and len(group) > 1 else rng.choice(nodes)
        if u == v or G.has_edge(u, v):
            continue
        relation = rng.choice(_RELATIONS)
        inferred = rng.random() < 0.15
        status = "afgeleid" if inferred else "vermeld"
        G.add_edge(u, v, relation=relation, weight=1, inferred=inferred,
                   evidence=[{"relation": relation, "via": "", "source": "synthetisch",
                              "quote": f"(verzonnen citaat {count})", "status": status}])
        count += 1
    return G
