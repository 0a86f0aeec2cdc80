"""Summary tables of a built graph: counts per class, Gouden Gemeenten per year, claims."""

from __future__ import annotations

import pandas as pd

from graph.describe import META_GRAPH
from graph.mapping.fields import TYPES
from graph.namespaces import CONCEPTS_IRI, FOAF, ONTOLOGY_IRI, SD, compact
from graph.store import KnowledgeGraph

__all__ = ["class_counts", "gouden_gemeenten", "claim_counts", "graph_counts", "gemeenten_explained", "TABLES"]

#: Graphs whose things are vocabulary or description, not data.
_NOT_DATA = " ".join(f"<{g}>" for g in (ONTOLOGY_IRI, CONCEPTS_IRI, META_GRAPH))
#: Dutch names for reused classes the ontology does not label (org:Post is a 'Functie' record).
_RECORD_NAMES = {str(spec.cls): name.lower() for name, spec in TYPES.items()} | {str(FOAF.Document): "document"}


#: What a researcher looks for first, in this order; then the rest by count; provenance last.
_ORDER = ("Gemeente", "Organisatie", "Samenwerkingsverband", "Initiatief", "Onderscheiding", "Voorziening",
          "Afspraak", "Persoon", "Functie", "Lidmaatschap", "Aantal", "Regio", "Provincie", "Stadsdeel", "Wijk",
          "Herindeling")
_RANK = {str(TYPES[name].cls): i for i, name in enumerate(_ORDER)}
#: Dutch plurals for the summary (the ontology's labels are singular).
_PLURAL = {"Gemeente": "gemeenten", "Organisatie": "organisaties", "Samenwerkingsverband": "samenwerkingsverbanden",
           "Initiatief": "initiatieven", "Onderscheiding": "onderscheidingen (Gouden Gemeente)",
           "Voorziening": "voorzieningen", "Afspraak": "afspraken", "Persoon": "personen",
           "Functie": "functies (personen in een rol)", "Lidmaatschap": "lidmaatschappen",
           "Aantal": "genoemde aantallen", "Regio": "regio's", "Provincie": "provincies",
           "Stadsdeel": "stadsdelen", "Wijk": "wijken", "Herindeling": "gemeentelijke herindelingen"}
_PLURALS = {str(TYPES[name].cls): plural for name, plural in _PLURAL.items()}
_PLURALS |= {str(SD.Brondocument): "brondocumenten", str(SD.Bewering): "beweringen (bron en citaat per feit)"}


def class_counts(kg: KnowledgeGraph) -> pd.DataFrame:
    """Things per class in the data, each counted once under its most specific class.

    Columns: ``soort`` (Dutch, plural), ``aantal``, ``klasse`` (the class as a
    CURIE, for machines). Rows lead with what a researcher looks for
    (gemeenten, organisaties, samenwerkingsverbanden, initiatieven,
    onderscheidingen); the provenance (brondocumenten, beweringen) comes last.
    A source document is an ``sd:Brondocument`` and, by the ontology, a
    ``foaf:Document``: it is counted once.
    """
    df = _class_counts(kg)
    iri = df["klasse"].astype(str)
    df["soort"] = iri.map(_PLURALS).fillna(df["label"]).fillna(iri.map(_RECORD_NAMES)).fillna(iri.map(compact))
    last = {str(SD.Brondocument): 100, str(SD.Bewering): 101}
    df["_rank"] = iri.map(_RANK | last).fillna(len(_RANK))
    df = df.sort_values(["_rank", "aantal", "soort"], ascending=[True, False, True], kind="stable")
    df["klasse"] = iri.map(compact)
    return df[["soort", "aantal", "klasse"]].reset_index(drop=True)


def _class_counts(kg: KnowledgeGraph) -> pd.DataFrame:
    return kg.query(f"""
        SELECT ?klasse ?label (COUNT(DISTINCT ?s) AS ?aantal) WHERE {{
          ?s a ?klasse .
          MINUS {{ GRAPH ?g {{ ?s a ?klasse }} VALUES ?g {{ {_NOT_DATA} }} }}
          MINUS {{ ?s a ?specifiek . ?specifiek rdfs:subClassOf+ ?klasse . FILTER(?specifiek != ?klasse) }}
          OPTIONAL {{ ?klasse rdfs:label ?label FILTER(LANG(?label) = "nl") }}
        }} GROUP BY ?klasse ?label""")


def gemeenten_explained(kg: KnowledgeGraph) -> pd.DataFrame:
    """Why the graph has more gemeenten than the CBS list: one row per gemeente that is not a 2021 gemeente.

    Columns: ``gemeente``, ``cbs_code``, ``opgeheven`` (date), ``opgegaan_in``.
    """
    return kg.query("""
        SELECT ?gemeente ?cbs_code ?opgeheven ?opgegaan_in WHERE {
          ?g a sd:Gemeente ; rdfs:label ?gemeente ; schema:dissolutionDate ?opgeheven .
          OPTIONAL { ?g sd:cbsCode ?cbs_code }
          OPTIONAL { ?g sd:opgegaanIn/rdfs:label ?opgegaan_in }
        } ORDER BY ?gemeente""")


def gouden_gemeenten(kg: KnowledgeGraph) -> pd.DataFrame:
    """Every Gouden Gemeente award: year, recipient, CBS code, and who nominated it.

    ``voorgedragen_status`` says whether the nomination is stated or inferred.
    """
    return kg.query("""
        SELECT ?jaar ?ontvanger ?cbs_code ?voorgedragen_door ?voorgedragen_status WHERE {
          ?a a sd:Onderscheiding ; sd:jaar ?j ; sd:ontvanger ?o .
          ?o rdfs:label ?ontvanger .
          OPTIONAL { ?o sd:cbsCode ?cbs_code }
          OPTIONAL {
            ?a sd:voorgedragenDoor ?n . ?n rdfs:label ?voorgedragen_door .
            ?c rdf:subject ?a ; rdf:predicate sd:voorgedragenDoor ; rdf:object ?n ;
               sd:status/rdfs:label ?voorgedragen_status .
            FILTER(LANG(?voorgedragen_status) = "en")
          }
          BIND(STR(?j) AS ?jaar)
        } ORDER BY ?jaar ?ontvanger""")


def claim_counts(kg: KnowledgeGraph) -> pd.DataFrame:
    """Claims per source document, split into stated and inferred."""
    return kg.query("""
        SELECT ?bron ?titel
               (SUM(IF(?st = sd:Vermeld, 1, 0)) AS ?vermeld)
               (SUM(IF(?st = sd:Afgeleid, 1, 0)) AS ?afgeleid) WHERE {
          ?c a sd:Bewering ; prov:wasDerivedFrom ?b ; sd:status ?st .
          ?b dcterms:identifier ?bron ; dcterms:title ?titel .
        } GROUP BY ?bron ?titel ORDER BY ?bron""")


def graph_counts(kg: KnowledgeGraph) -> pd.DataFrame:
    """Triples per named graph (the default graph holds them all once)."""
    return kg.query("""
        SELECT ?graaf (COUNT(*) AS ?quads) WHERE { GRAPH ?graaf { ?s ?p ?o } }
        GROUP BY ?graaf ORDER BY ?graaf""")


#: The tables of ``kennisgraaf stats --table NAME``.
TABLES = {"classes": class_counts, "gouden_gemeenten": gouden_gemeenten, "claims": claim_counts,
          "gemeenten": gemeenten_explained}
