"""Summary tables: counts per class, awards, claims per source."""

from graph.stats import claim_counts, class_counts, gouden_gemeenten, graph_counts


def test_class_counts_have_dutch_labels(kg):
    df = class_counts(kg)
    assert (df.label != "").all(), df[df.label == ""]
    counts = dict(zip(df.klasse, df.aantal.astype(int), strict=True))
    assert counts["sd:Gemeente"] == 355 and counts["sd:Provincie"] == 12
    # vocabulary (ontology classes, concepts, VoID partitions) is not counted as data
    assert not {"owl:Class", "skos:Concept", "void:Dataset"} & set(counts)


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
