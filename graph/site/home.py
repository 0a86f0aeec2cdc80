"""The home page: what this is, the Gouden Gemeenten by year, search, links to the query page and the dump."""

from __future__ import annotations

from graph.site.render import render

__all__ = ["home_page", "source_list"]

_DC = "http://purl.org/dc/terms/"


def source_list(ix) -> list[dict]:
    """Every source document as ``{id, iri, title, publisher, issued}``, by id.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> [s["id"] for s in source_list(site_index(example_kg()))]
    ['T1', 'T2']
    """
    out = []
    for ident, meta in sorted(ix.sources.items()):
        def first(p, meta=meta):
            return (meta.get(_DC + p) or [""])[0]

        out.append({"id": ident, "iri": meta["iri"][0], "title": first("title") or ident,
                    "publisher": first("publisher") or "uitgever niet vermeld", "issued": first("issued")})
    return out


def home_page(ix) -> str:
    """The home page as HTML.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> "Gouden Gemeenten per jaar" in home_page(site_index(example_kg()))
    True
    """
    gg = ix.gouden_gemeenten()
    by_year = [(int(jaar), rows.to_dict("records")) for jaar, rows in gg.groupby("jaar", sort=True)]
    return render("home.html", ix, title="Gouden Gemeenten", by_year=by_year, sources=source_list(ix))
