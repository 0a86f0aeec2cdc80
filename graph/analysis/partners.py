"""Partners of an organisation, gemeente or network: who, through what, stated or inferred, with the quotes."""

from __future__ import annotations

import networkx as nx
import pandas as pd

__all__ = ["partners", "PARTNER_COLUMNS"]

PARTNER_COLUMNS = ["partner", "soort", "relatie", "via", "status", "bronnen", "citaten", "iri"]


def _quotes(evidence: list[dict]) -> str:
    seen: list[str] = []
    for e in sorted(evidence, key=lambda e: (e["status"] != "vermeld", e["source"])):
        for q in e["quote"].split(" … "):
            if q and q not in seen:
                seen.append(q)
    return " … ".join(seen)


def partners(G: nx.Graph, node: str, *, stated_only: bool = False) -> pd.DataFrame:
    """The neighbours of ``node`` in a view, one row per tie (what links them), with sources and quotes.

    Use the cooperation graph for an organisation or gemeente (a tie is a shared network,
    initiative, agreement or regio, a nomination, or a direct cooperation) and the affiliation
    graph for a network or initiative (a row per member). ``status`` is "vermeld" when every
    fact the tie needs is stated, else "afgeleid"; ``stated_only`` leaves the latter out.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("a", label="Alfa", soort="sociaalwerkorganisatie")
    >>> G.add_node("b", label="Beta", soort="")
    >>> ev = [{"relation": "werkt samen met", "via": "", "source": "T1", "quote": "Alfa werkt met Beta",
    ...        "status": "vermeld"}]
    >>> G.add_edge("a", "b", relation="werkt samen met", inferred=False, evidence=ev,
    ...            ties=[{"relation": "werkt samen met", "via": "", "inferred": False}])
    >>> partners(G, "a")[["partner", "relatie", "status", "bronnen"]].to_dict("records")
    [{'partner': 'Beta', 'relatie': 'werkt samen met', 'status': 'vermeld', 'bronnen': 'T1'}]
    """
    rows = []
    if node in G:
        for m in G[node]:
            d, e = G.nodes[m], G.edges[node, m]
            evidence = e.get("evidence", [])
            ties = e.get("ties") or [{"relation": e.get("relation", ""), "via": "", "inferred": e.get("inferred")}]
            for t in ties:
                if stated_only and t["inferred"]:
                    continue
                ev = [x for x in evidence if x.get("via", "") == t["via"] and x["relation"] == t["relation"]]
                ev = ev or evidence
                rows.append({"partner": d.get("label", str(m)), "soort": d.get("soort") or d.get("kind", ""),
                             "relatie": t["relation"], "via": t["via"],
                             "status": "afgeleid" if t["inferred"] else "vermeld",
                             "bronnen": ", ".join(sorted({x["source"] for x in ev})), "citaten": _quotes(ev),
                             "iri": str(m)})
    df = pd.DataFrame(rows, columns=PARTNER_COLUMNS)
    return df.sort_values(["partner", "relatie", "via"]).reset_index(drop=True)
