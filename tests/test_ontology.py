"""The ontology: header metadata, and a Dutch and English label and definition for every term."""

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from graph.namespaces import ONTOLOGY_IRI, SD
from graph.settings import ROOT

VANN = "http://purl.org/vocab/vann/"


@pytest.fixture(scope="module")
def onto():
    g = Graph()
    g.parse(ROOT / "ontology" / "sociaal-domein.ttl")
    return g


@pytest.fixture(scope="module")
def concepts():
    g = Graph()
    g.parse(ROOT / "ontology" / "begrippen.ttl")
    return g


def _langs(g, s, p):
    return {o.language for o in g.objects(s, p)}


def test_header_metadata(onto):
    for p in (DCTERMS.title, DCTERMS.description, OWL.versionInfo, DCTERMS.license):
        assert onto.value(ONTOLOGY_IRI, p) is not None, p
    assert str(onto.value(ONTOLOGY_IRI, onto.namespace_manager.expand_curie("vann:preferredNamespacePrefix"))) == "sd"


def test_every_term_has_dutch_and_english_label_and_definition(onto):
    terms = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(SD._NS))}
    assert len(terms) > 50
    missing = [(t, p) for t in terms for p in (RDFS.label, SKOS.definition)
               if not {"nl", "en"} <= _langs(onto, t, p)]
    assert missing == []


def test_every_concept_has_dutch_and_english_label_and_definition(concepts):
    cs = set(concepts.subjects(RDF.type, SKOS.Concept))
    assert len(cs) > 100
    missing = [(c, p) for c in cs for p in (SKOS.prefLabel, SKOS.definition)
               if not {"nl", "en"} <= _langs(concepts, c, p)]
    assert missing == []


def test_reuses_w3c_vocabularies(onto):
    supers = {str(o) for o in onto.objects(None, RDFS.subClassOf)}
    for iri in ("http://www.w3.org/ns/org#Organization", "http://www.w3.org/ns/org#OrganizationalCollaboration",
                "http://www.w3.org/ns/org#Site", "http://www.w3.org/ns/prov#Entity", "https://schema.org/Place"):
        assert iri in supers


_RANGE_VIOLATIONS = """
SELECT DISTINCT ?p ?o ?klasse WHERE {
  ?p rdfs:range ?range . FILTER(STRSTARTS(STR(?p), STR(sd:)))
  OPTIONAL { ?range owl:unionOf/rdf:rest*/rdf:first ?member }
  BIND(COALESCE(?member, ?range) AS ?klasse)
  FILTER(isIRI(?klasse) && !STRSTARTS(STR(?klasse), STR(xsd:)))
  ?s ?p ?o .
  FILTER NOT EXISTS { ?o a/rdfs:subClassOf* ?klasse }
  FILTER NOT EXISTS { ?range owl:unionOf/rdf:rest*/rdf:first ?other . ?o a/rdfs:subClassOf* ?other }
}"""

_DOMAIN_VIOLATIONS = """
SELECT DISTINCT ?p ?s ?klasse WHERE {
  ?p rdfs:domain ?klasse . FILTER(STRSTARTS(STR(?p), STR(sd:)) && isIRI(?klasse))
  ?s ?p ?o .
  FILTER NOT EXISTS { ?s a/rdfs:subClassOf* ?klasse }
}"""

_DATATYPE_VIOLATIONS = """
SELECT DISTINCT ?p ?o WHERE {
  ?p rdfs:range ?dt . FILTER(STRSTARTS(STR(?p), STR(sd:)) && STRSTARTS(STR(?dt), STR(xsd:)))
  ?s ?p ?o .
  FILTER(!isLiteral(?o) || DATATYPE(?o) != ?dt)
}"""


def test_domains_and_ranges_hold_in_the_data(kg):
    """A reasoner applying the ontology's domains and ranges would infer no type the data does not state."""
    for name, query in (("range", _RANGE_VIOLATIONS), ("domain", _DOMAIN_VIOLATIONS),
                        ("datatype", _DATATYPE_VIOLATIONS)):
        bad = kg.query(query)
        assert bad.empty, f"{name} violations:\n{bad.head(10).to_string()}"
