"""The stores compared: pyoxigraph (the project's), rdflib's memory store, rdflib on oxrdflib.

Each store is opened the way a user of it would: the project's
:class:`graph.store.KnowledgeGraph` loads N-Quads into pyoxigraph (whatever
extra work its loader does, such as a set-semantics union default graph, is
part of the figure); rdflib parses N-Quads into a :class:`rdflib.Dataset` on
its default memory store, or on the oxrdflib store with oxrdflib's own
N-Quads parser (``ox-nquads``). ``pyoxigraph-plain`` is a bare
``pyoxigraph.Store.bulk_load``, to see what the project's loader adds.

Queries see the union of the named graphs in every store and get the same
prefixes (:data:`graph.namespaces.PREFIXES`). In ``pyoxigraph-plain`` and
``rdflib-oxigraph`` that union is pyoxigraph's ``use_default_graph_as_union``,
a bag: a triple in two graphs matches twice, so row counts can differ from the
other stores (the report flags it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["STORES", "DEFAULT_STORES", "BASELINE", "OpenStore", "open_store", "describe"]

#: Store names, in the order they are measured and printed.
STORES = ("pyoxigraph", "pyoxigraph-plain", "rdflib-memory", "rdflib-oxigraph")
#: The stores measured unless ``--stores`` says otherwise.
DEFAULT_STORES = STORES
#: The store the others are compared to.
BASELINE = "rdflib-memory"

_DESCRIPTIONS = {
    "pyoxigraph": "graph.store.KnowledgeGraph.from_file, the project's loader (in-memory pyoxigraph)",
    "pyoxigraph-plain": "pyoxigraph.Store().bulk_load alone; queries with use_default_graph_as_union",
    "rdflib-memory": "rdflib.Dataset(default_union=True).parse(format='nquads'), default memory store",
    "rdflib-oxigraph": "rdflib.Dataset(store='Oxigraph', default_union=True).parse(format='ox-nquads')",
}


@dataclass
class OpenStore:
    """A loaded store: how many quads it holds and a way to run a query.

    ``run(sparql)`` executes the query, materialises every result row (or
    triple) and returns how many there were (1 for ASK). ``native`` says the
    query is evaluated in native code (pyoxigraph), where a signal cannot
    interrupt it.
    """

    name: str
    quads: Callable[[], int]
    run: Callable[[str], int]
    native: bool


def describe(name: str) -> str:
    """One line saying how the store is loaded."""
    return _DESCRIPTIONS[name]


def open_store(name: str, path: Path) -> OpenStore:
    """Load the N-Quads file ``path`` into the store ``name`` (one of :data:`STORES`)."""
    if name == "pyoxigraph":
        return _pyoxigraph(path)
    if name == "pyoxigraph-plain":
        return _pyoxigraph_plain(path)
    if name == "rdflib-memory":
        return _rdflib(name, path, store="default", fmt="nquads")
    if name == "rdflib-oxigraph":
        return _rdflib(name, path, store="Oxigraph", fmt="ox-nquads")
    raise ValueError(f"unknown store {name!r}: use one of {', '.join(STORES)}")


def _pyoxigraph(path: Path) -> OpenStore:
    from graph.store import KnowledgeGraph

    kg = KnowledgeGraph.from_file(path)

    def run(sparql: str) -> int:
        return _count_ox(kg.raw_query(sparql))

    return OpenStore("pyoxigraph", lambda: len(kg), run, native=True)


def _pyoxigraph_plain(path: Path) -> OpenStore:
    """pyoxigraph without the project's wrapper: what loading costs before any extra step."""
    import pyoxigraph as ox

    from graph.namespaces import PREFIXES

    store = ox.Store()
    store.bulk_load(path=str(path))

    def run(sparql: str) -> int:
        return _count_ox(store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES))

    return OpenStore("pyoxigraph-plain", lambda: len(store), run, native=True)


def _count_ox(result) -> int:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return 1
    if isinstance(result, ox.QuerySolutions):
        return len([tuple(solution) for solution in result])
    return len(list(result))


def _rdflib(name: str, path: Path, store: str, fmt: str) -> OpenStore:
    from rdflib import Dataset

    from graph.namespaces import PREFIXES

    ds = Dataset(store=store, default_union=True)
    ds.parse(str(path), format=fmt)

    def run(sparql: str) -> int:
        result = ds.query(sparql, initNs=PREFIXES)
        if result.type == "ASK":
            return 1
        return len(list(result))

    return OpenStore(name, lambda: sum(len(g) for g in ds.graphs()), run, native=store == "Oxigraph")
