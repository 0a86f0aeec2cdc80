"""The kennisgraaf command line, run as users run it."""

import json
import subprocess
import sys

import pytest

from graph.cli import build_parser, main

COMMANDS = ["build", "validate", "stats", "query", "export", "import", "map", "maps", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: kennisgraaf " + command in capsys.readouterr().out


def test_every_subcommand_is_listed():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)


def test_python_dash_m_graph_works():
    out = subprocess.run([sys.executable, "-m", "graph", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("kennisgraaf ")


def test_query_table_csv_json(built, capsys):
    q = "SELECT ?naam WHERE { ?g sd:cbsCode 'GM0503' ; rdfs:label ?naam }"
    assert main(["query", q, "--graph", str(built.output)]) == 0
    assert "Delft" in capsys.readouterr().out
    assert main(["query", q, "--graph", str(built.output), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["naam", "Delft"]
    assert main(["query", q, "--graph", str(built.output), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"naam": "Delft"}]


def test_query_from_file_and_ask(built, tmp_path, capsys):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?g sd:cbsCode 'GM0545' ; schema:dissolutionDate ?d }")
    assert main(["query", "--file", str(f), "--graph", str(built.output)]) == 0
    assert capsys.readouterr().out.strip() == "yes"


def test_invalid_sparql_is_a_clear_error(built, capsys):
    assert main(["query", "SELECT * WHERE { ?s ?p }", "--graph", str(built.output)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: invalid SPARQL at line 1, column 25") and err.count("\n") == 1
    assert main(["query", "SELEKT nonsense", "--graph", str(built.output)]) == 2
    assert "not a query" in capsys.readouterr().err


def test_query_limits_are_clear_errors(built, capsys):
    many = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
    assert main(["query", many, "--max-rows", "10", "--graph", str(built.output)]) == 2
    assert "more than 10 rows" in capsys.readouterr().err
    assert main(["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                 "--graph", str(built.output)]) == 2
    assert "SERVICE is not allowed" in capsys.readouterr().err


def test_missing_build_says_what_to_do(tmp_path, capsys):
    assert main(["stats", "--graph", str(tmp_path / "nothing")]) == 2
    assert "kennisgraaf build" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "jsonld"])
def test_export_includes_the_ontology(built, tmp_path, fmt):
    import pyoxigraph as ox

    from graph.store import FORMATS

    target = tmp_path / f"export.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(target), "--graph", str(built.output)]) == 0
    terms = {str(q.subject) for q in ox.parse(path=str(target), format=FORMATS[fmt][0])}
    assert "<https://w3id.org/sociaal-domein/def#Gemeente>" in terms
    assert "<https://w3id.org/sociaal-domein/id/gemeente/gm0503>" in terms


def test_stats_table_and_json(built, capsys):
    assert main(["stats", "--graph", str(built.output)]) == 0
    out = capsys.readouterr().out
    assert "2015 (10)" in out and "2017 (11)" in out and "gemeenten" in out
    assert "352 gemeenten van de CBS-lijst 2021 plus Leerdam, Vianen en Zederik" in out
    assert "sd:" not in out and "foaf:" not in out
    assert main(["stats", "--graph", str(built.output), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["gouden_gemeenten"]) == 21


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_stats_table_is_honoured_in_every_format(built, capsys, fmt):
    assert main(["stats", "--graph", str(built.output), "--format", fmt, "--table", "gemeenten"]) == 0
    out = capsys.readouterr().out
    assert "Zederik" in out and "Gouden Gemeenten" not in out and "Almere" not in out


def test_validate_command(capsys, optional_seeds):
    seeds = ["--seeds", str(optional_seeds)] if optional_seeds else []
    assert main(["validate", *seeds, "-q"]) == 0
    out = capsys.readouterr().out
    if optional_seeds:
        assert "valid: SHACL shapes passed; all" in out
    else:  # never "valid" when quotes were not checked
        assert "Validation: no problems found in what was checked" in out and "NOT checked" in out
        assert "--seeds DIR" in out


def test_validation_without_the_texts_does_not_say_valid(capsys):
    assert main(["validate", "-q", "--no-shacl"]) == 0
    out = capsys.readouterr().out
    assert "valid:" not in out and "NOT checked" in out and "SHACL shapes NOT checked" in out


def test_validate_with_a_missing_seeds_folder_fails(capsys, tmp_path):
    assert main(["validate", "--seeds", str(tmp_path / "nowhere"), "-q", "--no-shacl"]) == 1
    err = capsys.readouterr().err
    assert "seeds folder" in err and "nowhere" in err


def test_stats_csv_is_one_table(built, capsys):
    import csv
    import io

    assert main(["stats", "--graph", str(built.output), "--format", "csv"]) == 2
    assert "--table" in capsys.readouterr().err
    assert main(["stats", "--graph", str(built.output), "--format", "csv", "--table", "gouden_gemeenten"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 21 and {"jaar", "ontvanger", "cbs_code"} <= set(rows[0])


def test_query_json_and_construct(built, capsys):
    q = "SELECT ?g WHERE { ?g sd:cbsCode 'GM0503' }"
    assert main(["query", q, "--format", "json", "--graph", str(built.output)]) == 0
    out = capsys.readouterr().out
    assert "https://w3id.org/sociaal-domein/id/gemeente/gm0503" in out and "\\/" not in out
    construct = "CONSTRUCT { ?g rdfs:label ?l } WHERE { ?g sd:cbsCode 'GM0503' ; rdfs:label ?l }"
    assert main(["query", construct, "--graph", str(built.output)]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("<https://w3id.org/sociaal-domein/id/gemeente/gm0503> <") and line.endswith(" .")


def test_export_to_a_missing_folder_names_it(built, tmp_path, capsys):
    target = tmp_path / "nowhere" / "x.nq"
    assert main(["export", "--format", "nq", "-o", str(target), "--graph", str(built.output)]) == 2
    assert str(tmp_path / "nowhere") in capsys.readouterr().err


def test_export_refuses_a_folder_or_a_mismatched_extension(built, tmp_path, capsys):
    assert main(["export", "--format", "nq", "-o", str(tmp_path), "--graph", str(built.output)]) == 2
    assert "folder" in capsys.readouterr().err
    target = tmp_path / "x.nq"
    assert main(["export", "--format", "ttl", "-o", str(target), "--graph", str(built.output)]) == 2
    assert "--format nq" in capsys.readouterr().err and not target.exists()
