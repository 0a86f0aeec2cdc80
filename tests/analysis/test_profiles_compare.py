"""Profiles and comparison on the real data: answers taken from the sources."""

from __future__ import annotations

import pytest

from graph.analysis.compare import QUESTIONS, side_by_side, similarity, which_gemeenten
from graph.analysis.profiles import MISSING, gemeente_profile, profiles


@pytest.fixture(scope="module")
def prof(kg):
    return profiles(kg).set_index("gemeente")


def test_every_gouden_gemeente_has_a_row(prof):
    assert len(prof) == 21  # ten of 2015, eleven of 2017
    assert prof.loc["Delft", "gouden_gemeente"] == "2017" and prof.loc["Ede", "gouden_gemeente"] == "2015"


def test_delft(prof):
    d = prof.loc["Delft"]
    assert d["provincie"] == "Zuid-Holland" and d["cbs_code"] == "GM0503"
    assert "sociaal wijkteam" in d["geen_toegangsmodel"]       # "Delft heeft geen wijkteams"
    # "een projectorganisatie van maar liefst 16 organisaties"
    assert "16 organisaties (De Toegang)" in d["aantallen"]
    assert "prestatiecontract" in d["afspraken"]
    for org in ("Kwadraad", "Participe", "MEE", "Ouderenfederatie"):
        assert org in d["organisaties"]
    assert "(afgeleid)" in d["themas"]  # dementie from the name 'Alzheimer' is inferred and marked


def test_niet_vermeld_never_guessed(prof):
    ede = prof.loc["Ede"]
    for col in ("organisaties", "themas", "toegangsmodel", "afspraken", "werkprincipes", "aantal_organisaties"):
        assert ede[col] == MISSING, col
    assert profiles_have_no_nan(prof)


def profiles_have_no_nan(prof) -> bool:
    return not prof.drop(columns=[]).isna().any().any()


def test_gemeente_profile_by_name(kg):
    assert gemeente_profile(kg, "gemeente Délft")["cbs_code"] == "GM0503"


def test_side_by_side_and_similarity(prof):
    rows = prof.reset_index()
    table = side_by_side(rows, ["Delft", "Wageningen"])
    assert list(table.columns) == ["Delft", "Wageningen"] and "themas" in table.index
    sim = similarity(rows[rows["gemeente"].isin(["Delft", "Wageningen", "Aalten"])])
    assert len(sim) == 3 and sim["gelijkenis"].between(0, 1).all()
    pair = sim[(sim["gemeente_a"] == "Aalten") & (sim["gemeente_b"] == "Delft")].iloc[0]
    assert "geen toegang: sociaal wijkteam" in pair["gedeeld"]  # both say they have no separate wijkteams


@pytest.mark.parametrize(("question", "expected"), [
    # "Aalten kent geen aparte sociale wijkteams." / "Delft heeft geen wijkteams"
    ("geen-wijkteams", {"Aalten", "Delft"}),
    ("dementie", {"Huizen", "Leerdam"}),
    ("swo-penvoerder", {"Delft"}),
])
def test_which(kg, question, expected):
    assert set(which_gemeenten(kg, question)["gemeente"]) == expected


def test_which_multi_year(kg):
    df = which_gemeenten(kg, "meerjarige-afspraak")
    assert "Zandvoort" in set(df["gemeente"])
    assert (df["citaat"].str.len() > 0).all()
    assert set(QUESTIONS) >= {"geen-wijkteams", "meerjarige-afspraak", "dementie", "swo-penvoerder"}


def test_unknown_question(kg):
    with pytest.raises(KeyError):
        which_gemeenten(kg, "nope")
