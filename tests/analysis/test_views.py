"""The views: node and edge attributes of the contract, evidence, stated vs inferred, and the real data."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from graph import views
from graph.analysis.fixtures import EXAMPLE_RECORDS
from graph.namespaces import entity


def iri(local_id: str) -> str:
    return str(entity(local_id))

NODE_ATTRS = {"label", "kind", "soort", "gemeenten", "themes", "sources", "inferred", "awards"}
EDGE_ATTRS = {"relation", "weight", "inferred", "evidence"}
EVIDENCE_KEYS = {"relation", "via", "source", "quote", "status"}


def _check_contract(G):
    for n, d in G.nodes(data=True):
        assert NODE_ATTRS <= set(d), (n, set(d))
        assert isinstance(d["gemeenten"], list) and isinstance(d["themes"], list)
        assert isinstance(d["inferred"], bool) and isinstance(d["label"], str) and d["label"]
    for *_, d in G.edges(data=True):
        assert EDGE_ATTRS <= set(d)
        assert d["evidence"], "every edge has evidence"
        for ev in d["evidence"]:
            assert EVIDENCE_KEYS <= set(ev) and ev["status"] in ("vermeld", "afgeleid")
        if "ties" in d:  # a tie is inferred when one of the facts it needs is; the edge when all ties are
            assert d["inferred"] == all(t["inferred"] for t in d["ties"]) and d["weight"] == len(d["ties"])
        else:
            assert d["inferred"] == all(e["status"] == "afgeleid" for e in d["evidence"])


@pytest.mark.parametrize("view", ["full_graph", "cooperation_graph", "affiliation_graph",
                                  "gemeente_organisation_graph"])
def test_contract_on_example_and_real(example, kg, view):
    for g in (example, kg):
        _check_contract(getattr(views, view)(g))


def test_rq_files_list_the_entity_classes():
    folder = Path(views.__file__).parent / "queries" / "views"
    expected = {f"sd:{c}" for c in views.ENTITY_CLASSES}
    for name in ("entities", "entity_sources", "names", "relations"):
        text = (folder / f"{name}.rq").read_text()
        block = text[text.index("?klasse {") if "?klasse {" in text else text.index("IN ("):]
        block = block[: block.index("}") if "?klasse {" in text else block.index(")")]
        assert set(re.findall(r"sd:\w+", block)) == expected, name


def test_full_graph_example(example):
    G = views.full_graph(example)
    assert isinstance(G, nx.MultiDiGraph)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert {"Alfa", "Beta", "Gamma", "Gemeente Een", "Netwerk N", "Initiatief I"} <= labels
    member = {(G.nodes[s]["label"], d["rol"], d["inferred"]) for s, _, d in G.edges(data=True)
              if d["relation"] == "lid van"}
    assert member == {("Alfa", "penvoerder", False), ("Beta", "partner", True), ("Gamma", "partner", False)}
    a = iri("organisatie/a")
    assert G.nodes[a]["themes"] == ["dementie"] and G.nodes[a]["gemeenten"] == ["Gemeente Een"]
    # T2 declares Beta; T1 states that Alfa works with Beta, so Beta works with Alfa (derived, from T1)
    assert G.nodes[iri("organisatie/b")]["sources"] == ["T1", "T2"]


def test_cooperation_ties_and_stated_only(example):
    G = views.cooperation_graph(example)
    a, b, c, g = (iri(x) for x in ("organisatie/a", "organisatie/b", "organisatie/c", "gemeente/gm0001"))
    assert set(map(frozenset, G.edges)) == {frozenset(p) for p in [(a, b), (a, c), (b, c), (c, g)]}
    assert G.edges[b, c]["inferred"] is True            # Beta's membership is inferred
    assert G.edges[a, c]["inferred"] is False
    assert {e["status"] for e in G.edges[b, c]["evidence"]} == {"vermeld", "afgeleid"}
    assert all(e["via"] == "Netwerk N" for e in G.edges[b, c]["evidence"])
    S = views.cooperation_graph(example, stated_only=True)
    assert not S.has_edge(b, c) and S.has_edge(a, c) and S.edges[a, b]["weight"] == 1
    assert G.nodes[g]["kind"] == "Gemeente"


def test_example_records_unchanged():
    # the doctests and tests above rely on these facts of the fixture
    assert sum(1 for r in EXAMPLE_RECORDS if r.get("type") == "Lidmaatschap") == 3


def test_affiliation_bipartite(example):
    G = views.affiliation_graph(example)
    assert nx.is_bipartite(G)
    assert {d["bipartite"] for _, d in G.nodes(data=True)} == {0, 1}
    assert G.edges[iri("organisatie/a"), iri("initiatief/i")]["relation"] == "uitvoerder"


def test_ego_graph_radius(example):
    assert set(views.ego_graph(example, iri("gemeente/gm0001"), radius=1)) == {iri("gemeente/gm0001"),
                                                                           iri("organisatie/c")}
    assert len(views.ego_graph(example, iri("gemeente/gm0001"), radius=2)) == 4


def test_real_delft_voor_elkaar_nine_partners(affiliation):
    # 000 and 004 name nine organisations of Delft voor Elkaar; Participe as penvoerder
    net = iri("samenwerking/delft-voor-elkaar")
    members = {affiliation.nodes[m]["label"]: affiliation.edges[net, m]["relation"] for m in affiliation[net]}
    assert set(members) == {"Participe", "Kwadraad", "MEE", "Sportevenementen Haaglanden", "Alzheimer DWO",
                            "Inloophuis Debora", "Buddy Netwerk", "Autisme Informatiecentrum", "Ouderenfederatie"}
    assert members["Participe"] == "lid van (penvoerder)"
    # the memberships are inferred from context (data/curated/delft.yaml), and the view says so
    assert all(affiliation.edges[net, m]["inferred"] for m in affiliation[net])


def test_real_cooperation_inference_matters(kg, coop):
    stated = views.cooperation_graph(kg, stated_only=True)
    assert 0 < stated.number_of_edges() < coop.number_of_edges()
    kw, pa = iri("organisatie/kwadraad"), iri("organisatie/participe")
    # Kwadraad and Participe: a stated prestatiecontract (an agreement) and the inferred Delft voor Elkaar
    assert coop.edges[kw, pa]["weight"] == 2
    assert stated.edges[kw, pa]["weight"] == 1
    assert stated.edges[kw, pa]["relation"] == "gedeelde afspraak"


def test_every_relation_of_the_real_graph_has_a_dutch_name(kg):
    relations = {d["relation"] for _, _, d in views.full_graph(kg).edges(data=True)}
    assert "heeft als lid" in relations  # org:hasMember, a reused property the ontology does not name
    assert not [r for r in relations if re.search(r"[a-z][A-Z]", r)], "a property's local name shown as relation"
