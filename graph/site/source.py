"""A source document's page: its metadata and every fact taken from it."""

from __future__ import annotations

from graph.site.facts import claims_from
from graph.site.render import render

__all__ = ["source_page", "META_NAMES"]

_DC = "http://purl.org/dc/terms/"
_SD = "https://w3id.org/sociaal-domein/def#"
#: Metadata shown, in this order (predicate -> Dutch name).
META_NAMES = {_DC + "title": "Titel", _DC + "publisher": "Uitgever", _DC + "creator": "Auteur",
              _DC + "issued": "Datum", _DC + "description": "Beschrijving", _DC + "identifier": "Kenmerk",
              _SD + "bestandsnaam": "Bestand (tekst)", "https://schema.org/url": "Adres",
              _DC + "source": "Oorspronkelijk adres"}


def source_page(ix, ident: str) -> str | None:
    """The page of source ``ident`` (e.g. "004"), or None when there is no such source.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> "Feiten uit deze bron" in source_page(site_index(example_kg()), "T1")
    True
    >>> source_page(site_index(example_kg()), "nergens") is None
    True
    """
    from graph.site.entity import ALTERNATES

    meta = ix.sources.get(ident)
    if meta is None:
        return None
    shown = [(name, meta[p]) for p, name in META_NAMES.items() if meta.get(p)]
    rows = ix.by_source.get(ident)
    listed = []
    if rows is not None:
        for s, group in rows.groupby("s", sort=False):
            for f in claims_from(group):
                listed.extend((s, f, c) for c in f.claims)
    listed.sort(key=lambda r: (ix.label(r[0]).casefold(), r[0], ix.label(r[1].predicate), r[1].value))
    stated = sum(1 for _, _, c in listed if c.status == "vermeld")
    title = (meta.get(_DC + "title") or [ident])[0]
    return render("source.html", ix, title=title, iri=meta["iri"][0], meta=shown, rows=listed, count=len(listed),
                  stated=stated, alternates=ALTERNATES)
