"""The analysis commands of ``kennisgraaf`` (partners, path, central, brokers, communities, profile, compare,
which, report) and the graph formats of ``export``: thin wrappers over :mod:`graph.views`,
:mod:`graph.analysis`, :mod:`graph.exports` and :mod:`graph.report`.

:func:`register` adds them to the ``kennisgraaf`` parser.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["register", "ANALYSIS_COMMANDS", "GRAPH_EXPORT_FORMATS", "VIEWS"]

#: The commands :func:`register` adds.
ANALYSIS_COMMANDS = ("partners", "path", "central", "brokers", "communities", "profile", "compare", "which", "report")

GRAPH_EXPORT_FORMATS = ("graphml", "gexf", "kumu", "nodelink")
#: --view name -> function name in graph.views
VIEWS = {"cooperation": "cooperation_graph", "full": "full_graph", "affiliation": "affiliation_graph",
         "gemeente": "gemeente_organisation_graph"}


def _emit(df, fmt: str, columns: list[str] | None = None) -> None:
    """A DataFrame as a table (Dutch column names), CSV or JSON records on standard output."""
    import pandas as pd

    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        print(json.dumps(json.loads(df.to_json(orient="records", force_ascii=False)), ensure_ascii=False, indent=2))
    else:
        shown = df[columns] if columns else df
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250,
                               "display.max_colwidth", 90, "display.float_format", "{:.4f}".format):
            print(shown.to_string(index=False) if len(shown) else "(geen rijen)")


def _load(args):
    from graph.store import load

    return load(args.graph)


def _resolve(kg, name: str, kinds=None) -> str:
    from graph.analysis.names import resolve

    return resolve(kg, name, kinds=kinds)


def cmd_partners(args) -> int:
    from graph.analysis.partners import partners
    from graph.views import affiliation_graph, cooperation_graph, entity_table, load_query

    kg = _load(args)
    node = _resolve(kg, args.name)
    G = cooperation_graph(kg, stated_only=args.stated_only)
    if node not in G or not G.degree(node):
        A = affiliation_graph(kg)
        G = A if node in A else G
    df = partners(G, node, stated_only=args.stated_only)
    if args.format == "table":
        label = entity_table(kg).at[node, "label"]
        stated = df.loc[df["status"] == "vermeld", "partner"].nunique()
        print(f"Partners van {label}: {df['partner'].nunique()} bij naam genoemd, {stated} met een vermelde band"
              " (de rest afgeleid)\n")
        if not len(df):
            facts = kg.frame(load_query("profile_facts"))
            figures = facts.loc[(facts["s"] == node) & (facts["veld"] == "aantallen"), "waarde"].tolist()
            print("De bronnen noemen geen partners bij naam." + (f" Wel genoemd: {'; '.join(figures)}."
                                                                  if figures else ""))
            return 0
    _emit(df, args.format, ["partner", "soort", "relatie", "via", "status", "bronnen", "citaten"])
    return 0


def cmd_path(args) -> int:
    import networkx as nx

    from graph.analysis.paths import cooperation_path
    from graph.views import cooperation_graph

    kg = _load(args)
    a, b = _resolve(kg, args.a), _resolve(kg, args.b)
    G = cooperation_graph(kg, stated_only=args.stated_only)
    for n, name in ((a, args.a), (b, args.b)):
        if n not in G:
            print(f"error: '{name}' is geen partij in de samenwerkingsgraaf (geen organisatie of gemeente met "
                  "samenwerkingsrelaties)", file=sys.stderr)
            return 2
    try:
        df = cooperation_path(G, a, b)
    except nx.NetworkXNoPath:
        print(f"Geen samenwerkingspad tussen {G.nodes[a]['label']} en {G.nodes[b]['label']}"
              + (" met alleen vermelde feiten." if args.stated_only else "."))
        return 1
    if args.format == "table":
        print(f"Pad van {G.nodes[a]['label']} naar {G.nodes[b]['label']} in {len(df)} stap(pen):\n")
        for row in df.itertuples():
            print(f"{row.stap}. {row.uitleg}")
        return 0
    _emit(df.drop(columns="bewijs") if args.format == "csv" else df, args.format)
    return 0


def cmd_central(args) -> int:
    from graph.analysis.centrality import centrality
    from graph.views import cooperation_graph

    kg = _load(args)
    G = cooperation_graph(kg, stated_only=args.stated_only)
    kinds = None if args.all_kinds else ("Organisatie",)
    df = centrality(G, backend=args.backend, kinds=kinds, gemeente=args.gemeente, top=args.top)
    _emit(df, args.format, ["naam", "soort_entiteit", "graad", "gewogen_graad", "tussenpositie", "pagerank",
                            "eigenvector", "beperking"])
    return 0


def cmd_brokers(args) -> int:
    from graph.analysis.brokers import brokers
    from graph.views import cooperation_graph

    kg = _load(args)
    df = brokers(cooperation_graph(kg, stated_only=args.stated_only), min_gemeenten=args.min_gemeenten)
    _emit(df.head(args.top) if args.top else df, args.format,
          ["naam", "aantal_gemeenten", "gemeenten", "tussenpositie", "beperking"])
    return 0


def cmd_communities(args) -> int:
    from graph.analysis.communities import communities
    from graph.views import cooperation_graph

    kg = _load(args)
    df = communities(cooperation_graph(kg, stated_only=args.stated_only), method=args.method, seed=args.seed)
    _emit(df, args.format, ["gemeenschap", "grootte", "grootste_leden", "gemeenten", "gedeelde_themas",
                            "afgeleid_aandeel"])
    return 0


def cmd_profile(args) -> int:
    from graph.analysis.profiles import profiles

    kg = _load(args)
    iri = _resolve(kg, args.gemeente, kinds=("Gemeente", "Regio"))
    df = profiles(kg, [iri])
    if args.format == "table":
        for col, value in df.iloc[0].items():
            print(f"{col:>30}  {value}")
        return 0
    _emit(df, args.format)
    return 0


def cmd_compare(args) -> int:
    from graph.analysis.compare import side_by_side, similarity
    from graph.analysis.profiles import profiles

    kg = _load(args)
    iris = [_resolve(kg, g, kinds=("Gemeente", "Regio")) for g in args.gemeenten]
    rows = profiles(kg, iris)
    if args.similarity:
        _emit(similarity(rows), args.format)
        return 0
    table = side_by_side(rows)
    if args.format == "table":
        _emit(table.reset_index(), "table")
    else:
        _emit(table.reset_index(), args.format)
    return 0


def cmd_which(args) -> int:
    from graph.analysis.compare import QUESTIONS, which_gemeenten

    kg = _load(args)
    df = which_gemeenten(kg, args.question)
    if args.format == "table":
        print(QUESTIONS[args.question])
        print(", ".join(sorted(df["gemeente"].unique())) or "(geen gemeente volgens de bronnen)", end="\n\n")
    _emit(df, args.format, ["gemeente", "via", "status", "bron", "citaat"])
    return 0


def cmd_report(args) -> int:
    from graph.report import write_report

    kg = _load(args)
    out = Path(args.output)
    if out.is_dir():
        print(f"error: cannot write {out}: it is a folder; give a file name such as rapport.html", file=sys.stderr)
        return 2
    if not out.resolve().parent.is_dir():
        print(f"error: cannot write {out}: the folder {out.resolve().parent} does not exist", file=sys.stderr)
        return 2
    written = write_report(kg, out, excel=Path(args.excel) if args.excel else None,
                           csv=Path(args.csv) if args.csv else None, seed=args.seed)
    for p in written:
        print(f"wrote {p}", file=sys.stderr)
    return 0


def cmd_export_graph(args) -> int:
    """``export --format graphml|gexf|kumu|nodelink``; the RDF formats go to the original command."""
    if args.format not in GRAPH_EXPORT_FORMATS:
        return args.rdf_export(args)
    from graph import exports, views

    kg = _load(args)
    view = args.view or ("full" if args.format == "kumu" else "cooperation")
    if args.format == "kumu":
        if view != "full":
            print("error: the Kumu files hold the full graph (the convention 'kennisgraaf import' reads); "
                  "leave out --view or use --view full", file=sys.stderr)
            return 2
        if not args.output:
            print("error: --format kumu writes two files: give -o NAME (writes NAME-elements.csv and "
                  "NAME-connections.csv)", file=sys.stderr)
            return 2
    G = getattr(views, VIEWS[view])(kg)
    if args.output:
        target = Path(args.output)
        if target.is_dir():
            print(f"error: cannot write {target}: it is a folder; give a file name", file=sys.stderr)
            return 2
        if not target.resolve().parent.is_dir():
            print(f"error: cannot write {target}: the folder {target.resolve().parent} does not exist",
                  file=sys.stderr)
            return 2
    if args.format == "kumu":
        stem = target.with_suffix("") if target.suffix == ".csv" else target
        el, co = Path(f"{stem}-elements.csv"), Path(f"{stem}-connections.csv")
        exports.write_kumu(G, el, co, node_evidence=views.declaring_claims(kg),
                           years=exports.award_years(kg))
        print(f"wrote {el} and {co} ({G.number_of_nodes()} elements)", file=sys.stderr)
        return 0
    writer = {"graphml": exports.write_graphml, "gexf": exports.write_gexf,
              "nodelink": exports.write_nodelink}[args.format]
    if args.output:
        writer(G, target)
        print(f"wrote {target} ({args.format}, {view}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges)",
              file=sys.stderr)
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "out"
            writer(G, path)
            sys.stdout.buffer.write(path.read_bytes())
    return 0


def _guard(func):
    """Unknown or ambiguous names: the closest matches on standard error, exit code 2."""

    def run(args) -> int:
        from graph.analysis.names import AmbiguousName, NameError_

        try:
            return func(args)
        except NameError_ as exc:
            print(f"error: {exc.headline}", file=sys.stderr)
            if exc.matches:
                print("bedoelt u:" if not isinstance(exc, AmbiguousName) else
                      "kies een van (geef de naam of de id tussen haakjes):", file=sys.stderr)
                for label, iri in exc.matches:
                    print(f"  {label}  ({iri.removeprefix('https://w3id.org/sociaal-domein/id/')})",
                          file=sys.stderr)
            return 2

    run.__name__ = func.__name__
    return run


def register(sub) -> None:
    """Add the analysis commands to ``kennisgraaf``'s subparsers and the graph formats to ``export``."""

    def common(sp, fmt=True, stated=True):
        sp.add_argument("--graph", type=Path, help="built graph (default: output/kennisgraaf.nq)")
        if fmt:
            sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
        if stated:
            sp.add_argument("--stated-only", action="store_true",
                            help="leave out ties that rest on inferred facts (vermeld only)")
        return sp

    sp = common(sub.add_parser("partners", help="partners of an organisation, gemeente or network",
                               description="Who works with NAME, through what (network, initiative, "
                                           "agreement), stated or inferred, with source and quote."))
    sp.add_argument("name", help="a name, matched forgivingly (case, accents, 'gemeente', spaces)")
    sp.set_defaults(func=_guard(cmd_partners))

    sp = common(sub.add_parser("path", help="the cooperation path between two entities",
                               description="A shortest path in the cooperation graph, every hop with its "
                                           "evidence."))
    sp.add_argument("a")
    sp.add_argument("b")
    sp.set_defaults(func=_guard(cmd_path))

    sp = common(sub.add_parser("central", help="central organisations (degree, betweenness, PageRank, ...)",
                               description="Centrality in the cooperation graph: degree, weighted degree, "
                                           "betweenness, PageRank, eigenvector, Burt's constraint."))
    sp.add_argument("--top", type=int, default=None, help="only the first N")
    sp.add_argument("--gemeente", help="only organisations active in this gemeente")
    sp.add_argument("--all-kinds", action="store_true", help="also gemeenten and regio's")
    sp.add_argument("--backend", choices=["igraph", "networkx"], default="igraph")
    sp.set_defaults(func=_guard(cmd_central))

    sp = common(sub.add_parser("brokers", help="organisations that connect several gemeenten",
                               description="Organisations active in (or tied to) several gemeenten, with "
                                           "betweenness and Burt's constraint."))
    sp.add_argument("--top", type=int, default=None)
    sp.add_argument("--min-gemeenten", type=int, default=2)
    sp.set_defaults(func=_guard(cmd_brokers))

    sp = common(sub.add_parser("communities", help="communities of cooperating organisations",
                               description="Leiden (or Louvain) communities of the cooperation graph, each "
                                           "with its largest members, gemeenten and shared themes."))
    sp.add_argument("--method", choices=["leiden", "louvain", "networkx-louvain"], default="leiden")
    sp.add_argument("--seed", type=int, default=0)
    sp.set_defaults(func=_guard(cmd_communities))

    sp = common(sub.add_parser("profile", help="profile of a Gouden Gemeente",
                               description="What the sources say about one gemeente; 'niet vermeld' where "
                                           "they say nothing."), stated=False)
    sp.add_argument("gemeente")
    sp.set_defaults(func=_guard(cmd_profile))

    sp = common(sub.add_parser("compare", help="compare gemeenten side by side",
                               description="Profiles side by side, or (--similarity) how alike they are with "
                                           "the shared and differing features."), stated=False)
    sp.add_argument("gemeenten", nargs="+", metavar="GEMEENTE")
    sp.add_argument("--similarity", action="store_true", help="pairwise similarity instead of the profiles")
    sp.set_defaults(func=_guard(cmd_compare))

    from graph.analysis.compare import QUESTIONS

    sp = common(sub.add_parser("which", help="which gemeenten do X (e.g. geen-wijkteams)",
                               description="Answer a question over all gemeenten, with sources and quotes: "
                                           + "; ".join(f"{k}: {v}" for k, v in QUESTIONS.items())), stated=False)
    sp.add_argument("question", choices=list(QUESTIONS))
    sp.set_defaults(func=_guard(cmd_which))

    sp = common(sub.add_parser("report", help="HTML report in Dutch (self-contained, offline)",
                               description="Write the Gouden Gemeenten report: profiles, comparison, central "
                                           "organisations, brokers and communities, with charts."),
                fmt=False, stated=False)
    sp.add_argument("-o", "--output", default="rapport.html", help="HTML file (default rapport.html)")
    sp.add_argument("--excel", help="also write the profiles as an .xlsx workbook")
    sp.add_argument("--csv", help="also write the profiles as a CSV file")
    sp.add_argument("--seed", type=int, default=0, help="seed of the community detection")
    sp.set_defaults(func=_guard(cmd_report))

    export = sub.choices.get("export")
    if export is not None:
        for action in export._actions:
            if action.dest == "format":
                action.choices = list(action.choices) + list(GRAPH_EXPORT_FORMATS)
                action.help = ("RDF: " + ", ".join(c for c in action.choices if c not in GRAPH_EXPORT_FORMATS)
                               + "; a view for other tools: " + ", ".join(GRAPH_EXPORT_FORMATS))
        export.add_argument("--view", choices=list(VIEWS),
                            help="view to export with graphml/gexf/nodelink (default cooperation; kumu: full)")
        export.set_defaults(rdf_export=export.get_default("func"), func=cmd_export_graph)
