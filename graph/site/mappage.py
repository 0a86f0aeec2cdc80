"""The map of an entity on its own page (``/kaart/<kind>/<slug>``): drawn by :func:`graph.maps.render_map`,
the only site pages that run scripts and the only ones other sites may frame."""

from __future__ import annotations

import networkx as nx

from graph.site.paths import ID_BASE

__all__ = ["map_path", "map_view", "map_page"]


def map_path(iri: str) -> str:
    """The map page of an entity.

    >>> map_path("https://w3id.org/sociaal-domein/id/gemeente/gm0503")
    '/kaart/gemeente/gm0503'
    """
    return "/kaart/" + iri[len(ID_BASE):]


def map_view(ix, iri: str) -> nx.Graph | None:
    """The part of a view the entity's map shows, or None when it has no tie to draw.

    A gemeente or regio: itself, its partners and what is placed in it (cooperation graph);
    an organisation: its partners; a network, initiative or other hub: its members.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> sorted(map_view(site_index(example_kg()), "https://w3id.org/sociaal-domein/id/organisatie/b"))[:1]
    ['https://w3id.org/sociaal-domein/id/organisatie/a']
    """
    from graph.maps.select import gemeente_part

    key = ("map_view", iri)
    if key in ix.cache:
        return ix.cache[key]
    view = None
    kind = ix.table.at[iri, "kind"] if iri in ix.table.index else ""
    if iri in ix.cooperation and ix.cooperation.degree(iri):
        G = ix.cooperation
        view = gemeente_part(G, iri) if kind in ("Gemeente", "Regio") else nx.ego_graph(G, iri, radius=1)
    elif iri in ix.affiliation and ix.affiliation.degree(iri):
        view = nx.ego_graph(ix.affiliation, iri, radius=1)
    ix.cache[key] = view
    return view


def map_page(ix, iri: str) -> str | None:
    """The self-contained map page of ``iri`` (cached per graph), or None when there is no map.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> map_page(site_index(example_kg()), "https://w3id.org/sociaal-domein/id/organisatie/a").startswith("<!DOCTYPE")
    True
    """
    from graph.maps import render_map

    key = ("map_page", iri)
    if key not in ix.cache:
        view = map_view(ix, iri)
        ix.cache[key] = None if view is None else render_map(
            view, title=f"{ix.label(iri)} en wie ermee samenwerkt")
    return ix.cache[key]
