"""The facts about one entity as the pages show them: each with its claims, stated and inferred apart,
differing sources side by side."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from graph.namespaces import RDF, RDFS, SKOS

__all__ = ["Claim", "Fact", "EntityFacts", "entity_facts", "claims_from"]

_NAMES = {str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel)}
_TYPE = str(RDF.type)


@dataclass(frozen=True)
class Claim:
    """One claim: its IRI, source id, "vermeld" or "afgeleid", the verbatim quotes and the reason of an inference."""

    iri: str
    bron: str
    status: str
    citaten: tuple[str, ...]
    afleiding: str = ""


@dataclass
class Fact:
    """A (predicate, value) of an entity with every claim behind it."""

    predicate: str
    value: str
    value_is_iri: bool
    claims: list[Claim] = field(default_factory=list)

    @property
    def stated(self) -> bool:
        """True when at least one claim states it (else it rests on inference only)."""
        return any(c.status == "vermeld" for c in self.claims)

    @property
    def sources(self) -> list[str]:
        return sorted({c.bron for c in self.claims})


@dataclass
class EntityFacts:
    """``stated`` and ``inferred`` facts about the entity, ``differing`` groups (same property, different values
    from different sources, or claims marked ``sd:strijdigMet``), and ``mentioned`` (facts with it as value)."""

    stated: list[Fact]
    inferred: list[Fact]
    differing: list[list[Fact]]
    mentioned: list[tuple[str, Fact]]


def claims_from(rows: pd.DataFrame) -> list[Fact]:
    """Group claim rows (columns as :data:`graph.site.index.CLAIMS_QUERY`) into facts, in row order.

    Examples
    --------
    >>> rows = pd.DataFrame([{"c": "c1", "s": "e", "p": "p", "o": "1", "iri": False, "status": "vermeld",
    ...                       "bron": "A", "afleiding": "", "citaten": ["een"]},
    ...                      {"c": "c2", "s": "e", "p": "p", "o": "1", "iri": False, "status": "afgeleid",
    ...                       "bron": "B", "afleiding": "omdat", "citaten": []}])
    >>> [(f.value, f.stated, f.sources) for f in claims_from(rows)]
    [('1', True, ['A', 'B'])]
    """
    facts: dict[tuple[str, str], Fact] = {}
    for r in rows.itertuples(index=False):
        fact = facts.setdefault((r.p, r.o), Fact(r.p, r.o, bool(r.iri)))
        fact.claims.append(Claim(r.c, str(r.bron), r.status, tuple(r.citaten), r.afleiding or ""))
    for fact in facts.values():
        fact.claims.sort(key=lambda c: (c.status != "vermeld", c.bron))
    return list(facts.values())


def _differing(facts: list[Fact], conflicts: dict[str, set[str]]) -> list[list[Fact]]:
    groups = []
    by_predicate: dict[str, list[Fact]] = {}
    for f in facts:
        if not f.value_is_iri and f.predicate not in _NAMES:
            by_predicate.setdefault(f.predicate, []).append(f)
    for fs in by_predicate.values():
        if len(fs) > 1 and len({s for f in fs for s in f.sources}) > 1:
            groups.append(fs)
    marked = [f for f in facts if any(c.iri in conflicts for c in f.claims)]
    if marked:
        ids = {c.iri for f in marked for c in f.claims}
        linked = [f for f in facts if any(conflicts.get(c.iri, set()) & ids for c in f.claims)]
        group = [f for f in facts if f in marked or f in linked]
        if len(group) > 1 and group not in groups:
            groups.append(group)
    return groups


def entity_facts(ix, iri: str) -> EntityFacts:
    """The facts about ``iri`` from a :class:`graph.site.index.SiteIndex`, ready for a page.

    Names and the class are left to the page heading; everything else is split into facts with at
    least one stated claim and facts that rest on inference only.

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> ef = entity_facts(site_index(example_kg()), "https://w3id.org/sociaal-domein/id/organisatie/a")
    >>> all(f.stated for f in ef.stated), all(not f.inferred for f in [])
    (True, True)
    """
    rows = ix.by_subject.get(iri)
    facts = claims_from(rows) if rows is not None else []
    shown = [f for f in facts if f.predicate not in _NAMES]
    incoming = ix.by_object.get(iri)
    mentioned = [(s, f) for s, g in incoming.groupby("s", sort=False) for f in claims_from(g)
                 if f.predicate != _TYPE] if incoming is not None else []
    mentioned.sort(key=lambda sf: (ix.label(sf[0]).casefold(), sf[1].predicate))
    return EntityFacts(stated=[f for f in shown if f.stated], inferred=[f for f in shown if not f.stated],
                       differing=_differing(facts, ix.conflicts), mentioned=mentioned)
