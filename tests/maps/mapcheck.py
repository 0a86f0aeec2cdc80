"""Helpers of the map tests: contract-shaped nodes and edges, loading a map, reading what it drew."""

from __future__ import annotations

from pathlib import Path

XSS = "<img src=x onerror=alert(1)>"


def add_entity(G, node, label, kind, *, gemeenten=("Delft",), sources=("004",), inferred=False, awards=(),
               soort="", themes=()):
    """A node with every attribute of the views' contract."""
    G.add_node(node, label=label, kind=kind, soort=soort, gemeenten=list(gemeenten), themes=list(themes),
               sources=list(sources), inferred=inferred, awards=list(awards))


def add_tie(G, u, v, relation, *, inferred=False, quote="citaat", source="004", via="", weight=1):
    """An edge with every attribute of the views' contract."""
    G.add_edge(u, v, relation=relation, weight=weight, inferred=inferred,
               evidence=[{"relation": relation, "via": via, "source": source, "quote": quote,
                          "status": "afgeleid" if inferred else "vermeld"}])


def open_map(watch, path: Path, *, timeout_ms: int = 60_000):
    """Load a map file and wait until every map on it is drawn and interactive."""
    page = watch.page
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => { const r = document.querySelectorAll('[data-kgmap]');"
        " return r.length > 0 && [...r].every(m => m.dataset.ready === 'true'); }", timeout=timeout_ms)
    return page


COUNTS_JS = """(sel) => { const r = document.querySelector(sel || '[data-kgmap]');
  return {nodes: r.kgmap.nodes.length, edges: r.kgmap.edges.length, shown: r.kgmap.nodeView.length}; }"""

INK_JS = """(sel) => { const c = document.querySelector(sel || '[data-kgmap]').querySelector('canvas');
  const g = c.getContext('2d'); const d = g.getImageData(0, 0, c.width, c.height).data; let ink = 0;
  for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) ink++; }
  return ink; }"""
