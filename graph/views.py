"""NetworkX views of the knowledge graph: who is connected to whom, with the evidence behind each link.

Each view is built from a few set-based SPARQL queries (``graph/queries/views/*.rq``,
loaded by name) over the store, then assembled with pandas; nothing walks the
triples one by one in Python, so the views stay fast as the graph grows.

Node id: the entity IRI. Every node has ``label``, ``kind`` (the class name, e.g.
"Organisatie"), ``soort``, ``gemeenten``, ``themes``, ``sources``, ``inferred`` and
``awards``; every edge has ``relation``, ``weight``, ``inferred`` and ``evidence``
(a list of dicts with ``relation``, ``via``, ``source``, ``quote``, ``status``;
``party``, ``role`` and ``reason`` are added where they apply).
See ``VIEWS_CONTRACT`` in the project notes and the README.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources

import networkx as nx
import pandas as pd

from graph.namespaces import ORG, SD
from graph.perf import without_gc

__all__ = [
    "ENTITY_CLASSES",
    "PARTY_CLASSES",
    "load_query",
    "entity_table",
    "declaring_claims",
    "full_graph",
    "cooperation_graph",
    "affiliation_graph",
    "gemeente_organisation_graph",
    "ego_graph",
]

#: Classes whose instances are nodes (the same list is spelled in the .rq files; a test checks they agree).
ENTITY_CLASSES = ("Gemeente", "Provincie", "Regio", "Stadsdeel", "Wijk", "Organisatie", "Samenwerkingsverband",
                  "Initiatief", "Voorziening", "Afspraak", "Persoon", "Onderscheiding")
#: Classes that can be a party in the cooperation graph.
PARTY_CLASSES = ("Organisatie", "Gemeente", "Regio")

_SEP = "\u001f"  # GROUP_CONCAT separator of the quotes in the .rq files
_SD = str(SD._NS)

#: The tie a shared hub makes, by the hub's class.
_SHARED = {"Samenwerkingsverband": "gedeeld samenwerkingsverband", "Regio": "gedeelde regio",
           "Initiatief": "gedeeld initiatief", "Voorziening": "gedeelde voorziening",
           "Afspraak": "gedeelde afspraak"}
_DIRECT = {str(SD.werktSamenMet): "werkt samen met", str(SD.voorgedragenDoor): "voordracht"}
#: How a party takes part in a hub (predicate -> Dutch), for memberships the role is added.
_PART = {str(ORG.member): "lid van", str(SD.uitgevoerdDoor): "uitvoerder", str(SD.initiatiefnemer): "initiatiefnemer",
         str(SD.ondersteundDoor): "ondersteuner", str(SD.deelnemer): "deelnemer", str(SD.voorzitter): "voorzitter",
         str(SD.partij): "partij", str(ORG.hasMember): "lid van"}


@cache
def load_query(name: str) -> str:
    """The text of ``graph/queries/views/<name>.rq``.

    Examples
    --------
    >>> "sd:Bewering" in load_query("relations")
    True
    """
    return resources.files("graph").joinpath("queries", "views", f"{name}.rq").read_text(encoding="utf-8")


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _quotes(text) -> str:
    if not isinstance(text, str) or not text:
        return ""
    return " … ".join(sorted(set(text.split(_SEP))))


def _frame(kg, name: str) -> pd.DataFrame:
    df = kg.frame(load_query(name))
    return df.astype(object).where(df.notna(), None) if len(df) else df


@without_gc
def entity_table(kg) -> pd.DataFrame:
    """One row per entity with every node attribute of the views (index: IRI).

    Columns: ``label``, ``kind``, ``soort``, ``soort_id``, ``gemeenten``, ``themes``,
    ``sources``, ``inferred``, ``awards``.

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> entity_table(example_kg()).loc["https://w3id.org/sociaal-domein/id/organisatie/a", ["label", "kind"]].tolist()
    ['Alfa', 'Organisatie']
    """
    order = {c: i for i, c in enumerate(ENTITY_CLASSES)}
    rows: dict[str, dict] = {}
    ent = _frame(kg, "entities")
    for e, klasse, label, soort, soort_id in zip(ent["e"], ent["klasse"], ent["label"], ent["soort"],
                                                 ent["soort_id"], strict=True):
        kind = _local(klasse)
        r = rows.get(e)
        if r is None:
            r = rows[e] = {"label": label if isinstance(label, str) and label else _local(e), "kind": kind,
                           "soort": set(), "soort_id": set(), "gemeenten": set(), "themes": set(),
                           "sources": set(), "inferred": True, "awards": set()}
        elif order[kind] < order[r["kind"]]:
            r["kind"] = kind
        if soort:
            r["soort"].add(soort)
        if soort_id:
            r["soort_id"].add(_local(soort_id))
    for name, col, key, cast in (("entity_gemeenten", "gemeente", "gemeenten", str),
                                 ("entity_themes", "thema", "themes", str), ("awards", "jaar", "awards", int),
                                 ("entity_sources", "bron", "sources", str)):
        df = _frame(kg, name)
        if not len(df):
            continue
        for e, v in zip(df["e"], df[col], strict=True):
            if e in rows and v is not None:
                rows[e][key].add(cast(v))
        if name == "entity_sources":
            for e, vermeld in zip(df["e"], df["vermeld"], strict=True):
                if e in rows and vermeld:
                    rows[e]["inferred"] = False
    for r in rows.values():
        r["soort"] = "; ".join(sorted(r["soort"]))
        r["soort_id"] = ";".join(sorted(r["soort_id"]))
        for key in ("gemeenten", "themes", "sources", "awards"):
            r[key] = sorted(r[key])
    columns = ["label", "kind", "soort", "soort_id", "gemeenten", "themes", "sources", "inferred", "awards"]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    return table.sort_index()


def declaring_claims(kg) -> dict[str, dict]:
    """Per entity, the best claim that declares it (stated first): ``source``, ``quote``, ``status``, ``reason``."""
    df = _frame(kg, "entity_claims")
    out: dict[str, dict] = {}
    for row in sorted(df.itertuples(index=False), key=lambda r: (r.e, r.status != "vermeld", r.bron)):
        out.setdefault(row.e, _evidence(row, "", ""))
    return out


def _add_nodes(g: nx.Graph, table: pd.DataFrame, nodes) -> None:
    cols = list(table.columns)
    index = {n: i for i, n in enumerate(table.index)}
    values = table.to_numpy()
    for n in nodes:
        row = dict(zip(cols, values[index[n]], strict=True))
        g.add_node(n, label=str(row["label"]), kind=str(row["kind"]), soort=str(row["soort"]),
                   gemeenten=list(row["gemeenten"]), themes=list(row["themes"]), sources=list(row["sources"]),
                   inferred=bool(row["inferred"]), awards=[int(y) for y in row["awards"]],
                   soort_id=str(row["soort_id"]))


def _evidence(row, relation: str, via: str, party: str = "", role: str = "") -> dict:
    ev = {"relation": relation, "via": via, "source": str(row.bron), "quote": _quotes(row.citaat),
          "status": row.status}
    if party:
        ev["party"] = party
    if role:
        ev["role"] = role
    reason = getattr(row, "afleiding", None)
    if reason:
        ev["reason"] = reason
    return ev


@without_gc
def full_graph(kg, *, _table: pd.DataFrame | None = None) -> nx.MultiDiGraph:
    """Every entity a node, every relation between two entities an edge, with its claims.

    Memberships become ``lid van`` edges (member -> collaboration, attribute ``rol``)
    and posts ``functie bij`` edges (person -> organisation). An edge is ``inferred``
    when none of its claims is stated.

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> G = full_graph(example_kg())
    >>> G.nodes["https://w3id.org/sociaal-domein/id/organisatie/a"]["label"]
    'Alfa'
    >>> sorted({d["relation"] for _, _, d in G.edges(data=True)})
    ['actief in', 'in gemeente', 'lid van', 'uitgevoerd door', 'werkt samen met']
    """
    table = entity_table(kg) if _table is None else _table
    g = nx.MultiDiGraph(name="volledige graaf")
    _add_nodes(g, table, table.index)
    labels = _property_labels(kg)
    rel = _frame(kg, "relations")
    edges: dict[tuple, list] = defaultdict(list)
    for row in rel.itertuples(index=False):
        edges[(row.s, row.o, labels.get(row.p, _local(row.p)), row.p, "")].append(
            _evidence(row, labels.get(row.p, _local(row.p)), ""))
    mem = _frame(kg, "memberships")
    for row in mem.itertuples(index=False):
        relation = "lid van" if row.soort == "lidmaatschap" else "functie bij"
        edges[(row.s, row.o, relation, "", row.rol_id or "")].append(
            _evidence(row, relation, table.at[row.o, "label"], role=row.rol or ""))
    for (s, o, relation, predicate, rol), ev in sorted(edges.items()):
        if s not in g or o not in g:
            continue
        ev = sorted(ev, key=lambda e: (e["source"], e["status"], e["quote"]))
        attrs = {"relation": relation, "weight": 1, "inferred": all(e["status"] == "afgeleid" for e in ev),
                 "evidence": ev, "predicate": predicate}
        if rol:
            attrs["rol"] = _local(rol)
        g.add_edge(s, o, key=f"{relation}|{_local(rol)}" if rol else relation, **attrs)
    return g


#: Dutch names of the reused properties that appear as relations (the ontology names its own).
_REUSED_LABELS = {str(ORG.hasMember): "heeft als lid"}


def _property_labels(kg) -> dict[str, str]:
    df = kg.frame("""SELECT ?p ?l WHERE { ?p a ?t ; rdfs:label ?l FILTER(LANG(?l) = "nl")
                     FILTER(?t IN (owl:ObjectProperty, owl:DatatypeProperty, rdf:Property)) }""")
    return {**_REUSED_LABELS, **(dict(zip(df["p"], df["l"], strict=True)) if len(df) else {})}


def _facts(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Group claims per fact: a fact is stated when any of its claims is."""
    df = df.copy()
    df["stated"] = df["status"] == "vermeld"
    df["fact_stated"] = df.groupby(keys, dropna=False)["stated"].transform("max").astype(bool)
    return df


