"""The ``kennisgraaf`` command line: a thin layer over the library functions."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from graph import __version__, commands_serve
from graph.commands_analysis import register as register_analysis
from graph.commands_maps import register as register_maps
from graph.errors import InputError
from graph.namespaces import PREFIXES

__all__ = ["main"]


def _progress(quiet: bool):
    start = time.perf_counter()

    def say(msg: str) -> None:
        if not quiet:
            print(f"  {time.perf_counter() - start:6.2f}s  {msg}", file=sys.stderr, flush=True)

    return say


def _json_records(df) -> list[dict]:
    """Rows as plain JSON values (dates in ISO form); IRIs keep their slashes unescaped when dumped."""
    return json.loads(df.to_json(orient="records", date_format="iso"))


def _print_frame(df, fmt: str) -> None:
    if isinstance(df, bool):
        print(json.dumps(df) if fmt == "json" else ("yes" if df else "no"))
    elif isinstance(df, list):  # CONSTRUCT / DESCRIBE: N-Triples
        for s, p, o in df:
            print(f"{s.n3()} {p.n3()} {o.n3()} .")
    elif fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        print(json.dumps(_json_records(df), ensure_ascii=False, indent=2))
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 80):
            print(df.to_string(index=False) if len(df) else "(no rows)")


def _build_in_child(**kwargs):
    """Run a build and return its result without the in-memory store (it stays in the child)."""
    from graph.build import build

    result = build(**kwargs)
    result.kg = None
    return result


def cmd_build(args) -> int:
    from graph.child import run_in_child

    # in a child process, so that Ctrl-C stops it at once even inside the store's native code
    result = run_in_child(_build_in_child, data=args.data, output=args.output, seeds=args.seeds,
                          shacl=not args.no_shacl, progress=_progress(args.quiet))
    print(f"Built {result.triples} triples ({result.quads} quads with the per-source named graphs) "
          f"from {result.records} records "
          f"({result.facts} claims) in {sum(result.timings.values()):.1f}s.")
    print(f"Validation: {result.report.summary()}")
    print(f"Outputs in {result.output}/: "
          + ", ".join(sorted(p.name for p in result.output.iterdir() if p.is_symlink() and p.name != "current")))
    return 0


def cmd_validate(args) -> int:
    from graph.build import assemble, read_all_records
    from graph.settings import data_dir, seeds_dir
    from graph.sources import read_sources
    from graph.validate import union_graph, validate

    data = Path(args.data or data_dir())
    say = _progress(args.quiet)
    say("reading")
    sources = read_sources(data / "sources.yaml")
    quads, _ = assemble(read_all_records(data), sources)
    say("validating")
    report = validate(union_graph(quads), sources, data, args.seeds or seeds_dir(), shacl=not args.no_shacl)
    if not report.conforms:
        raise InputError(report.problems)
    print(f"Validation: {report.summary()}")
    return 0


def cmd_stats(args) -> int:
    from graph.stats import TABLES
    from graph.store import load

    kg = load(args.graph)
    if args.format == "table":
        if args.table:
            _print_frame(TABLES[args.table](kg), "table")
        else:
            _print_summary(kg)
        return 0
    if args.format == "csv":
        if args.table is None:
            print("error: CSV holds one table: add --table " + ", --table ".join(TABLES), file=sys.stderr)
            return 2
        TABLES[args.table](kg).to_csv(sys.stdout, index=False)
        return 0
    names = [args.table] if args.table else list(TABLES)
    print(json.dumps({name: _json_records(TABLES[name](kg)) for name in names}, ensure_ascii=False, indent=2))
    return 0


def _dutch_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _print_summary(kg) -> None:
    """The summary people read after a build, in Dutch."""
    from graph.stats import claim_counts, class_counts, gemeenten_explained, gouden_gemeenten

    print("Kennisgraaf sociaal domein: overzicht\n")
    awards = gouden_gemeenten(kg)
    print("Gouden Gemeenten per jaar:")
    for year, group in awards.groupby("jaar"):
        print(f"  {year} ({len(group)}): " + ", ".join(group["ontvanger"]))
    counts = class_counts(kg)
    print("\nWat de graaf beschrijft (aantal per soort):")
    width = max(counts["soort"].str.len())
    for soort, aantal in zip(counts["soort"], counts["aantal"], strict=True):
        print(f"  {soort:<{width}}  {aantal:>6}")
    gone = gemeenten_explained(kg)
    n_gemeenten = int(counts.loc[counts["klasse"] == "sd:Gemeente", "aantal"].sum())
    if len(gone):
        names = _dutch_list(list(gone["gemeente"]))
        merged = ", ".join(sorted(set(gone["opgegaan_in"].dropna())))
        print(f"  (De {n_gemeenten} gemeenten zijn de {n_gemeenten - len(gone)} gemeenten van de CBS-lijst 2021 plus "
              f"{names}: opgeheven{' en opgegaan in ' + merged if merged else ''}, maar genoemd in de bronnen.)")
    claims = claim_counts(kg)
    stated, inferred = int(claims["vermeld"].sum()), int(claims["afgeleid"].sum())
    print(f"\nHerkomst: {stated + inferred} beweringen uit {len(claims)} bronnen; {stated} staan letterlijk in de "
          f"bron (vermeld), {inferred} zijn afgeleid (met de reden erbij).")
    _print_frame(claims.rename(columns={"bron": "bron", "titel": "titel"}), "table")
    print(f"\nTechnisch: {len(kg)} triples; de feiten van elke bron staan ook in een eigen benoemde graaf "
          f"({len(kg.named_graphs())} benoemde grafen).")


def cmd_query(args) -> int:
    from graph.sparql import Limits
    from graph.store import load

    if args.file:
        sparql = Path(args.file).read_text(encoding="utf-8")
    elif args.sparql:
        sparql = args.sparql
    else:
        sparql = sys.stdin.read()
    kg = load(args.graph)
    result = kg.query(sparql, limits=Limits(timeout=args.timeout or None, max_rows=args.max_rows or None))
    _print_frame(result, args.format)
    return 0


def cmd_export(args) -> int:
    from graph.store import FORMATS, load

    kg = load(args.graph)
    if args.output:
        target = Path(args.output)
        folder = target.resolve().parent
        suffixes = {"." + name.rsplit(".", 1)[1]: fmt for fmt, (_, name, _) in FORMATS.items()}
        problem = None
        if target.is_dir():
            problem = "it is a folder; give a file name"
        elif not folder.is_dir():
            problem = f"the folder {folder} does not exist"
        elif target.suffix in suffixes and suffixes[target.suffix] != args.format:
            problem = (f"the extension {target.suffix} is for --format {suffixes[target.suffix]}, not {args.format};"
                       " change one of them")
        if problem:
            print(f"error: cannot write {args.output}: {problem}", file=sys.stderr)
            return 2
        kg.dump(target, args.format)
        print(f"wrote {args.output} ({FORMATS[args.format][1].rsplit('.', 1)[1]})", file=sys.stderr)
    else:
        sys.stdout.buffer.write(kg.dump(None, args.format))
    return 0


def cmd_import(args) -> int:
    from graph.importer import import_spreadsheet

    result = import_spreadsheet(Path(args.elements), Path(args.connections) if args.connections else None,
                                output=Path(args.output) if args.output else None,
                                source=args.source, data=args.data, seeds=args.seeds, force=args.force)
    print(result, file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    p = argparse.ArgumentParser(
        prog="kennisgraaf",
        description="Kennisgraaf sociaal domein: build, validate, query and export the knowledge graph.")
    p.add_argument("--version", action="version", version=f"kennisgraaf {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_opts(sp, write=False):
        sp.add_argument("--data", type=Path, help="curated data folder (default: data/)")
        sp.add_argument("--seeds", type=Path,
                        help="folder with the source texts, to check seed quotes (default: $KENNISGRAAF_SEEDS)")
        sp.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
        sp.add_argument("--no-shacl", action="store_true", help="skip SHACL (quotes are still checked)")
        if write:
            sp.add_argument("--output", type=Path, help="output folder (default: output/)")

    sp = sub.add_parser("build", help="build, validate and write the graph (atomic)",
                        description="Read data/, build the graph, validate it (SHACL and quotes) and write "
                                    "Turtle, N-Quads, TriG, JSON-LD and a VoID description. On any error "
                                    "nothing is replaced.")
    data_opts(sp, write=True)
    sp.set_defaults(func=cmd_build)

    sp = sub.add_parser("validate", help="validate data/ without writing anything",
                        description="Run every check of a build (references, kinds, quotes, SHACL) "
                                    "and report; writes nothing.")
    data_opts(sp)
    sp.set_defaults(func=cmd_validate)

    def graph_opt(sp):
        sp.add_argument("--graph", type=Path, help="built graph (default: output/kennisgraaf.nq)")

    sp = sub.add_parser("stats", help="summary of the built graph",
                        description="In Dutch: the Gouden Gemeenten per year, what the graph describes "
                                    "(things per kind), and where its facts come from "
                                    "(claims per source, stated or inferred).")
    graph_opt(sp)
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sp.add_argument("--table", choices=["classes", "gouden_gemeenten", "claims", "gemeenten"],
                    help="only this table, in any format (required with --format csv)")
    sp.set_defaults(func=cmd_stats)

    sp = sub.add_parser("query", help="run a SPARQL query on the built graph",
                        description="Run SPARQL (argument, --file, or standard input). These prefixes "
                                    f"are predeclared: {', '.join(sorted(PREFIXES))}. Queries are read-only and "
                                    "never fetch anything: updates, LOAD, SERVICE and FROM of a graph that is not "
                                    "in the store are refused.")
    sp.add_argument("sparql", nargs="?", help="the query text")
    sp.add_argument("-f", "--file", help="read the query from this file")
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sp.add_argument("--timeout", type=float, default=30.0,
                    help="stop the query after this many seconds (default 30; 0: no limit)")
    sp.add_argument("--max-rows", type=int, default=100_000,
                    help="refuse answers with more rows than this (default 100000; 0: no limit)")
    graph_opt(sp)
    sp.set_defaults(func=cmd_query)

    sp = sub.add_parser("export", help="write the whole graph (ontology included)",
                        description="Serialize the built graph, ontology and concept schemes included.")
    sp.add_argument("--format", choices=["ttl", "nq", "trig", "jsonld"], default="ttl")
    sp.add_argument("-o", "--output", help="file to write (default: standard output)")
    graph_opt(sp)
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("import", help="import a spreadsheet (elements + connections)",
                        description="Turn an .xlsx with sheets 'Elements' and 'Connections' (or two CSV "
                                    "files) into curated records, validate them with the rest of data/, "
                                    "and write them as YAML.")
    sp.add_argument("elements", help=".xlsx workbook, or the elements CSV")
    sp.add_argument("connections", nargs="?", help="the connections CSV (when elements is a CSV)")
    sp.add_argument("-o", "--output", help="YAML file to write (e.g. data/curated/import.yaml)")
    sp.add_argument("--force", action="store_true",
                    help="replace the output file if it exists (its records are then left out of validation)")
    sp.add_argument("--source", help="default source id for rows without one")
    sp.add_argument("--data", type=Path, help="curated data folder (default: data/)")
    sp.add_argument("--seeds", type=Path, help="folder with the source texts")
    sp.set_defaults(func=cmd_import)
    register_analysis(sub)  # partners, path, central, ..., report; graph formats of export
    register_maps(sub)  # map, maps
    commands_serve.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 invalid input, 2 usage or missing build)."""
    from graph.sparql import QueryError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\ninterrupted; the previous build is kept", file=sys.stderr)
        return 130
    except QueryError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("Nothing was written; the previous build (if any) is unchanged.", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except OSError as exc:  # a file that cannot be read or written: say which, no traceback
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
