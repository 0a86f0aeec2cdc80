"""The stores compared: pyoxigraph (the project's), rdflib's memory store, rdflib on oxrdflib.

Each store is opened the way a user of it would: the project's
:class:`graph.store.KnowledgeGraph` parses the built N-Quads into pyoxigraph
(``Store.load``); ``pyoxigraph-bulk`` uses ``Store.bulk_load`` instead, to show
why the project does not; rdflib parses N-Quads into a :class:`rdflib.Dataset`
on its default memory store, or on the oxrdflib store with oxrdflib's own
N-Quads parser (``ox-nquads``).

The built files carry their default graph (every triple once) besides one
named graph per source, so every store answers queries over its default graph
with no union flag, and all stores return the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["STORES", "DEFAULT_STORES", "BASELINE", "OpenStore", "open_store", "describe"]

#: Store names, in the order they are measured and printed.
STORES = ("pyoxigraph", "pyoxigraph-bulk", "rdflib-memory", "rdflib-oxigraph")
#: The stores measured unless ``--stores`` says otherwise.
DEFAULT_STORES = STORES
#: The store the others are compared to.
BASELINE = "rdflib-memory"

_DESCRIPTIONS = {
    "pyoxigraph": "graph.store.KnowledgeGraph.from_file, the project's loader (pyoxigraph Store.load)",
    "pyoxigraph-bulk": "pyoxigraph.Store().bulk_load (the bulk loader, for comparison)",
    "rdflib-memory": "rdflib.Dataset().parse(format='nquads'), rdflib's default memory store",
    "rdflib-oxigraph": "rdflib.Dataset(store='Oxigraph').parse(format='ox-nquads'), oxrdflib",
}


@dataclass
class OpenStore:
    """A loaded store: how many triples (default graph) and quads it holds, and a way to run a query.

    ``run(sparql)`` executes the query, materialises every result row (or
    triple) and returns how many there were (1 for ASK). ``native`` says the
    query is evaluated in native code (pyoxigraph), where a signal cannot
    interrupt it.
    """

    name: str
    triples: Callable[[], int]
    quads: Callable[[], int]
    run: Callable[[str], int]
    native: bool


def describe(name: str) -> str:
    """One line saying how the store is loaded."""
    return _DESCRIPTIONS[name]


def open_store(name: str, path: Path) -> OpenStore:
    """Load the N-Quads file ``path`` into the store ``name`` (one of :data:`STORES`)."""
    if name in ("pyoxigraph", "pyoxigraph-bulk"):
        return _pyoxigraph(name, path, bulk=name == "pyoxigraph-bulk")
    if name == "rdflib-memory":
        return _rdflib(name, path, store="default", fmt="nquads")
    if name == "rdflib-oxigraph":
        return _rdflib(name, path, store="Oxigraph", fmt="ox-nquads")
    raise ValueError(f"unknown store {name!r}: use one of {', '.join(STORES)}")


def _pyoxigraph(name: str, path: Path, bulk: bool) -> OpenStore:
    """The project's loader (``Store.load``), or pyoxigraph's bulk loader for comparison."""
    import pyoxigraph as ox

    from graph.store import KnowledgeGraph

    if bulk:  # faster on disk-backed stores, heavier in memory
        kg = KnowledgeGraph(ox.Store())
        kg.store.bulk_load(path=str(path))
    else:
        kg = KnowledgeGraph.from_file(path)

    def run(sparql: str) -> int:
        return _count_ox(kg.raw_query(sparql))

    return OpenStore(name, lambda: len(kg), lambda: len(kg.store), run, native=True)


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

    ds = Dataset(store=store)
    ds.parse(str(path), format=fmt)

    def run(sparql: str) -> int:
        result = ds.query(sparql, initNs=PREFIXES)
        if result.type == "ASK":
            return 1
        return len(list(result))

    return OpenStore(name, lambda: len(ds.default_graph), lambda: sum(len(g) for g in ds.graphs()), run,
                     native=store == "Oxigraph")
