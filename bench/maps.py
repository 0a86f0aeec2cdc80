"""Map benchmark: our self-contained maps next to pyvis's defaults, in headless system Chromium.

For synthetic views (:func:`graph.maps.synthetic_view`, 11 edges per node) of 500, 2,000
and 5,000 nodes it measures, for our maps: HTML build time (layout included), file size,
time to first draw and to interactive after navigation starts, and how long a search
(focus + neighbourhood highlight) and a pan take to redraw, how many lines are drawn at first and
how long drawing all of them takes on request. For pyvis 0.3.2 with its defaults
(barnes-hut physics, dynamic smooth edges, ``cdn_resources="in_line"`` so vis-network is in the
file) the same, with a time limit; node and edge lists are filled directly, since pyvis's per-edge
``add_edge`` is quadratic (its time is reported for the smallest size only). Requests other than
``file:`` are blocked and counted for both (pyvis still links Bootstrap and tom-select from a CDN).

``python -m bench.maps [--sizes 500,2000] [--pyvis-timeout 60]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["run_map_bench", "format_map_report", "main"]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
DEFAULT_SIZES = (500, 2000, 5000)

_PYVIS_HOOK = """
(() => { let net = null;
  Object.defineProperty(window, 'network', {configurable: true, get() { return net; }, set(v) {
    net = v;
    v.once('afterDrawing', () => { window.__kgFirstDraw = performance.now(); });
    v.once('stabilizationIterationsDone', () => { window.__kgStable = performance.now(); });
  }});
})();
"""

_REDRAW_JS = """async ([action, label]) => {
  const r = document.querySelector('[data-kgmap]'); const net = r.kgmap.network;
  const drawn = new Promise(res => net.once('afterDrawing', res));
  const t0 = performance.now();
  if (action === 'search') {
    const input = r.querySelector('[data-kg=search]'); input.value = label;
    r.querySelector('[data-kg=search-form]').requestSubmit();
  } else if (action === 'zoom') {
    net.moveTo({scale: net.getScale() * 1.5});
  } else if (action === 'lines') {
    r.querySelector('[data-kg=lines]').click();
  } else {
    const p = net.getViewPosition(); net.moveTo({position: {x: p.x + 200, y: p.y + 100}});
  }
  await drawn; return performance.now() - t0; }"""


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _chromium() -> str | None:
    return os.environ.get("KENNISGRAAF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _pyvis_page(G) -> tuple[str, float]:
    """pyvis's default network, lists filled directly; returns (html, build seconds)."""
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(cdn_resources="in_line")
    for n, d in G.nodes(data=True):
        net.nodes.append({"id": n, "label": d["label"], "shape": "dot", "size": 10, "title": d["kind"]})
        net.node_ids.append(n)
        net.node_map[n] = net.nodes[-1]
    for u, v, d in G.edges(data=True):
        net.edges.append({"from": u, "to": v, "title": d["relation"]})
    page = net.generate_html()
    return page, time.perf_counter() - start


def _pyvis_per_edge_seconds(G) -> float:
    """pyvis's own path (``add_node``/``add_edge``, with its duplicate check per edge)."""
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(cdn_resources="in_line")
    for n, d in G.nodes(data=True):
        net.add_node(n, label=d["label"])
    for u, v in G.edges():
        net.add_edge(u, v)
    return time.perf_counter() - start


def _load(browser, path: Path, wait_js: str, timeout_s: float) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(_PYVIS_HOOK)
    out: dict[str, Any] = {}
    start = time.perf_counter()
    try:
        page.goto(path.as_uri(), timeout=timeout_s * 1000, wait_until="commit")
        page.wait_for_function(wait_js, timeout=timeout_s * 1000)
        out["wall_s"] = round(time.perf_counter() - start, 2)
    except Exception as exc:  # playwright's TimeoutError: report, do not fail the run
        out["timeout_s"] = timeout_s
        out["error"] = type(exc).__name__
    out["blocked_requests"] = len(blocked)
    out["page_errors"] = errors[:3]
    return {"page": page, "context": context, **out}


