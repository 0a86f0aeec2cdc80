"""Keep the part of a view a filtered map shows: by theme, entity kind, award year, stated facts only."""

from __future__ import annotations

import unicodedata

import networkx as nx

__all__ = ["filter_view", "fold"]


def fold(text: str) -> str:
    """Lower case without accents, for forgiving name matching.

    Examples
    --------
    >>> fold("  Zoëtermeer ")
    'zoetermeer'
    """
    decomposed = unicodedata.normalize("NFD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def filter_view(G: nx.Graph, *, theme: str | None = None, kind: str | None = None, year: int | None = None,
                stated_only: bool = False) -> nx.Graph:
    """The subgraph a filtered map shows.

    Parameters
    ----------
    G : networkx graph
        A view with the views' node and edge attributes.
    theme : str, optional
        Keep nodes with this theme (accents and case ignored; a part of the label is enough)
        and their direct neighbours, so the theme's initiatives show who carries them.
    kind : str, optional
        Keep nodes of this kind (``"Organisatie"``) or organisation kind (``soort``, e.g.
        ``"sociaalwerkorganisatie"``; case and accents ignored) and their direct neighbours.
    year : int, optional
        Keep the gemeenten that were Gouden Gemeente in this year and their direct neighbours.
    stated_only : bool
        Drop inferred edges and nodes (keep what a source states literally).

    Returns
    -------
    networkx graph
        A new graph of the same type (attributes are shared with ``G``).

    Examples
    --------
    >>> from graph.maps.synthetic import synthetic_view
    >>> G = synthetic_view(200, seed=2)
    >>> H = filter_view(G, kind="voorziening")
    >>> all(d["kind"] == "Voorziening" or any(G.nodes[m]["kind"] == "Voorziening" for m in G[n])
    ...     for n, d in H.nodes(data=True))
    True
    >>> any(d["inferred"] for _, _, d in filter_view(G, stated_only=True).edges(data=True))
    False
    """
    keep = set(G.nodes)
    if stated_only:
        keep = {n for n in keep if not G.nodes[n].get("inferred", False)}
    seeds = None
    if kind is not None:
        wanted = fold(kind)
        seeds = {n for n in keep if wanted in (fold(G.nodes[n].get("kind", "")), fold(G.nodes[n].get("soort", "")))}
    if theme is not None:
        wanted = fold(theme)
        found = {n for n in keep if any(wanted in fold(t) for t in G.nodes[n].get("themes") or [])}
        seeds = found if seeds is None else seeds & found
    if year is not None:
        found = {n for n in keep if int(year) in (G.nodes[n].get("awards") or [])}
        seeds = found if seeds is None else seeds & found
    if seeds is not None:
        keep = seeds | {m for n in seeds for m in nx.all_neighbors(G, n) if m in keep}
    H = G.subgraph(keep).copy()
    if stated_only:
        if H.is_multigraph():
            H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d.get("inferred")])
        else:
            H.remove_edges_from([(u, v) for u, v, d in H.edges(data=True) if d.get("inferred")])
    return H
