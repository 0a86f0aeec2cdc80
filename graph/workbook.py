"""Import workbooks as pandas tables: read the Elements and Connections sheets, write them back, make one from CSV.

The import itself (:func:`graph.importer.import_spreadsheet`) reads the workbook;
these helpers let a notebook or a script show a workbook, change a copy of it and
save that copy, without touching the original.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["SHEETS", "read_workbook", "write_workbook", "workbook_from_csv"]

#: The sheets an import workbook has, in order.
SHEETS = ("Elements", "Connections")


def read_workbook(path: Path | str) -> dict[str, pd.DataFrame]:
    """The sheets ``Elements`` and ``Connections`` as DataFrames of text (empty cells are "").

    The DataFrame index is the sheet's row number, so a row shown here has the number an
    import error names (``…#Elements:3``).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> sheets = {"Elements": pd.DataFrame({"Label": ["A"], "Type": ["Organisatie"]}),
    ...           "Connections": pd.DataFrame({"From": ["A"], "To": ["B"], "Type": ["werkt_samen_met"]})}
    >>> write_workbook(sheets, folder / "w.xlsx")
    >>> read_workbook(folder / "w.xlsx")["Elements"].loc[2, "Label"]
    'A'
    """
    out = {}
    for name in SHEETS:
        df = pd.read_excel(path, sheet_name=name, dtype=str, keep_default_na=False)
        df.index = range(2, len(df) + 2)
        df.index.name = "rij"
        out[name] = df
    return out


def write_workbook(sheets: dict[str, pd.DataFrame], path: Path | str) -> None:
    """Write the ``Elements`` and ``Connections`` tables to an ``.xlsx`` workbook (the index is not written).

    Raises
    ------
    ValueError
        When a sheet is missing.
    """
    missing = [name for name in SHEETS if name not in sheets]
    if missing:
        raise ValueError(f"a workbook needs the sheets {', '.join(SHEETS)}; missing: {', '.join(missing)}")
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name in SHEETS:
            sheets[name].to_excel(writer, sheet_name=name, index=False)


def workbook_from_csv(elements: Path | str, connections: Path | str, path: Path | str) -> None:
    """Make an import workbook from the two CSV files of the same import (comma or semicolon, UTF-8).

    In a cell, ``\\n|`` separates several quotes, as in the workbook.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "e.csv").write_text("Label;Type\\nA;Organisatie\\n", encoding="utf-8")
    >>> _ = (folder / "c.csv").write_text("From;To;Type\\nA;B;werkt_samen_met\\n", encoding="utf-8")
    >>> workbook_from_csv(folder / "e.csv", folder / "c.csv", folder / "w.xlsx")
    >>> read_workbook(folder / "w.xlsx")["Connections"].to_dict("records")
    [{'From': 'A', 'To': 'B', 'Type': 'werkt_samen_met'}]
    """
    sheets = {}
    for name, src in zip(SHEETS, (elements, connections), strict=True):
        header = Path(src).read_text(encoding="utf-8-sig").split("\n", 1)[0]
        sep = max((",", ";", "\t"), key=header.count)  # as the import reads CSV
        sheets[name] = pd.read_csv(src, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    write_workbook(sheets, path)
