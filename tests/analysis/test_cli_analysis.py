"""The analysis commands of kennisgraaf: output, formats, exit codes, and no traceback on bad names."""

from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest

from graph.cli import main


@pytest.fixture
def run(built, capsys):
    def _run(*argv):
        code = main([*argv, "--graph", str(built.output)] if argv[0] != "export" else
                    [*argv, "--graph", str(built.output)])
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def test_partners_table_and_json(run):
    code, out, _ = run("partners", "Delftvoor Elkaar")
    assert code == 0 and "Partners van Delft voor Elkaar: 9 bij naam genoemd" in out
    code, out, _ = run("partners", "delft voor elkaar", "--format", "json")
    rows = json.loads(out)
    assert {r["partner"] for r in rows} >= {"Participe", "Kwadraad", "Ouderenfederatie"}


def test_partners_de_toegang_names_none(run):
    code, out, _ = run("partners", "De Toegang")
    assert code == 0 and "geen partners bij naam" in out and "16 organisaties" in out


@pytest.mark.parametrize(("name", "expected"), [("Kwadrat", "Kwadraad"), ("MEE", "organisatie/mee-delft")])
def test_unknown_and_ambiguous_names(run, name, expected):
    code, out, err = run("partners", name)
    assert code == 2 and expected in err and "Traceback" not in err and not out


def test_path(run):
    code, out, _ = run("path", "Kwadraad", "organisatie/mee-delft")
    assert code == 0 and "Kwadraad en MEE nemen beide deel aan Delft voor Elkaar" in out


def test_central_csv(run):
    code, out, _ = run("central", "--top", "3", "--format", "csv")
    from io import StringIO

    df = pd.read_csv(StringIO(out))
    assert code == 0 and len(df) == 3 and "pagerank" in df.columns


@pytest.mark.parametrize("argv", [["communities"], ["brokers"], ["profile", "Wageningen"],
                                  ["compare", "Delft", "Wageningen"], ["compare", "Delft", "Aalten", "--similarity"],
                                  ["which", "geen-wijkteams"]])
def test_commands_run(run, argv):
    code, out, err = run(*argv)
    assert code == 0 and out.strip(), err


def test_profile_niet_vermeld(run):
    code, out, _ = run("profile", "Ede", "--format", "json")
    row = json.loads(out)[0]
    assert row["organisaties"] == "niet vermeld" and row["gouden_gemeente"] == "2015"


def test_report_and_profiles(run, tmp_path):
    html = tmp_path / "r.html"
    code, _, _ = run("report", "-o", str(html), "--excel", str(tmp_path / "p.xlsx"), "--csv", str(tmp_path / "p.csv"))
    assert code == 0
    page = html.read_text()
    assert "<script" not in page and "Content-Security-Policy" in page and "<svg" in page
    assert pd.read_excel(tmp_path / "p.xlsx").shape[0] == 21
    assert pd.read_csv(tmp_path / "p.csv").shape[0] == 21


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf),
                                             ("nodelink", lambda p: nx.node_link_graph(json.load(open(p)),
                                                                                       edges="edges"))])
def test_export_graph_formats(run, tmp_path, fmt, reader):
    path = tmp_path / f"g.{fmt}"
    code, _, err = run("export", "--format", fmt, "-o", str(path))
    assert code == 0, err
    G = reader(path)
    assert G.number_of_nodes() > 40 and any(d.get("label") == "Kwadraad" for _, d in G.nodes(data=True))


def test_export_kumu_and_rdf_still_works(run, tmp_path):
    code, _, err = run("export", "--format", "kumu", "-o", str(tmp_path / "kg"))
    assert code == 0 and (tmp_path / "kg-elements.csv").exists() and (tmp_path / "kg-connections.csv").exists()
    code, _, err = run("export", "--format", "ttl", "-o", str(tmp_path / "kg.ttl"))
    assert code == 0 and (tmp_path / "kg.ttl").stat().st_size > 1000
    code, _, err = run("export", "--format", "kumu")
    assert code == 2 and "-o NAME" in err
