"""Central organisations: degree, betweenness, PageRank, eigenvector centrality and Burt's constraint."""

from __future__ import annotations

import warnings

import networkx as nx
import pandas as pd

from graph.analysis.backend import to_igraph

__all__ = ["centrality", "BACKENDS"]

BACKENDS = ("igraph", "networkx")


def _igraph_measures(G: nx.Graph, weight: str | None) -> dict[str, list]:
    h, nodes = to_igraph(G, weight)
    w = "weight" if weight is not None and h.ecount() else None
    n = h.vcount()
    # normalised betweenness as networkx computes it (undirected: 2 / ((n-1)(n-2))); unweighted paths (hops)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    with warnings.catch_warnings():  # igraph warns on disconnected graphs, as networkx's result also shows
        warnings.simplefilter("ignore", RuntimeWarning)
        eigen = h.eigenvector_centrality(weights=w) if h.ecount() else [0.0] * n
    norm = sum(x * x for x in eigen) ** 0.5 or 1.0
    eigen = [x / norm for x in eigen]  # unit length, as networkx returns it
    return {
        "graad": h.degree(),
        "gewogen_graad": h.strength(weights=w) if w else h.degree(),
        "tussenpositie": [b * scale for b in h.betweenness(directed=False)],
        "pagerank": h.pagerank(weights=w, damping=0.85) if n else [],
        "eigenvector": eigen,
        "beperking": h.constraint(weights=w),
    }


def _networkx_measures(G: nx.Graph, weight: str | None) -> dict[str, list]:
    nodes = list(G)
    simple = nx.Graph(G)
    bet = nx.betweenness_centrality(simple, normalized=True)
    pr = nx.pagerank(simple, alpha=0.85, weight=weight)
    try:
        eig = nx.eigenvector_centrality_numpy(simple, weight=weight) if simple.number_of_edges() else {}
    except (nx.NetworkXException, ValueError):  # disconnected graphs: fall back to the iterative method
        eig = nx.eigenvector_centrality(simple, weight=weight, max_iter=1000)
    con = nx.constraint(simple, weight=weight)
    return {
        "graad": [simple.degree(n) for n in nodes],
        "gewogen_graad": [simple.degree(n, weight=weight) for n in nodes],
        "tussenpositie": [bet[n] for n in nodes],
        "pagerank": [pr[n] for n in nodes],
        "eigenvector": [abs(eig.get(n, 0.0)) for n in nodes],
        "beperking": [con[n] for n in nodes],
    }


def centrality(G: nx.Graph, *, weight: str | None = "weight", backend: str = "igraph",
               kinds: tuple[str, ...] | None = None, gemeente: str | None = None,
               top: int | None = None) -> pd.DataFrame:
    """Centrality of every node, most central first (by PageRank).

    Parameters
    ----------
    G : a view, usually :func:`graph.views.cooperation_graph`.
    weight : edge attribute used by weighted degree, PageRank, eigenvector and constraint
        (betweenness counts hops: the number of ties is a strength, not a distance).
    backend : "igraph" (fast; the default) or "networkx" (the reference).
    kinds : keep only nodes of these kinds (e.g. ``("Organisatie",)``) in the table; the
        measures are always computed on the whole graph.
    gemeente : keep only nodes whose ``gemeenten`` include this label.
    top : the first ``top`` rows.

    Returns
    -------
    pandas.DataFrame
        ``iri, naam, soort_entiteit, graad, gewogen_graad, tussenpositie, pagerank, eigenvector,
        beperking`` (Burt's constraint: low = bridges structural holes; NaN for an isolated node).

    Examples
    --------
    >>> G = nx.star_graph(3)   # node 0 is the hub
    >>> df = centrality(G, weight=None)
    >>> top = df.iloc[0]
    >>> top["iri"], int(top["graad"]), round(float(top["tussenpositie"]), 3)
    ('0', 3, 1.0)
    >>> ref = centrality(G, weight=None, backend="networkx").set_index("iri")
    >>> bool(abs(df.set_index("iri")["pagerank"] - ref["pagerank"]).max() < 1e-6)
    True
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
    nodes = list(G)
    if not nodes:
        return pd.DataFrame(columns=["iri", "naam", "soort_entiteit", "graad", "gewogen_graad", "tussenpositie",
                                     "pagerank", "eigenvector", "beperking"])
    measures = (_igraph_measures if backend == "igraph" else _networkx_measures)(G, weight)
    df = pd.DataFrame({"iri": [str(n) for n in nodes],
                       "naam": [G.nodes[n].get("label", str(n)) for n in nodes],
                       "soort_entiteit": [G.nodes[n].get("kind", "") for n in nodes], **measures})
    keep = pd.Series(True, index=df.index)
    if kinds:
        keep &= df["soort_entiteit"].isin(kinds)
    if gemeente:
        from graph.analysis.names import normalize

        want = normalize(gemeente)
        keep &= pd.Series([any(normalize(g) == want for g in G.nodes[n].get("gemeenten", [])) for n in nodes],
                          index=df.index)
    df = df[keep].sort_values(["pagerank", "tussenpositie", "naam"], ascending=[False, False, True])
    df = df.reset_index(drop=True)
    return df.head(top) if top else df
