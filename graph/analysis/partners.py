"""Partners of an organisation, gemeente or network: who, through what, stated or inferred, with the quotes."""

from __future__ import annotations

import networkx as nx
import pandas as pd

__all__ = ["partners", "PARTNER_COLUMNS"]

PARTNER_COLUMNS = ["partner", "soort", "relatie", "via", "status", "bron", "citaat", "iri"]


def partners(G: nx.Graph, node: str, *, stated_only: bool = False) -> pd.DataFrame:
    """The neighbours of ``node`` in a view, one row per piece of evidence.

    Use the cooperation graph for an organisation or gemeente and the affiliation
    graph for a network or initiative (its members). ``status`` is "vermeld" (stated)
    or "afgeleid" (inferred); with ``stated_only`` inferred evidence is left out.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("a", label="Alfa", soort="sociaalwerkorganisatie")
    >>> G.add_node("b", label="Beta", soort="")
    >>> G.add_edge("a", "b", relation="werkt samen met", evidence=[{"relation": "werkt samen met", "via": "",
    ...            "source": "T1", "quote": "Alfa werkt met Beta", "status": "vermeld"}])
    >>> partners(G, "a")[["partner", "relatie", "status", "citaat"]].to_dict("records")
    [{'partner': 'Beta', 'relatie': 'werkt samen met', 'status': 'vermeld', 'citaat': 'Alfa werkt met Beta'}]
    """
    rows = []
    if node in G:
        for m in G[node]:
            d = G.nodes[m]
            for ev in G.edges[node, m].get("evidence", []):
                if stated_only and ev["status"] != "vermeld":
                    continue
                relation = ev.get("role") if ev.get("role") and ev.get("party") == d.get("label") else ev["relation"]
                rows.append({"partner": d.get("label", str(m)), "soort": d.get("soort") or d.get("kind", ""),
                             "relatie": relation, "via": ev.get("via", ""), "status": ev["status"],
                             "bron": ev["source"], "citaat": ev["quote"], "iri": str(m)})
    df = pd.DataFrame(rows, columns=PARTNER_COLUMNS).drop_duplicates()
    return df.sort_values(["partner", "relatie", "bron", "status"]).reset_index(drop=True)
