"""Dataset description (VoID + DCAT, counted in the store) and source-document metadata as quads."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from rdflib import Literal, Namespace, URIRef
from rdflib.term import Node

from graph import terms as T
from graph.namespaces import DCTERMS, FOAF, RDF, SCHEMA, SD, SDI, VOID, XSD, graph_for_source, source_iri
from graph.sources.registry import Source
from graph.store import KnowledgeGraph

__all__ = ["DATASET", "META_GRAPH", "SOURCES_GRAPH", "source_quads", "void_quads", "VERSION",
           "DATA_LICENSE", "CODE_LICENSE"]

DCAT = Namespace("http://www.w3.org/ns/dcat#")
VERSION = "0.1.0"
DATASET = SDI["dataset/kennisgraaf"]
META_GRAPH = SDI["graaf/beschrijving"]
SOURCES_GRAPH = SDI["graaf/bronnen"]
DATA_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
CODE_LICENSE = URIRef("https://opensource.org/license/mit")


def _q(s, p, o, g) -> T.Quad:
    return T.quad(T.from_rdflib(s), T.from_rdflib(p), T.from_rdflib(o), T.from_rdflib(g))


def source_quads(sources: dict[str, Source]) -> list[T.Quad]:
    """Describe each source document (title, file, publisher, date, URLs).

    Examples
    --------
    >>> from graph.sources.registry import Source
    >>> qs = source_quads({"004": Source("004", "seed", "004.txt", "Gouden Gemeenten 2017")})
    >>> len(qs), str(qs[0].subject)
    (5, '<https://w3id.org/sociaal-domein/id/bron/004>')
    """
    g = SOURCES_GRAPH
    out: list[tuple[Node, Node, Node, Node]] = []
    for src in sources.values():
        s = source_iri(src.id)
        out += [(s, RDF.type, SD.Brondocument, g), (s, RDF.type, FOAF.Document, g),
                (s, DCTERMS.identifier, Literal(src.id), g),
                (s, DCTERMS.title, Literal(src.title, lang="nl"), g),
                (s, SD.bestandsnaam, Literal(src.file), g)]
        if src.publisher:
            out.append((s, DCTERMS.publisher, Literal(src.publisher), g))
        if src.creator:
            out.append((s, DCTERMS.creator, Literal(src.creator), g))
        if src.issued:
            out.append((s, DCTERMS.issued, Literal(src.issued, datatype=XSD.date), g))
        if src.description:
            out.append((s, DCTERMS.description, Literal(src.description.strip(), lang="nl"), g))
        for url in src.url:
            out.append((s, SCHEMA.url, URIRef(url), g))
    return [_q(*q) for q in out]


def void_quads(kg: KnowledgeGraph, sources: dict[str, Source], built: datetime | None = None) -> list[T.Quad]:
    """VoID/DCAT description of the graph in ``kg``: title, licence, sources, counts per class.

    Counts come from the store (SPARQL): ``void:triples`` is the default
    graph's size (every triple once), each source's named graph is a
    ``void:subset`` with ``dcterms:source`` (the document) and
    ``void:triples`` (its facts).
    """
    built = built or datetime.now(UTC)
    d, g = DATASET, META_GRAPH
    n_triples = int(next(iter(kg.raw_query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    classes = {row["c"].value: int(row["n"].value) for row in kg.raw_query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s rdf:type ?c } GROUP BY ?c")}
    n_entities = int(next(iter(kg.raw_query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s rdf:type ?c }")))["n"].value)
    per_graph = {row["g"].value: int(row["n"].value) for row in kg.raw_query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    out: list[tuple[Node, Node, Node, Node]] = [
        (d, RDF.type, VOID.Dataset, g), (d, RDF.type, DCAT.Dataset, g),
        (d, DCTERMS.title, Literal("Kennisgraaf sociaal domein", lang="nl"), g),
        (d, DCTERMS.title, Literal("Knowledge graph of the Dutch social domain", lang="en"), g),
        (d, DCTERMS.description, Literal(
            "Gouden Gemeenten, hun partners, samenwerkingsverbanden, initiatieven, afspraken, "
            "thema's en werkprincipes, met voor ieder feit de bron en een letterlijk citaat.", lang="nl"), g),
        (d, DCTERMS.license, DATA_LICENSE, g),
        (d, DCTERMS.modified, Literal(built.isoformat(timespec="seconds"), datatype=XSD.dateTime), g),
        (d, URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(VERSION), g),
        (d, VOID.triples, Literal(n_triples, datatype=XSD.integer), g),
        (d, VOID.entities, Literal(n_entities, datatype=XSD.integer), g),
        (d, VOID.classes, Literal(len(classes), datatype=XSD.integer), g),
        (d, VOID.vocabulary, URIRef("https://w3id.org/sociaal-domein/def#"), g),
        (d, VOID.uriSpace, Literal(str(SDI)), g),
    ]
    for src in sources.values():
        out.append((d, DCTERMS.source, source_iri(src.id), g))
        sub = graph_for_source(src.id)
        if per_graph.get(str(sub)):
            out += [(d, VOID.subset, sub, g), (sub, RDF.type, VOID.Dataset, g),
                    (sub, DCTERMS.source, source_iri(src.id), g),
                    (sub, VOID.triples, Literal(per_graph[str(sub)], datatype=XSD.integer), g)]
    for cls, n in classes.items():
        part = SDI[f"dataset/kennisgraaf/klasse/{hashlib.sha1(cls.encode()).hexdigest()[:12]}"]
        out += [(d, VOID.classPartition, part, g), (part, VOID["class"], URIRef(cls), g),
                (part, VOID.entities, Literal(n, datatype=XSD.integer), g)]
    return [_q(*q) for q in out]
