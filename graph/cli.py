"""The ``kennisgraaf`` command line: a thin layer over the library functions."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from graph import __version__
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


def cmd_build(args) -> int:
    from graph.build import build

    result = build(data=args.data, output=args.output, seeds=args.seeds,
                   shacl=not args.no_shacl, progress=_progress(args.quiet))
    print(f"Built {result.triples} triples ({result.quads} quads with the per-source named graphs) "
          f"from {result.records} records "
          f"({result.facts} claims) in {sum(result.timings.values()):.1f}s.")
    print(f"Validation: {result.report.summary()}")
    print(f"Outputs in {result.output}/: "
          + ", ".join(sorted(p.name for p in result.output.iterdir() if not p.name.startswith("."))))
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
    from graph.stats import claim_counts, class_counts, gouden_gemeenten
    from graph.store import load

    kg = load(args.graph)
    if args.format == "table":
        print(f"Knowledge graph: {len(kg)} triples; each source's facts also in its own named graph"
              f" ({len(kg.named_graphs())} named graphs)\n")
        print("Things per class:")
        _print_frame(class_counts(kg), "table")
        awards = gouden_gemeenten(kg)
        print("\nGouden Gemeenten per year:")
        for year, group in awards.groupby("jaar"):
            print(f"  {year}: {len(group)} - " + ", ".join(group["ontvanger"]))
        print("\nClaims per source (stated / inferred):")
        _print_frame(claim_counts(kg), "table")
        return 0
    makers = {"classes": class_counts, "gouden_gemeenten": gouden_gemeenten, "claims": claim_counts}
    if args.format == "csv":
        if args.table is None:
            print("error: CSV holds one table: add --table classes, --table gouden_gemeenten or --table claims",
                  file=sys.stderr)
            return 2
        makers[args.table](kg).to_csv(sys.stdout, index=False)
        return 0
    names = [args.table] if args.table else list(makers)
    print(json.dumps({name: _json_records(makers[name](kg)) for name in names}, ensure_ascii=False, indent=2))
    return 0


def cmd_query(args) -> int:
    from graph.store import load

    if args.file:
        sparql = Path(args.file).read_text(encoding="utf-8")
    elif args.sparql:
        sparql = args.sparql
    else:
        sparql = sys.stdin.read()
    kg = load(args.graph)
    try:
        result = kg.query(sparql)
    except SyntaxError as exc:
        print(f"error: invalid SPARQL: {exc}", file=sys.stderr)
        return 2
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
                        description="Counts per class, Gouden Gemeenten per year, claims per source.")
    graph_opt(sp)
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sp.add_argument("--table", choices=["classes", "gouden_gemeenten", "claims"],
                    help="only this table (required with --format csv)")
    sp.set_defaults(func=cmd_stats)

    sp = sub.add_parser("query", help="run a SPARQL query on the built graph",
                        description="Run SPARQL (argument, --file, or standard input). These prefixes "
                                    f"are predeclared: {', '.join(sorted(PREFIXES))}.")
    sp.add_argument("sparql", nargs="?", help="the query text")
    sp.add_argument("-f", "--file", help="read the query from this file")
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
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
    register_maps(sub)  # map, maps
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 invalid input, 2 usage or missing build)."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("Nothing was written; the previous build (if any) is unchanged.", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
