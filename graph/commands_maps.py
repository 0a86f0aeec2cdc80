"""The map commands of ``kennisgraaf``: ``map`` (one map) and ``maps`` (all maps and an index page).

Thin wrappers over :mod:`graph.views` (the networkx views of the built graph) and
:mod:`graph.maps`. :func:`register` adds them to the ``kennisgraaf`` parser.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["register", "select_map", "write_all_maps"]

SIZE_LABEL = "aantal verbindingen"
#: A map in ``maps`` needs at least one of these (not only places and awards).
ACTOR_KINDS = ("Organisatie", "Samenwerkingsverband", "Initiatief", "Voorziening", "Afspraak", "Persoon")


def _degree(G) -> dict:
    return {n: len(set(G.predecessors(n)) | set(G.successors(n))) if G.is_directed() else len(set(G[n]))
            for n in G}


def select_map(G, *, gemeente: str | None = None, organisation: str | None = None, ego=None,
               theme: str | None = None, kind: str | None = None, year: int | None = None,
               stated_only: bool = False):
    """The part of the full view one map shows, and its Dutch title.

    ``ego`` is the organisation's ego graph (from :func:`graph.views.ego_graph`) when
    ``organisation`` is given. Names are matched forgivingly (:func:`graph.maps.select.find_node`).
    """
    from graph.maps.filters import filter_view
    from graph.maps.select import find_node, gemeente_part, overview_part

    words = []
    if gemeente:
        node = find_node(G, gemeente, kinds=("Gemeente",))
        H = gemeente_part(G, node)
        words.append(f"Gemeente {G.nodes[node]['label']}")
    elif organisation:
        H = ego
        words.append(f"{G.nodes[organisation]['label']} en directe partners" if organisation in G else organisation)
    elif theme is None and kind is None and year is None:
        H = overview_part(G)
        words.append("Gouden Gemeenten: organisaties, netwerken en initiatieven")
    else:
        H = G
    if theme or kind or year or stated_only:
        H = filter_view(H, theme=theme, kind=kind, year=year, stated_only=stated_only)
    if theme:
        words.append(f"thema {theme}")
    if kind:
        words.append(f"soort {kind}")
    if year:
        words.append(f"Gouden Gemeenten {year}")
    if stated_only:
        words.append("alleen vermelde feiten")
    return H, " · ".join(words)


def _write(H, title: str, path: Path, note: str | None = None) -> None:
    from graph.maps import render_map

    render_map(H, title=title, path=path, size_by=_degree, size_label=SIZE_LABEL, note=note)


def _problem(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _target(path: Path) -> str | None:
    if path.is_dir():
        return f"cannot write {path}: it is a folder; give a file name such as {path / 'kaart.html'}"
    if not path.resolve().parent.is_dir():
        return f"cannot write {path}: the folder {path.resolve().parent} does not exist"
    return None


def cmd_map(args) -> int:
    from graph import views
    from graph.maps.select import UnknownName, find_node
    from graph.store import load

    output = Path(args.output)
    if (problem := _target(output)) is not None:
        return _problem(problem)
    kg = load(args.graph)
    G = views.full_graph(kg)
    try:
        ego = None
        organisation = None
        if args.organisation:
            organisation = find_node(G, args.organisation, kinds=("Organisatie", "Samenwerkingsverband",
                                                                   "Initiatief", "Regio", "Voorziening"))
            ego = views.ego_graph(kg, organisation, radius=1)
        H, title = select_map(G, gemeente=args.gemeente, organisation=organisation, ego=ego, theme=args.theme,
                              kind=args.kind, year=args.year, stated_only=args.stated_only)
    except UnknownName as exc:
        return _problem(str(exc))
    if not H.number_of_nodes():
        return _problem(f"nothing to draw: no entity matches ({title}); try fewer filters")
    _write(H, args.title or title, output)
    print(f"wrote {output} ({H.number_of_nodes()} nodes, {H.number_of_edges()} lines)", file=sys.stderr)
    return 0


_INDEX = """\
<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kaarten van de kennisgraaf sociaal domein</title>
<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
td,th{padding:.2em .8em .2em 0;text-align:left}td.n{text-align:right}</style></head>
<body>
<h1>Kaarten van de kennisgraaf sociaal domein</h1>
<p>Elke kaart is één HTML-bestand dat zonder internet werkt. Gestippelde lijnen zijn afgeleid, niet letterlijk
vermeld; klik op een lijn voor de bron en het citaat.</p>
{% for section, rows in sections %}
<h2>{{ section }}</h2>
<table><tr><th>kaart</th><th>punten</th><th>lijnen</th></tr>
{% for row in rows %}<tr><td><a href="{{ row.file }}">{{ row.title }}</a></td><td class="n">{{ row.nodes }}</td>
<td class="n">{{ row.edges }}</td></tr>
{% endfor %}</table>
{% endfor %}
</body>
</html>
"""


def write_all_maps(kg, out: Path, *, progress=None) -> list[dict]:
    """Write every map (overview, per Gouden Gemeente year, per gemeente, per organisation, per theme,
    stated facts only) and ``index.html`` into ``out``; return one row per map."""
    from jinja2 import Environment

    from graph import views
    from graph.maps.filters import filter_view
    from graph.maps.select import gemeente_part, overview_part, slug

    G = views.full_graph(kg)
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    used: set[str] = set()

    def add(section: str, title: str, stem: str, H) -> None:
        # A map of only places (a gemeente and its provincie) tells nothing about cooperation.
        if not any(d.get("kind") in ACTOR_KINDS for _, d in H.nodes(data=True)) or H.number_of_nodes() < 2:
            return
        name, k = f"{stem}.html", 2
        while name in used:
            name, k = f"{stem}-{k}.html", k + 1
        used.add(name)
        _write(H, title, out / name)
        rows.append({"section": section, "title": title, "file": name, "nodes": H.number_of_nodes(),
                     "edges": H.number_of_edges()})
        if progress:
            progress(f"{name}: {H.number_of_nodes()} punten")

    add("Overzicht", "Gouden Gemeenten: organisaties, netwerken en initiatieven", "overzicht", overview_part(G))
    add("Overzicht", "Gouden Gemeenten: alleen vermelde feiten", "overzicht-vermeld",
        filter_view(overview_part(G), stated_only=True))
    years = sorted({y for _, d in G.nodes(data=True) for y in d.get("awards") or []})
    for year in years:
        add("Per jaar", f"Gouden Gemeenten {year}", f"gouden-gemeenten-{year}", overview_part(G, years=(year,)))
    by_label = lambda nodes: sorted(nodes, key=lambda n: (G.nodes[n]["label"].casefold(), n))  # noqa: E731
    for n in by_label(n for n, d in G.nodes(data=True) if d.get("kind") == "Gemeente"):
        add("Per gemeente", f"Gemeente {G.nodes[n]['label']}", f"gemeente-{slug(G.nodes[n]['label'])}",
            gemeente_part(G, n))
    for n in by_label(n for n, d in G.nodes(data=True) if d.get("kind") == "Organisatie"):
        add("Per organisatie", f"{G.nodes[n]['label']} en directe partners",
            f"organisatie-{slug(G.nodes[n]['label'])}", views.ego_graph(kg, n, radius=1))
    themes = sorted({t for _, d in G.nodes(data=True) for t in d.get("themes") or []}, key=str.casefold)
    for theme in themes:
        add("Per thema", f"Thema {theme}", f"thema-{slug(theme)}", filter_view(G, theme=theme))
    sections: dict[str, list[dict]] = {}
    for row in rows:
        sections.setdefault(row["section"], []).append(row)
    page = Environment(autoescape=True).from_string(_INDEX).render(sections=list(sections.items()))
    (out / "index.html").write_text(page, encoding="utf-8")
    return rows


def cmd_maps(args) -> int:
    from graph.store import load

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _problem(f"cannot write maps into {out}: it is a file; give a folder")
    if not out.resolve().parent.is_dir():
        return _problem(f"cannot write maps into {out}: the folder {out.resolve().parent} does not exist")
    kg = load(args.graph)
    say = (lambda msg: None) if args.quiet else (lambda msg: print(f"  {msg}", file=sys.stderr, flush=True))
    rows = write_all_maps(kg, out, progress=say)
    print(f"wrote {len(rows)} maps and {out / 'index.html'}", file=sys.stderr)
    return 0


def register(sub) -> None:
    """Add ``map`` and ``maps`` to the subcommands of the ``kennisgraaf`` parser."""
    sp = sub.add_parser(
        "map", help="write one interactive network map (self-contained HTML)",
        description="Write an interactive map of the built graph as one HTML file that works offline. Without "
                    "--gemeente or --organisation: the Gouden Gemeenten with their organisations, networks and "
                    "initiatives. Filters combine; names are matched forgivingly (case, accents, 'gemeente').")
    pick = sp.add_mutually_exclusive_group()
    pick.add_argument("--gemeente", help="a gemeente with everything placed in it, e.g. Delft")
    pick.add_argument("--organisation", "--organisatie", dest="organisation",
                      help="an organisation, network or initiative with its direct partners (ego network)")
    sp.add_argument("--theme", "--thema", dest="theme", help="only what has this theme and its neighbours")
    sp.add_argument("--kind", "--soort", dest="kind",
                    help="only entities of this kind (Organisatie, Initiatief, ...) or organisation kind "
                         "(sociaalwerkorganisatie, ...) and their neighbours")
    sp.add_argument("--year", "--jaar", dest="year", type=int, help="the Gouden Gemeenten of this award year")
    sp.add_argument("--stated-only", action="store_true", help="leave out what is only inferred")
    sp.add_argument("--title", help="title of the map (default: from the choices above)")
    sp.add_argument("-o", "--output", required=True, help="HTML file to write, e.g. delft.html")
    sp.add_argument("--graph", type=Path, help="built graph (default: output/kennisgraaf.nq)")
    sp.set_defaults(func=cmd_map)

    sp = sub.add_parser("maps", help="write all maps and an index page into a folder",
                        description="Write the overview, a map per award year, gemeente, organisation and "
                                    "theme, and index.html that links them, into one folder.")
    sp.add_argument("--out", required=True, help="folder to write into (created if missing)")
    sp.add_argument("--graph", type=Path, help="built graph (default: output/kennisgraaf.nq)")
    sp.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    sp.set_defaults(func=cmd_maps)
