"""Bad input: a clear message (file, line, entity, what, how to fix), exit 1, nothing replaced."""

import shutil
import textwrap

import pytest

from graph.build import build
from graph.cli import main
from graph.errors import InputError
from graph.settings import ROOT


def _add(data, text, name="extra.yaml"):
    (data / "curated" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return f"curated/{name}"


def _problems(data, seeds=None, **kw):
    with pytest.raises(InputError) as info:
        build(data=data, output=data.parent / "out", seeds=seeds, shacl=kw.get("shacl", False))
    return info.value.problems


def _one(problems, needle):
    hits = [p for p in problems if needle in p.message]
    assert hits, [str(p) for p in problems]
    return hits[0]


def test_malformed_yaml_names_file_and_line(data_copy):
    _add(data_copy, """\
        records:
          - id: organisatie/x
            type: Organisatie
             label: "broken indent
        """)
    p = _one(_problems(data_copy), "malformed YAML")
    assert p.file.endswith("curated/extra.yaml") and p.line in (3, 4)
    assert p.hint


def test_malformed_turtle_names_file_and_line(tmp_path, monkeypatch):
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    path = onto / "begrippen.ttl"
    path.write_text(path.read_text(encoding="utf-8") + '\n<a> <b> "unterminated .\n', encoding="utf-8")
    monkeypatch.setenv("KENNISGRAAF_ONTOLOGY", str(onto))
    with pytest.raises(InputError) as info:
        build(output=tmp_path / "out", shacl=False)
    p = info.value.problems[0]
    assert "malformed Turtle" in p.message and p.file.endswith("begrippen.ttl") and p.line


def test_malformed_csv_names_row(data_copy):
    csv = data_copy / "reference" / "cbs-gemeenten-2021.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    lines[5] = "0482,GM0482,Alblasserdam,28"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = _one(_problems(data_copy), "expected 6 fields")
    assert p.line == 6


def test_invalid_cbs_code(data_copy):
    _add(data_copy, """\
        source: "004"
        records:
          - id: gemeente/gm9999
            type: Gemeente
            label: Nergenshuizen
            cbs_code: GM99
            quote: "Aalten"
        """)
    p = _one(_problems(data_copy), "invalid CBS code")
    assert p.entity == "gemeente/gm9999" and p.line == 6 and "GM0503" in p.hint


def test_unknown_reference(data_copy):
    _add(data_copy, """\
        source: "004"
        records:
          - about: gemeente/gm0503
            werkt_samen_met: organisatie/bestaat-niet
            quote: "Delft"
        """)
    p = _one(_problems(data_copy), "unknown reference 'organisatie/bestaat-niet'")
    assert p.line == 4 and p.entity == "gemeente/gm0503"


def test_duplicate_identifier(data_copy):
    _add(data_copy, """\
        source: "004"
        records:
          - id: organisatie/kwadraad
            type: Organisatie
            label: Kwadraad
            quote: "Kwadraad"
        """)
    p = _one(_problems(data_copy), "duplicate identifier")
    assert "curated/delft.yaml" in p.message and "about:" in p.hint


def test_missing_source(data_copy):
    _add(data_copy, """\
        records:
          - about: gemeente/gm0503
            thema: armoede
            quote: "Delft"
        """)
    _one(_problems(data_copy), "missing source")


def test_unknown_source(data_copy):
    _add(data_copy, """\
        source: "999"
        records:
          - about: gemeente/gm0503
            thema: armoede
            quote: "Delft"
        """)
    p = _one(_problems(data_copy), "unknown source")
    assert "004" in p.hint


def test_missing_quote(data_copy):
    _add(data_copy, """\
        source: "004"
        records:
          - about: gemeente/gm0503
            thema: armoede
        """)
    _one(_problems(data_copy), "missing quote")


def test_quote_not_found_in_its_source(data_copy, seeds_dir):
    _add(data_copy, """\
        source: "004"
        records:
          - about: gemeente/gm0503
            thema: armoede
            quote: "Delft heeft het mooiste stadhuis van Nederland"
        """)
    p = _one(_problems(data_copy, seeds=seeds_dir), "quote not found")
    assert p.file.endswith("extra.yaml") and p.line == 3 and p.entity == "gemeente/gm0503"


def test_unknown_organisation_kind(data_copy):
    _add(data_copy, """\
        source: "004"
        records:
          - id: organisatie/nieuw
            type: Organisatie
            label: Nieuw
            soort: zorginstelling
            quote: "Kwadraad"
        """)
    p = _one(_problems(data_copy), "unknown organisation kind 'zorginstelling'")
    assert "sociaalwerkorganisatie" in p.hint


def test_html_in_label_is_kept_as_text(data_copy, tmp_path):
    evil = '<script>alert("x")</script> & <b>Welzijn</b>'
    _add(data_copy, f"""\
        source: "004"
        records:
          - id: organisatie/html-test
            type: Organisatie
            label: '{evil}'
            soort: onbekend
            quote: "Kwadraad"
        """)
    result = build(data=data_copy, output=tmp_path / "out", shacl=False)
    df = result.kg.query("""SELECT ?l WHERE {
        <https://w3id.org/sociaal-domein/id/organisatie/html-test> rdfs:label ?l }""")
    assert df.l.tolist() == [evil]


def _snapshot(out):
    """What a reader of the output folder sees: each file's bytes, through the links."""
    from graph.publish import BUILD_FILES

    return {name: (out / name).read_bytes() for name in BUILD_FILES}


def test_failed_build_keeps_previous_output(data_copy, tmp_path, capsys):
    out = tmp_path / "out"
    build(data=data_copy, output=out, shacl=False)
    before = _snapshot(out)
    _add(data_copy, "records:\n  - about: gemeente/gm0503\n    thema: onzin\n    source: '004'\n    quote: Delft\n")
    code = main(["build", "--data", str(data_copy), "--output", str(out), "--no-shacl", "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert "extra.yaml:3" in err and "unknown thema concept 'onzin'" in err and "how to fix" in err
    assert _snapshot(out) == before
    assert len(list((out / "builds").iterdir())) == 1


def test_build_refuses_a_folder_it_did_not_write(data_copy, tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("do not delete")
    code = main(["build", "--data", str(data_copy), "--output", str(mine), "--no-shacl", "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "notes.txt" in err and "how to fix" in err
    assert (mine / "notes.txt").read_text() == "do not delete"
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_build_into_the_current_folder(data_copy, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["build", "--data", str(data_copy), "--output", ".", "--no-shacl", "-q"]) == 0
    assert (here / "kennisgraaf.nq").exists()
    assert main(["build", "--data", str(data_copy), "--output", ".", "--no-shacl", "-q"]) == 0  # again


def test_a_folder_in_place_of_an_output_file_replaces_nothing(data_copy, tmp_path, capsys):
    out = tmp_path / "out"
    build(data=data_copy, output=out, shacl=False)
    (out / "kennisgraaf.ttl").unlink()
    (out / "kennisgraaf.ttl").mkdir()
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    target = (out / "current").resolve()
    assert main(["build", "--data", str(data_copy), "--output", str(out), "--no-shacl", "-q"]) == 1
    assert "a folder stands where the build links a file" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert (out / "current").resolve() == target


def test_issued_must_be_a_date(data_copy):
    path = data_copy / "sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('issued: "2017-03-12"', 'issued: "12-03-2017"'),
                    encoding="utf-8")
    p = _one(_problems(data_copy), "'issued' is not a date")
    assert p.file.endswith("sources.yaml") and p.line and p.entity == "004" and "YYYY-MM-DD" in p.hint


def test_two_records_stating_one_fact_get_a_claim_each(data_copy, seeds_dir):
    """The claim of each record names that record, so a bad quote is blamed on its own line."""
    text = """\
        source: "004"
        records:
          - about: gemeente/gm0503
            thema: armoede
            quote: "Delft"
          - about: gemeente/gm0503
            thema: armoede
            quote: "niet in de tekst"
        """
    _add(data_copy, text)
    problems = [p for p in _problems(data_copy, seeds=seeds_dir) if "quote not found" in p.message]
    assert [(p.file.rsplit("/", 1)[-1], p.line) for p in problems] == [("extra.yaml", 6)]


def test_messages_name_the_files_actually_read(data_copy, capsys):
    """With --data DIR, every path in a message is a file in DIR (not the project's data/)."""
    (data_copy / "reference" / "cbs-gemeenten-2021.csv").write_text("kapot\n", encoding="utf-8")
    _add(data_copy, "records:\n  - about: gemeente/gm0503\n    thema: onzin\n    source: '004'\n    quote: Delft\n")
    assert main(["validate", "--data", str(data_copy), "-q", "--no-shacl"]) == 1
    err = capsys.readouterr().err
    assert f"{data_copy}/reference/cbs-gemeenten-2021.csv:1" in err
    assert "data/reference/cbs-gemeenten-2021.csv" not in err.replace(str(data_copy), "DIR")
