"""Summary tables: counts per class, awards, claims per source."""

from graph.stats import claim_counts, class_counts, gemeenten_explained, gouden_gemeenten, graph_counts


def test_class_counts_have_dutch_labels(kg):
    df = class_counts(kg)
    assert (df.soort != "").all(), df[df.soort == ""]
    assert not df.soort.str.contains(":").any(), "no CURIEs in the Dutch names"
    counts = dict(zip(df.klasse, df.aantal.astype(int), strict=True))
    assert counts["sd:Gemeente"] == 355 and counts["sd:Provincie"] == 12
    # vocabulary (ontology classes, concepts, VoID partitions) is not counted as data
    assert not {"owl:Class", "skos:Concept", "void:Dataset"} & set(counts)


def test_class_counts_lead_with_what_researchers_look_for(kg):
    soorten = class_counts(kg).soort.tolist()
    assert soorten[:4] == ["gemeenten", "organisaties", "samenwerkingsverbanden", "initiatieven"]
    assert soorten[-2:] == ["brondocumenten", "beweringen (bron en citaat per feit)"]


def test_source_documents_are_counted_once(kg):
    counts = dict(zip(class_counts(kg).klasse, class_counts(kg).aantal, strict=True))
    assert "sd:Brondocument" in counts and "foaf:Document" not in counts


def test_gemeenten_beyond_the_cbs_list_are_explained(kg):
    df = gemeenten_explained(kg)
    assert sorted(df.gemeente) == ["Leerdam", "Vianen", "Zederik"]
    assert set(df.opgegaan_in) == {"Vijfheerenlanden"}


def test_claim_counts_add_up_to_the_claims(kg):
    df = claim_counts(kg)
    total = int(df.vermeld.astype(int).sum() + df.afgeleid.astype(int).sum())
    claims = kg.query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a sd:Bewering }").n[0]
    assert total == claims
    assert set(df.bron) >= {"000", "001", "002", "003", "004", "cbs-2021"}


def test_gouden_gemeenten_table(kg):
    df = gouden_gemeenten(kg)
    assert len(df) == 21
    assert set(df[df.jaar == "2015"].ontvanger) >= {"Deventer", "Zaanstad"}


def test_graph_counts_one_graph_per_source(kg):
    graphs = set(graph_counts(kg).graaf.astype(str))
    assert {f"https://w3id.org/sociaal-domein/id/graaf/{s}" for s in ("000", "004", "cbs-2021")} <= graphs
