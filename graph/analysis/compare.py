"""Comparing Gouden Gemeenten: side by side, similarity with shared and differing features, "which gemeenten do X"."""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from graph.analysis.profiles import feature_sets

__all__ = ["QUESTIONS", "side_by_side", "similarity", "which_gemeenten"]

#: Questions "which gemeenten ...?": name -> (Dutch question, query in graph/queries/views/vraag_<name>.rq).
QUESTIONS: dict[str, str] = {
    "geen-wijkteams": "Welke gemeenten hebben uitdrukkelijk geen (sociale) wijkteams?",
    "meerjarige-afspraak": "Welke gemeenten zijn partij in een meerjarige afspraak (contract of subsidie)?",
    "dementie": "Welke gemeenten hebben een initiatief of organisatie rond dementie?",
    "swo-penvoerder": "Waar is een sociaalwerkorganisatie penvoerder van een netwerk?",
}


def side_by_side(profile_rows: pd.DataFrame, gemeenten: list[str] | None = None) -> pd.DataFrame:
    """Profiles as columns (one per gemeente), fields as rows.

    Examples
    --------
    >>> df = pd.DataFrame([{"gemeente": "X", "themas": "sport", "iri": "x"},
    ...                    {"gemeente": "Y", "themas": "niet vermeld", "iri": "y"}])
    >>> side_by_side(df).loc["themas"].tolist()
    ['sport', 'niet vermeld']
    """
    rows = profile_rows.set_index("gemeente")
    if gemeenten is not None:
        rows = rows.loc[gemeenten]
    out = rows.drop(columns=[c for c in ("iri",) if c in rows]).T
    out.columns.name = None
    out.index.name = "kenmerk"
    return out


def similarity(profile_rows: pd.DataFrame) -> pd.DataFrame:
    """Jaccard similarity of every pair of gemeenten over their features (themes, working principles,
    access model, kinds of partners), with the shared and differing features listed. Most similar first.

    A gemeente without any feature in the sources is left out (nothing to compare).

    Examples
    --------
    >>> df = pd.DataFrame([{"gemeente": "X", "themas": "ouderen; sport", "toegangsmodel": "wijkteam"},
    ...                    {"gemeente": "Y", "themas": "sport", "toegangsmodel": "wijkteam"}])
    >>> r = similarity(df).iloc[0]
    >>> r["gemeente_a"], r["gemeente_b"], float(r["gelijkenis"]), r["gedeeld"], r["alleen_a"]
    ('X', 'Y', 0.667, 'thema: sport; toegang: wijkteam', 'thema: ouderen')
    """
    feats = {g: f for g, f in feature_sets(profile_rows).items() if f}
    rows = []
    for a, b in combinations(sorted(feats), 2):
        fa, fb = feats[a], feats[b]
        rows.append({"gemeente_a": a, "gemeente_b": b, "gelijkenis": round(len(fa & fb) / len(fa | fb), 3),
                     "gedeeld": "; ".join(sorted(fa & fb)) or "geen",
                     "alleen_a": "; ".join(sorted(fa - fb)) or "geen",
                     "alleen_b": "; ".join(sorted(fb - fa)) or "geen"})
    df = pd.DataFrame(rows, columns=["gemeente_a", "gemeente_b", "gelijkenis", "gedeeld", "alleen_a", "alleen_b"])
    return df.sort_values(["gelijkenis", "gemeente_a", "gemeente_b"], ascending=[False, True, True]).reset_index(
        drop=True)


def which_gemeenten(kg, question: str) -> pd.DataFrame:
    """Answer one of :data:`QUESTIONS`: one row per gemeente and piece of evidence.

    Returns
    -------
    pandas.DataFrame
        ``gemeente, via`` (what it is about), ``status`` (vermeld/afgeleid), ``bron``, ``citaat``, ``iri``.

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> which_gemeenten(example_kg(), "dementie")["gemeente"].unique().tolist()
    ['Gemeente Een']
    """
    from graph.views import _quotes, entity_table, load_query

    if question not in QUESTIONS:
        raise KeyError(f"unknown question {question!r}: use one of {', '.join(QUESTIONS)}")
    df = kg.frame(load_query("vraag_" + question.replace("-", "_")))
    cols = ["gemeente", "via", "status", "bron", "citaat", "iri"]
    if not len(df):
        return pd.DataFrame(columns=cols)
    labels = entity_table(kg)["label"]
    out = pd.DataFrame({"gemeente": df["g"].map(labels), "via": df["via"], "status": df["status"],
                        "bron": df["bron"], "citaat": df["citaat"].map(_quotes), "iri": df["g"]})
    return out.sort_values(["gemeente", "via", "bron"]).drop_duplicates().reset_index(drop=True)
