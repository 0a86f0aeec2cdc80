"""Node positions computed in Python (igraph), so a big map draws at once with physics off."""

from __future__ import annotations

import math
import random

import networkx as nx

__all__ = ["LAYOUT_THRESHOLD", "compute_positions"]

#: Above this many nodes a map gets positions from :func:`compute_positions` and no physics.
LAYOUT_THRESHOLD = 300


def compute_positions(G: nx.Graph, *, seed: int = 0, method: str = "fr",
                      spacing: float = 40.0) -> dict[object, tuple[float, float]]:
    """Positions for every node, in screen units, from igraph's force-directed layouts.

    Parameters
    ----------
    G : networkx graph
        Any graph (directions and parallel edges are ignored).
    seed : int
        Seed of the random start positions (the same seed gives the same layout).
    method : {"fr", "drl"}
        Fruchterman-Reingold (default; under a second for 5,000 nodes and 55,000 edges) or DrL.
    spacing : float
        Mean distance between neighbouring nodes on screen, roughly.

    Returns
    -------
    dict
        node -> (x, y), centred on 0.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = compute_positions(nx.path_graph(4), seed=1)
    >>> sorted(pos) == [0, 1, 2, 3] and all(len(p) == 2 for p in pos.values())
    True
    >>> compute_positions(nx.path_graph(4), seed=1) == pos
    True
    """
    import igraph as ig
    import numpy as np

    nodes = list(G.nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    edges = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v}
    g = ig.Graph(n=len(nodes), edges=sorted(edges))
    rng = np.random.default_rng(seed)
    # igraph's own start spreads nodes over a square of side sqrt(n); a much smaller start makes its
    # grid-based Fruchterman-Reingold some 20 times slower.
    half = math.sqrt(len(nodes)) / 2
    start = rng.uniform(-half, half, size=(len(nodes), 2)).tolist()
    if method not in ("fr", "drl"):
        raise ValueError(f"unknown layout method {method!r}: use 'fr' or 'drl'")
    # The layouts draw random numbers from igraph's generator (Python's random module by default):
    # a seeded one of our own for the call keeps the result reproducible without touching global state.
    ig.set_random_number_generator(random.Random(seed))
    try:
        layout = (g.layout_fruchterman_reingold(seed=start, niter=500) if method == "fr"
                  else g.layout_drl(seed=start))
    finally:
        ig.set_random_number_generator(random)
    coords = np.array(layout.coords, dtype=float)
    coords -= coords.mean(axis=0)
    spread = float(np.sqrt((coords ** 2).sum(axis=1).mean())) or 1.0
    # sqrt(n) * spacing as radius keeps the mean node density about the same for every size.
    coords *= spacing * math.sqrt(len(nodes)) / spread
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, coords, strict=True)}
