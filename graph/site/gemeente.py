"""What a gemeente page adds: its profile (from the analysis), what is active in it, people in roles."""

from __future__ import annotations

import networkx as nx

from graph.analysis.profiles import MISSING

__all__ = ["gemeente_profile_rows", "gemeente_scope", "people_in_roles"]

_HIDDEN = ("iri", "gemeente", "soort_entiteit")
_SCOPE_KINDS = (("Organisatie", "Organisaties"), ("Samenwerkingsverband", "Samenwerkingsverbanden"),
                ("Initiatief", "Initiatieven"), ("Afspraak", "Afspraken"), ("Voorziening", "Voorzieningen"),
                ("Stadsdeel", "Stadsdelen"), ("Wijk", "Wijken"))


def gemeente_profile_rows(ix, iri: str) -> list[tuple[str, str]]:
    """The gemeente's profile (:func:`graph.analysis.profiles.profiles`) as (field, text), empty fields left out.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> dict(gemeente_profile_rows(site_index(example_kg()), "https://w3id.org/sociaal-domein/id/gemeente/gm0001"))["organisaties"]
    'Alfa; Gamma'
    """
    if iri not in ix.profiles.index:
        return []
    row = ix.profiles.loc[iri]
    return [(k, str(v)) for k, v in row.items() if k not in _HIDDEN and str(v) not in (MISSING, "0", "None", "")]


def gemeente_scope(ix, iri: str) -> list[tuple[str, list[str]]]:
    """What is in or tied to the gemeente, per kind (Dutch plural), each list sorted by name.

    Entities placed in it (active, located, through a regio or wijk), its partners in the
    cooperation graph, and the networks, initiatives and agreements it or they take part in.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> ix = site_index(example_kg())
    >>> [(k, [ix.label(i) for i in v]) for k, v in gemeente_scope(ix, "https://w3id.org/sociaal-domein/id/gemeente/gm0001")]
    [('Organisaties', ['Alfa', 'Gamma']), ('Samenwerkingsverbanden', ['Netwerk N']), ('Initiatieven', ['Initiatief I'])]
    """
    t = ix.table
    label = t.at[iri, "label"]
    found = {e for e in t.index if e != iri and label in t.at[e, "gemeenten"]}
    if iri in ix.cooperation:
        found |= set(ix.cooperation[iri])
    hubs = set()
    for e in found | {iri}:
        if e in ix.affiliation and ix.affiliation.nodes[e].get("bipartite") == 0 and (
                e == iri or t.at[e, "kind"] == "Organisatie" and label in t.at[e, "gemeenten"]):
            hubs |= set(ix.affiliation[e])
    found |= hubs
    out = []
    for kind, plural in _SCOPE_KINDS:
        members = sorted((e for e in found if e in t.index and t.at[e, "kind"] == kind),
                         key=lambda e: t.at[e, "label"].casefold())
        if members:
            out.append((plural, members))
    return out


def people_in_roles(ix, iri: str, scope: list[tuple[str, list[str]]]) -> list[dict]:
    """People with a post at the gemeente or at one of the organisations in its scope, with the evidence.

    Returns dicts ``person, rol, org, evidence`` (evidence as in :mod:`graph.views`).
    """
    places = {iri} | {e for _, es in scope for e in es}
    full: nx.MultiDiGraph = ix.full
    out = []
    for s, o, d in full.edges(data=True):
        if d["relation"] == "functie bij" and o in places:
            roles = sorted({e.get("role", "") for e in d["evidence"] if e.get("role")})
            out.append({"person": s, "org": o, "rol": "; ".join(roles) or d.get("rol", ""),
                        "evidence": d["evidence"]})
    return sorted(out, key=lambda p: (ix.label(p["org"]).casefold(), ix.label(p["person"]).casefold()))
