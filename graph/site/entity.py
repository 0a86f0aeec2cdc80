"""An entity's page (gemeente, organisation, network, initiative and every other kind): facts with their
sources and quotes, partners with the evidence, the map."""

from __future__ import annotations

from graph.analysis.partners import partners
from graph.site.facts import Claim, entity_facts
from graph.site.gemeente import gemeente_profile_rows, gemeente_scope, people_in_roles
from graph.site.mappage import map_path, map_view
from graph.site.paths import ID_BASE
from graph.site.render import KIND_NAMES, render

__all__ = ["ALTERNATES", "entity_page", "entity_partners"]

#: The Linked Data documents of every entity: (suffix, media type, Dutch name).
ALTERNATES = (("ttl", "text/turtle", "Turtle"), ("nt", "application/n-triples", "N-Triples"),
              ("jsonld", "application/ld+json", "JSON-LD"))


def entity_partners(ix, iri: str) -> list[dict]:
    """Partners (:func:`graph.analysis.partners.partners`): in the cooperation graph for a party, else the members
    of a network or initiative in the affiliation graph.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> sorted(p["partner"] for p in entity_partners(site_index(example_kg()),
    ...        "https://w3id.org/sociaal-domein/id/samenwerking/n"))
    ['Alfa', 'Beta', 'Gamma']
    """
    G = ix.cooperation if iri in ix.cooperation else ix.affiliation
    return partners(G, iri).to_dict("records") if iri in G else []


def _declared(ix, iri: str) -> Claim | None:
    rows = ix.by_subject.get(iri)
    if rows is None:
        return None
    typed = rows[rows["p"] == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"]
    if not len(typed):
        return None
    r = typed.sort_values(["status", "bron"], key=lambda s: s != "vermeld" if s.name == "status" else s).iloc[0]
    return Claim(r["c"], str(r["bron"]), r["status"], tuple(r["citaten"]), r["afleiding"])


def entity_page(ix, iri: str, *, base_url: str = "") -> str | None:
    """The HTML page of ``iri``, or None when the graph says nothing about it.

    ``base_url`` (e.g. ``http://127.0.0.1:8000``) makes the map's embed snippet absolute.

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> html = entity_page(site_index(example_kg()), "https://w3id.org/sociaal-domein/id/gemeente/gm0001")
    >>> "<h1>Gemeente Een</h1>" in html and "Profiel" in html
    True
    >>> entity_page(site_index(example_kg()), "https://w3id.org/sociaal-domein/id/gemeente/gm9999") is None
    True
    """
    if not ix.exists(iri):
        return None
    from graph.maps import iframe_snippet

    t = ix.table
    kind = t.at[iri, "kind"] if iri in t.index else ""
    title = ix.label(iri)
    context = {"profile": [], "scope": [], "people": [], "awards": [], "map_url": None, "snippet": ""}
    if kind in ("Gemeente", "Regio"):
        context["profile"] = gemeente_profile_rows(ix, iri)
        context["scope"] = gemeente_scope(ix, iri)
        context["people"] = people_in_roles(ix, iri, context["scope"])
    if iri in t.index:
        context["awards"] = [int(y) for y in t.at[iri, "awards"]]
    if map_view(ix, iri) is not None:
        context["map_url"] = map_path(iri)
        context["snippet"] = iframe_snippet(base_url + map_path(iri), title=f"Kaart: {title}")
    kind_name = KIND_NAMES.get(kind) or iri[len(ID_BASE):].split("/", 1)[0]
    return render("entity.html", ix, title=title, iri=iri, kind=kind, kind_name=kind_name,
                  local_id=iri[len(ID_BASE):], alternates=ALTERNATES, declared=_declared(ix, iri),
                  facts=entity_facts(ix, iri), partners=entity_partners(ix, iri), **context)
