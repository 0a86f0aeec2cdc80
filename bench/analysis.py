"""Time the views and the network analysis on the synthetic national-scale graph, ours next to plain NetworkX.

``python -m bench.analysis [--seed 0] [--scale 1.0] [--json FILE]`` generates the
synthetic records (:mod:`bench.synthetic`), maps them with the project's mapping,
loads them into the project's store (not timed), then times each view of
:mod:`graph.views` and each analysis of :mod:`graph.analysis` with the igraph
backend and the same measure in plain NetworkX, in the same process, with the
ratio. ``make bench`` runs it in a fresh process (:func:`run_analysis`).
A NetworkX measure that runs longer than ``--peer-timeout`` seconds is stopped
and reported as "more than" that.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

__all__ = ["measure_analysis", "run_analysis", "format_analysis", "main"]

ROOT = Path(__file__).resolve().parents[1]


class _Timeout(Exception):
    pass


def _timed(func, timeout: float | None = None) -> tuple[float | None, Any, bool]:
    """(seconds, result, finished); stops ``func`` after ``timeout`` seconds (SIGALRM, main thread only)."""
    if timeout:
        def stop(signum, frame):
            raise _Timeout

        old = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    t = time.perf_counter()
    try:
        result = func()
        return time.perf_counter() - t, result, True
    except _Timeout:
        return time.perf_counter() - t, None, False
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def measure_analysis(seed: int = 0, scale: float = 1.0, peer_timeout: float = 120.0) -> dict[str, Any]:
    """Build the synthetic graph and time every view and analysis; plain data out."""
    import networkx as nx

    from bench.measure import scaled_sizes
    from bench.synthetic import generate_records
    from graph import views
    from graph.analysis.backend import to_igraph
    from graph.analysis.brokers import brokers
    from graph.analysis.centrality import centrality
    from graph.analysis.communities import community_partition, modularity
    from graph.build import assemble
    from graph.settings import data_dir
    from graph.sources import read_sources
    from graph.validate import union_graph

    gemeenten, organisations = scaled_sizes(scale)
    t = time.perf_counter()
    quads, _ = assemble(generate_records(seed=seed, gemeenten=gemeenten, organisations=organisations),
                        read_sources(data_dir() / "sources.yaml"))
    kg = union_graph(quads)
    del quads
    setup_s = time.perf_counter() - t
    kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?k }")  # first query warms the store up

    out: dict[str, Any] = {"seed": seed, "scale": scale, "setup_s": round(setup_s, 2), "triples": len(kg),
                           "cpus": os.cpu_count(), "views": {}, "analyses": {}}
    graphs = {}
    for name in ("cooperation_graph", "affiliation_graph", "full_graph", "gemeente_organisation_graph"):
        secs, g, _ = _timed(lambda name=name: getattr(views, name)(kg))
        graphs[name] = g
        out["views"][name] = {"s": round(secs, 3), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
        _say(f"  view {name}: {secs:.2f} s ({g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges)")
    G = graphs["cooperation_graph"]
    del graphs  # keep only what is measured, and keep the collector off the objects built so far
    gc.collect()
    gc.freeze()
    simple = nx.Graph(G)
    # import igraph, scipy (networkx's PageRank and eigenvector) and numpy before the clock runs
    to_igraph(nx.path_graph(3))[0].pagerank()
    nx.pagerank(nx.path_graph(3))
    nx.eigenvector_centrality_numpy(nx.path_graph(3))

    def ig(measure):
        def run():
            h, _ = to_igraph(G)
            return measure(h)
        return run

    pairs = {
        "pagerank": (ig(lambda h: h.pagerank(weights="weight")), lambda: nx.pagerank(simple, weight="weight")),
        "betweenness": (ig(lambda h: h.betweenness(directed=False)), lambda: nx.betweenness_centrality(simple)),
        "eigenvector (largest component)": (
            ig(lambda h: h.induced_subgraph(max(h.connected_components(), key=len)).eigenvector_centrality(
                weights="weight")),
            lambda: nx.eigenvector_centrality_numpy(simple.subgraph(max(nx.connected_components(simple), key=len)),
                                                    weight="weight")),
        "constraint (Burt)": (ig(lambda h: h.constraint(weights="weight")),
                              lambda: nx.constraint(simple, weight="weight")),
        "all centralities (centrality())": (lambda: centrality(G), lambda: centrality(G, backend="networkx")),
        "communities: Louvain": (lambda: community_partition(G, method="louvain", seed=seed),
                                 lambda: community_partition(G, method="networkx-louvain", seed=seed)),
        "communities: Leiden vs NetworkX Louvain": (lambda: community_partition(G, method="leiden", seed=seed),
                                                    lambda: community_partition(G, method="networkx-louvain",
                                                                                seed=seed)),
        "brokers": (lambda: brokers(G), lambda: brokers(G, backend="networkx")),
    }
    warnings.simplefilter("ignore", RuntimeWarning)  # igraph on disconnected graphs
    for name, (ours, peer) in pairs.items():
        s_ours, r_ours, _ = _timed(ours)
        s_peer, r_peer, done = _timed(peer, peer_timeout)
        row = {"ours_s": round(s_ours, 4), "networkx_s": round(s_peer, 4) if done else None,
               "networkx_timeout_s": None if done else peer_timeout,
               "ratio": round(s_peer / s_ours, 1) if done and s_ours > 0 else None}
        if name.startswith("communities") and done:
            row["modularity_ours"] = round(modularity(G, r_ours), 4)
            row["modularity_networkx"] = round(modularity(G, r_peer), 4)
        out["analyses"][name] = row
        peer_text = f"{s_peer:.2f} s" if done else f"> {peer_timeout:.0f} s (stopped)"
        _say(f"  {name}: ours {s_ours:.3f} s, networkx {peer_text}")

    def full():
        g = views.cooperation_graph(kg)
        centrality(g)
        community_partition(g, seed=seed)
        brokers(g)

    secs, _, _ = _timed(full)
    out["full_analysis_s"] = round(secs, 2)
    _say(f"  full analysis (cooperation view + centralities + communities + brokers): {secs:.2f} s")
    return out


def run_analysis(seed: int, scale: float, timeout_s: float = 1800.0, peer_timeout: float = 60.0) -> dict[str, Any]:
    """Run :func:`measure_analysis` in a fresh process; ``{"error": ...}`` when it fails.

    ``timeout_s`` is at least 1800 s: NetworkX measures may each run ``peer_timeout`` seconds.
    """
    timeout_s = max(timeout_s, 1800.0)
    with tempfile.TemporaryDirectory(prefix="bench-analysis-") as tmp:
        target = Path(tmp) / "analysis.json"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", ""))
                                                          if p))
        try:
            argv = [sys.executable, "-m", "bench.analysis", "--seed", str(seed), "--scale", str(scale),
                    "--peer-timeout", str(peer_timeout), "--json", str(target)]
            proc = subprocess.run(argv, cwd=ROOT, env=env, timeout=timeout_s, stdout=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout_s:.0f} s"}
        if proc.returncode != 0 or not target.exists():
            return {"error": f"analysis worker exited with {proc.returncode}"}
        return json.loads(target.read_text())


def format_analysis(res: dict[str, Any]) -> str:
    """The figures as a text table."""
    if "error" in res:
        return f"\nANALYSIS: FAILED: {res['error']}"
    lines = [f"\nANALYSIS of the synthetic graph (seed {res['seed']}, scale {res['scale']}, {res['triples']:,} triples,"
             f" {res['cpus']} CPUs)", "", f"{'view':<34}{'seconds':>9}{'nodes':>10}{'edges':>10}"]
    for name, v in res["views"].items():
        lines.append(f"{name:<34}{v['s']:>9.2f}{v['nodes']:>10,}{v['edges']:>10,}")
    lines += ["", f"{'analysis (cooperation graph)':<42}{'ours s':>9}{'networkx s':>12}{'ratio':>8}"]
    for name, a in res["analyses"].items():
        peer = f"{a['networkx_s']:.3f}" if a["networkx_s"] is not None else f">{a['networkx_timeout_s']:.0f}"
        ratio = f"{a['ratio']:.1f}x" if a["ratio"] is not None else "-"
        extra = (f"  modularity {a['modularity_ours']} vs {a['modularity_networkx']}"
                 if "modularity_ours" in a else "")
        lines.append(f"{name:<42}{a['ours_s']:>9.3f}{peer:>12}{ratio:>8}{extra}")
    lines += ["", f"full analysis (view + centralities + communities + brokers): {res['full_analysis_s']:.2f} s"
              " (goal: under 10 s)"]
    return "\n".join(lines)


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, and write the figures as JSON when ``--json`` is given."""
    p = argparse.ArgumentParser(prog="python -m bench.analysis", description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--scale", type=float, default=1.0)
    p.add_argument("--peer-timeout", type=float, default=120.0,
                   help="stop a NetworkX measure after this many seconds (default 120)")
    p.add_argument("--json", type=Path, help="write the figures here")
    args = p.parse_args(argv)
    res = measure_analysis(args.seed, args.scale, args.peer_timeout)
    print(format_analysis(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