def _ours(browser, G, folder: Path, n: int, timeout_s: float) -> dict[str, Any]:
    from graph.maps import render_map

    path = folder / f"ours-{n}.html"
    start = time.perf_counter()
    render_map(G, title=f"Synthetisch, {n} punten", path=path)
    result: dict[str, Any] = {"build_s": round(time.perf_counter() - start, 3), "bytes": path.stat().st_size}
    loaded = _load(browser, path, "() => document.querySelector('[data-kgmap]')?.dataset.ready === 'true'", timeout_s)
    page, context = loaded.pop("page"), loaded.pop("context")
    result.update(loaded)
    if "wall_s" in loaded:
        data = page.evaluate("() => ({...document.querySelector('[data-kgmap]').dataset})")
        result["first_draw_ms"] = int(data["firstDrawMs"])
        result["interactive_ms"] = int(data["readyMs"])
        result["lines_first"] = page.evaluate("() => document.querySelector('[data-kgmap]').kgmap.edgeView.length")
        label = G.nodes[next(iter(sorted(G, key=lambda x: G.degree(x))[-1:]))]["label"]
        result["search_ms"] = round(page.evaluate(_REDRAW_JS, ["search", label]), 1)
        result["pan_ms"] = round(page.evaluate(_REDRAW_JS, ["pan", ""]), 1)
        result["zoom_ms"] = round(page.evaluate(_REDRAW_JS, ["zoom", ""]), 1)
        if result["lines_first"] < G.number_of_edges():
            result["all_lines_ms"] = round(page.evaluate(_REDRAW_JS, ["lines", ""]), 1)
            result["pan_all_lines_ms"] = round(page.evaluate(_REDRAW_JS, ["pan", ""]), 1)
    context.close()
    return result


def _pyvis_in_browser(chromium: str, path: Path, timeout_s: float) -> dict[str, Any]:
    """Load one pyvis page and wait for its first draw (runs in a child process, see :func:`_pyvis`)."""
    from playwright.sync_api import sync_playwright

    result: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        loaded = _load(browser, path, "() => window.__kgFirstDraw !== undefined", timeout_s)
        page = loaded.pop("page")
        loaded.pop("context")
        result.update(loaded)
        if "wall_s" in loaded:
            result["first_draw_ms"] = int(page.evaluate("window.__kgFirstDraw"))
            stable = page.evaluate("window.__kgStable")
            result["interactive_ms"] = int(max(stable or 0, result["first_draw_ms"]))
        browser.close()
    return result


def _pyvis(chromium: str, G, folder: Path, n: int, timeout_s: float) -> dict[str, Any]:
    page_html, build_s = _pyvis_page(G)
    path = folder / f"pyvis-{n}.html"
    path.write_text(page_html, encoding="utf-8")
    result: dict[str, Any] = {"build_s": round(build_s, 3), "bytes": path.stat().st_size,
                              "blocked_requests": page_html.count("cdn.jsdelivr.net")}
    # A child process in its own session: a page stuck in synchronous layout work does not answer the
    # browser's close, so past the limit the whole process group (browser included) is killed.
    cmd = [sys.executable, "-m", "bench.maps", "--pyvis-page", str(path), "--pyvis-timeout", str(timeout_s)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True,
                            cwd=Path(__file__).resolve().parent.parent)
    try:
        out, _ = proc.communicate(timeout=timeout_s + 30)
        result.update(json.loads(out.strip().splitlines()[-1]))
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        result.update({"timeout_s": timeout_s, "error": "killed at the time limit"})
    except (ValueError, IndexError):
        result.update({"timeout_s": timeout_s, "error": "no result from the child process"})
    return result


