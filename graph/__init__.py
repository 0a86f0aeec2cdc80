"""Knowledge graph of the Dutch social domain: build it, load it, query it.

>>> import graph
>>> kg = graph.load()                        # doctest: +SKIP
>>> graph.query("SELECT * WHERE { ?s a sd:Gemeente } LIMIT 3", kg)  # doctest: +SKIP
"""

from __future__ import annotations

from graph.build import BuildResult, build
from graph.errors import InputError, Problem
from graph.store import KnowledgeGraph, load

__all__ = ["BuildResult", "InputError", "KnowledgeGraph", "Problem", "build", "load", "query"]
__version__ = "0.1.0"


def query(sparql: str, kg: KnowledgeGraph | None = None):
    """Run SPARQL on ``kg`` (default: the last build) and return a DataFrame.

    Prefixes sd:, sdi:, sdc:, org:, prov:, skos:, schema:, dcterms:, rdf:, rdfs:
    are predeclared.
    """
    return (kg or load()).query(sparql)
