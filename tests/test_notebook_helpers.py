"""Notebook helpers: the scratch copy of the data, problems as a table, the seed texts or a note."""

from __future__ import annotations

import pytest

from graph.errors import InputError, Problem
from graph.notebook_helpers import PROBLEM_COLUMNS, problem_table, scratch_data, seeds_or_note
from graph.settings import ROOT


def test_scratch_copy_leaves_out_the_named_files_and_not_the_original(tmp_path):
    copy = scratch_data(tmp_path, without=("huizen.yaml", "goirle.yaml"))
    assert copy == tmp_path / "data"
    names = {p.name for p in (copy / "curated").glob("*.yaml")}
    original = {p.name for p in (ROOT / "data" / "curated").glob("*.yaml")}
    assert names == original - {"huizen.yaml", "goirle.yaml"}
    assert (ROOT / "data" / "curated" / "huizen.yaml").exists()
    assert (copy / "sources.yaml").read_bytes() == (ROOT / "data" / "sources.yaml").read_bytes()


def test_scratch_copy_refuses_an_unknown_file_and_a_used_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="huizen.yml"):
        scratch_data(tmp_path / "a", without=("huizen.yml",))
    scratch_data(tmp_path / "b")
    with pytest.raises(FileExistsError):
        scratch_data(tmp_path / "b")


def test_problem_table_has_one_row_per_problem():
    err = InputError([Problem("w.xlsx#Elements", 4, "GeheugenHuis", "no gemeente named 'Huizn'", "fix it"),
                      Problem("data/x.yaml", None, None, "broken")])
    df = problem_table(err)
    assert list(df.columns) == PROBLEM_COLUMNS
    assert df["rij"].tolist()[0] == 4 and df["rij"].isna().tolist() == [False, True]
    assert df.loc[1, "probleem"] == "broken" and df.loc[1, "entiteit"] == ""
    assert problem_table([]).empty


def test_seeds_from_the_setting_or_a_note(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("KENNISGRAAF_SEEDS", str(tmp_path))
    assert seeds_or_note() == tmp_path
    assert capsys.readouterr().out == ""
    monkeypatch.setenv("KENNISGRAAF_SEEDS", str(tmp_path / "nergens"))
    assert seeds_or_note() is None
    assert "bestaat niet" in capsys.readouterr().out
    monkeypatch.delenv("KENNISGRAAF_SEEDS")
    assert seeds_or_note() is None
    assert "niet gezet" in capsys.readouterr().out
