"""The fast backend: a networkx view as a python-igraph graph (node order kept, weights on edges)."""

from __future__ import annotations

import random
from contextlib import contextmanager

import networkx as nx

__all__ = ["to_igraph", "seeded"]


def to_igraph(G: nx.Graph, weight: str | None = "weight"):
    """``(igraph.Graph, nodes)``: the undirected simple graph of ``G`` and its node list (vertex i = nodes[i]).

    Examples
    --------
    >>> h, nodes = to_igraph(nx.path_graph(3))
    >>> h.vcount(), h.ecount(), nodes
    (3, 2, [0, 1, 2])
    """
    import igraph as ig

    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    simple = nx.Graph(G) if G.is_multigraph() or G.is_directed() else G
    edges = [(index[a], index[b]) for a, b in simple.edges()]
    h = ig.Graph(n=len(nodes), edges=edges, directed=False)
    if weight is not None:
        h.es["weight"] = [float(d.get(weight, 1) or 1) for _, _, d in simple.edges(data=True)]
    return h, nodes


@contextmanager
def seeded(seed: int | None):
    """Run igraph's randomised algorithms with their own ``random.Random(seed)``, then restore the default."""
    import igraph as ig

    if seed is None:
        yield
        return
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)
