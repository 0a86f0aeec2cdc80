"""Show a map inline in Jupyter (Lab, Notebook, VS Code): an ``<iframe srcdoc>`` that needs no extension."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

import networkx as nx

from graph.maps.render import render_map

__all__ = ["MapDisplay", "show_map"]


class MapDisplay:
    """A rendered map that Jupyter displays inline.

    The page goes into an iframe's ``srcdoc`` (HTML-escaped), so its scripts run in their own
    document: no CDN, no server extension, no clash with the notebook's own scripts.

    Parameters
    ----------
    page : str
        A full HTML page from :func:`graph.maps.render.render_map`.
    height : int
        Height of the frame in pixels.

    Examples
    --------
    >>> d = MapDisplay("<p>a & b</p>", height=300)
    >>> d._repr_html_()[:51]
    '<iframe srcdoc="&lt;p&gt;a &amp; b&lt;/p&gt;" style'
    """

    def __init__(self, page: str, *, height: int = 650) -> None:
        self.page = page
        self.height = int(height)

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:0" '
                f'sandbox="allow-scripts" title="Kaart"></iframe>')

    def save(self, path) -> None:
        """Write the page to a file."""
        from pathlib import Path

        Path(path).write_text(self.page, encoding="utf-8")


def show_map(G: nx.Graph, *, title: str, size_by: str | Mapping | Callable | None = None,
             size_label: str | None = None, positions: Mapping | None = None, note: str | None = None,
             height: int = 650, seed: int = 0) -> MapDisplay:
    """A map to display inline in a notebook (the last expression of a cell).

    Examples
    --------
    >>> from graph.maps.synthetic import synthetic_view
    >>> show_map(synthetic_view(20), title="Proef")._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    page = render_map(G, title=title, size_by=size_by, size_label=size_label, positions=positions,
                      note=note, height=f"{height - 20}px", seed=seed)
    return MapDisplay(page, height=height)
