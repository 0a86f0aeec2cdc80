"""Forgiving name matching: find an entity by its name despite case, accents, spaces and "gemeente"."""

from __future__ import annotations

import difflib
import re
import unicodedata

import pandas as pd

__all__ = ["NameError_", "UnknownName", "AmbiguousName", "normalize", "name_table", "match", "suggestions",
           "resolve"]

_PREFIXES = ("gemeente ", "gemeente van ", "regio ", "stichting ", "de ", "het ")


def normalize(name: str) -> str:
    """A name reduced to lower-case letters and digits, without accents, "gemeente" or spaces.

    Examples
    --------
    >>> normalize("Gemeente Délft")
    'delft'
    >>> normalize("Delftvoor Elkaar") == normalize("Delft voor Elkaar")
    True
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold().strip()
    text = re.sub(r"\s+", " ", text)
    for prefix in _PREFIXES[:3]:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
    return re.sub(r"[^a-z0-9]", "", text)


class NameError_(LookupError):  # noqa: N801 - the trailing underscore keeps the builtin name free
    """A name that does not pick out exactly one entity; ``matches`` holds (label, IRI) suggestions."""

    def __init__(self, name: str, matches: list[tuple[str, str]], message: str, headline: str = "") -> None:
        super().__init__(message)
        self.name = name
        self.matches = matches
        self.headline = headline or message


class UnknownName(NameError_):
    """No entity has this name."""


class AmbiguousName(NameError_):
    """More than one entity has this name."""


def name_table(kg) -> pd.DataFrame:
    """Every name (label and other labels) of every entity, with its label, kind and normalized form."""
    from graph.views import entity_table, load_query

    names = kg.frame(load_query("names"))
    table = entity_table(kg)
    names = names[names["e"].isin(table.index)].copy()
    names["label"] = names["e"].map(table["label"])
    names["kind"] = names["e"].map(table["kind"])
    # an IRI's last part (e.g. gm0503) and the CBS code find things too
    extra = pd.DataFrame({"e": table.index, "naam": [i.rsplit("/", 1)[-1] for i in table.index],
                          "label": table["label"].values, "kind": table["kind"].values})
    names = pd.concat([names, extra], ignore_index=True)
    names["norm"] = names["naam"].map(normalize)
    return names.drop_duplicates(["e", "norm"])


def match(names: pd.DataFrame, name: str, *, kinds: tuple[str, ...] | None = None, n: int = 5) -> list[str]:
    """IRIs whose name matches ``name`` after :func:`normalize` (several when ambiguous, none when unknown).

    Examples
    --------
    >>> names = pd.DataFrame({"e": ["x", "y"], "kind": ["Organisatie"] * 2, "label": ["MEE", "MEE"],
    ...                       "norm": ["mee", "mee"]})
    >>> match(names, "mee")
    ['x', 'y']
    """
    table = names if kinds is None else names[names["kind"].isin(kinds)]
    hits = table.loc[table["norm"] == normalize(name), "e"].unique().tolist()
    if len(hits) > 1:
        # "gemeente X" picks the gemeente when X also names something else
        gemeenten = table[(table["e"].isin(hits)) & (table["kind"] == "Gemeente")]["e"].unique().tolist()
        if len(gemeenten) == 1 and name.casefold().strip().startswith("gemeente "):
            return gemeenten
    return sorted(hits)


def suggestions(names: pd.DataFrame, name: str, n: int = 5) -> list[tuple[str, str]]:
    """The ``n`` closest names as (label, IRI), best first.

    Examples
    --------
    >>> names = pd.DataFrame({"e": ["k", "q"], "label": ["Kwadraad", "Kwadrant"], "norm": ["kwadraad", "kwadrant"]})
    >>> [label for label, _ in suggestions(names, "kwadrad")]
    ['Kwadraad', 'Kwadrant']
    """
    norm = normalize(name)
    by_norm = dict(zip(names["norm"], zip(names["label"], names["e"], strict=True), strict=True))
    close = difflib.get_close_matches(norm, list(by_norm), n=n * 3, cutoff=0.5)
    close += [k for k in by_norm if norm and norm in k and k not in close]
    out: list[tuple[str, str]] = []
    for k in close:
        if by_norm[k] not in out:
            out.append(by_norm[k])
    return out[:n]


def resolve(kg, name: str, *, kinds: tuple[str, ...] | None = None, names: pd.DataFrame | None = None) -> str:
    """The IRI of the one entity called ``name``.

    Raises
    ------
    UnknownName
        when no entity has the name (``matches`` lists the closest names);
    AmbiguousName
        when several have it (``matches`` lists them).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> kg = example_kg()
    >>> resolve(kg, "beta zorg")
    'https://w3id.org/sociaal-domein/id/organisatie/b'
    >>> resolve(kg, "gemeente een")
    'https://w3id.org/sociaal-domein/id/gemeente/gm0001'
    >>> resolve(kg, "organisatie/c")
    'https://w3id.org/sociaal-domein/id/organisatie/c'
    >>> try:
    ...     resolve(kg, "Gama")
    ... except UnknownName as exc:
    ...     print(exc.matches[0][0])
    Gamma
    """
    names = name_table(kg) if names is None else names
    base = "https://w3id.org/sociaal-domein/id/"
    for iri in (name, base + name):  # a full IRI or a curated id such as organisatie/mee-delft
        if "/" in name and iri in set(names["e"]) and (kinds is None or iri in set(
                names.loc[names["kind"].isin(kinds), "e"])):
            return iri
    hits = match(names, name, kinds=kinds)
    if len(hits) == 1:
        return hits[0]
    if hits:
        labels = names.drop_duplicates("e").set_index("e")["label"]
        found = [(labels[h], h) for h in hits]
        raise AmbiguousName(name, found, f"'{name}' past bij meer dan één naam: "
                            + "; ".join(f"{lab} ({iri})" for lab, iri in found),
                            f"'{name}' past bij meer dan één naam")
    pool = names if kinds is None else names[names["kind"].isin(kinds)]
    close = suggestions(pool, name)
    hint = ("; bedoelt u: " + "; ".join(lab for lab, _ in close)) if close else ""
    raise UnknownName(name, close, f"geen entiteit heet '{name}'{hint}", f"geen entiteit heet '{name}'")
