"""The compare page: two or more gemeenten side by side, what they share and where they differ; the choice
is in the URL (``/vergelijk?g=gemeente/gm0503&g=gemeente/gm0289``)."""

from __future__ import annotations

from graph.analysis.compare import side_by_side, similarity
from graph.analysis.profiles import feature_sets
from graph.site.paths import ID_BASE
from graph.site.render import render

__all__ = ["compare_choices", "compare_page", "resolve_choice"]


def resolve_choice(ix, value: str) -> str | None:
    """The gemeente (or regio) IRI a ``g=`` value names: ``gemeente/gm0503``, ``gm0503`` or a name.

    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> ix = site_index(example_kg())
    >>> resolve_choice(ix, "gm0001"), resolve_choice(ix, "gemeente een"), resolve_choice(ix, "x") is None
    ('https://w3id.org/sociaal-domein/id/gemeente/gm0001', 'https://w3id.org/sociaal-domein/id/gemeente/gm0001', True)
    """
    from graph.analysis.names import NameError_, resolve

    value = value.strip()
    for iri in (ID_BASE + value, ID_BASE + "gemeente/" + value.lower()):
        if iri in ix.profiles.index:
            return iri
    try:
        iri = resolve(None, value, kinds=("Gemeente", "Regio"), names=ix.names)
    except NameError_:
        return None
    return iri if iri in ix.profiles.index else None


def compare_choices(ix, chosen: list[str]) -> list[dict]:
    """The checkboxes: every Gouden Gemeente (by name) plus any other chosen gemeente."""
    gg = ix.gouden_gemeenten()
    years = gg.groupby("iri")["jaar"].agg(lambda s: ", ".join(str(y) for y in sorted(s))).to_dict()
    iris = list(dict.fromkeys(sorted(years, key=lambda i: ix.label(i).casefold()) + chosen))
    return [{"id": i[len(ID_BASE):], "label": ix.label(i), "jaar": years.get(i, ""), "checked": i in chosen}
            for i in iris]


def compare_page(ix, values: list[str]) -> tuple[int, str]:
    """Status and HTML of the compare page for the ``g=`` values (fewer than two: the form only).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> from graph.site.index import site_index
    >>> status, html = compare_page(site_index(example_kg()), ["gm0001", "onbekend"])
    >>> status, "onbekend" in html
    (400, True)
    """
    chosen, problems = [], []
    for v in values:
        iri = resolve_choice(ix, v)
        if iri is None:
            problems.append(f"Geen gemeente gevonden bij „{v}”.")
        elif iri not in chosen:
            chosen.append(iri)
    status = 400 if problems else 200
    if len(chosen) == 1 and not problems:
        problems.append("Kies er nog minstens één om te vergelijken.")
    context = {"columns": [], "rows": [], "shared": [], "only": [], "pairs": []}
    if len(chosen) >= 2:
        prof = ix.profiles.loc[chosen].reset_index(drop=True)
        labels = [f"{ix.label(i)}" for i in chosen]
        prof["gemeente"] = [f"{lab} ({i[len(ID_BASE):]})" if labels.count(lab) > 1 else lab
                            for lab, i in zip(labels, chosen, strict=True)]
        table = side_by_side(prof)
        context["columns"] = [{"iri": i, "label": g} for i, g in zip(chosen, prof["gemeente"], strict=True)]
        context["rows"] = [(field, [str(v) for v in vals], len({str(v) for v in vals}) > 1)
                           for field, vals in table.iterrows() if field not in ("soort_entiteit",)]
        feats = feature_sets(prof)
        sets = [feats.get(g, set()) for g in prof["gemeente"]]
        shared = set.intersection(*sets) if sets else set()
        context["shared"] = sorted(shared)
        context["only"] = [(g, sorted(s - set().union(*(o for o in sets if o is not s))))
                           for g, s in zip(prof["gemeente"], sets, strict=True)]
        context["pairs"] = similarity(prof).to_dict("records")
    return status, render("compare.html", ix, title="Vergelijken", problems=problems,
                          choices=compare_choices(ix, chosen), **context)
