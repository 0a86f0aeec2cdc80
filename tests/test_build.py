"""A full build: outputs, named graphs, counts from the reference data, VoID."""

import pyoxigraph as ox

from graph.namespaces import SDI
from graph.store import FORMATS


def test_build_is_valid(built):
    assert built.report.conforms
    assert built.report.shacl_checked
    assert built.report.quotes_total > 900


def test_build_checked_every_quote(built, seeds_dir):
    """With the seed texts here, the build checks every quote (not only the reference ones)."""
    assert built.report.quotes_checked == built.report.quotes_total
    assert built.report.unchecked_sources == []


def test_all_formats_written_and_parse(built):
    for oxfmt, name, _ in FORMATS.values():
        path = built.output / name
        assert path.stat().st_size > 1000, name
        assert sum(1 for _ in ox.parse(path=str(path), format=oxfmt)) > 10_000, name
    assert (built.output / "void.ttl").exists()


def test_named_graph_per_source(kg):
    graphs = set(kg.named_graphs())
    for sid in ("000", "001", "002", "003", "004", "cbs-2021", "herindeling-2019", "gouden-gemeenten-2015"):
        assert str(SDI[f"graaf/{sid}"]) in graphs


def test_reference_counts(kg):
    df = kg.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH sdi:graaf\\/cbs-2021 { ?g a sd:Gemeente } }")
    assert df.n[0] == 352
    assert kg.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sd:Provincie }").n[0] == 12
    # Leerdam, Vianen and Zederik come on top of the 352 of 2021
    assert kg.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?g a sd:Gemeente }").n[0] == 355


def test_twenty_one_gouden_gemeenten(kg):
    df = kg.query("""SELECT ?jaar (COUNT(DISTINCT ?o) AS ?n) WHERE {
        ?a a sd:Onderscheiding ; sd:jaar ?jaar ; sd:ontvanger ?o } GROUP BY ?jaar ORDER BY ?jaar""")
    assert df.astype(str).values.tolist() == [["2015", "10"], ["2017", "11"]]


def test_every_fact_has_a_claim_from_its_graphs_source(kg):
    """Every triple in a source's named graph is supported by a claim citing that source."""
    df = kg.query("""SELECT (COUNT(*) AS ?n) WHERE {
        ?g dcterms:source ?bron .
        GRAPH ?g { ?s ?p ?o }
        MINUS { ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?bron }
    }""")
    assert df.n[0] == 0
    facts = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?g dcterms:source ?bron . GRAPH ?g { ?s ?p ?o } }")
    assert facts.n[0] > 2_500


def test_default_graph_is_the_set_of_all_triples(kg):
    """Every named-graph triple is in the default graph, and claims are not in source graphs."""
    missing = kg.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } MINUS { ?s ?p ?o } }")
    assert missing.n[0] == 0
    in_graphs = kg.query("ASK { GRAPH ?g { ?c a sd:Bewering } }")
    assert in_graphs is False
    # a fact two sources state is in both their graphs but only once in the default graph
    twice = kg.query("""SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } ?g dcterms:source ?b FILTER(isIRI(?o)) }
                        GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?g) > 1) LIMIT 1""")
    assert len(twice) == 1
    s, p, o = (f"<{v}>" for v in twice.iloc[0])
    assert kg.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {s} {p} ?x FILTER(?x = {o}) }}").n[0] == 1


def test_void_description(kg):
    df = kg.query("""SELECT ?t ?lic ?n WHERE { ?d a void:Dataset ; dcterms:title ?t ; dcterms:license ?lic ;
                     void:triples ?n FILTER(LANG(?t) = "nl") }""")
    assert len(df) == 1 and df.n[0] > 10_000
    parts = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?d void:classPartition ?p }")
    assert parts.n[0] >= 15


def test_conflict_kept_side_by_side(kg):
    df = kg.query("""SELECT ?waarde ?bron WHERE {
        <https://w3id.org/sociaal-domein/id/samenwerking/delft-voor-elkaar> sd:aantal ?a .
        ?a schema:value ?waarde ; sd:strijdigMet ?other .
        ?c rdf:subject ?a ; rdf:predicate schema:value ; prov:wasDerivedFrom/dcterms:identifier ?bron }""")
    assert set(map(tuple, df.astype(str).values.tolist())) == {("12", "001"), ("9", "000"), ("9", "004")}


def test_one_claim_per_record_and_source(built, kg):
    """Two files stating the same fact get a claim each, each naming its own record."""
    claims = kg.query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a sd:Bewering }").n[0]
    assert claims == built.facts
    mixed = kg.query("SELECT ?c WHERE { ?c sd:record ?r1, ?r2 FILTER(?r1 != ?r2) } LIMIT 1")
    assert mixed.empty


def test_output_is_the_same_for_the_same_input(built, tmp_path):
    """Files are sorted and blank nodes labelled canonically: a build in another process differs
    only in its build time."""
    import subprocess
    import sys

    out = tmp_path / "again"
    subprocess.run([sys.executable, "-m", "graph", "build", "--output", str(out), "--no-shacl", "-q"],
                   check=True, capture_output=True)

    def lines(folder, name):
        text = (folder / name).read_text(encoding="utf-8")
        return [line for line in text.splitlines() if "modified" not in line]

    for name in ("kennisgraaf.nq", "kennisgraaf.ttl", "kennisgraaf.trig", "void.ttl"):
        assert lines(built.output, name) == lines(out, name), name
    import json

    def jsonld(folder):  # one line: compare the parsed documents without the build time
        text = (folder / "kennisgraaf.jsonld").read_text(encoding="utf-8")
        return [q for q in json.loads(text) if "modified" not in json.dumps(q)]

    assert jsonld(built.output) == jsonld(out)
