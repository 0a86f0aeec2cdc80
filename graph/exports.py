"""Views written for other tools: GraphML and GEXF (Gephi, Cytoscape), node-link JSON, and Kumu CSV files.

Every export carries labels, kinds and evidence. GraphML and GEXF hold only scalar
attributes, so lists are joined with "; " and the evidence is a JSON string; node-link
JSON keeps them as they are. The Kumu files follow the elements/connections convention
that ``kennisgraaf import`` reads (:mod:`graph.sources.spreadsheet`), so a full graph
exported and imported again gives the same entities and relations.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from graph.mapping.fields import COMMON_FIELDS, TYPES
from graph.sources.spreadsheet import MEMBERSHIP_ROLES

__all__ = ["GRAPH_FORMATS", "flat_graph", "write_graphml", "write_gexf", "write_nodelink", "write_kumu",
           "node_link", "award_years", "KUMU_ELEMENT_COLUMNS", "KUMU_CONNECTION_COLUMNS"]

#: format -> file extension
GRAPH_FORMATS = {"graphml": ".graphml", "gexf": ".gexf", "nodelink": ".json", "kumu": ".csv"}
KUMU_ELEMENT_COLUMNS = ["ID", "Label", "Type", "Soort", "Gemeente", "Jaar", "Beschrijving", "Source", "Quote",
                        "Inferred"]
KUMU_CONNECTION_COLUMNS = ["From", "To", "Type", "Source", "Quote", "Inferred"]
_BASE = "https://w3id.org/sociaal-domein/id/"


def _scalar(value):
    if isinstance(value, bool | int | float | str):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple | set) and all(isinstance(v, str | int) for v in value):
        return "; ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_graph(G: nx.Graph) -> nx.Graph:
    """A copy with only scalar attributes (lists joined with "; ", evidence and ties as JSON strings).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", evidence=[{"source": "T1"}], weight=1)
    >>> flat_graph(G).edges["a", "b"]["evidence"]
    '[{"source": "T1"}]'
    """
    H = G.__class__()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items()})
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: _scalar(v) for k, v in d.items()})
    if G.is_multigraph():
        for a, b, k, d in G.edges(keys=True, data=True):
            H.add_edge(a, b, key=k, **{kk: _scalar(v) for kk, v in d.items()})
    else:
        for a, b, d in G.edges(data=True):
            H.add_edge(a, b, **{k: _scalar(v) for k, v in d.items()})
    return H


def write_graphml(G: nx.Graph, path: Path) -> None:
    """GraphML (read back by :func:`networkx.read_graphml`)."""
    nx.write_graphml(flat_graph(G), str(path), encoding="utf-8")


def write_gexf(G: nx.Graph, path: Path) -> None:
    """GEXF 1.2 (read back by :func:`networkx.read_gexf`); the node label is the entity's Dutch label."""
    nx.write_gexf(flat_graph(G), str(path), encoding="utf-8", version="1.2draft")


def node_link(G: nx.Graph) -> dict:
    """Node-link data (``nodes`` and ``edges``), attributes kept as lists and dicts.

    Examples
    --------
    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2)
    >>> node_link(G)["edges"]
    [{'weight': 2, 'source': 'a', 'target': 'b'}]
    """
    return nx.node_link_data(G, edges="edges")


