"""graph.mapping.derived: facts derived from records by symmetry, place and membership role."""

import pytest
from rdflib import OWL, RDF

from graph.mapping.derived import SYMMETRIC_FIELDS, derive_records
from graph.mapping.fields import COMMON_FIELDS, TYPES
from graph.namespaces import compact
from graph.ontology import ontology_graph
from graph.sources.records import Record


def rec(line, fields, source="004"):
    return Record("data/curated/x.yaml", line, {"source": source, "quote": f"citaat {line}", **fields})


def decl(line, rid, tname, **fields):
    return rec(line, {"id": rid, "type": tname, "label": rid, **fields})


GEMEENTE = decl(1, "gemeente/gm0001", "Gemeente")
REGIO = decl(2, "regio/r", "Regio")


def facts(derived, name):
    return {(r.fields["about"], r.fields[name], r.fields["source"] if isinstance(r.fields["source"], str)
             else tuple(r.fields["source"])) for r in derived if name in r.fields}


def test_symmetric_relation_is_derived_the_other_way_with_the_same_record_source_and_quote():
    a = decl(10, "organisatie/a", "Organisatie", werkt_samen_met="organisatie/b")
    b = decl(20, "organisatie/b", "Organisatie")
    [d] = derive_records([a, b])
    assert d.fields["about"] == "organisatie/b" and d.fields["werkt_samen_met"] == "organisatie/a"
    assert (d.file, d.line) == (a.file, a.line)
    assert d.fields["source"] == "004" and d.fields["quote"] == "citaat 10"
    assert "symmetrisch" in d.fields["inferred"]
    assert "organisatie/a werkt_samen_met organisatie/b" in d.fields["inferred"]


def test_a_stated_mirror_gets_no_inferred_duplicate_but_another_source_does():
    a = decl(10, "organisatie/a", "Organisatie", werkt_samen_met="organisatie/b", source=["002", "004"])
    b = decl(20, "organisatie/b", "Organisatie", werkt_samen_met="organisatie/a", source="004")
    assert facts(derive_records([a, b]), "werkt_samen_met") == {("organisatie/b", "organisatie/a", "002")}


def test_an_inferred_record_passes_its_reason_on():
    a = decl(10, "organisatie/a", "Organisatie", werkt_samen_met="organisatie/b", inferred="omdat het zo staat")
    b = decl(20, "organisatie/b", "Organisatie")
    [d] = derive_records([a, b])
    assert "Die bewering is zelf afgeleid: omdat het zo staat" in d.fields["inferred"]


def test_conflicting_figures_are_linked_both_ways():
    x = decl(10, "aantal/x", "Aantal", strijdig_met="aantal/y", source="001")
    y = decl(20, "aantal/y", "Aantal", source="000")
    assert facts(derive_records([x, y]), "strijdig_met") == {("aantal/y", "aantal/x", "001")}


def test_every_symmetric_property_of_the_ontology_that_is_a_record_field_is_derived():
    g = ontology_graph()
    symmetric = {compact(p) for p in g.subjects(RDF.type, OWL.SymmetricProperty)}
    fields = {**COMMON_FIELDS, **{k: f for t in TYPES.values() for k, f in t.fields.items()}}
    as_fields = {name for name, f in fields.items() if compact(f.predicate) in symmetric}
    assert as_fields == set(SYMMETRIC_FIELDS)
    assert {compact(fields[n].predicate) for n in SYMMETRIC_FIELDS} == set(SYMMETRIC_FIELDS.values())


@pytest.mark.parametrize("field", ["actief_in", "ligt_in"])
def test_in_gemeente_from_actief_in_and_ligt_in_a_gemeente(field):
    x = decl(10, "initiatief/x", "Initiatief", **{field: "gemeente/gm0001"})
    [d] = derive_records([GEMEENTE, x])
    assert (d.fields["about"], d.fields["in_gemeente"]) == ("initiatief/x", "gemeente/gm0001")
    assert f"initiatief/x {field} gemeente/gm0001" in d.fields["inferred"]


def test_a_regio_is_not_a_gemeente():
    x = decl(10, "organisatie/x", "Organisatie", actief_in="regio/r")
    assert derive_records([GEMEENTE, REGIO, x]) == []


