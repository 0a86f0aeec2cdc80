"""The helpful 404 page: what was not found, close names, ways on."""

from __future__ import annotations

from graph.site.render import render

__all__ = ["not_found_page"]


def not_found_page(ix, path: str, *, iri: str | None = None) -> str:
    """The 404 page for ``path``; for an entity IRI it names the IRI and suggests close names.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> html = not_found_page(site_index(example_kg()), "/id/organisatie/alfaa",
    ...                       iri="https://w3id.org/sociaal-domein/id/organisatie/alfaa")
    >>> "Alfa" in html and "alfaa" in html
    True
    """
    from graph.analysis.names import suggestions

    if iri:
        message = (f"De kennisgraaf kent geen {iri.rstrip('/').rsplit('/', 2)[-2]} met de IRI {iri}. "
                   "Misschien is de naam anders gespeld of is het adres verouderd.")
        close = suggestions(ix.names, iri.rsplit("/", 1)[-1]) if ix is not None else []
    else:
        message = f"Op dit adres ({path}) staat geen pagina."
        close = []
    return render("404.html", ix, title="Niet gevonden", message=message, suggestions=close, query="")
