"""Linked Data for every entity: content negotiation and the entity's description (its triples, the claims
about it and their sources) in Turtle, N-Triples or JSON-LD, through the safe query layer.

Choice (W3C "Cool URIs for the Semantic Web", section 4.3, "303 URIs forwarding to different documents"):
an entity IRI ``/id/<kind>/<slug>`` names the thing, not a document, so it always answers
``303 See Other`` to the document the ``Accept`` header asks for: ``.html`` for browsers, ``.ttl``,
``.nt`` or ``.jsonld`` for machines. The documents answer 200 and never redirect.
"""

from __future__ import annotations

__all__ = ["MEDIA_TYPES", "choose_format", "describe_query", "describe"]

#: Document format -> media type sent.
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "ttl": "text/turtle; charset=utf-8",
               "nt": "application/n-triples", "jsonld": "application/ld+json"}
_ACCEPTED = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "ttl",
             "application/x-turtle": "ttl", "application/n-triples": "nt", "text/plain": "nt",
             "application/ld+json": "jsonld", "application/json": "jsonld"}


def choose_format(accept: str | None) -> str | None:
    """The document format for an ``Accept`` header (``q`` weights honoured; ties: the header's order,
    HTML first for ``*/*``), or None when nothing offered is acceptable.

    Examples
    --------
    >>> choose_format("text/html,application/xhtml+xml,*/*;q=0.8"), choose_format(None)
    ('html', 'html')
    >>> choose_format("text/turtle;q=0.9, application/ld+json"), choose_format("application/n-triples")
    ('jsonld', 'nt')
    >>> choose_format("image/png") is None
    True
    """
    if not accept or not accept.strip():
        return "html"
    best: tuple[float, int, str] | None = None
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        fmt = _ACCEPTED.get(media) or ("html" if media in ("*/*", "text/*") else None)
        if fmt and (best is None or (q, -order) > (best[0], -best[1])):
            best = (q, order, fmt)
    return best[2] if best else None


def describe_query(iri: str) -> str:
    """The CONSTRUCT query of an entity's description (``iri`` must be checked by :func:`graph.site.paths.iri_for`).

    >>> "rdf-syntax-ns#subject> <https://w3id.org/sociaal-domein/id/gemeente/gm0503>" in describe_query(
    ...     "https://w3id.org/sociaal-domein/id/gemeente/gm0503")
    True
    """
    rdf_subject = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>"
    derived = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
    return (f"CONSTRUCT {{ <{iri}> ?p ?o . ?c ?cp ?co . ?b ?bp ?bo }} WHERE {{ {{ <{iri}> ?p ?o }} UNION "
            f"{{ ?c {rdf_subject} <{iri}> ; ?cp ?co }} UNION "
            f"{{ ?c {rdf_subject} <{iri}> ; {derived} ?b . ?b ?bp ?bo }} }}")


def describe(pool, iri: str, fmt: str) -> bytes:
    """The description of ``iri`` serialized as ``fmt`` (``ttl``, ``nt``, ``jsonld``) by a
    :class:`graph.sparql.QueryPool` (time and size limits apply)."""
    return pool.execute(describe_query(iri), serialize=fmt)
