"""``kennisgraaf serve``: build the graph if there is no build yet, then serve it over SPARQL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "serve"]


def serve(graph: Path | None = None, named: list[str] | None = None, *, host: str = "127.0.0.1",
          port: int = 8000, timeout: float = 10.0, workers: int = 2, cache: bool = True,
          log_level: str = "warning") -> int:
    """Load the built graph (building it first if there is none) and serve it until Ctrl-C.

    Parameters
    ----------
    graph : Path, optional
        The graph file (default: the last build, ``output/kennisgraaf.nq``).
    named : list of str, optional
        Extra RDF files as named graphs, each ``IRI=FILE``.
    host, port : str, int
        Where to listen; 127.0.0.1 unless told otherwise.
    timeout : float
        Per-query time limit in seconds.
    workers : int
        Query processes.
    cache : bool
        Keep recent results in a bounded cache.
    """
    import uvicorn

    from graph.settings import output_dir
    from graph.store import GRAPH_FILE
    from graph.web.app import Settings, create_app
    from graph.web.dataset import DatasetFiles, parse_named_graph

    extra = {}
    for spec in named or []:
        iri, path = parse_named_graph(spec)
        if not path.is_file():
            raise FileNotFoundError(f"--named-graph {spec}: {path} does not exist")
        extra[iri] = path
    if graph is None:
        graph = output_dir() / GRAPH_FILE
        if not graph.exists():
            from graph.build import build

            print(f"No build in {graph.parent}/ yet: building the graph first.", file=sys.stderr)
            build()
    elif graph.is_dir():
        graph = graph / GRAPH_FILE
    if not graph.exists():
        raise FileNotFoundError(f"{graph} does not exist: run 'kennisgraaf build' first or give --graph FILE")
    files = DatasetFiles(graph, extra)
    kg = files.load()
    settings = Settings(timeout=timeout, workers=workers, cache_entries=512 if cache else 0, warm_site=True)
    app = create_app(kg, settings, files=files)
    shown = f"[{host}]" if ":" in host else host
    print(f"Serving {len(kg)} triples: web site on http://{shown}:{port}/, SPARQL on http://{shown}:{port}/sparql. "
          "Stop with Ctrl-C.", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False, server_header=False)
    return 0


def _cmd(args) -> int:
    for spec in args.named_graph or []:
        try:
            from graph.web.dataset import parse_named_graph

            parse_named_graph(spec)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return serve(args.graph, args.named_graph, host=args.host, port=args.port, timeout=args.timeout,
                 workers=args.workers, cache=not args.no_cache)


def _positive(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def register(subparsers) -> None:
    """Add the ``serve`` command to the ``kennisgraaf`` parser."""
    sp = subparsers.add_parser(
        "serve", help="serve the web site and the SPARQL endpoint (with a query page)",
        description="Serve the built graph (building it first if there is none), read-only: the web site at / "
                    "and a SPARQL 1.1 endpoint at /sparql, with a query page for browsers. Stop with Ctrl-C.")
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sp.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sp.add_argument("--timeout", type=_positive, default=10.0, help="time limit per query in seconds (default: 10)")
    sp.add_argument("--workers", type=int, default=2, help="query processes (default: 2)")
    sp.add_argument("--no-cache", action="store_true", help="compute every query (no result cache)")
    sp.add_argument("--graph", type=Path, help="built graph (default: output/kennisgraaf.nq)")
    sp.add_argument("--named-graph", action="append", metavar="IRI=FILE",
                    help="also load this RDF file as the named graph IRI (repeatable)")
    sp.set_defaults(func=_cmd)
