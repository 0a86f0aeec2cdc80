"""SHACL shapes run on the valid and invalid example files."""

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

from graph.ontology import ontology_graph, shapes_graph
from graph.settings import ROOT

EXAMPLES = ROOT / "ontology" / "examples"


def _run(name):
    data = Graph().parse(EXAMPLES / name)
    data += ontology_graph()  # the built graph carries the ontology and concept schemes too
    conforms, results, _ = validate(data, shacl_graph=shapes_graph(), advanced=True)
    shapes = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        source = results.value(r, SH.sourceShape)
        # property shapes are blank nodes: report the node shape that holds them
        parent = shapes_graph().value(None, SH.property, source) or source
        shapes.add(str(parent).rsplit("#", 1)[-1])
    return conforms, shapes


def test_valid_example_conforms():
    conforms, shapes = _run("valid.ttl")
    assert conforms, shapes


def test_invalid_example_breaks_the_named_shapes():
    conforms, shapes = _run("invalid.ttl")
    assert not conforms
    assert {"GemeenteHasAValidCbsCode", "OrganisatieHasAKind", "NamedThingsHaveALabel",
            "EveryThingHasASource", "EveryClaimHasSourceQuoteAndStatus",
            "MembershipLinksMemberOrganisationAndRole", "InferredClaimSaysWhy", "ThemaFromItsScheme",
            "WerkprincipeFromItsScheme", "ToegangsmodelFromItsScheme", "GeenToegangsmodelFromItsScheme",
            "RoleFromItsScheme", "FigureHasValueUnitAndOwner", "InGemeenteRefersToAGemeente"} <= shapes


def test_every_shape_has_a_message_in_dutch_and_english():
    g = shapes_graph()
    holders = set(g.subjects(SH.property, None)) | set(g.subjects(SH.sparql, None))
    for shape in g.subjects(RDF.type, SH.NodeShape):
        for prop in list(g.objects(shape, SH.property)) + list(g.objects(shape, SH.sparql)):
            langs = {m.language for m in g.objects(prop, SH.message)}
            assert {"nl", "en"} <= langs, (shape, prop)
        if any(g.value(shape, p) is not None for p in (SH["or"], SH["and"], SH["not"], SH.xone)):
            langs = {m.language for m in g.objects(shape, SH.message)}
            assert {"nl", "en"} <= langs, shape
    assert holders
