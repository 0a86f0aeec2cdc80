"""The embedded store: layout of default and named graphs, loading, querying, dumping."""

import pandas as pd
import pytest
from rdflib import Literal, URIRef

from graph.store import KnowledgeGraph, load

EX = "https://example.org/"
A, B, P, Q = (URIRef(EX + n) for n in ("a", "b", "p", "q"))
G1, G2 = URIRef(EX + "graaf/1"), URIRef(EX + "graaf/2")


@pytest.fixture
def small():
    return KnowledgeGraph.from_quads([
        (A, P, B, G1), (A, P, B, G2),              # one fact, two sources
        (A, Q, Literal("<script>x</script>"), G1),
        (B, P, A, None),                           # default graph only (e.g. a claim)
    ])


def test_default_graph_holds_each_triple_once(small):
    assert len(small) == 3
    assert len(small.store) == 3 + 3  # plus the three named-graph quads
    assert small.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").n[0] == 3
    graphs = small.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{A}> <{P}> <{B}> }} }} ORDER BY ?g")
    assert graphs.g.tolist() == [str(G1), str(G2)]
    assert small.named_graphs() == [str(G1), str(G2)]


def test_query_result_types(small):
    assert isinstance(small.query("SELECT * WHERE { ?s ?p ?o }"), pd.DataFrame)
    assert small.query(f"ASK {{ <{B}> <{P}> <{A}> }}") is True
    triples = small.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert (A, P, B) in triples and all(isinstance(t[0], URIRef) for t in triples)


def test_dump_and_load_keep_the_layout(small, tmp_path):
    for fmt in ("nq", "trig"):
        path = tmp_path / f"g.{fmt}"
        small.dump(path, fmt)
        again = KnowledgeGraph.from_file(path)
        assert len(again) == 3 and len(again.store) == 6, fmt
    ttl = small.dump(None, "ttl").decode()
    assert "graaf/1" not in ttl and "&lt;script&gt;" not in ttl and "<script>x</script>" in ttl


def test_to_rdflib_keeps_default_and_named_graphs(small):
    ds = small.to_rdflib()
    assert len(ds.default_graph) == 3
    assert len(ds.graph(G1)) == 2 and len(ds.graph(G2)) == 1


def test_load_without_a_build_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="kennisgraaf build"):
        load(tmp_path)
