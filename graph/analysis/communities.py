"""Communities of cooperating organisations (Louvain or Leiden, seeded), each described."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd

from graph.analysis.backend import seeded, to_igraph

__all__ = ["community_partition", "communities", "modularity", "METHODS"]

METHODS = ("leiden", "louvain", "networkx-louvain")


def community_partition(G: nx.Graph, *, method: str = "leiden", weight: str | None = "weight",
                        seed: int | None = 0, resolution: float = 1.0) -> list[set]:
    """Node sets, largest first. ``leiden`` and ``louvain`` run in igraph; ``networkx-louvain`` is the reference.

    Leiden optimises modularity here (``objective_function="modularity"``), so its
    partition can be compared with Louvain's by :func:`modularity`.

    Examples
    --------
    >>> G = nx.barbell_graph(5, 0)   # two cliques joined by one edge
    >>> [sorted(c) for c in community_partition(G, seed=1)]
    [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    if not len(G):
        return []
    if method == "networkx-louvain":
        parts = nx.community.louvain_communities(nx.Graph(G), weight=weight, seed=seed, resolution=resolution)
    else:
        h, nodes = to_igraph(G, weight)
        w = "weight" if weight is not None else None
        with seeded(seed):
            if method == "leiden":
                cl = h.community_leiden(objective_function="modularity", weights=w, resolution=resolution,
                                        n_iterations=-1)
            else:
                cl = h.community_multilevel(weights=w, resolution=resolution)
        parts = [{nodes[i] for i in members} for members in cl]
    return sorted((set(p) for p in parts), key=lambda p: (-len(p), sorted(map(str, p))[0]))


def modularity(G: nx.Graph, parts: list[set], *, weight: str | None = "weight") -> float:
    """Modularity of a partition (networkx), to compare methods."""
    return nx.community.modularity(nx.Graph(G), parts, weight=weight)


def communities(G: nx.Graph, *, method: str = "leiden", weight: str | None = "weight", seed: int | None = 0,
                top: int = 5, min_size: int = 2) -> pd.DataFrame:
    """One row per community of at least ``min_size`` members, described.

    Returns
    -------
    pandas.DataFrame
        ``gemeenschap`` (1 = largest), ``grootte``, ``grootste_leden`` (the ``top`` members with the
        most ties), ``gemeenten`` (most common first), ``gedeelde_themas`` (themes of two or more
        members), ``soorten`` (mix of organisation kinds), ``afgeleid_aandeel`` (share of the
        community's internal edges that rest only on inferred facts), ``leden`` (IRIs).

    Examples
    --------
    >>> G = nx.barbell_graph(4, 0)
    >>> nx.set_node_attributes(G, {n: f"org{n}" for n in G}, "label")
    >>> communities(G, seed=1)[["gemeenschap", "grootte"]].to_dict("records")
    [{'gemeenschap': 1, 'grootte': 4}, {'gemeenschap': 2, 'grootte': 4}]
    """
    rows = []
    for i, part in enumerate(p for p in community_partition(G, method=method, weight=weight, seed=seed)
                             if len(p) >= min_size):
        sub = G.subgraph(part)
        by_degree = sorted(part, key=lambda n: (-sub.degree(n, weight=weight), str(G.nodes[n].get("label", n))))
        gem = Counter(g for n in part for g in G.nodes[n].get("gemeenten", []))
        themes = Counter(t for n in part for t in G.nodes[n].get("themes", []))
        kinds = Counter(G.nodes[n].get("soort") or G.nodes[n].get("kind") or "onbekend" for n in part)
        edges = list(sub.edges(data=True))
        inferred = sum(1 for *_, d in edges if d.get("inferred")) / len(edges) if edges else 0.0
        rows.append({
            "gemeenschap": i + 1,
            "grootte": len(part),
            "grootste_leden": "; ".join(str(G.nodes[n].get("label", n)) for n in by_degree[:top]),
            "gemeenten": "; ".join(g for g, _ in gem.most_common()) or "niet vermeld",
            "gedeelde_themas": "; ".join(f"{t} ({c})" for t, c in themes.most_common() if c >= 2) or "geen",
            "soorten": "; ".join(f"{k} ({c})" for k, c in kinds.most_common()),
            "afgeleid_aandeel": round(inferred, 3),
            "leden": sorted(map(str, part)),
        })
    return pd.DataFrame(rows, columns=["gemeenschap", "grootte", "grootste_leden", "gemeenten", "gedeelde_themas",
                                       "soorten", "afgeleid_aandeel", "leden"])
