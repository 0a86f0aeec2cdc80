"""Where things live on the site: entity IRI <-> page path, document suffixes, safe slugs."""

from __future__ import annotations

import re

from graph.namespaces import KINDS, SDI

__all__ = ["ID_BASE", "SUFFIXES", "iri_for", "page_path", "split_suffix", "is_site_iri"]

#: The instance namespace; an entity's page is the IRI's path under the server (``/id/<kind>/<slug>``).
ID_BASE = str(SDI)
#: Document suffix -> format name (``html`` for the page, the rest as in :data:`graph.sparql.RESULT_FORMATS`).
SUFFIXES = {"html": "html", "ttl": "ttl", "nt": "nt", "jsonld": "jsonld"}
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")


def iri_for(kind: str, slug: str) -> str | None:
    """The IRI of ``/id/<kind>/<slug>``, or None when the path cannot name an entity.

    Only known kinds and plain slugs (letters, digits, ``-``, ``_``, ``.``) pass, so a path
    never puts anything but a well-formed IRI into a query.

    Examples
    --------
    >>> iri_for("gemeente", "gm0503")
    'https://w3id.org/sociaal-domein/id/gemeente/gm0503'
    >>> iri_for("gemeente", "gm0503> } DROP ALL {") is None, iri_for("nergens", "x") is None
    (True, True)
    """
    if kind not in KINDS or not _SLUG.match(slug):
        return None
    return f"{ID_BASE}{kind}/{slug}"


def is_site_iri(iri: str) -> bool:
    """True when the IRI has a page on this site (``/id/<kind>/<slug>``).

    >>> is_site_iri("https://w3id.org/sociaal-domein/id/bron/004"), is_site_iri("https://schema.org/Thing")
    (True, False)
    """
    if not iri.startswith(ID_BASE):
        return False
    kind, _, slug = iri[len(ID_BASE):].partition("/")
    return iri_for(kind, slug) == iri


def page_path(iri: str, fmt: str | None = None) -> str:
    """The site path of an entity's page (``fmt=None``: the IRI's own path, negotiated) or one document.

    Examples
    --------
    >>> page_path("https://w3id.org/sociaal-domein/id/gemeente/gm0503")
    '/id/gemeente/gm0503'
    >>> page_path("https://w3id.org/sociaal-domein/id/gemeente/gm0503", "ttl")
    '/id/gemeente/gm0503.ttl'
    """
    path = "/id/" + iri[len(ID_BASE):]
    return f"{path}.{fmt}" if fmt else path


def split_suffix(slug: str) -> tuple[str, str | None]:
    """Split a known document suffix off a slug.

    >>> split_suffix("gm0503.jsonld"), split_suffix("gm0503")
    (('gm0503', 'jsonld'), ('gm0503', None))
    """
    stem, dot, ext = slug.rpartition(".")
    if dot and ext in SUFFIXES:
        return stem, ext
    return slug, None
