"""Load test of the SPARQL endpoint on 127.0.0.1, next to rdflib-endpoint and a thin Starlette app.

Each target serves the same N-Quads file in its own process on a free port of
127.0.0.1: ``kennisgraaf serve`` with the result cache off (every query
computed) and on, a minimal Starlette app over an in-memory pyoxigraph store
(the query run in Starlette's thread pool, nothing else), and rdflib-endpoint
over rdflib's default memory store. For 8 and 32 concurrent clients (threads
with keep-alive connections) a fixed mix of queries is sent round-robin for a
bounded time; the run reports requests per second, p50/p99 latency, errors,
and the server's resident memory (its process and its children) before and
after each run. Every target gets the queries with their PREFIX lines.

Two mixes: ``typisch`` (:data:`MIX`: what other tools typically send: a count
per class and an aggregate per province over the whole graph, a name search,
the Gouden Gemeenten list and one entity's provenance) for every target and
client count, and ``zwaar`` (:data:`HEAVY_MIX`: three whole-graph aggregates,
among them a GROUP BY over all 130,000 claims) with 8 clients for our endpoint
and the thin app, to show what a heavier load does.

``python -m bench.endpoint --graph FILE.nq`` runs it on its own; ``make bench``
runs it on the synthetic graph.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

__all__ = ["TARGETS", "MIX", "HEAVY_MIX", "hammer", "load_run", "run_endpoint_bench", "format_endpoint_report", "main"]

ROOT = Path(__file__).resolve().parents[1]
#: target name -> what it is
TARGETS: dict[str, str] = {
    "kennisgraaf-cache-off": "kennisgraaf serve --no-cache (graph.sparql QueryPool, 2 worker processes)",
    "kennisgraaf-cache-on": "kennisgraaf serve (same, with the bounded result cache)",
    "thin-starlette": "a minimal Starlette app over in-memory pyoxigraph (uvicorn, one process)",
    "rdflib-endpoint": "rdflib-endpoint over rdflib's default memory store (uvicorn, one process)",
}
#: the typical query mix (ids of bench.queries.TYPICAL), sent round-robin
MIX = ("tellen-per-klasse", "organisaties-per-provincie", "herkomst-van-delft", "label-bevat-wijk",
       "gouden-gemeenten")
#: the heavy mix: whole-graph aggregates (run with 8 clients, for our endpoint and the thin app)
HEAVY_MIX = ("tellen-per-klasse", "beweringen-per-bron", "organisaties-per-provincie", "herkomst-van-delft",
             "label-bevat-wijk")
_HEAVY_TARGETS = ("kennisgraaf-cache-off", "thin-starlette")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _queries(mix: tuple[str, ...] = MIX) -> list[tuple[str, str]]:
    from bench.queries import TYPICAL
    from graph.web.page import with_prefixes

    by_id = {q["id"]: q["query"].strip() for q in TYPICAL}
    return [(qid, with_prefixes(by_id[qid])) for qid in mix]


# --- the targets, each run in its own process: python -m bench.endpoint --serve NAME FILE PORT -------------------

def _thin_app(path: str):
    """The thin comparison app: parse the query parameter, run it on pyoxigraph, return SPARQL JSON."""
    import pyoxigraph as ox
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    store = ox.Store()
    store.load(path=path)

    def sparql(request: Request) -> Response:  # a plain function: Starlette runs it in its thread pool
        result = store.query(request.query_params["query"])
        return Response(result.serialize(format=ox.QueryResultsFormat.JSON),
                        media_type="application/sparql-results+json")

    return Starlette(routes=[Route("/sparql", sparql)])


def _rdflib_endpoint_app(path: str):
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    ds = Dataset()
    ds.parse(path, format="nquads")
    return SparqlEndpoint(graph=ds, path="/sparql", cors_enabled=True, enable_update=False)


def _serve(name: str, path: str, port: int) -> None:
    import uvicorn

    if name.startswith("kennisgraaf"):
        from graph.commands_serve import serve

        serve(Path(path), port=port, timeout=30, cache=name == "kennisgraaf-cache-on")
        return
    app = _thin_app(path) if name == "thin-starlette" else _rdflib_endpoint_app(path)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


# --- the load generator ---------------------------------------------------------------------------------------

def _get(conn: http.client.HTTPConnection, target: str,
         accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    conn.request("GET", target, headers={"Accept": accept})
    resp = conn.getresponse()
    return resp.status, resp.read()


def _rows(body: bytes) -> int | None:
    try:
        return len(json.loads(body)["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        return None


def hammer(port: int, targets: list[str], clients: int, duration: float, *, timeout: float,
           accept: str, digits: int = 1) -> dict[str, Any]:
    """``clients`` threads with keep-alive connections GET ``targets`` round-robin for ``duration`` seconds.

    Returns requests, errors (non-200 or failed connections, with up to three examples), requests/s over
    the wall time, p50 and p99 in milliseconds (rounded to ``digits``) and the wall time. A request in
    flight at the deadline is waited for (up to ``timeout``) and counted.
    """
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + duration

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        i = offset
        while time.perf_counter() < deadline:
            t = time.perf_counter()
            try:
                status, body = _get(conn, targets[i % len(targets)], accept)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                status, body = 0, str(exc).encode()
            elapsed = time.perf_counter() - t
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(f"{status}: {body[:80]!r}")
            i += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(duration + timeout + 5)
    wall = time.perf_counter() - start
    latencies.sort()

    def pct(p: float) -> float | None:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], digits) if latencies else None

    return {"clients": clients, "duration_s": round(wall, 1), "requests": len(latencies), "errors": len(errors),
            "error_examples": sorted(set(errors))[:3], "rps": round(len(latencies) / wall, 2),
            "p50_ms": pct(0.50), "p99_ms": pct(0.99)}


def load_run(port: int, queries: list[tuple[str, str]], clients: int, duration: float,
             timeout: float = 60.0) -> dict[str, Any]:
    """``clients`` threads send the queries round-robin for ``duration`` seconds (see :func:`hammer`).

    The result also holds the machine's 1-minute load average before and after: figures taken on a busy
    machine are not comparable across runs.
    """
    load_before = os.getloadavg()[0]
    run = hammer(port, [f"/sparql?query={quote(q)}" for _, q in queries], clients, duration, timeout=timeout,
                 accept="application/sparql-results+json")
    return {**run, "loadavg_before": round(load_before, 2), "loadavg_after": round(os.getloadavg()[0], 2)}


def _rss_mib(pid: int) -> dict[str, float | None]:
    """Memory of the server's process tree: RSS of the main process, RSS summed over the tree (a page shared
    by N processes counted N times) and PSS summed over it (shared pages divided among their sharers, so the
    sum is the memory the tree really holds; None where the system has no PSS)."""
    import psutil

    proc = psutil.Process(pid)
    tree = [proc, *proc.children(recursive=True)]
    rss = [p.memory_info().rss for p in tree]
    try:
        pss: int | None = sum(p.memory_full_info().pss for p in tree)
    except (AttributeError, psutil.AccessDenied):  # PSS is Linux-only
        pss = None
    return {"server_mib": round(rss[0] / 2**20, 1), "with_workers_mib": round(sum(rss) / 2**20, 1),
            "pss_mib": round(pss / 2**20, 1) if pss is not None else None}


@contextlib.contextmanager
def _running(name: str, path: str, startup: float = 600.0, *, wait_site: bool = True):
    """Serve ``path`` with target ``name`` on a free port; yields (process, port, seconds until it answered).

    For our server, ``wait_site`` also waits for the web site's index, which it builds in the background at
    start, so a load run does not share the cores with it.
    """
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    proc = subprocess.Popen([sys.executable, "-m", "bench.endpoint", "--serve", name, path, str(port)], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    t = time.perf_counter()
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}: "
                                   + proc.stderr.read().decode(errors="replace")[-500:])
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                status, _ = _get(conn, "/sparql?query=" + quote("ASK {}"))
                conn.close()
                if status == 200:
                    if wait_site and name.startswith("kennisgraaf"):  # the site index, built in the background
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=startup)
                        conn.request("GET", "/")
                        conn.getresponse().read()
                        conn.close()
                    break
            except OSError:
                pass
            if time.perf_counter() - t > startup:
                raise RuntimeError(f"{name} did not answer within {startup:.0f} s")
            time.sleep(0.25)
        yield proc, port, time.perf_counter() - t
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            pass
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def run_endpoint_bench(path: str | Path, *, clients: tuple[int, ...] = (8, 32), duration: float = 20.0,
                       targets: tuple[str, ...] = tuple(TARGETS), say=print) -> dict[str, Any]:
    """Serve ``path`` with each target in turn and load-test it; returns plain data (see :func:`load_run`).

    Every target runs the typical mix with each client count; our endpoint (cache off) and the thin app also run
    the heavy mix with the smallest client count.
    """
    mixes = {"typisch": _queries(MIX), "zwaar": _queries(HEAVY_MIX)}
    out: dict[str, Any] = {"graph": str(path), "mix": list(MIX), "heavy_mix": list(HEAVY_MIX),
                           "clients": list(clients), "duration_s": duration, "targets": {}}
    for name in targets:
        say(f"  endpoint {name}: starting ({TARGETS[name]})")
        result: dict[str, Any] = {"what": TARGETS[name], "runs": []}
        try:
            with _running(name, str(path)) as (proc, port, startup):
                result["startup_s"] = round(startup, 1)
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
                every = {qid: q for queries in mixes.values() for qid, q in queries}
                result["rows"] = {qid: _rows(_get(conn, f"/sparql?query={quote(q)}")[1]) for qid, q in every.items()}
                conn.close()
                plan = [("typisch", n) for n in clients]
                if name in _HEAVY_TARGETS:
                    plan.append(("zwaar", min(clients)))
                for mix, n in plan:
                    before = _rss_mib(proc.pid)
                    run = {"mix": mix, **load_run(port, mixes[mix], n, duration)}
                    run["rss_before"], run["rss_after"] = before, _rss_mib(proc.pid)
                    result["runs"].append(run)
                    say(f"    {mix:<8} {n:>2} clients: {run['rps']:8.2f} req/s, p50 {run['p50_ms']} ms,"
                        f" p99 {run['p99_ms']} ms, {run['errors']} errors; memory (PSS) {_mem(before):.0f} ->"
                        f" {_mem(run['rss_after']):.0f} MiB")
        except Exception as exc:  # noqa: BLE001 - a target that fails is reported, the others still run
            result["error"] = str(exc)
            say(f"    FAILED: {exc}")
        out["targets"][name] = result
    thin = {(r["mix"], r["clients"]): r["rps"] for r in out["targets"].get("thin-starlette", {}).get("runs", [])}
    for result in out["targets"].values():
        for r in result.get("runs", []):
            if thin.get((r["mix"], r["clients"])):
                r["x_thin"] = round(r["rps"] / thin[(r["mix"], r["clients"])], 2)
    return out


def _mem(m: dict) -> float:
    return m["pss_mib"] if m.get("pss_mib") is not None else m["with_workers_mib"]


def format_endpoint_report(results: dict[str, Any]) -> str:
    """The figures as a text table."""
    nan = float("nan")
    lines = [f"SPARQL endpoint load test on 127.0.0.1 ({results['duration_s']:.0f} s per run; mix typisch: "
             f"{', '.join(results['mix'])}; mix zwaar: {', '.join(results.get('heavy_mix', []))})",
             f"{'target':<24}{'mix':>8}{'clients':>8}{'req/s':>10}{'x thin':>8}{'p50 ms':>10}{'p99 ms':>10}"
             f"{'errors':>8}{'mem before':>12}{'mem after':>11}{'load avg':>10}"]
    for name, result in results["targets"].items():
        if "error" in result:
            lines.append(f"{name:<24}  FAILED: {result['error'][:90]}")
        for r in result.get("runs", []):
            lines.append(f"{name:<24}{r.get('mix', 'typisch'):>8}{r['clients']:>8}{r['rps']:>10.2f}"
                         f"{r.get('x_thin', nan):>8.2f}{r['p50_ms'] or nan:>10.1f}{r['p99_ms'] or nan:>10.1f}"
                         f"{r['errors']:>8}{_mem(r['rss_before']):>10.0f} M{_mem(r['rss_after']):>9.0f} M"
                         f"{r.get('loadavg_after', nan):>10.1f}")
    lines.append("  mem: memory of the server's processes (PSS summed: a page the query workers share counted once)")
    rows = {name: r.get("rows") for name, r in results["targets"].items() if r.get("rows")}
    if len({json.dumps(v, sort_keys=True) for v in rows.values()}) > 1:
        lines.append("WARNING: the targets returned different row counts: " + json.dumps(rows))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--serve"]:
        _serve(argv[1], argv[2], int(argv[3]))
        return 0
    p = argparse.ArgumentParser(prog="python -m bench.endpoint", description=__doc__.split("\n\n")[0])
    p.add_argument("--graph", type=Path, required=True, help="N-Quads file to serve")
    p.add_argument("--duration", type=float, default=20.0, help="seconds per load run (default 20)")
    p.add_argument("--clients", default="8,32", help="concurrent clients per run (default 8,32)")
    p.add_argument("--targets", default=",".join(TARGETS), help=f"from {', '.join(TARGETS)}")
    p.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = p.parse_args(argv)
    results = run_endpoint_bench(args.graph, clients=tuple(int(c) for c in args.clients.split(",")),
                                 duration=args.duration, targets=tuple(t for t in args.targets.split(",") if t),
                                 say=lambda m: print(m, file=sys.stderr, flush=True))
    print(format_endpoint_report(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    return 0 if all("error" not in r for r in results["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
