"""The cooperation path between two entities, every hop with its evidence."""

from __future__ import annotations

import networkx as nx
import pandas as pd

__all__ = ["cooperation_path", "describe_hop"]

_VERB = {"gedeeld samenwerkingsverband": "nemen beide deel aan", "gedeelde regio": "horen beide bij",
         "gedeeld initiatief": "zijn beide betrokken bij", "gedeelde voorziening": "zijn beide betrokken bij",
         "gedeelde afspraak": "zijn beide partij in"}


def describe_hop(a: str, b: str, tie: dict, evidence: list[dict]) -> str:
    """One hop in Dutch with the first piece of evidence: "A en B nemen beide deel aan N - 000: '...'".

    Examples
    --------
    >>> describe_hop("Kwadraad", "MEE", {"relation": "gedeeld samenwerkingsverband", "via": "Delft voor Elkaar"},
    ...              [{"source": "000", "quote": "samen met MEE", "status": "afgeleid", "via": "Delft voor Elkaar"}])
    "Kwadraad en MEE nemen beide deel aan Delft voor Elkaar - 000 (afgeleid): 'samen met MEE'"
    """
    if tie["relation"] in _VERB:
        text = f"{a} en {b} {_VERB[tie['relation']]} {tie['via']}"
    elif tie["relation"] == "voordracht":
        text = f"{a} en {b}: voordracht voor {tie['via']}" if tie["via"] else f"{a} en {b}: voordracht"
    else:
        text = f"{a} {tie['relation']} {b}"
    ev = [e for e in evidence if e.get("via", "") == tie.get("via", "")] or evidence
    if ev:
        e = sorted(ev, key=lambda e: (e["status"] != "vermeld", e["source"]))[0]
        text += f" - {e['source']} ({e['status']}): '{e['quote']}'"
    return text


def cooperation_path(G: nx.Graph, source: str, target: str) -> pd.DataFrame:
    """A shortest path (fewest hops) from ``source`` to ``target``, one row per hop.

    Raises :class:`networkx.NetworkXNoPath` when the two are not connected.

    Returns
    -------
    pandas.DataFrame
        ``stap, van, naar, relatie, via, status, uitleg`` (``uitleg``: the hop in words with
        a source and quote), ``bewijs`` (all evidence dicts of the edge).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"}), ("c", {"label": "C"})])
    >>> ev = [{"relation": "werkt samen met", "via": "", "source": "T1", "quote": "q", "status": "vermeld"}]
    >>> G.add_edge("a", "b", ties=[{"relation": "werkt samen met", "via": "", "inferred": False}], evidence=ev)
    >>> G.add_edge("b", "c", ties=[{"relation": "werkt samen met", "via": "", "inferred": False}], evidence=ev)
    >>> cooperation_path(G, "a", "c")["uitleg"].tolist()
    ["A werkt samen met B - T1 (vermeld): 'q'", "B werkt samen met C - T1 (vermeld): 'q'"]
    """
    nodes = nx.shortest_path(G, source, target)
    rows = []
    for i, (a, b) in enumerate(zip(nodes, nodes[1:], strict=False), start=1):
        d = G.edges[a, b]
        ties = d.get("ties") or [{"relation": d.get("relation", ""), "via": "", "inferred": d.get("inferred")}]
        tie = sorted(ties, key=lambda t: (t["inferred"], t["relation"], t["via"]))[0]
        la, lb = G.nodes[a].get("label", str(a)), G.nodes[b].get("label", str(b))
        rows.append({"stap": i, "van": la, "naar": lb, "relatie": tie["relation"], "via": tie["via"],
                     "status": "afgeleid" if tie["inferred"] else "vermeld",
                     "uitleg": describe_hop(la, lb, tie, d.get("evidence", [])), "bewijs": d.get("evidence", [])})
    return pd.DataFrame(rows, columns=["stap", "van", "naar", "relatie", "via", "status", "uitleg", "bewijs"])
