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
    assert "Melissa Jansen (projectdirecteur van penvoerder Participe)" in set(row.citaat)
    assert {"004"} <= set(row.bron) and "afgeleid" in set(row.status)
