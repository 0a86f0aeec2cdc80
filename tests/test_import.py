"""Spreadsheet import: Kumu-style elements + connections become the same validated graph."""

import csv

import pytest
from openpyxl import Workbook

from graph.build import build
from graph.errors import InputError
from graph.importer import import_spreadsheet

ELEMENTS = [
    ["Label", "Type", "Soort", "Gemeente", "Source", "Quote"],
    ["Stichting Voorbeeld", "Organisatie", "onbekend", "gemeente/gm0503", "004", "Delft"],
]
CONNECTIONS = [
    ["From", "To", "Type", "Source", "Quote"],
    ["Stichting Voorbeeld", "samenwerking/delft-voor-elkaar", "partner", "004", "Delft voor Elkaar"],
    ["gemeente/gm0503", "Stichting Voorbeeld", "werkt_samen_met", "004", "Delft"],
]


def _xlsx(path, elements=ELEMENTS, connections=CONNECTIONS):
    wb = Workbook()
    ws = wb.active
    ws.title = "Elements"
    for row in elements:
        ws.append(row)
    ws2 = wb.create_sheet("Connections")
    for row in connections:
        ws2.append(row)
    wb.save(path)
    return path


def _csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_xlsx_import_writes_yaml_that_builds(data_copy, tmp_path, optional_seeds):
    out = data_copy / "curated" / "import.yaml"
    msg = import_spreadsheet(_xlsx(tmp_path / "s.xlsx"), output=out, data=data_copy, seeds=optional_seeds)
    assert "3 records imported" in msg
    result = build(data=data_copy, output=tmp_path / "out", seeds=optional_seeds, shacl=False)
    df = result.kg.query("""SELECT ?rol WHERE {
        ?m org:member <https://w3id.org/sociaal-domein/id/organisatie/stichting-voorbeeld> ;
           org:organization <https://w3id.org/sociaal-domein/id/samenwerking/delft-voor-elkaar> ;
           org:role ?rol }""")
    assert df.rol.tolist() == ["https://w3id.org/sociaal-domein/concept/rol/partner"]


def test_csv_pair_import(data_copy, tmp_path, optional_seeds):
    msg = import_spreadsheet(_csv(tmp_path / "e.csv", ELEMENTS), _csv(tmp_path / "c.csv", CONNECTIONS),
                             data=data_copy, seeds=optional_seeds)
    assert "valid" in msg


def test_bad_rows_are_named(data_copy, tmp_path):
    elements = ELEMENTS + [["Iets", "Ding", "", "", "004", "Delft"]]
    connections = CONNECTIONS + [["Stichting Voorbeeld", "organisatie/onbekend", "werkt_samen_met", "004", "Delft"]]
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx", elements, connections), data=data_copy)
    text = str(info.value)
    assert "s.xlsx#Elements:3 [Iets]: unknown type 'Ding'" in text


def test_unknown_reference_in_connections(data_copy, tmp_path):
    connections = CONNECTIONS + [["Stichting Voorbeeld", "organisatie/onbekend", "werkt_samen_met", "004", "Delft"]]
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx", connections=connections), data=data_copy)
    assert "s.xlsx#Connections:4" in str(info.value) and "unknown reference" in str(info.value)


def test_quote_not_in_source(data_copy, tmp_path, seeds_dir):
    elements = [ELEMENTS[0], ["Stichting Voorbeeld", "Organisatie", "onbekend", "", "004", "niet in de tekst"]]
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx", elements), data=data_copy, seeds=seeds_dir)
    assert "s.xlsx#Elements:2" in str(info.value) and "quote not found" in str(info.value)


def test_missing_columns(tmp_path, data_copy):
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx", [["Naam"], ["x"]]), data=data_copy)
    assert "missing column(s): Label, Type" in str(info.value)


def _write(path, rows, delimiter=","):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def test_semicolon_csv_as_dutch_excel_writes_it(data_copy, tmp_path, optional_seeds):
    msg = import_spreadsheet(_write(tmp_path / "e.csv", ELEMENTS, ";"), _write(tmp_path / "c.csv", CONNECTIONS, ";"),
                             data=data_copy, seeds=optional_seeds)
    assert "3 records imported" in msg and "Validation:" in msg


