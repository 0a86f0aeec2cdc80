"""Open and write the built graph. The only module that names a store (pyoxigraph).

The embedded default is an in-memory :class:`pyoxigraph.Store` loaded from the
built N-Quads: no server, fast loads, SPARQL 1.1 over a default graph that
holds every triple once, and one named graph per source. rdflib terms are
converted here so the rest of the code can use rdflib's API without knowing
which store runs underneath.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from graph.namespaces import FILE_PREFIXES, PREFIXES
from graph.settings import output_dir
from graph.sparql import Limits, library_limits, run_query
from graph.terms import from_rdflib

__all__ = ["KnowledgeGraph", "load", "GRAPH_FILE", "FORMATS"]

GRAPH_FILE = "kennisgraaf.nq"
#: export name -> (pyoxigraph format, file name, keeps named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, str, bool]] = {
    "nq": (ox.RdfFormat.N_QUADS, "kennisgraaf.nq", True),
    "trig": (ox.RdfFormat.TRIG, "kennisgraaf.trig", True),
    "ttl": (ox.RdfFormat.TURTLE, "kennisgraaf.ttl", False),
    "jsonld": (ox.RdfFormat.JSON_LD, "kennisgraaf.jsonld", True),
}


def _with_default_graph(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> Iterable[ox.Quad]:
    """rdflib quads (graph None = default graph) as pyoxigraph quads, each also in the default graph."""
    default = ox.DefaultGraph()
    for s, p, o, g in quads:
        triple = (from_rdflib(s), from_rdflib(p), from_rdflib(o))
        yield ox.Quad(*triple, default)
        if g is not None:
            yield ox.Quad(*triple, from_rdflib(g))


def _from_ox(t) -> Node:
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


class KnowledgeGraph:
    """The built knowledge graph in an embedded store.

    The default graph holds every triple once: facts, claim nodes, the
    ontology, the concept schemes and the dataset description. Each source's
    facts are also in that source's named graph, so ``GRAPH ?g { ... }`` tells
    which sources a triple comes from (its claims say whether stated or inferred). The built files carry this layout, so
    loading is a plain parse and any SPARQL store that reads them sees the
    same default graph (no union flag, no triple counted twice).
    """

    def __init__(self, store: ox.Store | None = None) -> None:
        self.store = store if store is not None else ox.Store()

    @classmethod
    def from_quads(cls, quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> KnowledgeGraph:
        """Build an in-memory graph from rdflib quads (graph None = default graph), or from the
        :class:`graph.terms.Quads` that :func:`graph.build.assemble` returns.

        A quad in a named graph is also added to the default graph.
        """
        from graph import terms

        kg = cls()
        if isinstance(quads, terms.Quads):
            terms.load_quads(kg.store, quads)
        else:
            kg.store.extend(_with_default_graph(quads))
        return kg

    @classmethod
    def from_file(cls, path: Path) -> KnowledgeGraph:
        """Load a built serialization (format from the file extension) as it is."""
        kg = cls()
        kg.store.load(path=str(path))
        return kg

    def add_file(self, path: Path, graph: str) -> None:
        """Load an RDF file (format from its extension) as the named graph ``graph``, and its triples
        into the default graph too (the layout of a build: every triple once in the default graph)."""
        self.store.load(path=str(path), to_graph=ox.NamedNode(graph))
        self.store.load(path=str(path), to_graph=ox.DefaultGraph())

    def __len__(self) -> int:
        """Number of triples in the default graph (each distinct triple once)."""
        result = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(result))["n"].value)

    def raw_query(self, sparql: str):
        """Run one of the package's own fixed queries in this process; pyoxigraph's result object.

        For the build's checks and counts only: no limits and no child process.
        SPARQL that comes from a user always goes through :meth:`query`.
        """
        return self.store.query(sparql, prefixes=PREFIXES)

    def frame(self, sparql: str):
        """Run one of the package's own fixed SELECT queries (views, analysis, site index) in this process.

        Returns a DataFrame like :meth:`query`, without a child process or limits: these queries are
        written in the package and take no user input, and a large view must not be cut short. SPARQL
        that comes from a user always goes through :meth:`query`.
        """
        from graph.sparql import evaluate

        return evaluate(self.store, sparql, limits=Limits(timeout=None, max_rows=None))

    def query(self, sparql: str, *, limits: Limits | None = None, default_graph=None, named_graphs=None):
        """Run SPARQL through the safe query layer (:mod:`graph.sparql`) and return plain values.

        SELECT returns a :class:`pandas.DataFrame`, ASK a bool, CONSTRUCT/DESCRIBE
        a list of rdflib triples. The query runs with a time and a row limit
        (``limits``; default :func:`graph.sparql.library_limits`, 120 s and a
        million rows) and may not fetch anything: ``SERVICE``, updates and
        ``FROM`` of a graph the store does not hold are refused.

        Raises
        ------
        graph.sparql.QueryError
            A syntax error, a refused query, or a limit passed; ``.message`` says which in one line.
        """
        result = run_query(self.store, sparql, limits=limits or library_limits(), default_graph=default_graph,
                           named_graphs=named_graphs, graphs=set(self.named_graphs()))
        if isinstance(result, list):
            return [(_from_ox(s), _from_ox(p), _from_ox(o)) for s, p, o in result]
        return result

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs (one per source, plus ontology and metadata)."""
        return sorted(g.value for g in self.store.named_graphs())

    def sorted_quads(self) -> list[ox.Quad]:
        """Every quad in the order files are written: the default graph, then each named graph by
        IRI, each sorted by its N-Quads line (so Turtle groups a subject's triples). Sort once, dump many."""
        out = sorted(self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()), key=str)
        for g in sorted(self.store.named_graphs(), key=str):
            out.extend(sorted(self.store.quads_for_pattern(None, None, None, g), key=str))
        return out

    def dump(self, target: Path | None, fmt: str = "nq", quads: list[ox.Quad] | None = None) -> bytes | None:
        """Serialize the whole graph; ``ttl`` writes the default graph (every triple once).

        Output is sorted (see :meth:`sorted_quads`), so the same graph always
        gives the same file. ``quads`` may pass :meth:`sorted_quads` in when
        writing several formats.
        """
        oxfmt, _, keeps_graphs = FORMATS[fmt]
        prefixes = FILE_PREFIXES if fmt in ("ttl", "trig") else None
        quads = quads if quads is not None else self.sorted_quads()
        if keeps_graphs:
            items = quads
        else:
            items = [ox.Triple(q.subject, q.predicate, q.object) for q in quads
                     if isinstance(q.graph_name, ox.DefaultGraph)]
        return ox.serialize(items, str(target) if target else None, format=oxfmt, prefixes=prefixes)

    def to_rdflib(self) -> Dataset:
        """A copy as an rdflib :class:`~rdflib.Dataset` (default and named graphs kept)."""
        ds = Dataset()
        for q in self.store:
            triple = (_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object))
            if isinstance(q.graph_name, ox.DefaultGraph):
                ds.default_graph.add(triple)
            else:
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
