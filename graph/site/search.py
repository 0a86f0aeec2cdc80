"""Search by name, forgiving as in the CLI (case, accents, spaces, "gemeente"), with suggestions."""

from __future__ import annotations

from graph.site.render import render

__all__ = ["search"]


def search(ix, query: str) -> tuple[int, str | None, str]:
    """Find ``query``: (303, path of the one match, "") or (200, None, a page listing matches or suggestions).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> ix = site_index(example_kg())
    >>> search(ix, "beta zorg")[:2]
    (303, '/id/organisatie/b.html')
    >>> status, _, page = search(ix, "Gama")
    >>> status, "Gamma" in page
    (200, True)
    """
    from graph.analysis.names import AmbiguousName, UnknownName, resolve
    from graph.site.paths import page_path

    query = query.strip()
    kinds = ix.table["kind"].to_dict()
    if not query:
        return 200, None, render("search.html", ix, title="Zoeken", message="Typ een naam.", matches=[],
                                 kinds=kinds, query="")
    try:
        iri = resolve(None, query, names=ix.names)
    except AmbiguousName as exc:
        return 200, None, render("search.html", ix, title=f"Meer dan één treffer voor „{query}”",
                                 message="Kies er een:", matches=exc.matches, kinds=kinds, query=query)
    except UnknownName as exc:
        msg = "Bedoelt u een van deze?" if exc.matches else "Probeer een andere spelling of een deel van de naam."
        return 200, None, render("search.html", ix, title=f"Niets gevonden voor „{query}”", message=msg,
                                 matches=exc.matches, kinds=kinds, query=query)
    return 303, page_path(iri, "html"), ""
