"""A view (networkx graph with the views' attributes) as the plain node, edge and legend data a map draws."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping

import networkx as nx

from graph.maps.layout import LAYOUT_THRESHOLD, compute_positions
from graph.maps.style import (
    INFERRED_NOTE,
    KIND_STYLES,
    RELATION_COLOURS,
    SEVERAL_RELATIONS,
    kind_style,
    legend_relation,
    relation_colour,
)

__all__ = ["map_data", "backbone", "ALL_LINES_LIMIT", "BACKBONE_PER_NODE"]

#: A map with more lines than this first draws only its backbone (see :func:`backbone`); the rest of a
#: node's lines appear when it is clicked or found, and all of them at the press of a button.
ALL_LINES_LIMIT = 5000

#: Lines per node that the backbone keeps at least (fewer where a node has fewer).
BACKBONE_PER_NODE = 3

_MIN_SIZE, _MAX_SIZE, _PLAIN_SIZE = 10.0, 40.0, 14.0
_GOLD = "#d4a017"


def _sizes(G: nx.Graph, size_by: str | Mapping | Callable | None) -> dict:
    """Node size from a centrality: sqrt-scaled between the minimum and maximum size."""
    if size_by is None:
        return {n: _PLAIN_SIZE for n in G}
    if isinstance(size_by, str):
        values = {n: G.nodes[n].get(size_by) for n in G}
    elif callable(size_by):
        values = dict(size_by(G))
    else:
        values = {n: size_by.get(n) for n in G}
    numbers = {n: float(v) for n, v in values.items() if isinstance(v, int | float) and math.isfinite(v)}
    if not numbers:
        return {n: _PLAIN_SIZE for n in G}
    low, high = min(numbers.values()), max(numbers.values())
    span = math.sqrt(high - low) or 1.0
    return {n: (_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt(numbers[n] - low) / span
                if n in numbers else _MIN_SIZE) for n in G}


def _strings(values) -> list[str]:
    return [str(v) for v in (values or [])]


def backbone(edges: list[dict], per_node: int = BACKBONE_PER_NODE) -> set[int]:
    """Ids of the lines a big map draws first: each node's strongest lines, at least ``per_node`` of them.

    Lines are taken strongest first (higher ``weight``, then stated before inferred, then in order);
    a line is kept while one of its ends has fewer than ``per_node`` kept lines. So every node keeps
    ``min(per_node, its degree)`` lines or more, and no connected node looks isolated.

    Parameters
    ----------
    edges : list of dict
        The ``edges`` of :func:`map_data` (``id``, ``from``, ``to``, ``weight``, ``inferred``).
    per_node : int
        Lines to keep per node at least.

    Returns
    -------
    set of int

    Examples
    --------
    >>> star = [{"id": i, "from": 0, "to": i + 1, "weight": 1, "inferred": i == 0} for i in range(5)]
    >>> sorted(backbone(star, per_node=2))  # the hub's two stated lines, plus one per leaf
    [0, 1, 2, 3, 4]
    >>> pair = [{"id": 0, "from": 0, "to": 1, "weight": 1, "inferred": False},
    ...         {"id": 1, "from": 0, "to": 1, "weight": 3, "inferred": False},
    ...         {"id": 2, "from": 0, "to": 1, "weight": 1, "inferred": True}]
    >>> sorted(backbone(pair, per_node=1))  # the strongest line only
    [1]
    """
    kept: set[int] = set()
    count: Counter = Counter()
    for e in sorted(edges, key=lambda e: (-e["weight"], e["inferred"], e["id"])):
        u, v = e["from"], e["to"]
        if count[u] < per_node or count[v] < per_node:
            kept.add(e["id"])
            count[u] += 1
            count[v] += 1
    return kept


def map_data(G: nx.Graph, *, size_by: str | Mapping | Callable | None = None, size_label: str | None = None,
             positions: Mapping | None = None, seed: int = 0) -> dict:
    """Nodes, edges and legend of a map, as plain JSON-ready data.

    Parameters
    ----------
    G : networkx graph
        A view: nodes with ``label``, ``kind``, ``soort``, ``gemeenten``, ``themes``, ``sources``,
        ``inferred``, ``awards``; edges with ``relation``, ``weight``, ``inferred``, ``evidence``.
        Directed graphs get arrows; parallel edges of a multigraph are drawn one by one.
    size_by : str, mapping, callable or None
        Node size from a centrality: a node attribute name, a mapping node -> number (e.g. a
        column of an analysis DataFrame as a dict) or a function ``G -> mapping``.
    size_label : str, optional
        Dutch words for the legend, e.g. ``"tussenpositie (betweenness)"``; default: the attribute name.
    positions : mapping, optional
        node -> (x, y). Without it, graphs of more than
        :data:`~graph.maps.layout.LAYOUT_THRESHOLD` nodes get positions from
        :func:`~graph.maps.layout.compute_positions` and smaller ones are laid out in the browser.
    seed : int
        Seed of the layout.

    Returns
    -------
    dict
        ``{"nodes": [...], "edges": [...], "legend": {...}, "directed": bool, "positioned": bool,
        "backbone": int}``. With more than :data:`ALL_LINES_LIMIT` lines, ``backbone`` counts the
        lines drawn first (each edge's ``core`` says whether it is one of them); otherwise it is 0
        and every line is drawn.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", label="Delft", kind="Gemeente", soort="", gemeenten=["Delft"], themes=[],
    ...            sources=["004"], inferred=False, awards=[2015])
    >>> G.add_node("b", label="Participe", kind="Organisatie", soort="sociaalwerkorganisatie",
    ...            gemeenten=["Delft"], themes=[], sources=["004"], inferred=False, awards=[])
    >>> G.add_edge("a", "b", relation="werkt samen met", weight=1, inferred=True, evidence=[])
    >>> d = map_data(G)
    >>> [n["label"] for n in d["nodes"]], d["edges"][0]["dashes"]
    (['Delft', 'Participe'], True)
    >>> [k["kind"] for k in d["legend"]["kinds"]], d["legend"]["inferred"]
    (['Gemeente', 'Organisatie'], 'gestippeld: afgeleid verband (niet letterlijk in de bron)')
    """
    directed = G.is_directed()
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    positioned = positions is not None or len(nodes) > LAYOUT_THRESHOLD
    if positions is None and positioned:
        positions = compute_positions(G, seed=seed)
    sizes = _sizes(G, size_by)
    kinds = Counter(str(G.nodes[n].get("kind", "")) for n in nodes)
    out_nodes = []
    for n in nodes:
        a = G.nodes[n]
        kind = str(a.get("kind", ""))
        style = kind_style(kind)
        awards = sorted(int(y) for y in (a.get("awards") or []))
        node = {"id": index[n], "iri": str(n), "label": str(a.get("label", n)), "kind": kind,
                "soort": str(a.get("soort") or ""), "gemeenten": _strings(a.get("gemeenten")),
                "themes": _strings(a.get("themes")), "sources": _strings(a.get("sources")),
                "inferred": bool(a.get("inferred", False)), "awards": awards,
                "color": style["color"], "shape": style["shape"], "size": round(sizes[n], 1)}
        if positioned and n in positions:
            x, y = positions[n]
            node["x"], node["y"] = round(float(x), 1), round(float(y), 1)
        out_nodes.append(node)
    edge_iter = G.edges(keys=False, data=True) if G.is_multigraph() else G.edges(data=True)
    relations = Counter(legend_relation(str(d.get("relation", ""))) for _, _, d in edge_iter)
    unknown = sorted(r for r in relations if r not in RELATION_COLOURS and r != SEVERAL_RELATIONS)
    out_edges = []
    edge_iter = G.edges(keys=False, data=True) if G.is_multigraph() else G.edges(data=True)
    for i, (u, v, d) in enumerate(edge_iter):
        relation = str(d.get("relation", ""))
        weight = int(d.get("weight", 1) or 1)
        evidence = [{"relation": str(e.get("relation", "")), "via": str(e.get("via") or ""),
                     "source": str(e.get("source", "")), "quote": str(e.get("quote", "")),
                     "status": str(e.get("status", ""))} for e in (d.get("evidence") or [])]
        out_edges.append({"id": i, "from": index[u], "to": index[v], "relation": relation, "weight": weight,
                          "inferred": bool(d.get("inferred", False)), "evidence": evidence,
                          "color": relation_colour(relation, unknown), "dashes": bool(d.get("inferred", False)),
                          "width": round(1.0 + math.log2(weight), 2)})
    order = list(KIND_STYLES)
    legend_kinds = [{"kind": k, **kind_style(k), "count": c}
                    for k, c in sorted(kinds.items(), key=lambda kc: (order.index(kc[0]) if kc[0] in order
                                                                      else len(order), kc[0]))]
    legend = {
        "kinds": legend_kinds,
        "relations": [{"relation": r, "color": relation_colour(r, unknown), "count": c}
                      for r, c in sorted(relations.items())],
        "inferred": INFERRED_NOTE if any(e["dashes"] for e in out_edges) else "",
        "inferred_nodes": any(n["inferred"] for n in out_nodes),
        "isolated": sum(1 for n in nodes if G.degree(n) == 0),
        "gold": _GOLD if any(n["awards"] for n in out_nodes) else "",
        "size": (size_label or (size_by if isinstance(size_by, str) else "centraliteit")) if size_by is not None
        else "",
    }
    for n in out_nodes:
        if n["awards"]:
            n["border"] = _GOLD
    core = backbone(out_edges) if len(out_edges) > ALL_LINES_LIMIT else set()
    if core:
        for e in out_edges:
            e["core"] = e["id"] in core
    return {"nodes": out_nodes, "edges": out_edges, "legend": legend, "directed": directed,
            "positioned": positioned, "backbone": len(core)}
