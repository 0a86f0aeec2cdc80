"""The project's vocabularies: the only place IRIs are spelled.

``SD`` is a :class:`rdflib.namespace.DefinedNamespace`: a typo in a term
raises instead of minting a new IRI, and a test checks that its terms and the
Turtle ontology in ``ontology/sociaal-domein.ttl`` are the same set.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SKOS,
    VOID,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "SD",
    "SDC",
    "SDI",
    "SCHEMA",
    "SPARQL_SD",
    "W3C_FORMATS",
    "TOOI_GEMEENTE",
    "ONTOLOGY_IRI",
    "CONCEPTS_IRI",
    "PREFIXES",
    "FILE_PREFIXES",
    "KINDS",
    "SCHEMES",
    "compact",
    "concept",
    "entity",
    "graph_for_source",
    "source_iri",
    "DCTERMS",
    "FOAF",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "VOID",
    "XSD",
]

BASE = "https://w3id.org/sociaal-domein/"
ONTOLOGY_IRI = URIRef(BASE + "def")
CONCEPTS_IRI = URIRef(BASE + "concept/")
TOOI_GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"

#: schema.org, in its https form (rdflib's SDO uses the same IRI).
SCHEMA = Namespace("https://schema.org/")
#: Concepts in the SKOS schemes of ``ontology/begrippen.ttl``.
SDC = Namespace(BASE + "concept/")
#: Instances: gemeenten, organisations, claims, source documents, graphs.
SDI = Namespace(BASE + "id/")
#: W3C SPARQL 1.1 Service Description and format IRIs: the endpoint describes itself with them.
SPARQL_SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")


class SD(DefinedNamespace):
    """Classes and properties of the sociaal-domein ontology."""

    _NS = Namespace(BASE + "def#")
    _fail = True

    # classes
    Aantal: URIRef
    Afspraak: URIRef
    Bewering: URIRef
    Bewijsstatus: URIRef
    Brondocument: URIRef
    Gemeente: URIRef
    GemeentelijkeHerindeling: URIRef
    Initiatief: URIRef
    Onderscheiding: URIRef
    Organisatie: URIRef
    Persoon: URIRef
    Provincie: URIRef
    Regio: URIRef
    Samenwerkingsverband: URIRef
    Stadsdeel: URIRef
    Voorziening: URIRef
    Wijk: URIRef
    # individuals
    Afgeleid: URIRef
    Vermeld: URIRef
    # properties
    aantal: URIRef
    actiefIn: URIRef
    afleiding: URIRef
    beoogdeStartdatum: URIRef
    bestandsnaam: URIRef
    betreft: URIRef
    cbsCode: URIRef
    citaat: URIRef
    datum: URIRef
    doelgroep: URIRef
    functieOmschrijving: URIRef
    geldigOp: URIRef
    verlengdMet: URIRef
    deelnemer: URIRef
    voorzitter: URIRef
    geenToegangsmodel: URIRef
    gevestigdIn: URIRef
    inGemeente: URIRef
    initiatiefnemer: URIRef
    jaar: URIRef
    ligtIn: URIRef
    looptijd: URIRef
    ondersteundDoor: URIRef
    ontvanger: URIRef
    opgegaanIn: URIRef
    partij: URIRef
    portefeuille: URIRef
    precisie: URIRef
    provincie: URIRef
    record: URIRef
    soort: URIRef
    status: URIRef
    strijdigMet: URIRef
    thema: URIRef
    toegangsmodel: URIRef
    toegangspunt: URIRef
    toegekendDoor: URIRef
    tooiIdentifier: URIRef
    uitgevoerdDoor: URIRef
    voorgedragenDoor: URIRef
    voorloperVan: URIRef
    werkprincipe: URIRef
    werktSamenMet: URIRef


PREFIXES: dict[str, str] = {
    "sd": str(SD._NS),
    "sdc": str(SDC),
    "sdi": str(SDI),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "void": str(VOID),
}


#: Kinds of instance IRI, ``sdi:<kind>/<slug>`` (the record types' id prefixes and the build's own).
KINDS = ("aantal", "afspraak", "bewering", "bron", "dataset", "functie", "gemeente", "graaf", "herindeling",
         "initiatief", "lidmaatschap", "onderscheiding", "organisatie", "persoon", "provincie", "regio",
         "samenwerking", "stadsdeel", "voorziening", "wijk")
#: Concept schemes of ``ontology/begrippen.ttl``, ``sdc:<scheme>/<name>``.
SCHEMES = ("afspraaksoort", "initiatiefsoort", "organisatiesoort", "rol", "samenwerkingsvorm", "thema",
           "toegangsmodel", "voorzieningsoort", "werkprincipe")
#: :data:`PREFIXES` plus one per kind and scheme, so written files read ``gemeente:gm0503``.
FILE_PREFIXES: dict[str, str] = (PREFIXES | {k: str(SDI[k + "/"]) for k in KINDS}
                                 | {s: str(SDC[s + "/"]) for s in SCHEMES})


def compact(iri: str) -> str:
    """Shorten an IRI with the project's prefixes, e.g. ``sd:Gemeente``; unknown IRIs stay whole."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(k for k, v in PREFIXES.items() if v == best)
    return f"{prefix}:{iri[len(best):]}"


def entity(local_id: str) -> URIRef:
    """Return the IRI of a curated thing, e.g. ``entity("gemeente/gm0503")``."""
    return SDI[local_id]


def concept(scheme: str, name: str) -> URIRef:
    """Return the IRI of a concept, e.g. ``concept("rol", "penvoerder")``."""
    return SDC[f"{scheme}/{name}"]


def source_iri(source_id: str) -> URIRef:
    """Return the IRI of a source document, e.g. ``source_iri("004")``."""
    return SDI[f"bron/{source_id}"]


def graph_for_source(source_id: str) -> URIRef:
    """Return the named graph that holds the facts one source states."""
    return SDI[f"graaf/{source_id}"]
