"""Read a Kumu-style spreadsheet (Elements + Connections) into records.

Elements: ``Label``, ``Type`` (a record type such as Organisatie), optional
``ID``, ``Soort``, ``Gemeente`` (where it is active; for an ``Onderscheiding``
the gemeente that received it), ``Jaar`` (a year; an award's year),
``Beschrijving``, ``Source``, ``Quote``, ``Inferred``. A gemeente may be given
by name ("Zwolle", "gemeente Zwolle", any case or accents) or CBS code
("GM0193"); several are separated by ``;``.
Connections: ``From``, ``To`` (an element's ID or Label, or any id in data/),
``Type`` (a record field such as ``werkt_samen_met`` or ``uitgevoerd_door``, or
a membership role such as ``partner``, ``penvoerder``, ``initiatiefnemer``),
``Source``, ``Quote``, ``Inferred``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Any

from graph.errors import InputError, Problem
from graph.mapping.fields import TYPES
from graph.sources.records import Record

__all__ = ["read_spreadsheet", "MEMBERSHIP_ROLES", "GemeenteIndex", "MAX_ROWS"]

#: Most rows a sheet may have (KENNISGRAAF_MAX_SHEET_ROWS overrides); a sheet past it is refused before reading.
MAX_ROWS = 200_000

MEMBERSHIP_ROLES = ("partner", "penvoerder", "initiatiefnemer", "uitvoerder", "lid", "ondersteuner")
ELEMENT_COLUMNS = ("Label", "Type")
CONNECTION_COLUMNS = ("From", "To", "Type")


def _max_rows() -> int:
    import os

    return int(os.environ.get("KENNISGRAAF_MAX_SHEET_ROWS", MAX_ROWS))


def _too_many_rows(where: str, rows: int) -> InputError:
    return InputError([Problem(where, None, None,
                               f"the sheet has {rows} rows, more than the limit of {_max_rows()}",
                               "delete the empty rows below the data (select them, Delete Rows) or split the sheet; "
                               "the limit can be raised with KENNISGRAAF_MAX_SHEET_ROWS")])


def _normal(name: str) -> str:
    """A name for forgiving comparison: no accents, case, apostrophes, hyphens or 'gemeente' in front."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    ascii_ = re.sub(r"['`\u2019]", "", ascii_)
    ascii_ = re.sub(r"[\s\-_.,]+", " ", ascii_).strip()
    return re.sub(r"^gemeente\s+", "", ascii_)


class GemeenteIndex:
    """Gemeenten by id, CBS code and (forgivingly matched) name, for the ``Gemeente`` column.

    Parameters
    ----------
    gemeenten : ``{id: (label, cbs_code)}``, e.g. from the Gemeente records of ``data/reference/``.

    Examples
    --------
    >>> idx = GemeenteIndex({"gemeente/gm0193": ("Zwolle", "GM0193"), "gemeente/gm0503": ("Delft", "GM0503")})
    >>> idx.resolve("gemeente Zwolle"), idx.resolve("gm0193"), idx.resolve("ZWOLLE")
    ('gemeente/gm0193', 'gemeente/gm0193', 'gemeente/gm0193')
    >>> idx.resolve("GM9999")
    Traceback (most recent call last):
    ...
    LookupError: CBS code 'GM9999' does not exist (not in the CBS list of 2021 nor among the earlier gemeenten)
    >>> idx.resolve("Zwole")
    Traceback (most recent call last):
    ...
    LookupError: no gemeente named 'Zwole'; did you mean: Zwolle?
    """

    def __init__(self, gemeenten: dict[str, tuple[str, str | None]]) -> None:
        self.ids = set(gemeenten)
        self.by_code = {code.upper(): gid for gid, (_, code) in gemeenten.items() if code}
        self.by_name: dict[str, list[str]] = {}
        self.labels: dict[str, str] = {}
        for gid, (label, _) in gemeenten.items():
            self.by_name.setdefault(_normal(label), []).append(gid)
            self.labels[_normal(label)] = label

    def resolve(self, value: str) -> str:
        """The gemeente id for a name, CBS code or id; LookupError with the closest names if none matches."""
        import difflib

        text = value.strip()
        if text in self.ids:
            return text
        if re.fullmatch(r"(?i)gm\d{4}", text):
            if text.upper() in self.by_code:
                return self.by_code[text.upper()]
            raise LookupError(f"CBS code {text.upper()!r} does not exist (not in the CBS list of 2021 nor among "
                              "the earlier gemeenten)")
        found = self.by_name.get(_normal(text), [])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise LookupError(f"{text!r} names more than one gemeente ({', '.join(sorted(found))}); give the CBS code")
        close = difflib.get_close_matches(_normal(text), list(self.labels), n=3, cutoff=0.75)
        hint = f"; did you mean: {', '.join(self.labels[c] for c in close)}?" if close else ""
        raise LookupError(f"no gemeente named {text!r}{hint}")

    def looks_like_gemeente(self, value: str) -> bool:
        """True for a CBS code, a 'gemeente ...' name, or a known gemeente name."""
        text = value.strip()
        return bool(re.fullmatch(r"(?i)gm\d{4}", text) or text.casefold().startswith("gemeente ")
                    or _normal(text) in self.by_name)


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "naamloos"


Rows = tuple[list[str], list[tuple[int, dict[str, Any]]]]  # header, (line, row) pairs


def _rows_csv(path: Path) -> Rows:
    """Header and rows of a CSV file, each row with the line it starts on. The delimiter
    (comma, semicolon as Dutch Excel writes, or tab) is taken from the header row; a
    malformed row is reported with its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(str(path), None, None, f"not UTF-8 text: {exc.reason} at byte {exc.start}",
                                  "save the sheet as 'CSV UTF-8'")]) from exc
    lines = text.count("\n")
    if lines > _max_rows():
        raise _too_many_rows(str(path), lines)
    header_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems: list[Problem] = []
    rows: list[tuple[int, dict[str, Any]]] = []
    header: list[str] = []
    try:
        while True:
            start = reader.line_num + 1
            fields = next(reader, None)
            if fields is None:
                break
            if not header:
                header = [h.strip() for h in fields]
                continue
            if not any(f.strip() for f in fields):
                continue
            if len(fields) > len(header):
                problems.append(Problem(str(path), start, None,
                                        f"row has {len(fields)} cells but the header names {len(header)}",
                                        f"put a cell that contains {delimiter!r} between double quotes"))
                continue
            rows.append((start, dict(zip(header, fields, strict=False))))
    except csv.Error as exc:
        problems.append(Problem(str(path), reader.line_num, None, f"malformed CSV: {exc}",
                                "close every double quote that opens a cell (write \"\" for a quote inside a cell)"))
    if problems:
        raise InputError(problems)
    return header, rows


def _rows_xlsx(path: Path, sheet: str) -> Rows:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a bad file
        raise InputError([Problem(str(path), None, None, f"cannot read workbook: {exc}",
                                  "save it as .xlsx from your spreadsheet program")]) from exc
    names = {n.lower(): n for n in wb.sheetnames}
    if sheet.lower() not in names:
        raise InputError([Problem(str(path), None, None, f"no sheet named {sheet!r} (found {wb.sheetnames})",
                                  "name the sheets 'Elements' and 'Connections'")])
    ws = wb[names[sheet.lower()]]
    where = f"{path}#{names[sheet.lower()]}"
    if (ws.max_row or 0) > _max_rows():  # the sheet's own dimension, read before any row
        raise _too_many_rows(where, ws.max_row)
    rows_iter = ws.iter_rows(values_only=True)
    first = next(rows_iter, None)
    if first is None:
        return [], []
    header = [str(h).strip() if h is not None else "" for h in first]
    rows = []
    for n, r in enumerate(rows_iter, start=2):
        if n > _max_rows():  # a sheet without a dimension record
            raise _too_many_rows(where, n)
        if any(v not in (None, "") for v in r):
            rows.append((n, {h: ("" if v is None else v) for h, v in zip(header, r, strict=False)}))
    return header, rows


def _check_columns(header: list[str], required, where: str) -> None:
    if not header:
        raise InputError([Problem(where, 1, None, "the sheet is empty: no header row",
                                  f"the first row must name at least: {', '.join(required)}")])
    if not all(c in header for c in required):
        raise InputError([Problem(where, 1, None, f"missing column(s): "
                                  f"{', '.join(c for c in required if c not in header)}",
                                  f"the first row must name at least: {', '.join(required)}")])


def _cell(row: dict[str, Any], name: str) -> str:
    v = row.get(name, "")
    return "" if v is None else str(v).strip()


def _provenance(row: dict[str, Any], default_source: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    src = _cell(row, "Source") or default_source
    if src:
        out["source"] = [s.strip() for s in src.split(";")] if ";" in src else src
    quotes = [q for q in (_cell(row, "Quote").split("\n|") if _cell(row, "Quote") else []) if q]
    if quotes:
        out["quote"] = quotes if len(quotes) > 1 else quotes[0]
    if _cell(row, "Inferred"):
        out["inferred"] = _cell(row, "Inferred")
    return out


def read_spreadsheet(elements: Path, connections: Path | None = None,
                     default_source: str | None = None, gemeenten: GemeenteIndex | None = None) -> list[Record]:
    """Read elements and connections into records (``id`` ones first, then ``about``).

    ``gemeenten`` resolves names and CBS codes in the ``Gemeente`` column and in
    connections; without it only ids such as ``gemeente/gm0503`` are understood.
    """
    if elements.suffix.lower() == ".xlsx":
        (el_head, el_rows), (cn_head, cn_rows) = _rows_xlsx(elements, "Elements"), _rows_xlsx(elements, "Connections")
        el_name, cn_name = f"{elements}#Elements", f"{elements}#Connections"
    else:
        if connections is None:
            raise InputError([Problem(str(elements), None, None, "a CSV import needs two files",
                                      "give the elements CSV and the connections CSV")])
        (el_head, el_rows), (cn_head, cn_rows) = _rows_csv(elements), _rows_csv(connections)
        el_name, cn_name = str(elements), str(connections)
    _check_columns(el_head, ELEMENT_COLUMNS, el_name)
    _check_columns(cn_head, CONNECTION_COLUMNS, cn_name)
    if not el_rows and not cn_rows:
        raise InputError([Problem(el_name, 2, None, "nothing to import: the sheets have no rows",
                                  "add one row per element and per connection below the header")])

    problems: list[Problem] = []
    records: list[Record] = []
    by_label: dict[str, str] = {}
    for n, row in el_rows:
        label, tname = _cell(row, "Label"), _cell(row, "Type")
        if tname not in TYPES:
            problems.append(Problem(el_name, n, label or None, f"unknown type {tname!r}",
                                    f"use one of: {', '.join(TYPES)}"))
            continue
        rid = _cell(row, "ID") or f"{TYPES[tname].prefix}/{_slug(label)}"
        fields: dict[str, Any] = {"id": rid, "type": tname, "label": label}
        if _cell(row, "Soort"):
            fields["soort"] = _cell(row, "Soort")
        places = []
        for value in (g for g in _cell(row, "Gemeente").split(";") if g.strip()):
            try:
                places.append(gemeenten.resolve(value) if gemeenten else value.strip())
            except LookupError as exc:
                problems.append(Problem(el_name, n, label or None, f"Gemeente column: {exc}",
                                        "write the gemeente's name as CBS spells it, or its CBS code (GM0503)"))
        year = _cell(row, "Jaar")
        if year.endswith(".0"):  # a number cell read as float
            year = year[:-2]
        if tname == "Onderscheiding":
            if len(places) != 1:
                problems.append(Problem(el_name, n, label or None,
                                        "an award needs the one gemeente that received it in the Gemeente column",
                                        "write the gemeente's name or CBS code in the Gemeente column of this row"))
            else:
                fields["ontvanger"] = places[0]
            if not year:
                problems.append(Problem(el_name, n, label or None, "an award needs its year in the Jaar column",
                                        "write the year as four digits, e.g. 2017, in the Jaar column of this row"))
        elif places:
            fields["actief_in"] = places
        if year:
            fields["jaar"] = year
        if _cell(row, "Beschrijving") or _cell(row, "Description"):
            fields["beschrijving"] = _cell(row, "Beschrijving") or _cell(row, "Description")
        fields.update(_provenance(row, default_source))
        by_label[label.casefold()] = rid
        records.append(Record(file=el_name, line=n, fields=fields))

    def resolve(value: str) -> str:
        if value.casefold() in by_label:
            return by_label[value.casefold()]
        if gemeenten is not None and "/" not in value and gemeenten.looks_like_gemeente(value):
            try:
                return gemeenten.resolve(value)
            except LookupError:
                return value  # reported by the mapping as an unknown reference, on this row
        return value

    for n, row in cn_rows:
        src, dst, kind = resolve(_cell(row, "From")), resolve(_cell(row, "To")), _cell(row, "Type")
        prov = _provenance(row, default_source)
        if kind in MEMBERSHIP_ROLES:
            fields = {"id": f"lidmaatschap/{_slug(src)}-{_slug(dst)}-{kind}", "type": "Lidmaatschap",
                      "lid": src, "van": dst, "rol": kind, **prov}
        elif kind:
            fields = {"about": src, kind: dst, **prov}
        else:
            problems.append(Problem(cn_name, n, src or None, "connection has no Type",
                                    f"use a field such as werkt_samen_met or a role: {', '.join(MEMBERSHIP_ROLES)}"))
            continue
        records.append(Record(file=cn_name, line=n, fields=fields))
    if problems:
        raise InputError(problems)
    return records
