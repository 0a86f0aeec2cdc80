"""Brokers: organisations that connect gemeenten or otherwise separate groups."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.analysis.centrality import centrality

__all__ = ["brokers"]


def brokers(G: nx.Graph, *, weight: str | None = "weight", backend: str = "igraph",
            min_gemeenten: int = 2) -> pd.DataFrame:
    """Organisations active in several gemeenten, with their betweenness and Burt's constraint.

    A node's gemeenten are its own (``gemeenten`` attribute: where it is active) and those
    of the gemeenten it is tied to directly. Sorted by the number of gemeenten, then
    betweenness.

    Returns
    -------
    pandas.DataFrame
        ``iri, naam, aantal_gemeenten, gemeenten, tussenpositie, beperking, graad``.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("g1", label="Een", kind="Gemeente", gemeenten=["Een"])
    >>> G.add_node("g2", label="Twee", kind="Gemeente", gemeenten=["Twee"])
    >>> G.add_node("o", label="Org", kind="Organisatie", gemeenten=["Een"])
    >>> G.add_edges_from([("o", "g1"), ("o", "g2")], weight=1)
    >>> brokers(G)[["naam", "aantal_gemeenten", "gemeenten"]].to_dict("records")
    [{'naam': 'Org', 'aantal_gemeenten': 2, 'gemeenten': 'Een; Twee'}]
    """
    cols = ["iri", "naam", "aantal_gemeenten", "gemeenten", "tussenpositie", "beperking", "graad"]
    if not len(G):
        return pd.DataFrame(columns=cols)
    central = centrality(G, weight=weight, backend=backend).set_index("iri")
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "Organisatie":
            continue
        gem = set(d.get("gemeenten", []))
        gem |= {G.nodes[m].get("label", str(m)) for m in G[n] if G.nodes[m].get("kind") == "Gemeente"}
        if len(gem) >= min_gemeenten:
            c = central.loc[str(n)]
            rows.append({"iri": str(n), "naam": d.get("label", str(n)), "aantal_gemeenten": len(gem),
                         "gemeenten": "; ".join(sorted(gem)), "tussenpositie": c["tussenpositie"],
                         "beperking": c["beperking"], "graad": int(c["graad"])})
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["aantal_gemeenten", "tussenpositie", "naam"],
                          ascending=[False, False, True]).reset_index(drop=True)
