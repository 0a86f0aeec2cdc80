"""The README's examples run: its SPARQL returns what the text says it does."""

from __future__ import annotations

import re

from graph.settings import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_readme_has_a_provenance_query():
    assert any("sd:citaat" in q and "prov:wasDerivedFrom" in q for q in _blocks("sparql"))


def test_every_readme_sparql_query_answers(kg):
    for query in _blocks("sparql"):
        assert len(kg.query(query)) > 0, query


def test_provenance_example_row(kg):
    """The row the README quotes as an example answer is in the answer."""
    query = next(q for q in _blocks("sparql") if "sd:citaat" in q)
    df = kg.query(query).astype(str)
    row = df[(df.organisatie == "Participe") & (df.netwerk == "Delft voor Elkaar") & (df.rol == "penvoerder")]
    assert not row.empty
    assert "Melissa Jansen (projectdirecteur van penvoerder Participe)" in row.citaten.iloc[0]
    assert "004" in row.bronnen.iloc[0] and "afgeleid" in row.statussen.iloc[0]


def test_provenance_query_gives_one_row_per_membership_in_a_stable_order(kg):
    query = next(q for q in _blocks("sparql") if "sd:citaat" in q)
    df = kg.query(query).astype(str)
    assert not df.duplicated(["netwerk", "organisatie", "rol"]).any()
    keys = list(zip(df.netwerk, df.organisatie, df.rol, strict=True))
    assert keys == sorted(keys)
    assert kg.query(query).astype(str).equals(df)


def test_readme_spreadsheet_example_imports(data_copy, tmp_path, optional_seeds):
    """The complete small example in the README imports as it stands, with its source registered."""
    import shutil

    from graph.importer import import_spreadsheet

    elements, connections = (re.search(rf"`{name}`\n```csv\n(.*?)```", README, flags=re.S).group(1)
                             for name in ("elements.csv", "connections.csv"))
    (tmp_path / "elements.csv").write_text(elements, encoding="utf-8")
    (tmp_path / "connections.csv").write_text(connections, encoding="utf-8")
    quote = elements.splitlines()[1].rsplit(";", 1)[1]
    with (data_copy / "sources.yaml").open("a", encoding="utf-8") as fh:
        fh.write('\n- id: mijn-bron\n  kind: seed\n  file: mijn-bron.txt\n  title: "Voorbeeldbron"\n')
    seeds = None
    if optional_seeds:
        seeds = tmp_path / "seeds"
        shutil.copytree(optional_seeds, seeds)
        (seeds / "mijn-bron.txt").write_text(f"Een voorbeeldtekst. {quote}\n", encoding="utf-8")
    out = data_copy / "curated" / "voorbeeld.yaml"
    msg = import_spreadsheet(tmp_path / "elements.csv", tmp_path / "connections.csv", output=out, data=data_copy,
                             seeds=seeds)
    assert "5 records imported" in msg
    text = out.read_text(encoding="utf-8")
    assert text.count("gemeente/gm0193") == 3  # "gemeente Zwolle", "GM0193" and "Zwolle" are one gemeente
