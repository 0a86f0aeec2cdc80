"""Read the CBS municipality list into records for gemeenten and provinces."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from graph.errors import InputError, Problem
from graph.sources.records import Record

__all__ = ["read_cbs_gemeenten"]

COLUMNS = ["Gemeentecode", "GemeentecodeGM", "Gemeentenaam", "Provinciecode",
           "ProvinciecodePV", "Provincienaam"]
GM = re.compile(r"GM\d{4}")
PV = re.compile(r"PV\d{2}")


def read_cbs_gemeenten(path: Path, source_id: str = "cbs-2021",
                       display_name: str | None = None) -> list[Record]:
    """Turn each CSV row into a Gemeente record, and each province into one record.

    The quote of each record is the CSV line itself, so a reference fact is
    checked against the copied file like any curated fact.
    """
    name = display_name or str(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    reader = csv.reader(lines)
    header = next(reader, None)
    if header != COLUMNS:
        raise InputError([Problem(name, 1, None, f"unexpected header {header!r}",
                                  f"the header must be: {','.join(COLUMNS)}")])
    records: list[Record] = []
    provinces: dict[str, Record] = {}
    problems: list[Problem] = []
    for row_no, (raw, row) in enumerate(zip(lines[1:], reader, strict=False), start=2):
        if len(row) != len(COLUMNS):
            problems.append(Problem(name, row_no, None,
                                    f"expected {len(COLUMNS)} fields, found {len(row)}",
                                    "quote names that contain a comma"))
            continue
        _, gm, gname, _, pv, pname = (c.strip() for c in row)
        if not GM.fullmatch(gm):
            problems.append(Problem(name, row_no, gname or None,
                                    f"invalid CBS code {gm!r}", "use GM followed by four digits"))
            continue
        if not PV.fullmatch(pv):
            problems.append(Problem(name, row_no, gname or None,
                                    f"invalid province code {pv!r}", "use PV followed by two digits"))
            continue
        pid = f"provincie/{pv.lower()}"
        if pv not in provinces:
            provinces[pv] = Record(file=name, line=row_no, default_source=source_id, fields={
                "id": pid, "type": "Provincie", "label": pname, "cbs_code": pv, "quote": raw})
        records.append(Record(file=name, line=row_no, default_source=source_id, fields={
            "id": f"gemeente/{gm.lower()}", "type": "Gemeente", "label": gname,
            "cbs_code": gm, "provincie": pid, "quote": raw}))
    if problems:
        raise InputError(problems)
    return list(provinces.values()) + records
