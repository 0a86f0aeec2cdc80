"""Pick the part of a view that one map shows: a gemeente, the Gouden Gemeenten, an entity found by name."""

from __future__ import annotations

import difflib
import re

import networkx as nx

from graph.maps.filters import fold

__all__ = ["UnknownName", "find_node", "gemeente_part", "overview_part", "slug"]


class UnknownName(LookupError):
    """No node, or more than one, has the name; the message suggests close names."""


def _norm(name: str) -> str:
    text = fold(name)
    for prefix in ("gemeente ", "stichting "):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
    return re.sub(r"[^a-z0-9]", "", text)


def find_node(G: nx.Graph, name: str, *, kinds: tuple[str, ...] | None = None):
    """The node whose label matches ``name``, forgiving case, accents, spaces, punctuation and "gemeente".

    Parameters
    ----------
    G : networkx graph
        A view.
    name : str
        A label (``"delft"``, ``"Gemeente Delft"``, ``"Delft voor elkaar"``) or a node id.
    kinds : tuple of str, optional
        Only nodes of these kinds.

    Returns
    -------
    The node id.

    Raises
    ------
    UnknownName
        With the closest names when nothing or more than one node matches.

    Examples
    --------
    >>> from graph.maps.synthetic import synthetic_view
    >>> G = synthetic_view(60, seed=1)
    >>> G.nodes[find_node(G, "gemeente 2")]["label"]
    'Gemeente 2'
    >>> find_node(G, "Gemente 2")
    Traceback (most recent call last):
    ...
    graph.maps.select.UnknownName: geen punt met de naam 'Gemente 2'; bedoelt u: Gemeente 2, Gemeente 1?
    """
    if name in G and (kinds is None or G.nodes[name].get("kind") in kinds):
        return name
    candidates = [n for n in G if kinds is None or G.nodes[n].get("kind") in kinds]
    wanted = _norm(name)
    hits = [n for n in candidates if _norm(G.nodes[n].get("label", "")) == wanted]
    what = "/".join(k.lower() for k in kinds) if kinds else "punt"
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        options = ", ".join(sorted(f"{G.nodes[n]['label']} ({n})" for n in hits))
        raise UnknownName(f"meer dan één {what} heet {name!r}: {options}; geef de IRI")
    labels = sorted({str(G.nodes[n].get("label", "")) for n in candidates})
    plain = lambda text: re.sub(r"[^a-z0-9]", "", fold(text))  # noqa: E731 - "gemeente" kept for suggestions
    by_plain = {plain(lab): lab for lab in labels}
    close = [by_plain[k] for k in difflib.get_close_matches(plain(name), list(by_plain), n=5, cutoff=0.6)]
    close += [lab for lab in labels if wanted and wanted in _norm(lab) and lab not in close][: 5 - len(close)]
    hint = f"; bedoelt u: {', '.join(close)}?" if close else ""
    raise UnknownName(f"geen {what} met de naam {name!r}{hint}")


def gemeente_part(G: nx.Graph, gemeente) -> nx.Graph:
    """A gemeente with its neighbours and everything the view places in it (``gemeenten`` holds its label).

    Examples
    --------
    >>> from graph.maps.synthetic import synthetic_view
    >>> G = synthetic_view(100, seed=1)
    >>> H = gemeente_part(G, "n0")
    >>> all("Gemeente 1" in d["gemeenten"] or G.has_edge(n, "n0") for n, d in H.nodes(data=True))
    True
    """
    label = G.nodes[gemeente].get("label")
    keep = {gemeente} | set(nx.all_neighbors(G, gemeente))
    keep |= {n for n, d in G.nodes(data=True) if label in (d.get("gemeenten") or [])}
    return G.subgraph(keep).copy()


def overview_part(G: nx.Graph, *, years: tuple[int, ...] | None = None) -> nx.Graph:
    """The Gouden Gemeenten (of the given years, default all) with what :func:`gemeente_part` keeps for each.

    Examples
    --------
    >>> from graph.maps.synthetic import synthetic_view
    >>> G = synthetic_view(1000, seed=1)
    >>> winners = {n for n, d in G.nodes(data=True) if d["awards"]}
    >>> H = overview_part(G)
    >>> winners <= set(H) and len(H) < len(G)
    True
    """
    winners = [n for n, d in G.nodes(data=True)
               if d.get("awards") and (years is None or set(years) & set(d["awards"]))]
    keep: set = set()
    for g in winners:
        keep |= set(gemeente_part(G, g))
    return G.subgraph(keep).copy()


def slug(text: str) -> str:
    """A file-name part from a label.

    Examples
    --------
    >>> slug("Delft voor Elkaar / Wijkcoöperatie")
    'delft-voor-elkaar-wijkcooperatie'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "kaart"
