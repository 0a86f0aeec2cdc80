"""Shared approaches: the gemeente-by-feature table and the shared features, on the real profiles."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.approaches import FEATURE_KINDS, feature_matrix, shared_features


@pytest.fixture(scope="module")
def profielen(kg):
    from graph.analysis.profiles import profiles

    return profiles(kg)


def test_matrix_agrees_with_the_profiles(profielen):
    m = feature_matrix(profielen, kind="werkprincipe")
    assert all(c.startswith("werkprincipe: ") for c in m.columns)
    row = profielen.set_index("gemeente").loc["Zandvoort", "werkprincipes"]
    named = {v.removesuffix(" (afgeleid)") for v in row.split("; ")}
    assert {c.split(": ", 1)[1] for c in m.columns[m.loc["Zandvoort"]]} == named
    counts = m.sum().tolist()
    assert counts == sorted(counts, reverse=True)


def test_gemeenten_the_sources_say_nothing_about_are_left_out(profielen):
    silent = profielen[profielen["werkprincipes"] == "niet vermeld"]["gemeente"]
    assert len(silent) and not set(silent) & set(feature_matrix(profielen, kind="werkprincipe").index)


def test_shared_features_lists_who_shares_them(profielen):
    df = shared_features(profielen, kind="werkprincipe")
    m = feature_matrix(profielen, kind="werkprincipe")
    for row in df.itertuples():
        who = m.index[m[f"werkprincipe: {row.kenmerk}"]].tolist()
        assert row.gemeenten.split("; ") == who and row.aantal_gemeenten == len(who) >= 2
    multi = df[df["kenmerk"] == "meerjarige afspraken"]
    assert {"Zandvoort", "Zeist"} <= set(multi["gemeenten"].iloc[0].split("; "))


def test_access_models_and_unknown_kind(profielen):
    access = shared_features(profielen, kind="toegang", min_gemeenten=1)
    assert set(access["soort"]) == {"toegang"} and "Goirle" in "; ".join(access["gemeenten"])
    with pytest.raises(ValueError, match="kind must be one of"):
        feature_matrix(profielen, kind="kleur")
    assert "werkprincipe" in FEATURE_KINDS


def test_all_kinds_together():
    df = pd.DataFrame([{"gemeente": "X", "themas": "sport", "toegangsmodel": "loket"},
                       {"gemeente": "Y", "themas": "sport", "toegangsmodel": "niet vermeld"}])
    m = feature_matrix(df)
    assert list(m.columns) == ["thema: sport", "toegang: loket"] and m.loc["Y"].tolist() == [True, False]