def _affiliation_rows(kg, table: pd.DataFrame) -> pd.DataFrame:
    aff = _frame(kg, "affiliations")
    if not len(aff):
        return aff
    aff["rol"] = aff["rol"].fillna("")
    aff["part"] = [(_PART.get(p, _local(p)) + (f" ({r})" if r else "")) for p, r in zip(aff["p"], aff["rol"],
                                                                                       strict=True)]
    aff = aff[aff["hub"].isin(table.index) & aff["partij"].isin(table.index)]
    return _facts(aff, ["partij", "hub", "p", "rol"])


@without_gc
def cooperation_graph(kg, *, stated_only: bool = False, _table: pd.DataFrame | None = None) -> nx.Graph:
    """Organisations, gemeenten and regio's linked when they cooperate, weighted by the number of ties.

    A tie is one shared collaboration (membership), initiative or place (runner,
    initiator, supporter, participant, chair), agreement (party) or regio, a
    nomination (the nominating organisation and the gemeente), or a direct
    stated cooperation. A tie is inferred when one of the facts it needs has no
    stated claim; ``stated_only=True`` leaves those ties out, so the same
    analysis can be run with and without inference. Edge ``ties`` lists each tie
    (``relation``, ``via``, ``inferred``); ``evidence`` every claim behind them.

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> G = cooperation_graph(example_kg())
    >>> a, b = "https://w3id.org/sociaal-domein/id/organisatie/a", "https://w3id.org/sociaal-domein/id/organisatie/b"
    >>> G.edges[a, b]["weight"], G.edges[a, b]["relation"]
    (2, 'gedeeld samenwerkingsverband; werkt samen met')
    >>> G.edges[a, b]["inferred"]
    False
    >>> cooperation_graph(example_kg(), stated_only=True).edges[a, b]["weight"]
    1
    """
    table = entity_table(kg) if _table is None else _table
    labels = table["label"].to_dict()
    kinds = table["kind"].to_dict()
    ties: dict[tuple, dict] = {}

    def tie(a: str, b: str, relation: str, via_iri: str, stated: bool, evidence: list[dict]) -> None:
        a, b = sorted((a, b))
        key = (a, b, relation, via_iri)
        t = ties.setdefault(key, {"relation": relation, "via": labels.get(via_iri, "") if via_iri else "",
                                  "stated": stated, "evidence": []})
        t["stated"] = t["stated"] or stated
        t["evidence"].extend(evidence)

    aff = _affiliation_rows(kg, table)
    if len(aff):
        aff["hub_kind"] = aff["hub"].map(kinds)
        aff = aff[aff["hub_kind"].isin(_SHARED)]
        # one row per (party, hub) fact with its evidence, then pairs of parties per hub
        per_party: dict[tuple[str, str], dict] = {}
        for row in aff.itertuples(index=False):
            entry = per_party.setdefault((row.hub, row.partij), {"stated": False, "facts": {}, "evidence": []})
            entry["facts"][(row.p, row.rol)] = entry["facts"].get((row.p, row.rol), False) or bool(row.fact_stated)
            entry["evidence"].append(_evidence(row, _SHARED[row.hub_kind], labels[row.hub],
                                               party=labels[row.partij], role=row.part))
        by_hub: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for (hub, party), entry in per_party.items():
            entry["stated"] = any(entry["facts"].values())
            by_hub[hub].append((party, entry))
        for hub, members in by_hub.items():
            members.sort(key=lambda m: m[0])
            relation = _SHARED[kinds[hub]]
            for i, (pa, ea) in enumerate(members):
                for pb, eb in members[i + 1:]:
                    tie(pa, pb, relation, hub, ea["stated"] and eb["stated"], ea["evidence"] + eb["evidence"])
    direct = _frame(kg, "direct_ties")
    if len(direct):
        direct = direct[direct["a"].isin(table.index) & direct["b"].isin(table.index)]
        direct = _facts(direct, ["a", "b", "p", "hub"])
        for row in direct.itertuples(index=False):
            relation = _DIRECT[row.p]
            via = row.hub if isinstance(row.hub, str) else ""
            tie(row.a, row.b, relation, via, bool(row.fact_stated),
                [_evidence(row, relation, labels.get(via, "") if via else "", party=labels[row.a])])
    g = nx.Graph(name="samenwerkingsgraaf" + (" (alleen vermeld)" if stated_only else ""))
    edges: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for (a, b, _, _), t in sorted(ties.items()):
        if stated_only and not t["stated"]:
            continue
        edges[(a, b)].append(t)
    parties = table.index[table["kind"].isin(["Organisatie"])].tolist()
    involved = {n for pair in edges for n in pair}
    nodes = sorted(set(parties) | involved)
    _add_nodes(g, table, nodes)
    for (a, b), ts in edges.items():
        evidence = []
        seen = set()
        for t in ts:
            for e in t["evidence"]:
                k = tuple(sorted(e.items()))
                if k not in seen:
                    seen.add(k)
                    evidence.append(e)
        g.add_edge(a, b, relation="; ".join(sorted({t["relation"] for t in ts})), weight=len(ts),
                   inferred=not any(t["stated"] for t in ts), evidence=evidence,
                   ties=[{"relation": t["relation"], "via": t["via"], "inferred": not t["stated"]} for t in ts])
    for n in g:
        if g.degree(n):
            g.nodes[n]["inferred"] = all(d["inferred"] for _, _, d in g.edges(n, data=True))
    return g


