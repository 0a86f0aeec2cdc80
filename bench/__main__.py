"""``python -m bench`` (``make bench``): build, load and query times for the real and a synthetic graph.

Builds, each in a fresh subprocess with :func:`graph.build.build` (reading,
mapping, SHACL, the quote check, description, writing every format): the real
graph (``data/``) and synthetic curated inputs at three sizes (``--scales``,
default 0.1, 0.3 and 1 of national scale: about 340 gemeenten, 20,000
organisations and 1 million triples at 1), written as curated YAML files and
seed texts by :func:`bench.synthetic.write_data_folder`. For each it reports
build time and peak memory, and how they grow between sizes. The largest
synthetic graph's N-Quads are then loaded into each store of
:data:`bench.stores.STORES` (the project's pyoxigraph loader, bare pyoxigraph,
rdflib's default memory store, rdflib on the oxrdflib store), each in a fresh
subprocess, and every competency question is timed in each. The figures go to
``bench/results/<timestamp>.json``; the table to stdout, progress to stderr.

Examples
--------
``python -m bench --scales 0.05``   a quick run (5% of the synthetic graph)
``python -m bench --skip-real``     only the synthetic graph
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.analysis import format_analysis, run_analysis
from bench.measure import scaled_sizes
from bench.queries import select_queries
from bench.report import format_report, ratios
from bench.stores import BASELINE, DEFAULT_STORES, STORES
from bench.synthetic import sizes, write_data_folder
from bench.worker import run_job, run_load_job

__all__ = ["main", "run_benchmark", "parse_args"]

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic generator (default 0)")
    p.add_argument("--scales", default="0.1,0.3,1",
                   help="sizes of the synthetic builds as fractions of national scale, comma-separated; the"
                        " stores are measured on the largest (default 0.1,0.3,1)")
    p.add_argument("--skip-real", action="store_true", help="do not build and measure the real graph")
    p.add_argument("--skip-synthetic", action="store_true", help="do not measure the synthetic graph")
    p.add_argument("--out", type=Path, default=RESULTS_DIR,
                   help="folder for the JSON results (default bench/results/)")
    p.add_argument("--runs", type=int, default=5, help="runs per query, median reported (default 5)")
    p.add_argument("--query-budget", type=float, default=10.0,
                   help="stop repeating a query once its runs took this many seconds (default 10)")
    p.add_argument("--query-timeout", type=float, default=30.0,
                   help="interrupt a single query run after this many seconds (default 30)")
    p.add_argument("--store-budget", type=float, default=240.0,
                   help="seconds for all queries in one store; past it, queries run once (default 240)")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="time limit per subprocess (build or store), seconds (default 600)")
    p.add_argument("--queries", choices=("auto", "competency", "typical", "both"), default="auto",
                   help="which queries to time (default: competency questions if there are any)")
    p.add_argument("--stores", default=",".join(DEFAULT_STORES),
                   help=f"comma-separated stores to measure, from {', '.join(STORES)}"
                        f" (default {','.join(DEFAULT_STORES)})")
    p.add_argument("--no-shacl", action="store_true", help="leave SHACL out of the synthetic builds")
    p.add_argument("--skip-endpoint", action="store_true", help="no HTTP load test of the SPARQL endpoint")
    p.add_argument("--endpoint-duration", type=float, default=20.0,
                   help="seconds per endpoint load run (default 20; see bench/endpoint.py)")
    p.add_argument("--skip-analysis", action="store_true",
                   help="do not time the views and network analysis (bench/analysis.py)")
    p.add_argument("--skip-maps", action="store_true", help="do not run the map benchmark (bench/maps.py)")
    p.add_argument("--pyvis-timeout", type=float, default=60.0,
                   help="seconds to wait for a pyvis map to draw in the map benchmark (default 60)")
    p.add_argument("--skip-site", action="store_true", help="no page latency test of the web site (bench/site.py)")
    args = p.parse_args(argv)
    try:
        args.scales = sorted({float(x) for x in args.scales.split(",") if x.strip()})
    except ValueError:
        p.error("--scales takes numbers, e.g. 0.1,0.3,1")
    if not args.scales or not all(0 < x <= 5 for x in args.scales):
        p.error("each of --scales must be in (0, 5]")
    args.scale = args.scales[-1]
    wanted = {s.strip() for s in args.stores.split(",") if s.strip()}
    args.stores = [s for s in STORES if s in wanted]
    unknown = sorted(wanted - set(STORES))
    if unknown:
        p.error(f"unknown store(s) {', '.join(unknown)}: use {', '.join(STORES)}")
    return args


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _say_build(build: dict[str, Any]) -> None:
    """One progress line for a build."""
    _say(f"  FAILED: {build['error']}" if "error" in build
         else f"  {build['triples']:,} triples ({build['quads']:,} quads) in {build['build_s']:.1f} s,"
              f" peak {build['peak_mib']:,.0f} MiB")


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("pyoxigraph", "rdflib", "oxrdflib", "pyshacl"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def _measure_stores(path: str, args: argparse.Namespace, queries: list[dict[str, str]]) -> dict[str, Any]:
    stores = {}
    for store in args.stores:
        _say(f"  loading into {store} and running {len(queries)} queries (fresh process)")
        stores[store] = run_load_job({"store": store, "path": path, "queries": queries,
                                      "runs": args.runs, "budget_s": args.query_budget,
                                      "timeout_s": args.query_timeout,
                                      "total_budget_s": args.store_budget}, args.timeout)
        s = stores[store]
        if "load_s" in s:
            again = f" (restarted {s['restarts']}x after a hung query)" if s.get("restarts") else ""
            _say(f"    {s['triples']:,} triples ({s['quads']:,} quads) loaded in {s['load_s']:.2f} s,"
                 f" peak {s['peak_mib']:,.0f} MiB;"
                 f" {len(s['queries'])} queries; {s['wall_s']:.1f} s in all{again}")
        if "error" in s:
            _say(f"    FAILED: {s['error']}")
    return stores


def _synthetic_builds(args: argparse.Namespace, tmp: Path) -> list[dict[str, Any]]:
    """Write the synthetic curated input at each size and build it in a fresh process."""
    out = []
    for scale in args.scales:
        gemeenten, organisations = scaled_sizes(scale)
        folder = tmp / f"synthetic-{scale}"
        _say(f"SYNTHETIC input: seed {args.seed}, scale {scale} ({gemeenten} gemeenten,"
             f" {organisations:,} organisations): writing curated YAML and seed texts")
        t = time.perf_counter()
        written = write_data_folder(folder, args.seed, gemeenten, organisations)
        _say(f"  {written['records']:,} records in {written['files']} files ({written['bytes'] / 1e6:.1f} MB)"
             f" in {time.perf_counter() - t:.1f} s; building (fresh process)")
        build = run_job("build-synthetic", {"folder": str(folder), "output": str(tmp / f"built-{scale}"),
                                            "shacl": not args.no_shacl}, args.timeout)
        _say_build(build)
        build |= {"scale": scale, "seed": args.seed, "sizes": sizes(gemeenten, organisations),
                  "input_mb": round(written["bytes"] / 1e6, 1), "input_files": written["files"]}
        out.append(build)
        if scale != args.scales[-1]:
            shutil.rmtree(folder, ignore_errors=True)
    return out


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Run every measurement the arguments ask for; return the figures (plain data)."""
    query_set, queries = select_queries(args.queries)
    results: dict[str, Any] = {
        "meta": {"timestamp": datetime.now().astimezone().isoformat(timespec="seconds"),
                 "seed": args.seed, "scale": args.scale, "scales": args.scales, "runs": args.runs,
                 "query_budget_s": args.query_budget, "query_timeout_s": args.query_timeout,
                 "store_budget_s": args.store_budget, "query_set": query_set, "queries_asked": args.queries,
                 "baseline_store": BASELINE, "stores": args.stores,
                 "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
                 "versions": _versions(), "argv": sys.argv[1:]},
        "queries": queries,
        "graphs": {},
    }
    with tempfile.TemporaryDirectory(prefix="kennisgraaf-bench-") as tmp:
        if not args.skip_real:
            _say("REAL graph: graph.build.build (with SHACL) in a fresh process")
            build = run_job("build-real", {"output": str(Path(tmp) / "real")}, args.timeout)
            _say_build(build)
            stores = _measure_stores(build["path"], args, queries) if "error" not in build else {}
            results["graphs"]["real"] = {"build": build, "stores": stores}
        if not args.skip_synthetic:
            results["sizes"] = _synthetic_builds(args, Path(tmp))
            build = results["sizes"][-1]
            stores = _measure_stores(build["path"], args, queries) if "error" not in build else {}
            results["graphs"]["synthetic"] = {"build": build, "stores": stores}
            if not args.skip_endpoint and "error" not in build:
                from bench.endpoint import run_endpoint_bench

                _say("ENDPOINT: load test over HTTP on 127.0.0.1, synthetic graph")
                results["endpoint"] = run_endpoint_bench(build["path"], duration=args.endpoint_duration, say=_say)
            if not args.skip_site and "error" not in build:
                from bench.site import run_site_bench

                _say("SITE: page latency (home, gemeente, compare) under 8 clients, synthetic graph")
                results["site"] = run_site_bench(build["path"], say=_say)
    if not args.skip_synthetic and not args.skip_analysis:
        _say("ANALYSIS: views and network analysis of the synthetic graph, ours vs NetworkX (fresh process)")
        results["analysis"] = run_analysis(args.seed, args.scale, args.timeout)
    for g in results["graphs"].values():
        base = g["stores"].get(BASELINE)
        if base and "load_s" in base:
            g["ratios_vs_" + BASELINE] = {n: ratios(s, base) for n, s in g["stores"].items()
                                          if n != BASELINE and "load_s" in s}
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and write the JSON figures."""
    args = parse_args(argv)
    results = run_benchmark(args)
    print(format_report(results))
    if "endpoint" in results:
        from bench.endpoint import format_endpoint_report

        print("\n" + format_endpoint_report(results["endpoint"]))
    if "analysis" in results:
        print(format_analysis(results["analysis"]))
    if not args.skip_maps:
        from bench.maps import format_map_report, run_map_bench

        results["maps"] = run_map_bench(seed=args.seed, pyvis_timeout=args.pyvis_timeout)
        print("\n" + format_map_report(results["maps"]))
    if "site" in results:
        from bench.site import format_site_report

        print("\n" + format_site_report(results["site"]))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = args.out / f"{stamp}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nfigures written to {path}")
    failed = [name for name, g in results["graphs"].items()
              if "error" in g["build"] or any("error" in s for s in g["stores"].values())]
    failed += [name for name, t in results.get("endpoint", {}).get("targets", {}).items() if "error" in t]
    failed += ["analysis"] if "error" in results.get("analysis", {}) else []
    failed += ["site"] if "error" in results.get("site", {}) else []
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
