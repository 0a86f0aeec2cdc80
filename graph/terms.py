"""RDF terms and quads as the build makes them: pyoxigraph's, made directly.

The build maps a million triples; making rdflib terms first and converting
them for the store cost most of its time and memory. Here terms are the
store's own (Rust-backed, hashable), and the few that need a normalised
lexical form (dates, durations, numbers) are made through rdflib once per
distinct value, so the output is the same as when rdflib made every term.
The mapped facts and claims travel to the store as N-Quads text
(:class:`Quads`): formatting a line from terms' cached text is several times
cheaper than making a Python quad object, and the store parses it in Rust.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["Quad", "Term", "Quads", "DEFAULT_GRAPH", "iri", "named", "text", "typed", "quad", "from_rdflib",
           "with_default_graph", "load_quads"]

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


@dataclass
class Quads:
    """Quads on their way to the store.

    ``lines`` holds N-Quads text, each item one or more complete lines (the
    mapped facts and claims; a fact in a named graph also has its
    default-graph line); ``terms`` holds quad objects (ontology, source
    metadata: they carry blank nodes, whose labels must stay as made).
    """

    lines: list[str] = field(default_factory=list)
    terms: list[ox.Quad] = field(default_factory=list)


def load_quads(store: ox.Store, quads: Quads | Iterable[ox.Quad], chunk: int = 50_000) -> None:
    """Add ``quads`` to ``store`` in the built layout (every triple also in the default graph).

    Examples
    --------
    >>> st = ox.Store()
    >>> load_quads(st, Quads(lines=['<http://a> <http://b> "c" <http://g> .\\n<http://a> <http://b> "c" .\\n']))
    >>> len(st)
    2
    """
    if not isinstance(quads, Quads):
        quads = Quads(terms=list(quads))
    for i in range(0, len(quads.lines), chunk):
        store.load(input="".join(quads.lines[i:i + chunk]).encode(), format=ox.RdfFormat.N_QUADS)
    store.extend(with_default_graph(quads.terms))
