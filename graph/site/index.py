"""What the site reads from the store, once per loaded graph: entities, claims, labels, sources, views, profiles.

Every figure and fact comes from the store through the safe query layer
(``kg.query``) and the analysis functions; the pages only look things up
here. The index is built on first use and kept while the same graph is served
(a new build gives a new graph, hence a new index).
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

__all__ = ["SiteIndex", "build_index", "site_index", "CLAIMS_QUERY"]

_SEP = "\u001f"

#: Every claim with its subject, predicate, object, status, source, reason and quotes.
CLAIMS_QUERY = """
SELECT ?c ?s ?p ?o ?iri ?status ?bron ?afleiding (GROUP_CONCAT(?q; SEPARATOR="\\u001F") AS ?citaat) WHERE {
  ?c a sd:Bewering ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; sd:status ?st ;
     prov:wasDerivedFrom/dcterms:identifier ?bron .
  OPTIONAL { ?c sd:citaat ?q }
  OPTIONAL { ?c sd:afleiding ?afleiding }
  BIND(IF(?st = sd:Vermeld, "vermeld", "afgeleid") AS ?status)
  BIND(isIRI(?o) AS ?iri)
} GROUP BY ?c ?s ?p ?o ?iri ?status ?bron ?afleiding
"""
_CONFLICTS_QUERY = "SELECT ?a ?b WHERE { ?a sd:strijdigMet ?b }"
_LABELS_QUERY = """
SELECT ?s ?l WHERE { ?s rdfs:label|skos:prefLabel ?l FILTER(LANG(?l) = "nl" || LANG(?l) = "") }
"""
_SOURCES_QUERY = """
SELECT ?b ?id ?p ?o WHERE { ?b a sd:Brondocument ; dcterms:identifier ?id ; ?p ?o }
"""
_SUBJECTS_QUERY = "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"


@dataclass
class SiteIndex:
    """The site's view of one loaded graph (see :func:`build_index`)."""

    table: pd.DataFrame
    claims: pd.DataFrame
    labels: dict[str, str]
    sources: dict[str, dict]
    subjects: set[str]
    conflicts: dict[str, set[str]]
    cooperation: nx.Graph
    affiliation: nx.Graph
    full: nx.MultiDiGraph
    profiles: pd.DataFrame
    names: pd.DataFrame
    by_subject: dict[str, pd.DataFrame] = field(default_factory=dict)
    by_object: dict[str, pd.DataFrame] = field(default_factory=dict)
    by_source: dict[str, pd.DataFrame] = field(default_factory=dict)
    cache: dict = field(default_factory=dict)

    def label(self, iri: str) -> str:
        """The Dutch label of an IRI, else its last part."""
        return self.labels.get(iri) or iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def exists(self, iri: str) -> bool:
        """True when the graph says anything about ``iri`` (it is the subject of a triple or a claim)."""
        return iri in self.subjects or iri in self.by_subject

    def gouden_gemeenten(self) -> pd.DataFrame:
        """Gouden Gemeenten (and regio's) with their award years: ``iri, label, kind, jaar``, by year then name."""
        t = self.table
        rows = [{"iri": i, "label": t.at[i, "label"], "kind": t.at[i, "kind"], "jaar": y}
                for i in t.index for y in t.at[i, "awards"]]
        df = pd.DataFrame(rows, columns=["iri", "label", "kind", "jaar"])
        return df.sort_values(["jaar", "label"]).reset_index(drop=True)


def _group(df: pd.DataFrame, key: str) -> dict[str, pd.DataFrame]:
    return {k: g.reset_index(drop=True) for k, g in df.groupby(key, sort=False)} if len(df) else {}


def build_index(kg) -> SiteIndex:
    """Read everything the pages show from ``kg`` (slow part: the views and the profiles, once).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> ix = build_index(example_kg())
    >>> ix.label("https://w3id.org/sociaal-domein/id/organisatie/a")
    'Alfa'
    >>> int((ix.claims["status"] == "afgeleid").sum()) > 0
    True
    """
    from graph.analysis.names import name_table
    from graph.analysis.profiles import profiles
    from graph.views import affiliation_graph, cooperation_graph, entity_table, full_graph

    table = entity_table(kg)
    claims = kg.frame(CLAIMS_QUERY)
    if len(claims):
        claims["o"] = claims["o"].map(lambda v: v if isinstance(v, str) else str(v))
        claims["iri"] = claims["iri"].astype(bool)
        claims["citaten"] = claims["citaat"].map(
            lambda t: sorted(set(t.split(_SEP))) if isinstance(t, str) and t else [])
        claims["afleiding"] = claims["afleiding"].map(lambda v: v if isinstance(v, str) else "")
        claims = claims.drop(columns=["citaat"]).sort_values(["s", "p", "o", "bron"]).reset_index(drop=True)
    labels_df = kg.frame(_LABELS_QUERY)
    labels: dict[str, str] = {}
    for s, lab in zip(labels_df["s"], labels_df["l"], strict=True):
        labels.setdefault(s, str(lab))
    labels.update(table["label"].to_dict())
    src = kg.frame(_SOURCES_QUERY)
    sources: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    for b, ident, p, o in zip(src["b"], src["id"], src["p"], src["o"], strict=True):
        sources[str(ident)]["iri"] = [b]
        sources[str(ident)][p].append(str(o))
    conflicts: dict[str, set[str]] = defaultdict(set)
    conf = kg.frame(_CONFLICTS_QUERY)
    for a, b in zip(conf["a"], conf["b"], strict=True):
        conflicts[a].add(b)
        conflicts[b].add(a)
    gemeenten = [i for i in table.index if table.at[i, "kind"] in ("Gemeente", "Regio")]
    prof = profiles(kg, gemeenten) if gemeenten else pd.DataFrame(columns=["iri"])
    ix = SiteIndex(table=table, claims=claims, labels=labels, sources={k: dict(v) for k, v in sources.items()},
                   subjects=set(kg.frame(_SUBJECTS_QUERY)["s"]), conflicts=dict(conflicts),
                   cooperation=cooperation_graph(kg), affiliation=affiliation_graph(kg), full=full_graph(kg),
                   profiles=prof.set_index("iri", drop=False), names=name_table(kg))
    ix.by_subject = _group(claims, "s")
    ix.by_object = _group(claims[claims["iri"]], "o") if len(claims) else {}
    ix.by_source = _group(claims, "bron")
    return ix


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def site_index(kg) -> SiteIndex:
    """The index of ``kg``, built once (thread-safe) and kept as long as ``kg`` is alive."""
    with _LOCK:
        ix = _INDEXES.get(kg)
        if ix is None:
            ix = build_index(kg)
            _INDEXES[kg] = ix
        return ix