def write_nodelink(G: nx.Graph, path: Path) -> None:
    """Node-link JSON (read back by :func:`networkx.node_link_graph` with ``edges="edges"``)."""
    Path(path).write_text(json.dumps(node_link(G), ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def _field_names() -> dict[str, str]:
    """Predicate IRI -> record field name (for relations between entities)."""
    names = {str(f.predicate): k for k, f in COMMON_FIELDS.items() if f.kind == "ref" and not f.inverse}
    for spec in TYPES.values():
        names.update({str(f.predicate): k for k, f in spec.fields.items() if f.kind == "ref" and not f.inverse})
    return names


def _local_id(iri: str) -> str:
    return iri[len(_BASE):] if iri.startswith(_BASE) else iri


def _first_claim(evidence: list[dict]) -> dict:
    return sorted(evidence, key=lambda e: (e["status"] != "vermeld", e["source"]))[0] if evidence else {}


def _prov(ev: dict) -> dict:
    quotes = [q for q in (ev.get("quote") or "").split(" … ") if q]
    return {"Source": ev.get("source", ""), "Quote": "\n|".join(quotes),
            "Inferred": (ev.get("reason") or "afgeleid") if ev.get("status") == "afgeleid" else ""}


def award_years(kg) -> dict[str, str]:
    """The year of each award (``sd:jaar``), by IRI: the ``Jaar`` column of an award's element row."""
    df = kg.frame("SELECT ?a ?j WHERE { ?a a sd:Onderscheiding ; sd:jaar ?j }")
    return {str(a): str(j) for a, j in zip(df["a"], df["j"], strict=True)}


def write_kumu(G: nx.MultiDiGraph, elements: Path, connections: Path, *, node_evidence: dict | None = None,
               exclude: nx.MultiDiGraph | None = None, years: dict[str, str] | None = None) -> None:
    """Kumu / Graph Commons CSV files of a full graph (:func:`graph.views.full_graph`).

    Elements: one row per entity (``ID`` is the curated id, e.g. ``organisatie/kwadraad``;
    ``Type`` the record type; ``Soort`` the concept name). Connections: one row per claim
    of a relation, ``Type`` the record field (``werkt_samen_met``, ``uitgevoerd_door``, ...)
    or, for a membership, its role (``partner``, ``penvoerder``, ...). ``node_evidence``
    maps an IRI to the claim (source, quote, status) that declares it. Entities and relations
    of ``exclude`` (e.g. the full graph of the reference data an import is checked against)
    are not written; a written relation may still refer to an excluded entity by its id.
    An award's row names its recipient in ``Gemeente`` and its year (from ``years``, see
    :func:`award_years`) in ``Jaar``, as the import asks.
    """
    from graph.namespaces import SD

    skip_nodes = set(exclude) if exclude is not None else set()
    skip_edges = ({(a, b, d["relation"], d.get("rol")) for a, b, d in exclude.edges(data=True)}
                  if exclude is not None else set())
    fields = _field_names()
    node_evidence = node_evidence or {}
    with open(elements, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=KUMU_ELEMENT_COLUMNS)
        w.writeheader()
        for n, d in sorted(G.nodes(data=True)):
            if n in skip_nodes:
                continue
            ev = node_evidence.get(n, {})
            recipient = year = ""
            if d.get("kind") == "Onderscheiding":
                recipient = next((_local_id(b) for _, b, e in G.out_edges(n, data=True)
                                  if e.get("predicate") == str(SD.ontvanger)), "")
                year = (years or {}).get(n, "")
            w.writerow({"ID": _local_id(n), "Label": d.get("label", ""), "Type": d.get("kind", ""),
                        "Soort": d.get("soort_id", ""), "Gemeente": recipient, "Jaar": year, "Beschrijving": "",
                        **_prov(ev)})
    with open(connections, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=KUMU_CONNECTION_COLUMNS)
        w.writeheader()
        for a, b, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
            if (a, b, d["relation"], d.get("rol")) in skip_edges:
                continue
            if d["relation"] == "lid van" and d.get("rol") in MEMBERSHIP_ROLES:
                # a membership is one record: one row with its best claim
                w.writerow({"From": _local_id(a), "To": _local_id(b), "Type": d["rol"],
                            **_prov(_first_claim(d["evidence"]))})
                continue
            kind = fields.get(d.get("predicate", ""))
            if kind is None:
                continue  # posts and memberships without a role have no connection type in the convention
            for ev in d["evidence"]:
                w.writerow({"From": _local_id(a), "To": _local_id(b), "Type": kind, **_prov(ev)})
