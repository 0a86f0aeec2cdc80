"""The Gouden Gemeenten report: one self-contained HTML page in Dutch, plus the profiles as CSV or Excel.

Charts are drawn with matplotlib as inline SVG (text drawn as paths, no fonts or
scripts to fetch); a Content-Security-Policy forbids every request, so the page
opens offline and nothing leaves it. Every data value is escaped.
"""

from __future__ import annotations

import html
import io
from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd

__all__ = ["report_html", "write_report", "write_profiles", "svg_bar_chart"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = """
body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.7rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}td,th{border:1px solid #ccc;padding:.25rem .45rem;
vertical-align:top;text-align:left}th{background:#f3f3f3}.leeg{color:#888;font-style:italic}.afgeleid{color:#8a4b00}
figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}.noot{font-size:.85rem;color:#555}
"""


def _e(value) -> str:
    """Escape one value for HTML (quotes too)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:.4f}")
    return html.escape(str(value), quote=True)


def _cell(value) -> str:
    text = _e(value)
    if text == "niet vermeld":
        return '<td class="leeg">niet vermeld</td>'
    if "(afgeleid)" in text:
        text = text.replace("(afgeleid)", '<span class="afgeleid">(afgeleid)</span>')
    return f"<td>{text}</td>"


def _table(df: pd.DataFrame, columns: dict[str, str]) -> str:
    """An HTML table of ``df``'s ``columns`` (name -> Dutch header); every value escaped."""
    if not len(df):
        return '<p class="leeg">Geen gegevens in de bronnen.</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in columns.values())
    rows = "".join("<tr>" + "".join(_cell(r[c]) for c in columns) + "</tr>" for _, r in df.iterrows())
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def svg_bar_chart(labels: list[str], series: dict[str, list[float]], title: str, xlabel: str = "") -> str:
    """A horizontal (stacked) bar chart as an inline ``<svg>`` element (matplotlib; text drawn as paths).

    Examples
    --------
    >>> svg = svg_bar_chart(["A", "B"], {"aantal": [1, 2]}, "Voorbeeld")
    >>> svg.startswith("<svg"), "<script" in svg, 'href="http' in svg, "<metadata" in svg
    (True, False, False, False)
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "kennisgraaf", "font.size": 9}):
        fig, ax = plt.subplots(figsize=(7.5, 0.32 * max(len(labels), 3) + 1.1))
        left = [0.0] * len(labels)
        colours = ["#2f6f9f", "#d08c2d", "#7a9e3c", "#9c4f96"]
        for i, (name, values) in enumerate(series.items()):
            ax.barh(labels, values, left=left, label=name, color=colours[i % len(colours)])
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.invert_yaxis()
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        if len(series) > 1:
            ax.legend(loc="lower right", frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    text = buf.getvalue()
    svg = text[text.index("<svg"):]
    # the RDF metadata block names vocabularies by URL; the drawing does not need it
    start, end = svg.find("<metadata>"), svg.find("</metadata>")
    if start != -1 and end != -1:
        svg = svg[:start] + svg[end + len("</metadata>"):]
    return svg


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption></figure>"


def report_html(kg, *, seed: int = 0, today: date | None = None) -> str:
    """The whole report as one HTML string (Dutch).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> page = report_html(example_kg(), today=date(2026, 1, 1))
    >>> "<script" in page, "Content-Security-Policy" in page, "Gemeente Een" in page  # via the dementie question
    (False, True, True)
    """
    from graph.analysis.brokers import brokers
    from graph.analysis.centrality import centrality
    from graph.analysis.communities import communities
    from graph.analysis.compare import QUESTIONS, similarity, which_gemeenten
    from graph.analysis.profiles import profiles
    from graph.views import cooperation_graph

    today = today or date.today()
    prof = profiles(kg)
    coop = cooperation_graph(kg)
    stated = cooperation_graph(kg, stated_only=True)
    central = centrality(coop, kinds=("Organisatie",), top=15)
    brok = brokers(coop)
    comm = communities(coop, seed=seed)
    sim = similarity(prof).head(10)
    parts: list[str] = []
    n_inf = sum(1 for *_, d in coop.edges(data=True) if d["inferred"])
    parts.append(f"""<h1>Gouden Gemeenten: wie werkt met wie</h1>
<p>Rapport van de kennisgraaf sociaal domein, gemaakt op {_e(today.isoformat())}. Elk feit komt uit een brondocument
met een letterlijk citaat. Wat een bron niet zegt staat er als <span class="leeg">niet vermeld</span>; wat uit een
bron is afgeleid maar er niet letterlijk staat, is gemarkeerd als <span class="afgeleid">(afgeleid)</span>.</p>
<p>De samenwerkingsgraaf telt {coop.number_of_nodes()} organisaties, gemeenten en regio's en
{coop.number_of_edges()} samenwerkingsrelaties; {n_inf} daarvan rusten alleen op afgeleide feiten. Met alleen
vermelde feiten blijven er {stated.number_of_edges()} over.</p>""")

    parts.append("<h2>De Gouden Gemeenten</h2>")
    if len(prof):
        counts = [int(v) if isinstance(v, int | float) and not pd.isna(v) else 0
                  for v in prof["aantal_organisaties"]]
        parts.append(_figure(svg_bar_chart(list(prof["gemeente"]), {"organisaties": counts},
                                           "Genoemde organisaties per Gouden Gemeente", "aantal"),
                             "Aantal organisaties dat de bronnen bij elke Gouden Gemeente noemen "
                             "(actief in de gemeente, samenwerkend, voordragend of deelnemend in haar netwerken)."))
        stated_claims = [int(b) - int(a) for a, b in zip(prof["aantal_afgeleid"], prof["aantal_beweringen"],
                                                         strict=True)]
        parts.append(_figure(svg_bar_chart(list(prof["gemeente"]),
                                           {"vermeld": stated_claims,
                                            "afgeleid": [int(a) for a in prof["aantal_afgeleid"]]},
                                           "Beweringen per Gouden Gemeente", "aantal beweringen"),
                             "Hoeveel beweringen (feit + bron + citaat) elk profiel onderbouwen, vermeld of afgeleid."))
    parts.append(_table(prof, {"gemeente": "Gemeente", "provincie": "Provincie", "gouden_gemeente": "Jaar",
                               "voorgedragen_door": "Voorgedragen door", "aantal_organisaties": "Organisaties",
                               "toegangsmodel": "Toegangsmodel", "geen_toegangsmodel": "Uitdrukkelijk geen",
                               "afspraken": "Afspraken", "themas": "Thema's", "werkprincipes": "Werkprincipes",
                               "aantallen": "Genoemde aantallen", "bronnen": "Bronnen",
                               "aantal_beweringen": "Beweringen"}))

    kinds = Counter()
    for value in prof.get("soorten_organisaties", []):
        for part in str(value).split("; "):
            if "(" in part:
                name, n = part.rsplit(" (", 1)
                kinds[name] += int(n.rstrip(")"))
    if kinds:
        top = kinds.most_common(12)
        parts.append(_figure(svg_bar_chart([k for k, _ in top], {"organisaties": [n for _, n in top]},
                                           "Soorten organisaties in de profielen", "aantal"),
                             "Mix van soorten organisaties over alle Gouden Gemeenten."))

    parts.append("<h2>Welke gemeenten ...?</h2>")
    for key, question in QUESTIONS.items():
        ans = which_gemeenten(kg, key)
        parts.append(f"<h3>{_e(question)}</h3>")
        parts.append(_table(ans, {"gemeente": "Gemeente", "via": "Waarover", "status": "Status", "bron": "Bron",
                                  "citaat": "Citaat"}))

    parts.append("<h2>Welke gemeenten lijken op elkaar?</h2>"
                 "<p class=noot>Jaccard-gelijkenis over thema's, werkprincipes, toegangsmodel en soorten partners "
                 "(de tien meest gelijke paren).</p>")
    parts.append(_table(sim, {"gemeente_a": "Gemeente A", "gemeente_b": "Gemeente B", "gelijkenis": "Gelijkenis",
                              "gedeeld": "Gedeeld", "alleen_a": "Alleen A", "alleen_b": "Alleen B"}))

    parts.append("<h2>Centrale organisaties</h2><p class=noot>In de samenwerkingsgraaf (gewogen naar het aantal "
                 "gedeelde verbanden). Lage beperking (Burt) = verbindt groepen die elkaar anders niet raken.</p>")
    if len(central):
        parts.append(_figure(svg_bar_chart(list(central["naam"]), {"PageRank": list(central["pagerank"])},
                                           "PageRank van de centrale organisaties", "PageRank"),
                             "De vijftien organisaties met de hoogste PageRank."))
    parts.append(_table(central, {"naam": "Organisatie", "graad": "Graad", "gewogen_graad": "Gewogen graad",
                                  "tussenpositie": "Tussenpositie", "pagerank": "PageRank",
                                  "eigenvector": "Eigenvector", "beperking": "Beperking"}))
    parts.append("<h2>Makelaars tussen gemeenten</h2>")
    parts.append(_table(brok, {"naam": "Organisatie", "aantal_gemeenten": "Gemeenten", "gemeenten": "Welke",
                               "tussenpositie": "Tussenpositie", "beperking": "Beperking"}))
    parts.append(f"<h2>Gemeenschappen</h2><p class=noot>Leiden-algoritme (modulariteit), seed {seed}.</p>")
    parts.append(_table(comm, {"gemeenschap": "Nr.", "grootte": "Grootte", "grootste_leden": "Grootste leden",
                               "gemeenten": "Gemeenten", "gedeelde_themas": "Gedeelde thema's",
                               "afgeleid_aandeel": "Aandeel afgeleid"}))
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Gouden Gemeenten: wie werkt met wie</title><style>{_STYLE}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


def write_profiles(kg, path: Path) -> Path:
    """The profiles as CSV (``.csv``) or an Excel workbook (``.xlsx``, sheet "Profielen")."""
    from graph.analysis.profiles import profiles

    df = profiles(kg)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        df.to_excel(path, sheet_name="Profielen", index=False)
    else:
        df.to_csv(path, index=False)
    return path


def write_report(kg, path: Path, *, excel: Path | None = None, csv: Path | None = None, seed: int = 0) -> list[Path]:
    """Write the HTML report (and the profiles as Excel and/or CSV when asked); return the files written."""
    path = Path(path)
    path.write_text(report_html(kg, seed=seed), encoding="utf-8")
    written = [path]
    for target in (excel, csv):
        if target:
            written.append(write_profiles(kg, target))
    return written
