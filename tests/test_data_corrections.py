"""Data corrections from an independent read of the sources, and the derived facts, in the built graph."""

import pytest

SDI = "https://w3id.org/sociaal-domein/id/"


def _claims(kg, s, p, o):
    """(source id, status label) of every claim of the triple ``s p o`` (full IRIs or SPARQL terms)."""
    df = kg.query(f"""
        SELECT DISTINCT ?bron ?status WHERE {{
          ?c rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ;
             prov:wasDerivedFrom/dcterms:identifier ?bron ; sd:status/rdfs:label ?status .
          FILTER(LANG(?status) = "nl")
        }}""")
    return {(str(b), str(st)) for b, st in df.itertuples(index=False)}


def test_the_conflict_of_the_twelve_and_the_nine_partners_is_inferred_under_every_source(kg):
    twelve, nine = f"<{SDI}aantal/delft-voor-elkaar-partners-001>", f"<{SDI}aantal/delft-voor-elkaar-partners-genoemd>"
    for s, o in ((twelve, nine), (nine, twelve)):
        claims = _claims(kg, s, "sd:strijdigMet", o)
        assert {b for b, _ in claims} == {"000", "001", "004"}, (s, claims)
        assert {st for _, st in claims} == {"afgeleid"}, (s, claims)
    # the figure itself stays stated by 001
    assert _claims(kg, twelve, "schema:value", "12") == {("001", "vermeld")}


def test_groenlinks_is_labelled_as_the_text_names_it_and_the_delft_branch_is_inferred(kg):
    gl = f"<{SDI}organisatie/groenlinks>"
    assert _claims(kg, gl, "rdfs:label", '"GroenLinks"@nl') == {("001", "vermeld")}
    assert _claims(kg, gl, "skos:altLabel", '"GroenLinks Delft"@nl') == {("001", "afgeleid")}
    assert not kg.query('ASK { ?x rdfs:label "GroenLinks Delft"@nl }')


def test_the_four_year_contract_with_pluspunt_is_not_claimed_from_004(kg):
    claims = _claims(kg, f"<{SDI}afspraak/zandvoort-contract-vier-jaar>", "sd:partij", f"<{SDI}organisatie/pluspunt>")
    assert claims == {("002", "afgeleid")}


def test_aalten_does_not_put_inhabitants_above_rules_but_above_organisations(kg):
    aalten = f"<{SDI}gemeente/gm0197>"
    concept = "<https://w3id.org/sociaal-domein/concept/werkprincipe/{}>"
    assert not _claims(kg, aalten, "sd:werkprincipe", concept.format("burgers-boven-regels"))
    assert _claims(kg, aalten, "sd:werkprincipe", concept.format("belang-inwoners-boven-organisaties")) == {
        ("004", "vermeld")}


@pytest.mark.parametrize(("iri", "cls", "label", "source"), [
    ("organisatie/ribw", "sd:Organisatie", "RIBW", "004"),
    ("organisatie/politie", "sd:Organisatie", "Politie", "004"),
    ("organisatie/kinderombudsman", "sd:Organisatie", "Kinderombudsman", "004"),
    ("organisatie/ggd-goirle", "sd:Organisatie", "GGD", "004"),
    ("wijk/austerlitz", "sd:Wijk", "Austerlitz", "004"),
    ("voorziening/prinsenhof", "sd:Voorziening", "Prinsenhof", "002"),
    ("persoon/schippers", "sd:Persoon", "Schippers", "002"),
    ("initiatief/delft-ontwikkelagenda", "sd:Initiatief", "Ontwikkelagenda (Delft)", "001"),
])
def test_things_the_sources_name_are_entities_with_their_source(kg, iri, cls, label, source):
    assert _claims(kg, f"<{SDI}{iri}>", "rdf:type", cls) == {(source, "vermeld")}
    assert kg.query(f'ASK {{ <{SDI}{iri}> rdfs:label "{label}"@nl }}')


def test_austerlitz_lies_in_zeist_as_stated(kg):
    assert _claims(kg, f"<{SDI}wijk/austerlitz>", "sd:ligtIn", f"<{SDI}gemeente/gm0355>") == {("004", "vermeld")}


def test_derived_claims_are_inferred_with_a_reason_and_point_to_a_curated_record(kg):
    df = kg.query("""
        SELECT ?c ?status ?why ?record WHERE {
          ?c rdf:predicate ?p ; sd:status ?status ; sd:record ?record .
          OPTIONAL { ?c sd:afleiding ?why }
          VALUES ?p { sd:inGemeente }
        }""")
    assert len(df) > 50
    assert set(df["status"].map(str)) == {"https://w3id.org/sociaal-domein/def#Afgeleid"}
    assert df["why"].notna().all()
    assert df["record"].map(str).str.match(r"data/curated/[a-z0-9-]+\.yaml:\d+$").all()


@pytest.mark.parametrize("prop", ["sd:werktSamenMet", "sd:strijdigMet"])
def test_symmetric_relations_can_be_asked_from_both_sides_under_each_source(kg, prop):
    one_way = kg.query(f"""
        SELECT ?a ?b ?g WHERE {{
          GRAPH ?g {{ ?a {prop} ?b }}
          FILTER NOT EXISTS {{ GRAPH ?g {{ ?b {prop} ?a }} }}
        }}""")
    assert one_way.empty, one_way


def test_a_stated_mirror_gets_no_extra_claim_by_symmetry(kg):
    df = kg.query("""
        SELECT ?s ?o ?bron WHERE {
          ?c rdf:subject ?s ; rdf:predicate sd:werktSamenMet ; rdf:object ?o ; sd:status sd:Vermeld ;
             prov:wasDerivedFrom ?bron .
          ?d rdf:subject ?s ; rdf:predicate sd:werktSamenMet ; rdf:object ?o ; prov:wasDerivedFrom ?bron ;
             sd:afleiding ?why .
          FILTER(STRSTARTS(STR(?why), "sd:werktSamenMet is symmetrisch"))
        }""")
    assert df.empty, df


def test_initiators_by_membership_role_are_initiators_by_property(kg):
    missing = kg.query("""
        SELECT ?m WHERE {
          ?m org:role <https://w3id.org/sociaal-domein/concept/rol/initiatiefnemer> ;
             org:member ?o ; org:organization ?v .
          FILTER NOT EXISTS { ?v sd:initiatiefnemer ?o }
        }""")
    assert missing.empty, missing
    assert kg.query("""ASK { ?m org:role <https://w3id.org/sociaal-domein/concept/rol/initiatiefnemer> }""")
