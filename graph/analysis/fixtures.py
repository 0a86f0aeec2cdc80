"""A small hand-made knowledge graph for doctests and tests (made-up entities, never real data).

Gemeente Een (GM0001) with organisations Alfa, Beta and Gamma. Alfa and Beta are
members of Netwerk N (Beta's membership is inferred), Gamma too; Alfa works with
Beta (stated); the gemeente works with Gamma; Alfa runs Initiatief I; Alfa and
Gamma are active in the gemeente. The sources are two made-up documents "T1" and
"T2"; the quotes are made up too, and no quote check runs on this graph.
"""

from __future__ import annotations

from functools import cache

from graph.sources.records import Record
from graph.sources.registry import Source

__all__ = ["EXAMPLE_RECORDS", "example_kg", "example_records", "example_sources"]

_Q = "voorbeeldtekst"

EXAMPLE_RECORDS: list[dict] = [
    {"id": "gemeente/gm0001", "type": "Gemeente", "label": "Gemeente Een", "cbs_code": "GM0001", "quote": _Q},
    {"id": "organisatie/a", "type": "Organisatie", "label": "Alfa", "soort": "sociaalwerkorganisatie",
     "actief_in": "gemeente/gm0001", "thema": ["dementie"], "quote": _Q},
    {"id": "organisatie/b", "type": "Organisatie", "label": "Beta", "soort": "informele-zorgorganisatie",
     "alt_label": "Béta Zorg", "thema": ["dementie"], "quote": _Q, "source": "T2"},
    {"id": "organisatie/c", "type": "Organisatie", "label": "Gamma", "soort": "onbekend",
     "actief_in": "gemeente/gm0001", "quote": _Q},
    {"id": "samenwerking/n", "type": "Samenwerkingsverband", "label": "Netwerk N", "soort": "netwerkorganisatie",
     "quote": _Q},
    {"id": "lidmaatschap/a-n", "type": "Lidmaatschap", "lid": "organisatie/a", "van": "samenwerking/n",
     "rol": "penvoerder", "quote": _Q},
    {"id": "lidmaatschap/b-n", "type": "Lidmaatschap", "lid": "organisatie/b", "van": "samenwerking/n",
     "rol": "partner", "quote": _Q, "inferred": "voorbeeld van een afgeleid lidmaatschap"},
    {"id": "lidmaatschap/c-n", "type": "Lidmaatschap", "lid": "organisatie/c", "van": "samenwerking/n",
     "rol": "partner", "quote": _Q},
    {"about": "organisatie/a", "werkt_samen_met": "organisatie/b", "quote": _Q},
    {"about": "gemeente/gm0001", "werkt_samen_met": "organisatie/c", "quote": _Q, "source": "T2"},
    {"id": "initiatief/i", "type": "Initiatief", "label": "Initiatief I", "uitgevoerd_door": "organisatie/a",
     "quote": _Q},
]


def example_sources() -> dict[str, Source]:
    """The two made-up source documents of the example graph."""
    return {sid: Source(id=sid, kind="seed", file=f"{sid}.txt", title=f"Voorbeeldbron {sid}")
            for sid in ("T1", "T2")}


def example_records() -> list[Record]:
    """:data:`EXAMPLE_RECORDS` as records (default source ``T1``)."""
    return [Record(file="voorbeeld.yaml", line=i + 1, fields=dict(f), default_source="T1")
            for i, f in enumerate(EXAMPLE_RECORDS)]


@cache
def _quads():
    from graph.build import assemble

    quads, _ = assemble(example_records(), example_sources())
    return quads


def example_kg():
    """The example graph in an embedded store (mapped by the project's own mapping code).

    Examples
    --------
    >>> kg = example_kg()
    >>> int(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?o a sd:Organisatie }")["n"][0])
    3
    """
    from graph.store import KnowledgeGraph

    return KnowledgeGraph.from_quads(_quads())