@without_gc
def affiliation_graph(kg) -> nx.Graph:
    """Bipartite graph: parties (``bipartite=0``) and the collaborations, initiatives, places,
    agreements and regio's they take part in (``bipartite=1``).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> G = affiliation_graph(example_kg())
    >>> net = "https://w3id.org/sociaal-domein/id/samenwerking/n"
    >>> G.nodes[net]["bipartite"], sorted(G.nodes[m]["label"] for m in G[net])
    (1, ['Alfa', 'Beta', 'Gamma'])
    """
    table = entity_table(kg)
    aff = _affiliation_rows(kg, table)
    g = nx.Graph(name="affiliatiegraaf")
    if not len(aff):
        return g
    edges: dict[tuple[str, str], list] = defaultdict(list)
    for row in aff.itertuples(index=False):
        edges[(row.partij, row.hub)].append((row, bool(row.fact_stated)))
    _add_nodes(g, table, sorted({p for p, _ in edges}))
    _add_nodes(g, table, sorted({h for _, h in edges} - set(g)))
    parties = {p for p, _ in edges}
    for n in g:
        g.nodes[n]["bipartite"] = 0 if n in parties else 1
    for (p, h), rows in sorted(edges.items()):
        parts = sorted({r.part for r, _ in rows})
        g.add_edge(p, h, relation="; ".join(parts), weight=len(parts), inferred=not any(s for _, s in rows),
                   evidence=[_evidence(r, r.part, table.at[h, "label"], party=table.at[p, "label"], role=r.part)
                             for r, _ in rows])
    return g


