"""The shapes run as SPARQL (graph.shacl) give the same verdicts as pyshacl."""

import random

import pyoxigraph as ox
import pytest
from rdflib import Graph

from graph.ontology import ontology_graph, shapes_graph
from graph.settings import ROOT
from graph.shacl import Unsupported, compile_shapes
from graph.store import KnowledgeGraph
from graph.validate import run_shacl

EXAMPLES = ROOT / "ontology" / "examples"


def _both(graph):
    return run_shacl(graph, engine="sparql"), run_shacl(graph, engine="pyshacl")


@pytest.mark.parametrize("name", ["valid.ttl", "invalid.ttl"])
def test_same_results_as_pyshacl_on_the_examples(name):
    data = Graph().parse(EXAMPLES / name)
    data += ontology_graph()
    ours, theirs = _both(data)
    assert [str(p) for p in ours] == [str(p) for p in theirs]
    assert bool(ours) == (name == "invalid.ttl")


def test_same_results_as_pyshacl_on_a_damaged_real_graph(kg):
    """Drop a seeded sample of the real graph's triples and add wrong ones: every shape gets work."""
    damaged = KnowledgeGraph()
    triples = sorted(kg.store.quads_for_pattern(None, None, None, ox.DefaultGraph()), key=str)
    rng = random.Random(7)
    dropped = set(rng.sample(range(len(triples)), 400))
    damaged.store.extend(q for i, q in enumerate(triples) if i not in dropped)
    sd = "https://w3id.org/sociaal-domein/def#"
    wrong = [("id/organisatie/kwadraad", "soort", ox.NamedNode(sd + "Gemeente")),
             ("id/gemeente/gm0503", "cbsCode", ox.Literal("GM05")),
             ("id/gemeente/gm0503", "actiefIn", ox.Literal("Delft"))]
    for s, p, o in wrong:
        damaged.store.add(ox.Quad(ox.NamedNode("https://w3id.org/sociaal-domein/" + s), ox.NamedNode(sd + p), o))
    ours, theirs = _both(damaged)
    assert len(ours) > 50
    assert [str(p) for p in ours] == [str(p) for p in theirs]


def test_the_real_graph_conforms(kg):
    assert run_shacl(kg) == []


def test_every_constraint_of_the_shapes_is_compiled():
    checks = compile_shapes(shapes_graph())
    shapes = {str(c.shape).rsplit("#", 1)[-1] for c in checks}
    assert {"EveryThingHasASource", "InferredClaimSaysWhy", "ActiveInAGemeenteOrRegio",
            "OrganisatieHasAKind", "FigureHasValueUnitAndOwner"} <= shapes


def test_an_untranslated_feature_is_refused_not_ignored():
    g = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:qualifiedMinCount 1 ; sh:qualifiedValueShape [ sh:class ex:D ] ] .
        """, format="turtle")
    with pytest.raises(Unsupported):
        compile_shapes(g)