def test_in_gemeente_follows_a_chain_with_every_quote_of_it():
    w = decl(10, "wijk/w", "Wijk", ligt_in="gemeente/gm0001")
    v = decl(20, "voorziening/v", "Voorziening", ligt_in="wijk/w")
    i = decl(30, "initiatief/i", "Initiatief", gevestigd_in="voorziening/v")
    derived = derive_records([GEMEENTE, w, v, i])
    assert facts(derived, "in_gemeente") == {("wijk/w", "gemeente/gm0001", "004"),
                                             ("voorziening/v", "gemeente/gm0001", "004"),
                                             ("initiatief/i", "gemeente/gm0001", "004")}
    [chain] = [d for d in derived if d.fields["about"] == "initiatief/i"]
    assert chain.line == 30
    assert chain.fields["quote"] == ["citaat 30", "citaat 20", "citaat 10"]
    assert "voorziening/v ligt_in wijk/w" in chain.fields["inferred"]


def test_a_chain_across_sources_that_share_none_is_not_derived():
    w = decl(10, "wijk/w", "Wijk", ligt_in="gemeente/gm0001", source="003")
    v = decl(20, "voorziening/v", "Voorziening", ligt_in="wijk/w", source="004")
    assert facts(derive_records([GEMEENTE, w, v]), "in_gemeente") == {("wijk/w", "gemeente/gm0001", "003")}


def test_a_direct_fact_is_not_derived_again_through_a_chain():
    w = decl(10, "wijk/w", "Wijk", ligt_in="gemeente/gm0001")
    v = decl(20, "voorziening/v", "Voorziening", ligt_in="wijk/w", actief_in="gemeente/gm0001")
    derived = [d for d in derive_records([GEMEENTE, w, v]) if d.fields["about"] == "voorziening/v"]
    assert len(derived) == 1 and "sd:actiefIn" in derived[0].fields["inferred"]


def test_an_initiator_membership_gives_sd_initiatiefnemer():
    o = decl(10, "organisatie/o", "Organisatie")
    s = decl(20, "samenwerking/s", "Samenwerkingsverband")
    m = decl(30, "lidmaatschap/m", "Lidmaatschap", lid="organisatie/o", van="samenwerking/s", rol="initiatiefnemer")
    p = decl(40, "lidmaatschap/p", "Lidmaatschap", lid="organisatie/o", van="samenwerking/s", rol="partner")
    [d] = derive_records([o, s, m, p])
    assert (d.fields["about"], d.fields["initiatiefnemer"], d.line) == ("samenwerking/s", "organisatie/o", 30)


def test_an_initiator_already_given_is_not_derived_again():
    o = decl(10, "organisatie/o", "Organisatie")
    s = decl(20, "samenwerking/s", "Samenwerkingsverband", initiatiefnemer="organisatie/o")
    m = decl(30, "lidmaatschap/m", "Lidmaatschap", lid="organisatie/o", van="samenwerking/s", rol="initiatiefnemer")
    assert derive_records([o, s, m]) == []


def test_nothing_is_derived_towards_an_undeclared_id_or_from_a_record_without_quote():
    a = decl(10, "organisatie/a", "Organisatie", werkt_samen_met="organisatie/nergens")
    b = Record("x.yaml", 20, {"id": "organisatie/b", "type": "Organisatie", "source": "004",
                              "werkt_samen_met": "organisatie/a"})
    assert derive_records([a, b]) == []


def test_a_record_with_an_unknown_source_or_invalid_id_derives_nothing():
    a = decl(10, "organisatie/a", "Organisatie", werkt_samen_met="organisatie/b", source="999")
    b = decl(20, "organisatie/b", "Organisatie")
    bad = decl(30, "organisatie/Niet_Goed", "Organisatie")
    c = decl(40, "organisatie/c", "Organisatie", werkt_samen_met="organisatie/Niet_Goed")
    assert derive_records([a, b, bad, c], sources={"004"}) == []
    assert len(derive_records([a, b], sources=None)) == 1


def test_a_bad_record_is_reported_once(data_copy):
    from graph.build import build
    from graph.errors import InputError

    path = data_copy / "curated" / "zandvoort.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    werkt_samen_met: gemeente/gm0392\n"
    assert old in text
    path.write_text(text.replace(old, old + '    source: "999"\n'), encoding="utf-8")
    with pytest.raises(InputError) as err:
        build(data=data_copy, output=data_copy.parent / "out", shacl=False)
    assert [p.message for p in err.value.problems] == ["unknown source '999'"]
