"""Page latency of the web site under load: home, a gemeente page and the compare page, 8 concurrent clients.

``kennisgraaf serve`` serves the graph (N-Quads) on a free port of 127.0.0.1 (started as in
:mod:`bench.endpoint`). The server builds the site index in the background from the start; how long a
first request for the home page still waits once SPARQL answers is reported as ``index_s``. Then for
each page type ``clients`` threads with keep-alive connections ask for it for ``duration`` seconds.
Next to each page the same run measures the site's style sheet (a static file from the same server),
the floor any page pays, and reports each page's p50 as a ratio to it.

``python -m bench.site --graph FILE.nq`` runs it on its own; ``make bench`` runs it on the synthetic graph.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from bench.endpoint import _get as _endpoint_get
from bench.endpoint import _rss_mib, _running, hammer

__all__ = ["page_load_run", "site_paths", "run_site_bench", "format_site_report", "main"]


def _get(conn: http.client.HTTPConnection, target: str) -> tuple[int, bytes]:
    return _endpoint_get(conn, target, "text/html")


def page_load_run(port: int, path: str, clients: int, duration: float, timeout: float = 120.0) -> dict[str, Any]:
    """``clients`` threads ask for ``path`` for ``duration`` seconds; requests, errors, req/s, p50/p99 (ms)."""
    run = hammer(port, [path], clients, duration, timeout=timeout, accept="text/html", digits=2)
    del run["duration_s"]
    return {"path": path, **run}


def site_paths(home_html: str) -> dict[str, str]:
    """The pages to load, read off the home page: home, the first Gouden Gemeente, the first five compared.

    >>> site_paths('<a href="/id/gemeente/gm1.html">A</a><a href="/id/gemeente/gm2.html">B</a>')["vergelijk"]
    '/vergelijk?g=gemeente/gm1&g=gemeente/gm2'
    """
    found = list(dict.fromkeys(re.findall(r'href="/id/(gemeente/[^".]+)\.html"', home_html)))
    return {"home": "/", "gemeente": f"/id/{found[0]}.html",
            "vergelijk": "/vergelijk?" + "&".join(f"g={g}" for g in found[:5]),
            "static (vloer)": "/site/static/site.css"}


def run_site_bench(path: str | Path, *, clients: int = 8, duration: float = 15.0, say=print) -> dict[str, Any]:
    """Serve ``path`` and load-test the site's pages; returns plain data."""
    out: dict[str, Any] = {"graph": str(path), "clients": clients, "duration_s": duration, "pages": {}}
    try:
        with _running("kennisgraaf-cache-on", str(path), wait_site=False) as (proc, port, startup):
            out["startup_s"] = round(startup, 1)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1800)
            t = time.perf_counter()
            status, body = _get(conn, "/")
            out["index_s"] = round(time.perf_counter() - t, 1)
            if status != 200:
                raise RuntimeError(f"the home page answered {status}")
            paths = site_paths(body.decode("utf-8"))
            for target in paths.values():  # first visit of each page (map views, profiles) not in the figures
                _get(conn, target)
            conn.close()
            say(f"  site: started in {out['startup_s']} s, index built in {out['index_s']} s")
            for name, target in paths.items():
                run = page_load_run(port, target, clients, duration)
                run["rss_after"] = _rss_mib(proc.pid)
                out["pages"][name] = run
                say(f"    {name:<16} {run['rps']:9.1f} req/s, p50 {run['p50_ms']} ms, p99 {run['p99_ms']} ms, "
                    f"{run['errors']} errors")
    except Exception as exc:  # noqa: BLE001 - reported, the rest of make bench still runs
        out["error"] = str(exc)
        say(f"    FAILED: {exc}")
    floor = out["pages"].get("static (vloer)", {}).get("p50_ms")
    for run in out["pages"].values():
        if floor and run["p50_ms"]:
            run["x_static"] = round(run["p50_ms"] / floor, 1)
    return out


def format_site_report(results: dict[str, Any]) -> str:
    """The figures as a text table."""
    lines = [f"Web site page latency on 127.0.0.1 ({results['clients']} clients, {results['duration_s']:.0f} s per "
             f"page; index built in {results.get('index_s', '?')} s)",
             f"{'page':<18}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'x static':>10}{'errors':>8}  path"]
    if "error" in results:
        lines.append(f"FAILED: {results['error'][:100]}")
    for name, r in results["pages"].items():
        lines.append(f"{name:<18}{r['rps']:>10.1f}{r['p50_ms'] or float('nan'):>10.2f}"
                     f"{r['p99_ms'] or float('nan'):>10.2f}{r.get('x_static', float('nan')):>10.1f}{r['errors']:>8}"
                     f"  {r['path'][:60]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.site", description=__doc__.split("\n\n")[0])
    p.add_argument("--graph", type=Path, required=True, help="N-Quads file to serve")
    p.add_argument("--duration", type=float, default=15.0, help="seconds per page (default 15)")
    p.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    p.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = p.parse_args(argv)
    results = run_site_bench(args.graph, clients=args.clients, duration=args.duration,
                             say=lambda m: print(m, file=sys.stderr, flush=True))
    print(format_site_report(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    return 0 if "error" not in results else 1


if __name__ == "__main__":
    sys.exit(main())
