"""Open and write the built graph. The only module that names a store (pyoxigraph).

The embedded default is an in-memory :class:`pyoxigraph.Store` bulk-loaded from
the built N-Quads: no server, fast loads, SPARQL 1.1 over the union of the
named graphs. rdflib terms are converted here so the rest of the code can use
rdflib's API without knowing which store runs underneath.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from graph.namespaces import PREFIXES
from graph.settings import output_dir

__all__ = ["KnowledgeGraph", "load", "to_oxigraph", "GRAPH_FILE", "FORMATS"]

GRAPH_FILE = "kennisgraaf.nq"
#: export name -> (pyoxigraph format, file name, keeps named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, str, bool]] = {
    "nq": (ox.RdfFormat.N_QUADS, "kennisgraaf.nq", True),
    "trig": (ox.RdfFormat.TRIG, "kennisgraaf.trig", True),
    "ttl": (ox.RdfFormat.TURTLE, "kennisgraaf.ttl", False),
    "jsonld": (ox.RdfFormat.JSON_LD, "kennisgraaf.jsonld", True),
}


def _term(t: Node):
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"cannot store {t!r}")


def to_oxigraph(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> list[ox.Quad]:
    """Convert rdflib quads (graph None = default graph) to pyoxigraph quads."""
    return [ox.Quad(_term(s), _term(p), _term(o),
                    ox.DefaultGraph() if g is None else _term(g)) for s, p, o, g in quads]


def _from_ox(t) -> Node:
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class KnowledgeGraph:
    """The built knowledge graph in an embedded store.

    Each source's facts live in its own named graph. The default graph is their
    union as a *set*: a fact two sources state is one triple there, so counts
    and joins behave as SPARQL users expect (pyoxigraph's built-in union mode
    would return it once per graph). Use ``GRAPH ?g { ... }`` to ask which
    source graph a triple is in.
    """

    def __init__(self, store: ox.Store | None = None) -> None:
        self.store = store if store is not None else ox.Store()

    def _materialise_union(self) -> KnowledgeGraph:
        self.store.update(_UNION)
        return self

    @classmethod
    def from_quads(cls, quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> KnowledgeGraph:
        """Build an in-memory graph from rdflib quads."""
        kg = cls()
        kg.store.extend(to_oxigraph(quads))
        return kg._materialise_union()

    @classmethod
    def from_file(cls, path: Path) -> KnowledgeGraph:
        """Bulk-load a serialization (format from the file extension)."""
        kg = cls()
        kg.store.bulk_load(path=str(path))
        return kg._materialise_union()

    def __len__(self) -> int:
        """Number of quads in the named graphs (the union default graph not counted)."""
        result = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(result))["n"].value)

    def _named_quads(self):
        return (q for q in self.store if not isinstance(q.graph_name, ox.DefaultGraph))

    def raw_query(self, sparql: str):
        """Run SPARQL and return pyoxigraph's own result object."""
        return self.store.query(sparql, prefixes=PREFIXES)

    def query(self, sparql: str):
        """Run a SPARQL SELECT and return a :class:`pandas.DataFrame`.

        ASK returns a bool; CONSTRUCT/DESCRIBE return a list of rdflib triples.
        """
        from graph.tables import results_to_frame

        return results_to_frame(self.raw_query(sparql))

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs (one per source, plus ontology and metadata)."""
        return sorted(g.value for g in self.store.named_graphs())

    def dump(self, target: Path | None, fmt: str = "nq") -> bytes | None:
        """Serialize the whole graph; ``ttl`` flattens the named graphs into one."""
        oxfmt, _, keeps_graphs = FORMATS[fmt]
        if keeps_graphs:
            return ox.serialize(self._named_quads(), str(target) if target else None, format=oxfmt,
                                prefixes=PREFIXES if fmt == "trig" else None)
        triples = (ox.Triple(q.subject, q.predicate, q.object)
                   for q in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return ox.serialize(triples, str(target) if target else None, format=oxfmt, prefixes=PREFIXES)

    def to_rdflib(self) -> Dataset:
        """A copy as an rdflib :class:`~rdflib.Dataset` (named graphs kept)."""
        ds = Dataset()
        for q in self._named_quads():
            triple = (_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object))
            ds.graph(_from_ox(q.graph_name)).add(triple)
        return ds


def load(path: Path | str | None = None) -> KnowledgeGraph:
    """Load the last good build (``output/kennisgraaf.nq``) into an embedded store.

    Examples
    --------
    >>> import graph
    >>> kg = graph.load()                              # doctest: +SKIP
    >>> kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a sd:Gemeente }")  # doctest: +SKIP
    """
    path = Path(path) if path else output_dir() / GRAPH_FILE
    if path.is_dir():
        path = path / GRAPH_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: run 'kennisgraaf build' (or 'make run') first")
    return KnowledgeGraph.from_file(path)
