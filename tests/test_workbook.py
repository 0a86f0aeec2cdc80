"""Workbooks as tables; the example workbook the notebooks ship is the committed CSV pair."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.importer import import_spreadsheet
from graph.settings import ROOT
from graph.workbook import SHEETS, read_workbook, workbook_from_csv, write_workbook

EXAMPLE = ROOT / "notebooks" / "voorbeeld"


def test_example_workbook_is_the_committed_csv_pair(tmp_path):
    """The .xlsx in the repository holds exactly the rows of the two CSV files (so a diff of the CSVs shows it)."""
    workbook_from_csv(EXAMPLE / "huizen-elements.csv", EXAMPLE / "huizen-connections.csv", tmp_path / "w.xlsx")
    shipped, fresh = read_workbook(EXAMPLE / "import-voorbeeld.xlsx"), read_workbook(tmp_path / "w.xlsx")
    for name in SHEETS:
        pd.testing.assert_frame_equal(shipped[name], fresh[name])
    assert len(shipped["Elements"]) >= 3 and len(shipped["Connections"]) >= 3


def test_rows_are_numbered_as_in_the_sheet():
    sheets = read_workbook(EXAMPLE / "import-voorbeeld.xlsx")
    assert sheets["Elements"].index[0] == 2
    assert sheets["Elements"].loc[2, "Type"] == "Onderscheiding"


def test_round_trip_keeps_every_cell(tmp_path):
    sheets = {"Elements": pd.DataFrame({"Label": ["Één", "B"], "Type": ["Organisatie", ""]}),
              "Connections": pd.DataFrame({"From": ["Één"], "To": ["B"], "Type": ["partner"],
                                           "Quote": ["eerste\n|tweede"]})}
    write_workbook(sheets, tmp_path / "w.xlsx")
    back = read_workbook(tmp_path / "w.xlsx")
    assert back["Elements"]["Label"].tolist() == ["Één", "B"] and back["Elements"].loc[3, "Type"] == ""
    assert back["Connections"].loc[2, "Quote"] == "eerste\n|tweede"


def test_a_missing_sheet_is_refused(tmp_path):
    with pytest.raises(ValueError, match="missing: Connections"):
        write_workbook({"Elements": pd.DataFrame({"Label": ["A"]})}, tmp_path / "w.xlsx")


def test_a_written_workbook_imports(tmp_path, data_copy):
    """What write_workbook writes is what the import reads: an unknown gemeente is refused on its row."""
    from graph.errors import InputError

    sheets = read_workbook(EXAMPLE / "import-voorbeeld.xlsx")
    sheets["Elements"].loc[3, "Gemeente"] = "Huizn"
    write_workbook(sheets, tmp_path / "kapot.xlsx")
    with pytest.raises(InputError) as err:
        import_spreadsheet(tmp_path / "kapot.xlsx", data=data_copy)
    (problem,) = err.value.problems
    assert problem.file.endswith("kapot.xlsx#Elements") and problem.line == 3 and "Huizen" in problem.message