@without_gc
def gemeente_organisation_graph(kg) -> nx.Graph:
    """Gemeenten and the organisations active in them (``actief in``, also through a regio)
    or tied to them directly (cooperation, nomination, a shared network or initiative).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> G = gemeente_organisation_graph(example_kg())
    >>> sorted(G.nodes[n]["label"] for n in G["https://w3id.org/sociaal-domein/id/gemeente/gm0001"])
    ['Alfa', 'Gamma']
    """
    table = entity_table(kg)
    full = full_graph(kg, _table=table)
    coop = cooperation_graph(kg, _table=table)
    g = nx.Graph(name="gemeente-organisatiegraaf")
    kinds = nx.get_node_attributes(full, "kind")
    pairs: dict[tuple[str, str], list] = defaultdict(list)
    for s, o, d in full.edges(data=True):
        if d["relation"] == "actief in" and kinds[s] == "Organisatie":
            targets = [o] if kinds[o] == "Gemeente" else [m for m in full.successors(o) if kinds[m] == "Gemeente"
                                                        and kinds[o] == "Regio"]
            targets += [m for m, _, dd in full.in_edges(o, data=True) if kinds[o] == "Regio"
                        and kinds[m] == "Gemeente" and dd["relation"] == "lid van"]
            for t in targets:
                pairs[(s, t)].append(d)
    for a, b, d in coop.edges(data=True):
        ka, kb = kinds[a], kinds[b]
        if {ka, kb} == {"Organisatie", "Gemeente"}:
            org, gem = (a, b) if ka == "Organisatie" else (b, a)
            pairs[(org, gem)].append(d)
    for org, gem in pairs:
        for n in (org, gem):
            if n not in g:
                g.add_node(n, **{k: (list(v) if isinstance(v, list) else v) for k, v in full.nodes[n].items()})
    for (org, gem), ds in sorted(pairs.items()):
        evidence = [e for d in ds for e in d["evidence"]]
        ties = [t for d in ds for t in d.get("ties", [{"relation": d["relation"], "via": "",
                                                       "inferred": d["inferred"]}])]
        g.add_edge(org, gem, relation="; ".join(sorted({t["relation"] for t in ties})),
                   weight=len(ties), inferred=all(t["inferred"] for t in ties), evidence=evidence, ties=ties)
    return g


def ego_graph(kg, entity: str, radius: int = 1, *, stated_only: bool = False) -> nx.Graph:
    """The neighbourhood of one entity: in the cooperation graph for a party, else in the affiliation graph
    (so the ego graph of a network holds its members).

    ``entity`` is an IRI or a name (matched forgivingly, see :func:`graph.analysis.names.resolve`).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> kg = example_kg()
    >>> sorted(d["label"] for _, d in ego_graph(kg, "Gamma").nodes(data=True))
    ['Alfa', 'Beta', 'Gamma', 'Gemeente Een']
    >>> sorted(d["label"] for _, d in ego_graph(kg, "Netwerk N").nodes(data=True))
    ['Alfa', 'Beta', 'Gamma', 'Netwerk N']
    """
    from graph.analysis.names import resolve

    iri = entity if entity.startswith(("http://", "https://")) else resolve(kg, entity)
    g = cooperation_graph(kg, stated_only=stated_only)
    if iri not in g:
        g = affiliation_graph(kg)
    if iri not in g:
        g = nx.Graph()
        table = entity_table(kg)
        if iri in table.index:
            _add_nodes(g, table, [iri])
        return g
    return nx.ego_graph(g, iri, radius=radius)