def test_malformed_csv_names_the_line(data_copy, tmp_path):
    (tmp_path / "e.csv").write_text('Label,Type\n"Stichting Voorbeeld,Organisatie\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_spreadsheet(tmp_path / "e.csv", _write(tmp_path / "c.csv", CONNECTIONS), data=data_copy)
    p = info.value.problems[0]
    assert p.file.endswith("e.csv") and p.line == 2 and "malformed CSV" in p.message and p.hint


def test_import_refuses_to_overwrite_a_curated_file(data_copy, tmp_path):
    target = data_copy / "curated" / "zandvoort.yaml"
    before = target.read_text(encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx"), output=target, data=data_copy)
    assert "exists already" in str(info.value) and "--force" in str(info.value)
    assert target.read_text(encoding="utf-8") == before


def test_forced_import_is_validated_as_a_replacement(data_copy, tmp_path):
    """Replacing delft.yaml drops Delft voor Elkaar, which the sheet itself refers to: refused."""
    target = data_copy / "curated" / "delft.yaml"
    before = target.read_text(encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx"), output=target, data=data_copy, force=True)
    assert "samenwerking/delft-voor-elkaar" in str(info.value)
    assert target.read_text(encoding="utf-8") == before
    own = data_copy / "curated" / "import.yaml"
    import_spreadsheet(_xlsx(tmp_path / "s.xlsx"), output=own, data=data_copy)
    assert "3 records imported" in import_spreadsheet(_xlsx(tmp_path / "s.xlsx"), output=own, data=data_copy,
                                                      force=True)


def test_csv_rows_keep_their_own_lines(tmp_path, data_copy):
    """Blank lines and cells spanning lines do not shift row numbers; Unicode line separators
    inside a cell do not split the row."""
    (tmp_path / "e.csv").write_text(
        'Label,Type,Quote\n\n"Twee\nregels",Organisatie,q\nA\u2028B,Onzin,q\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_spreadsheet(tmp_path / "e.csv", _write(tmp_path / "c.csv", [CONNECTIONS[0]]), data=data_copy)
    p = next(p for p in info.value.problems if "unknown type" in p.message)
    assert p.line == 5 and p.entity == "A\u2028B"


def test_empty_sheets_are_refused(tmp_path, data_copy):
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_spreadsheet(tmp_path / "empty.csv", _write(tmp_path / "c.csv", [CONNECTIONS[0]]), data=data_copy)
    assert "no header row" in str(info.value)
    with pytest.raises(InputError) as info:
        import_spreadsheet(_write(tmp_path / "e.csv", [ELEMENTS[0]]), _write(tmp_path / "c.csv", [CONNECTIONS[0]]),
                           data=data_copy)
    assert "nothing to import" in str(info.value)


def test_forced_import_replaces_a_broken_file(data_copy, tmp_path):
    target = data_copy / "curated" / "import.yaml"
    target.write_text("records:\n  - id: x\n   broken: [\n", encoding="utf-8")
    msg = import_spreadsheet(_xlsx(tmp_path / "s.xlsx"), output=target, data=data_copy, force=True)
    assert "3 records imported" in msg and "Stichting Voorbeeld" in target.read_text(encoding="utf-8")


def _elements(*rows, header=("Label", "Type", "Soort", "Gemeente", "Jaar", "Source", "Quote")):
    return [list(header), *[list(r) for r in rows]]


@pytest.mark.parametrize("gemeente", ["Delft", "gemeente Delft", "DELFT", " delft ", "GM0503", "gm0503",
                                      "gemeente/gm0503"])
def test_gemeente_by_name_or_cbs_code(data_copy, tmp_path, gemeente):
    from graph.build import read_all_records
    from graph.importer import gemeente_index
    from graph.sources import read_spreadsheet

    sheet = _xlsx(tmp_path / "s.xlsx", _elements(["Stichting Voorbeeld", "Organisatie", "onbekend", gemeente, "",
                                                  "004", "Delft"]), [CONNECTIONS[0]])
    records = read_spreadsheet(sheet, gemeenten=gemeente_index(read_all_records(data_copy)))
    assert records[0].fields["actief_in"] == ["gemeente/gm0503"]


def test_gemeente_names_with_accents_and_the_merged_ones(data_copy):
    from graph.build import read_all_records
    from graph.importer import gemeente_index

    idx = gemeente_index(read_all_records(data_copy))
    assert idx.resolve("Sudwest Fryslan") == idx.resolve("Súdwest-Fryslân")
    assert idx.resolve("Leerdam") == "gemeente/gm0545"  # ended in 2019, named in the sources
    assert idx.resolve("'s-Hertogenbosch") == idx.resolve("s Hertogenbosch")


@pytest.mark.parametrize(("gemeente", "message"), [
    ("GM9999", "CBS code 'GM9999' does not exist"),
    ("Delfd", "no gemeente named 'Delfd'; did you mean: Delft?"),
])
def test_unknown_gemeente_is_refused_on_its_row(data_copy, tmp_path, gemeente, message):
    rows = _elements(["Stichting Voorbeeld", "Organisatie", "onbekend", "Delft", "", "004", "Delft"],
                     ["Stichting Twee", "Organisatie", "onbekend", gemeente, "", "004", "Delft"])
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx", rows, [CONNECTIONS[0]]), data=data_copy)
    p = next(p for p in info.value.problems if "Gemeente column" in p.message)
    assert p.file.endswith("s.xlsx#Elements") and p.line == 3 and message in p.message and p.hint


def test_award_takes_its_year_from_the_jaar_column(data_copy, tmp_path, optional_seeds):
    rows = _elements(["Gouden Gemeente Delft (import)", "Onderscheiding", "", "gemeente Delft", 2017, "004",
                      "Gouden Gemeente Delft"])
    granted = [["From", "To", "Type", "Source", "Quote"],
               ["Gouden Gemeente Delft (import)", "organisatie/sociaal-werk-nederland", "toegekend_door", "004",
                "Gouden Gemeente Delft"]]
    out = data_copy / "curated" / "import.yaml"
    import_spreadsheet(_xlsx(tmp_path / "s.xlsx", rows, granted), output=out, data=data_copy, seeds=optional_seeds)
    text = out.read_text(encoding="utf-8")
    assert "ontvanger: gemeente/gm0503" in text and "jaar: '2017'" in text


def test_award_without_year_points_at_its_row(data_copy, tmp_path):
    rows = _elements(["Gouden Gemeente Delft (import)", "Onderscheiding", "", "Delft", "", "004", "Delft"])
    with pytest.raises(InputError) as info:
        import_spreadsheet(_xlsx(tmp_path / "s.xlsx", rows, [CONNECTIONS[0]]), data=data_copy)
    p = info.value.problems[0]
    assert p.line == 2 and "Jaar column" in p.message and "2017" in p.hint


def test_connection_to_a_gemeente_by_name(data_copy, tmp_path):
    from graph.build import read_all_records
    from graph.importer import gemeente_index
    from graph.sources import read_spreadsheet

    connections = [CONNECTIONS[0], ["Stichting Voorbeeld", "gemeente Delft", "werkt_samen_met", "004", "Delft"]]
    sheet = _xlsx(tmp_path / "s.xlsx", ELEMENTS, connections)
    records = read_spreadsheet(sheet, gemeenten=gemeente_index(read_all_records(data_copy)))
    assert records[-1].fields["werkt_samen_met"] == "gemeente/gm0503"


def test_a_million_empty_rows_are_refused_before_reading(tmp_path, data_copy):
    wb = Workbook()
    ws = wb.active
    ws.title = "Elements"
    ws.append(ELEMENTS[0])
    ws.append(ELEMENTS[1])
    ws.cell(row=1_000_000, column=1, value=" ")  # the sheet now spans a million rows
    wb.create_sheet("Connections").append(CONNECTIONS[0])
    wb.save(tmp_path / "big.xlsx")
    with pytest.raises(InputError) as info:
        import_spreadsheet(tmp_path / "big.xlsx", data=data_copy)
    p = info.value.problems[0]
    assert "1000000 rows, more than the limit" in p.message and "empty rows" in p.hint


def test_a_csv_past_the_row_limit_is_refused(tmp_path, data_copy, monkeypatch):
    monkeypatch.setenv("KENNISGRAAF_MAX_SHEET_ROWS", "5")
    rows = [ELEMENTS[0]] + [ELEMENTS[1]] * 10
    with pytest.raises(InputError) as info:
        import_spreadsheet(_csv(tmp_path / "e.csv", rows), _csv(tmp_path / "c.csv", [CONNECTIONS[0]]), data=data_copy)
    assert "more than the limit of 5" in str(info.value)
