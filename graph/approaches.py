"""Which gemeenten share which approach: the profile features (themes, working principles, access model,
kinds of partners) as a gemeente-by-feature table and as a list of shared features.

Built on :func:`graph.analysis.profiles.feature_sets`, so a feature means the same here as in
:func:`graph.analysis.compare.similarity`; a feature that rests only on inferred facts counts too
(the profile marks it "(afgeleid)").
"""

from __future__ import annotations

import pandas as pd

from graph.analysis.profiles import feature_sets

__all__ = ["FEATURE_KINDS", "feature_matrix", "shared_features"]

#: The kinds of feature, as they prefix a feature ("werkprincipe: partnerschap").
FEATURE_KINDS = ("thema", "werkprincipe", "toegang", "geen toegang", "soort partner")


def _kind(feature: str) -> str:
    return feature.split(": ", 1)[0]


def feature_matrix(profile_rows: pd.DataFrame, *, kind: str | None = None) -> pd.DataFrame:
    """One row per gemeente, one column per feature (of ``kind`` only, if given): True where the gemeente has it.

    Gemeenten without any such feature in the sources are left out; columns are sorted by the
    number of gemeenten that share them, then by name.

    Examples
    --------
    >>> df = pd.DataFrame([{"gemeente": "X", "werkprincipes": "partnerschap; eigen regie", "themas": "sport"},
    ...                    {"gemeente": "Y", "werkprincipes": "partnerschap", "themas": "niet vermeld"}])
    >>> m = feature_matrix(df, kind="werkprincipe")
    >>> list(m.columns), m.loc["Y"].tolist()
    (['werkprincipe: partnerschap', 'werkprincipe: eigen regie'], [True, False])
    """
    if kind is not None and kind not in FEATURE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(FEATURE_KINDS)}, not {kind!r}")
    feats = {g: {f for f in fs if kind is None or _kind(f) == kind} for g, fs in feature_sets(profile_rows).items()}
    feats = {g: fs for g, fs in feats.items() if fs}
    columns = sorted({f for fs in feats.values() for f in fs},
                     key=lambda f: (-sum(f in fs for fs in feats.values()), f))
    m = pd.DataFrame([[f in feats[g] for f in columns] for g in sorted(feats)], index=sorted(feats),
                     columns=columns, dtype=bool)
    m.index.name = "gemeente"
    return m


def shared_features(profile_rows: pd.DataFrame, *, kind: str | None = None, min_gemeenten: int = 2) -> pd.DataFrame:
    """The features that at least ``min_gemeenten`` gemeenten share, most shared first.

    Returns
    -------
    pandas.DataFrame
        ``soort`` (the kind of feature), ``kenmerk`` (the feature without its kind),
        ``aantal_gemeenten``, ``gemeenten`` (names, "; "-separated).

    Examples
    --------
    >>> df = pd.DataFrame([{"gemeente": "X", "toegangsmodel": "loket"}, {"gemeente": "Y", "toegangsmodel": "loket"},
    ...                    {"gemeente": "Z", "toegangsmodel": "sociaal wijkteam"}])
    >>> shared_features(df, kind="toegang").to_dict("records")
    [{'soort': 'toegang', 'kenmerk': 'loket', 'aantal_gemeenten': 2, 'gemeenten': 'X; Y'}]
    """
    m = feature_matrix(profile_rows, kind=kind)
    rows = []
    for feature in m.columns:
        who = m.index[m[feature]].tolist()
        if len(who) >= min_gemeenten:
            k, name = feature.split(": ", 1)
            rows.append({"soort": k, "kenmerk": name, "aantal_gemeenten": len(who), "gemeenten": "; ".join(who)})
    return pd.DataFrame(rows, columns=["soort", "kenmerk", "aantal_gemeenten", "gemeenten"])
