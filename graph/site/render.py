"""Render a site template (Jinja2, autoescape on: every data value is escaped)."""

from __future__ import annotations

from functools import cache

from graph.site.paths import is_site_iri, page_path

__all__ = ["environment", "render", "KIND_NAMES", "FIELD_NAMES"]

#: Dutch name of each kind of entity (class name -> text).
KIND_NAMES = {"Gemeente": "gemeente", "Provincie": "provincie", "Regio": "regio", "Stadsdeel": "stadsdeel",
              "Wijk": "wijk", "Organisatie": "organisatie", "Samenwerkingsverband": "samenwerkingsverband",
              "Initiatief": "initiatief", "Voorziening": "voorziening", "Afspraak": "afspraak",
              "Persoon": "persoon", "Onderscheiding": "onderscheiding"}
#: Dutch headings of the profile fields (graph.analysis.profiles.PROFILE_COLUMNS).
FIELD_NAMES = {"gemeente": "Naam", "soort_entiteit": "Soort", "cbs_code": "CBS-code", "provincie": "Provincie",
               "gouden_gemeente": "Gouden Gemeente", "voorgedragen_door": "Voorgedragen door",
               "aantal_organisaties": "Aantal organisaties", "organisaties": "Organisaties",
               "soorten_organisaties": "Soorten organisaties",
               "aantal_samenwerkingsverbanden": "Aantal samenwerkingsverbanden",
               "samenwerkingsverbanden": "Samenwerkingsverbanden", "aantal_initiatieven": "Aantal initiatieven",
               "initiatieven": "Initiatieven", "themas": "Thema's", "toegangsmodel": "Toegangsmodel",
               "geen_toegangsmodel": "Uitdrukkelijk geen", "afspraken": "Afspraken", "werkprincipes": "Werkprincipes",
               "aantallen": "Aantallen", "aantal_bronnen": "Aantal bronnen", "bronnen": "Bronnen",
               "aantal_beweringen": "Aantal beweringen", "aantal_afgeleid": "Waarvan afgeleid"}


@cache
def environment():
    """The Jinja2 environment of the site templates (``graph/site/templates``), autoescaping everything."""
    from jinja2 import Environment, PackageLoader

    env = Environment(loader=PackageLoader("graph.site", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(KIND_NAMES=KIND_NAMES, FIELD_NAMES=FIELD_NAMES, page_path=page_path)
    return env


def render(template: str, ix=None, **context) -> str:
    """Render ``template`` with ``context``; with a site index, ``label(iri)`` and ``href(iri)`` are available.

    Examples
    --------
    >>> html = render("404.html", title="<b>", message="<script>x</script>", suggestions=[], query="")
    >>> "<script>x" in html, "&lt;script&gt;x" in html, '<html lang="nl">' in html
    (False, True, True)
    """

    def href(iri: str) -> str | None:
        if ix is not None and is_site_iri(iri) and ix.exists(iri):
            return page_path(iri, "html")
        return None

    def label(iri: str) -> str:
        return ix.label(iri) if ix is not None else iri

    return environment().get_template(template).render(href=href, label=label, **context)
