"""The queries the benchmark times: the competency questions, or typical queries.

The competency questions live in ``graph/queries/competency.yaml`` (a YAML
list of ``{id, vraag, question, query, expected}``). Until that file exists and
holds queries, :data:`TYPICAL` stands in: a count per class, a two-hop join
over ``org:Membership``, a GROUP BY over claims per source and a FILTER on
labels. Queries may use the prefixes of :data:`graph.namespaces.PREFIXES`
without declaring them; every store is given the same prefixes.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.settings import ROOT

__all__ = ["COMPETENCY_FILE", "TYPICAL", "Query", "competency_questions", "select_queries"]

COMPETENCY_FILE = ROOT / "graph" / "queries" / "competency.yaml"

#: A query to time: ``{"id", "question", "query"}``.
Query = dict[str, str]

TYPICAL: list[Query] = [
    {"id": "tellen-per-klasse",
     "question": "How many things of each class are there?",
     "query": """
SELECT ?klasse (COUNT(?s) AS ?n) WHERE { ?s a ?klasse }
GROUP BY ?klasse ORDER BY DESC(?n)"""},
    {"id": "leden-van-samenwerkingen",
     "question": "Which members work in which collaboration, and in which gemeente is it active?",
     "query": """
SELECT ?lid ?lidNaam ?samenwerking ?gemeente WHERE {
  ?m a org:Membership ; org:member ?lid ; org:organization ?samenwerking ; org:role ?rol .
  ?lid rdfs:label ?lidNaam .
  ?samenwerking sd:actiefIn ?gemeente .
}"""},
    {"id": "partners-via-samenwerking",
     "question": "Which organisations share a collaboration with an organisation in Utrecht province?",
     "query": """
SELECT DISTINCT ?a ?b WHERE {
  ?m1 org:member ?a ; org:organization ?s .
  ?m2 org:member ?b ; org:organization ?s .
  ?a sd:actiefIn/sd:provincie <https://w3id.org/sociaal-domein/id/provincie/pv26> .
  FILTER (?a != ?b)
}"""},
    {"id": "beweringen-per-bron",
     "question": "How many claims does each source support, stated and inferred?",
     "query": """
SELECT ?bron ?status (COUNT(?c) AS ?n) WHERE {
  ?c a sd:Bewering ; prov:wasDerivedFrom ?bron ; sd:status ?status .
} GROUP BY ?bron ?status ORDER BY ?bron ?status"""},
    {"id": "organisaties-per-provincie",
     "question": "How many organisations are active in each province?",
     "query": """
SELECT ?provincie (COUNT(DISTINCT ?org) AS ?n) WHERE {
  ?org a sd:Organisatie ; sd:actiefIn ?gemeente .
  ?gemeente sd:provincie ?p . ?p rdfs:label ?provincie .
} GROUP BY ?provincie ORDER BY DESC(?n)"""},
    {"id": "label-bevat-wijk",
     "question": "Which things have 'wijk' in their name?",
     "query": """
SELECT ?s ?label WHERE {
  ?s rdfs:label ?label .
  FILTER (CONTAINS(LCASE(STR(?label)), "wijk"))
}"""},
    {"id": "gouden-gemeenten",
     "question": "Which gemeenten and regions were named Gouden Gemeente, in which year?",
     "query": """
SELECT ?jaar ?ontvanger ?naam WHERE {
  ?a a sd:Onderscheiding ; sd:jaar ?jaar ; sd:ontvanger ?ontvanger .
  ?ontvanger rdfs:label ?naam .
} ORDER BY ?jaar ?naam"""},
    {"id": "organisaties-in-delft",
     "question": "Which organisations are active in Delft?",
     "query": """
SELECT ?org ?naam WHERE {
  ?org a sd:Organisatie ; sd:actiefIn <https://w3id.org/sociaal-domein/id/gemeente/gm0503> ; rdfs:label ?naam .
} ORDER BY ?naam"""},
    {"id": "herkomst-van-delft",
     "question": "What do the sources say about Delft, with quote and source?",
     "query": """
SELECT ?p ?o ?bron ?citaat WHERE {
  ?c rdf:subject <https://w3id.org/sociaal-domein/id/gemeente/gm0503> ;
     rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?bron ; sd:citaat ?citaat .
}"""},
]


def competency_questions(path: Path = COMPETENCY_FILE) -> list[Query]:
    """The competency questions that carry a query, or ``[]`` if there are none (yet).

    A missing, empty or unreadable file gives ``[]``; entries without a
    ``query`` are skipped.
    """
    if not path.exists():
        return []
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return []
    if isinstance(items, dict):  # tolerate {questions: [...]} as well as a bare list
        items = next((v for v in items.values() if isinstance(v, list)), [])
    out: list[Query] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not str(item.get("query") or "").strip():
            continue
        out.append({"id": str(item.get("id") or f"cq{i + 1}"),
                    "question": str(item.get("question") or item.get("vraag") or ""),
                    "query": str(item["query"])})
    return out


def select_queries(which: str = "auto", path: Path = COMPETENCY_FILE) -> tuple[str, list[Query]]:
    """The query set to time and its name.

    Parameters
    ----------
    which : ``"competency"``, ``"typical"``, ``"both"`` or ``"auto"`` (the
        competency questions if there are any, else the typical queries).

    Returns
    -------
    (name, queries)
        name says which set was used (``"competency"``, ``"typical"`` or ``"both"``).
    """
    cqs = competency_questions(path)
    if which == "competency":
        return "competency", cqs
    if which == "typical":
        return "typical", list(TYPICAL)
    if which == "both":
        return "both", cqs + list(TYPICAL)
    return ("competency", cqs) if cqs else ("typical", list(TYPICAL))
