"""RDF terms and quads as the build makes them: pyoxigraph's, made directly.

The build maps a million triples; making rdflib terms first and converting
them for the store cost most of its time and memory. Here terms are the
store's own (Rust-backed, hashable), and the few that need a normalised
lexical form (dates, durations, numbers) are made through rdflib once per
distinct value, so the output is the same as when rdflib made every term.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["Quad", "Term", "DEFAULT_GRAPH", "iri", "named", "text", "typed", "quad", "from_rdflib",
           "with_default_graph"]

Quad = ox.Quad
Term = ox.NamedNode | ox.BlankNode | ox.Literal
#: The default graph (where claims live, and every triple once in the built graph).
DEFAULT_GRAPH = ox.DefaultGraph()


def iri(value: str) -> ox.NamedNode:
    """A named node (not cached: for IRIs made once, such as claims).

    Examples
    --------
    >>> iri("https://w3id.org/sociaal-domein/id/gemeente/gm0503").value
    'https://w3id.org/sociaal-domein/id/gemeente/gm0503'
    """
    return ox.NamedNode(value)


@cache
def named(value: str) -> ox.NamedNode:
    """A named node, made once per IRI (vocabulary terms, entities referred to often).

    Examples
    --------
    >>> named("http://www.w3.org/ns/org#role") is named("http://www.w3.org/ns/org#role")
    True
    """
    return ox.NamedNode(value)


def text(value: str, lang: str | None = None) -> ox.Literal:
    """A plain (``xsd:string``) or language-tagged literal.

    Examples
    --------
    >>> str(text("Delft", "nl"))
    '"Delft"@nl'
    """
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


@cache
def typed(value, datatype: str) -> ox.Literal:
    """A typed literal with the lexical form rdflib gives it (normalised, e.g. ``P1Y0M`` stays as rdflib says).

    Examples
    --------
    >>> typed(8.5, "http://www.w3.org/2001/XMLSchema#decimal").value
    '8.5'
    """
    return ox.Literal(str(Literal(value, datatype=URIRef(datatype))), datatype=named(datatype))


def quad(s: Term, p: ox.NamedNode, o: Term, g: ox.NamedNode | None = None) -> ox.Quad:
    """A quad; ``g`` None means the default graph."""
    return ox.Quad(s, p, o, DEFAULT_GRAPH if g is None else g)


def from_rdflib(term: Node) -> Term:
    """The pyoxigraph term for an rdflib term.

    Examples
    --------
    >>> from rdflib import Literal
    >>> str(from_rdflib(Literal("2017", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))))
    '"2017"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    """
    if isinstance(term, URIRef):
        return named(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=named(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def with_default_graph(quads: Iterable[ox.Quad]) -> Iterable[ox.Quad]:
    """Each quad, and for one in a named graph also its triple in the default graph.

    The built graph's layout: the default graph holds every triple once (the
    store drops repeats), each source's facts are also in its named graph.
    """
    for q in quads:
        yield q
        if not isinstance(q.graph_name, ox.DefaultGraph):
            yield ox.Quad(q.subject, q.predicate, q.object, DEFAULT_GRAPH)