def run_map_bench(sizes=DEFAULT_SIZES, *, seed: int = 0, pyvis_timeout: float = 60.0,
                  timeout: float = 120.0) -> dict[str, Any]:
    """All map figures as plain data (``{"error": ...}`` when Chromium or Playwright is missing)."""
    from importlib import metadata

    from graph.maps import VIS_NETWORK_VERSION, synthetic_view

    path = _chromium()
    if path is None:
        return {"error": "chromium not found (make venv installs it as root; or set KENNISGRAAF_CHROMIUM)"}
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {"meta": {"seed": seed, "pyvis_timeout_s": pyvis_timeout, "chromium": path,
                                        "vis_network_ours": VIS_NETWORK_VERSION,
                                        "pyvis": metadata.version("pyvis"),
                                        "playwright": metadata.version("playwright"),
                                        "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
                                        "cpus": os.cpu_count()},
                               "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="kennisgraaf-mapbench-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        for i, n in enumerate(sizes):
            G = synthetic_view(n, seed=seed)
            _say(f"MAPS {n} nodes, {G.number_of_edges()} edges: ours")
            row: dict[str, Any] = {"nodes": n, "edges": G.number_of_edges()}
            row["ours"] = _ours(browser, G, Path(tmp), n, timeout)
            _say(f"  pyvis defaults (limit {pyvis_timeout:.0f} s)")
            row["pyvis"] = _pyvis(path, G, Path(tmp), n, pyvis_timeout)
            if i == 0:
                row["pyvis"]["per_edge_add_s"] = round(_pyvis_per_edge_seconds(G), 2)
            results["sizes"][str(n)] = row
        browser.close()
    return results


def _ms(r: dict, key: str) -> str:
    if "error" in r:
        return f"not drawn in {r['timeout_s']:.0f} s" if key in ("first_draw_ms", "interactive_ms") else "-"
    return f"{r[key]:,}" if key in r else "-"


def format_map_report(results: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    if "error" in results:
        return f"MAPS: skipped: {results['error']}"
    meta = results["meta"]
    lines = [f"MAPS (synthetic views; headless Chromium, ms since navigation start; {meta['cpus']} CPUs,"
             f" load average {meta['load_average_at_start'][0]} at start; pyvis {meta['pyvis']} defaults,"
             f" ours vis-network {meta['vis_network_ours']})",
             f"{'nodes':>6} {'edges':>7}  {'map':<6} {'build s':>8} {'size MB':>8} {'first draw ms':>18}"
             f" {'interactive ms':>18} {'search ms':>9} {'pan ms':>7} {'zoom ms':>7} {'blocked':>7}"
             f" {'lines first':>11} {'all lines ms':>12} {'then pan ms':>11}"]
    for row in results["sizes"].values():
        for name in ("ours", "pyvis"):
            r = row[name]
            lines.append(f"{row['nodes']:>6} {row['edges']:>7}  {name:<6} {r['build_s']:>8.2f}"
                         f" {r['bytes'] / 1e6:>8.1f} {_ms(r, 'first_draw_ms'):>18} {_ms(r, 'interactive_ms'):>18}"
                         f" {r.get('search_ms', '-'):>9} {r.get('pan_ms', '-'):>7} {r.get('zoom_ms', '-'):>7}"
                         f" {r['blocked_requests']:>7} {r.get('lines_first', '-'):>11} {r.get('all_lines_ms', '-'):>12}"
                         f" {r.get('pan_all_lines_ms', '-'):>11}")
        if "per_edge_add_s" in row["pyvis"]:
            lines.append(f"{'':>16}pyvis add_node/add_edge one by one: {row['pyvis']['per_edge_add_s']:.2f} s"
                         " (our build fills the lists directly)")
    from graph.maps.data import ALL_LINES_LIMIT

    lines.append(f"  lines first: lines drawn at first (a map with more than {ALL_LINES_LIMIT:,} draws each node's"
                 " strongest first);"
                 " all lines ms: from pressing 'Alle lijnen' to the redraw of every line; then pan ms: a pan with every"
                 " line drawn")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the map benchmark alone and print the table (JSON with --json)."""
    p = argparse.ArgumentParser(prog="python -m bench.maps", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="node counts, comma-separated")
    p.add_argument("--pyvis-timeout", type=float, default=60.0, help="seconds to wait for a pyvis map to draw")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print the figures as JSON too")
    p.add_argument("--pyvis-page", type=Path, help=argparse.SUPPRESS)  # internal: one pyvis page, JSON out
    args = p.parse_args(argv)
    if args.pyvis_page:
        print(json.dumps(_pyvis_in_browser(_chromium(), args.pyvis_page, args.pyvis_timeout)))
        return 0
    results = run_map_bench([int(s) for s in args.sizes.split(",")], seed=args.seed, pyvis_timeout=args.pyvis_timeout)
    print(format_map_report(results))
    if args.json:
        print(json.dumps(results, indent=2))
    return 1 if "error" in results else 0


if __name__ == "__main__":
    sys.exit(main())
