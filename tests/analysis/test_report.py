"""The HTML report: every data value escaped, nothing that loads from elsewhere, Dutch, charts inline."""

from __future__ import annotations

import re

from graph.analysis.fixtures import example_records, example_sources
from graph.build import assemble
from graph.report import report_html, write_profiles
from graph.store import KnowledgeGraph

EVIL = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def _evil_kg():
    records = example_records()
    for r in records:
        if r.fields.get("id") == "organisatie/a":
            r.fields["label"] = EVIL
    records[0].fields["label"] = "Gemeente <b>Een</b>"
    from graph.sources.records import Record

    records.append(Record(file="voorbeeld.yaml", line=99, default_source="T1", fields={
        "id": "onderscheiding/x", "type": "Onderscheiding", "ontvanger": "gemeente/gm0001", "jaar": 2017,
        "voorgedragen_door": "organisatie/a", "quote": "voorbeeldtekst"}))
    quads, _ = assemble(records, example_sources())
    return KnowledgeGraph.from_quads(quads)


def test_every_value_escaped():
    page = report_html(_evil_kg())
    assert "<script" not in page and "onerror=" not in page.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in page and "Gemeente &lt;b&gt;Een&lt;/b&gt;" in page
    assert "<b>Een</b>" not in page


def test_offline_and_dutch(kg):
    page = report_html(kg)
    assert '<html lang="nl">' in page and "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page)
    assert page.count("<svg") >= 3 and "niet vermeld" in page
    assert "Delft" in page and "Kwadraad" in page


def test_profiles_csv_and_excel(kg, tmp_path):
    import pandas as pd

    csv = write_profiles(kg, tmp_path / "p.csv")
    xlsx = write_profiles(kg, tmp_path / "p.xlsx")
    a, b = pd.read_csv(csv), pd.read_excel(xlsx)
    assert list(a["gemeente"]) == list(b["gemeente"]) and len(a) == 21
    assert (a.set_index("gemeente").loc["Ede", "organisaties"]) == "niet vermeld"
