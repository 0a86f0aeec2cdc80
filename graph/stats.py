"""Summary tables of a built graph: counts per class, Gouden Gemeenten per year, claims."""

from __future__ import annotations

import pandas as pd

from graph.describe import META_GRAPH
from graph.mapping.fields import TYPES
from graph.namespaces import CONCEPTS_IRI, FOAF, ONTOLOGY_IRI, compact
from graph.store import KnowledgeGraph

__all__ = ["class_counts", "gouden_gemeenten", "claim_counts", "graph_counts"]

#: Graphs whose things are vocabulary or description, not data.
_NOT_DATA = " ".join(f"<{g}>" for g in (ONTOLOGY_IRI, CONCEPTS_IRI, META_GRAPH))
#: Dutch names for reused classes the ontology does not label (org:Post is a 'Functie' record).
_RECORD_NAMES = {str(spec.cls): name.lower() for name, spec in TYPES.items()} | {str(FOAF.Document): "document"}


def class_counts(kg: KnowledgeGraph) -> pd.DataFrame:
    """Number of things per class in the data (claims and sources included), with Dutch labels."""
    df = _class_counts(kg)
    df["label"] = df["label"].fillna(df["klasse"].astype(str).map(_RECORD_NAMES)).fillna("")
    df["klasse"] = df["klasse"].map(compact)
    return df


def _class_counts(kg: KnowledgeGraph) -> pd.DataFrame:
    return kg.query(f"""
        SELECT ?klasse ?label (COUNT(DISTINCT ?s) AS ?aantal) WHERE {{
          ?s a ?klasse .
          MINUS {{ GRAPH ?g {{ ?s a ?klasse }} VALUES ?g {{ {_NOT_DATA} }} }}
          OPTIONAL {{ ?klasse rdfs:label ?label FILTER(LANG(?label) = "nl") }}
        }} GROUP BY ?klasse ?label ORDER BY DESC(?aantal) ?klasse""")


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
