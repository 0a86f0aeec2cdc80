"""Downloads of the whole graph (N-Quads, TriG, Turtle; gzip) and the VoID description at ``/.well-known/void``."""

from __future__ import annotations

import gzip

__all__ = ["DUMPS", "dump_bytes", "void_turtle"]

#: file name -> (format of :meth:`graph.store.KnowledgeGraph.dump`, media type, Dutch description)
DUMPS = {
    "kennisgraaf.nq.gz": ("nq", "application/n-quads", "N-Quads: elke triple met zijn graaf"),
    "kennisgraaf.trig.gz": ("trig", "application/trig", "TriG: hetzelfde, leesbaarder"),
    "kennisgraaf.ttl.gz": ("ttl", "text/turtle", "Turtle: de standaardgraaf (elke triple één keer)"),
}


def dump_bytes(kg, name: str, cache: dict | None = None) -> bytes:
    """The gzip-compressed dump ``name`` (a key of :data:`DUMPS`), made once per graph when ``cache`` is given.

    >>> from graph.analysis.fixtures import example_kg
    >>> gzip.decompress(dump_bytes(example_kg(), "kennisgraaf.nq.gz")).count(b"\\n") > 10
    True
    """
    key = ("dump", name)
    if cache is not None and key in cache:
        return cache[key]
    data = gzip.compress(kg.dump(None, DUMPS[name][0]), compresslevel=6, mtime=0)
    if cache is not None:
        cache[key] = data
    return data


def void_turtle(pool, base_url: str) -> bytes:
    """The dataset description (the build's VoID/DCAT graph) in Turtle, with ``void:dataDump`` links to the
    downloads of this server (``base_url`` e.g. ``http://127.0.0.1:8000``)."""
    from rdflib import Graph, URIRef

    from graph.describe import DATASET, META_GRAPH
    from graph.namespaces import FILE_PREFIXES, VOID

    nt = pool.execute(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{META_GRAPH}> {{ ?s ?p ?o }} }}", serialize="nt")
    g = Graph().parse(data=nt.decode("utf-8"), format="nt")
    for name in DUMPS:
        g.add((DATASET, VOID.dataDump, URIRef(f"{base_url}/data/{name}")))
    g.add((DATASET, VOID.sparqlEndpoint, URIRef(f"{base_url}/sparql")))
    for prefix, ns in FILE_PREFIXES.items():
        g.bind(prefix, ns)
    return g.serialize(format="turtle", encoding="utf-8")
