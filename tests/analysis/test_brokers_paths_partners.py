"""Brokers, cooperation paths and partners, on hand-made graphs and on the real data."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis.brokers import brokers
from graph.analysis.partners import partners
from graph.analysis.paths import cooperation_path
from graph.namespaces import entity
from graph.views import cooperation_graph


def iri(local_id: str) -> str:
    return str(entity(local_id))


def test_brokers_known():
    G = nx.Graph()
    for g in ("A", "B", "C"):
        G.add_node(g, label=g, kind="Gemeente", gemeenten=[g])
    G.add_node("x", label="X", kind="Organisatie", gemeenten=["A"])
    G.add_node("y", label="Y", kind="Organisatie", gemeenten=["C"])
    G.add_edges_from([("x", "A"), ("x", "B"), ("y", "C")], weight=1)
    df = brokers(G)
    assert df["naam"].tolist() == ["X"] and df.loc[0, "gemeenten"] == "A; B"


def test_path_example(example):
    G = cooperation_graph(example)
    df = cooperation_path(G, iri("organisatie/b"), iri("gemeente/gm0001"))
    assert df["stap"].tolist() == [1, 2]
    assert df.loc[1, "uitleg"].startswith("Gamma werkt samen met Gemeente Een") or \
        df.loc[1, "uitleg"].startswith("Gemeente Een werkt samen met Gamma")
    assert "Netwerk N" in df.loc[0, "uitleg"] or df.loc[0, "relatie"] == "werkt samen met"


def test_path_real_kwadraad_mee(coop):
    df = cooperation_path(coop, iri("organisatie/kwadraad"), iri("organisatie/mee-delft"))
    assert len(df) == 1
    assert df.loc[0, "uitleg"].startswith("Kwadraad en MEE nemen beide deel aan Delft voor Elkaar - 00")
    assert df.loc[0, "status"] == "afgeleid"


def test_no_path(coop):
    with pytest.raises(nx.NetworkXNoPath):
        cooperation_path(coop, iri("organisatie/kwadraad"), iri("organisatie/versa-welzijn"))


def test_partners_example(example):
    df = partners(cooperation_graph(example), iri("organisatie/b"))
    rows = {(r.partner, r.relatie, r.status) for r in df.itertuples()}
    assert rows == {("Alfa", "gedeeld samenwerkingsverband", "afgeleid"), ("Alfa", "werkt samen met", "vermeld"),
                    ("Gamma", "gedeeld samenwerkingsverband", "afgeleid")}
    assert set(partners(cooperation_graph(example), iri("organisatie/b"), stated_only=True)["partner"]) == {"Alfa"}


def test_partners_real_delft_voor_elkaar(affiliation):
    df = partners(affiliation, iri("samenwerking/delft-voor-elkaar"))
    assert df["partner"].nunique() == 9
    assert set(df["bronnen"]) == {"000, 004"}
    assert (df["status"] == "afgeleid").all()
    assert df.loc[df["partner"] == "Participe", "relatie"].item() == "lid van (penvoerder)"


def test_partners_real_de_toegang(affiliation, coop):
    # 000/004: "een projectorganisatie van maar liefst 16 organisaties" - none is named
    node = iri("samenwerking/de-toegang-delft")
    assert node not in coop
    assert partners(affiliation, node).empty


def test_partners_real_kwadraad_delft_inferred(coop):
    df = partners(coop, iri("organisatie/kwadraad")).set_index("partner")
    # the cooperation of Delft and Kwadraad is inferred (data/curated/delft.yaml), the agreement with Participe stated
    assert df.loc["Delft", "status"] == "afgeleid"
    participe = df.loc["Participe"]
    assert set(participe["relatie"]) == {"gedeeld samenwerkingsverband", "gedeelde afspraak"}
    assert participe.set_index("relatie").loc["gedeelde afspraak", "status"] == "vermeld"
