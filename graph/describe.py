"""Dataset description (VoID + DCAT) and source-document metadata as quads."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime

from rdflib import Literal, Namespace, URIRef
from rdflib.term import Node

from graph.namespaces import DCTERMS, FOAF, RDF, SCHEMA, SD, SDI, VOID, XSD, graph_for_source, source_iri
from graph.sources.registry import Source

__all__ = ["DATASET", "META_GRAPH", "SOURCES_GRAPH", "source_quads", "void_quads", "VERSION",
           "DATA_LICENSE", "CODE_LICENSE"]

DCAT = Namespace("http://www.w3.org/ns/dcat#")
VERSION = "0.1.0"
DATASET = SDI["dataset/kennisgraaf"]
META_GRAPH = SDI["graaf/beschrijving"]
SOURCES_GRAPH = SDI["graaf/bronnen"]
DATA_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
CODE_LICENSE = URIRef("https://opensource.org/license/mit")


def source_quads(sources: dict[str, Source]) -> set[tuple[Node, Node, Node, Node]]:
    """Describe each source document (title, file, publisher, date, URLs)."""
    g = SOURCES_GRAPH
    out: set[tuple[Node, Node, Node, Node]] = set()
    for src in sources.values():
        s = source_iri(src.id)
        out |= {(s, RDF.type, SD.Brondocument, g), (s, RDF.type, FOAF.Document, g),
                (s, DCTERMS.identifier, Literal(src.id), g),
                (s, DCTERMS.title, Literal(src.title, lang="nl"), g),
                (s, SD.bestandsnaam, Literal(src.file), g)}
        if src.publisher:
            out.add((s, DCTERMS.publisher, Literal(src.publisher), g))
        if src.creator:
            out.add((s, DCTERMS.creator, Literal(src.creator), g))
        if src.issued:
            out.add((s, DCTERMS.issued, Literal(src.issued, datatype=XSD.date), g))
        if src.description:
            out.add((s, DCTERMS.description, Literal(src.description.strip(), lang="nl"), g))
        for url in src.url:
            out.add((s, SCHEMA.url, URIRef(url), g))
    return out


def void_quads(quads: set[tuple[Node, Node, Node, Node]], sources: dict[str, Source],
               built: datetime | None = None) -> set[tuple[Node, Node, Node, Node]]:
    """VoID/DCAT description of the dataset: title, licence, sources, counts per class.

    Each source's named graph is a ``void:subset`` of the dataset with
    ``dcterms:source`` (the document) and ``void:triples`` (its facts).
    """
    built = built or datetime.now(UTC)
    d, g = DATASET, META_GRAPH
    triples = {(s, p, o) for s, p, o, _ in quads}
    classes = Counter(o for _, p, o in triples if p == RDF.type)
    out: set[tuple[Node, Node, Node, Node]] = {
        (d, RDF.type, VOID.Dataset, g), (d, RDF.type, DCAT.Dataset, g),
        (d, DCTERMS.title, Literal("Kennisgraaf sociaal domein", lang="nl"), g),
        (d, DCTERMS.title, Literal("Knowledge graph of the Dutch social domain", lang="en"), g),
        (d, DCTERMS.description, Literal(
            "Gouden Gemeenten, hun partners, samenwerkingsverbanden, initiatieven, afspraken, "
            "thema's en werkprincipes, met voor ieder feit de bron en een letterlijk citaat.", lang="nl"), g),
        (d, DCTERMS.license, DATA_LICENSE, g),
        (d, DCTERMS.modified, Literal(built.isoformat(timespec="seconds"), datatype=XSD.dateTime), g),
        (d, URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(VERSION), g),
        (d, VOID.triples, Literal(len(triples), datatype=XSD.integer), g),
        (d, VOID.entities, Literal(len({s for s, p, _ in triples if p == RDF.type}), datatype=XSD.integer), g),
        (d, VOID.classes, Literal(len(classes), datatype=XSD.integer), g),
        (d, VOID.vocabulary, URIRef("https://w3id.org/sociaal-domein/def#"), g),
        (d, VOID.uriSpace, Literal(str(SDI)), g),
    }
    per_graph = Counter(q[3] for q in quads if q[3] is not None)
    for src in sources.values():
        out.add((d, DCTERMS.source, source_iri(src.id), g))
        sub = graph_for_source(src.id)
        if per_graph[sub]:
            out |= {(d, VOID.subset, sub, g), (sub, RDF.type, VOID.Dataset, g),
                    (sub, DCTERMS.source, source_iri(src.id), g),
                    (sub, VOID.triples, Literal(per_graph[sub], datatype=XSD.integer), g)}
    for cls, n in classes.items():
        part = SDI[f"dataset/kennisgraaf/klasse/{hashlib.sha1(str(cls).encode()).hexdigest()[:12]}"]
        out |= {(d, VOID.classPartition, part, g), (part, VOID["class"], cls, g),
                (part, VOID.entities, Literal(n, datatype=XSD.integer), g)}
    return out
