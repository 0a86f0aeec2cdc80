"""The ontology documentation (make docs): every term on the page, values escaped, no network."""

from rdflib import Graph
from rdflib.namespace import OWL, RDF

from graph.docs import render_ontology, write_docs
from graph.settings import ROOT


def test_docs_list_every_term_with_unions_and_notes(tmp_path):
    index, begrippen = write_docs(tmp_path)
    html = index.read_text(encoding="utf-8")
    g = Graph().parse(ROOT / "ontology" / "sociaal-domein.ttl")
    for term in set(g.subjects(RDF.type, OWL.Class)) | set(g.subjects(RDF.type, OWL.ObjectProperty)):
        if not str(term).startswith("https://w3id.org/sociaal-domein/"):
            continue
        assert str(term) in html, term
    assert "sd:Gemeente of sd:Regio" in html  # the range of sd:actiefIn
    assert "Toelichting" in html
    assert "http://" not in html.split("<body>")[0] and "<script" not in html
    assert "werkprincipe" in begrippen.read_text(encoding="utf-8")


def test_values_are_escaped():
    g = Graph().parse(data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://example.org/o> a owl:Ontology .
        <https://example.org/C> a owl:Class ; rdfs:label "<script>alert(1)</script>"@nl ;
            skos:definition "a & b"@nl .""", format="turtle")
    html = render_ontology(g)
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "a &amp; b" in html


def test_blank_node_classes_get_no_entry_of_their_own(tmp_path):
    """The union range of sd:actiefIn is shown in its property, not as a nameless class."""
    html = write_docs(tmp_path)[0].read_text(encoding="utf-8")
    assert "<h3> <small>/ </small></h3>" not in html
    assert "class=\"iri\">n" not in html
