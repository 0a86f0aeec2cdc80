"""Measurements that run inside one fresh process: a build, or a load plus queries.

Each function returns plain data (dicts of numbers and strings). They are meant
to run in a subprocess of their own (see :mod:`bench.worker`), so the peak
resident memory (``ru_maxrss``) belongs to that one build or store alone.
"""

from __future__ import annotations

import os
import resource
import signal
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["KILLED_EXIT", "Watchdog", "peak_rss_mib", "rss_mib", "time_query", "measure_load",
           "measure_real_build", "measure_synthetic_build", "scaled_sizes"]

MIB = 1024 * 1024
#: Exit status of a worker the watchdog ended because a query would not stop.
KILLED_EXIT = 3
#: Seconds past the query time limit before the watchdog ends the process: short
#: for stores that evaluate in native code (SIGALRM cannot stop them), long for
#: pure-Python rdflib, which SIGALRM stops once its current C call returns.
GRACE_S = {"native": 3.0, "python": 30.0}


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (``ru_maxrss`` is KiB on Linux)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / MIB  # macOS reports bytes


def rss_mib() -> float:
    """Current resident memory of this process, in MiB."""
    import psutil

    return psutil.Process().memory_info().rss / MIB


class QueryTimeout(BaseException):
    """A query ran longer than its time limit.

    A BaseException, like KeyboardInterrupt, so that library code catching
    ``Exception`` (rdflib does, in places) cannot swallow it.
    """


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise QueryTimeout


class Watchdog:
    """Ends the process when one query run outlives its limit.

    SIGALRM stops a query running in Python (rdflib), but pyoxigraph evaluates
    in native code that only sees the signal once it is done. The watchdog
    thread calls ``on_fire(seconds)`` (to save what was measured) and exits
    with :data:`KILLED_EXIT`; the parent then starts a fresh process for the
    remaining queries.
    """

    def __init__(self, limit_s: float, on_fire: Callable[[float], None]) -> None:
        self.limit_s = limit_s
        self.on_fire = on_fire
        self._timer: threading.Timer | None = None
        self._started = 0.0

    def arm(self) -> None:
        """Start the clock for one run."""
        self.disarm()
        self._started = time.perf_counter()
        self._timer = threading.Timer(self.limit_s, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def disarm(self) -> None:
        """The run ended in time."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _fire(self) -> None:
        try:
            self.on_fire(time.perf_counter() - self._started)
        finally:
            os._exit(KILLED_EXIT)


def time_query(run, sparql: str, runs: int = 5, budget_s: float = 10.0,
               timeout_s: float = 60.0, watchdog: Watchdog | None = None) -> dict[str, Any]:
    """Time one query: the median of up to ``runs`` runs.

    Stops repeating once the runs so far took ``budget_s`` in total (at least
    one run). A run longer than ``timeout_s`` is interrupted (SIGALRM) and the
    query reported as timed out; if it does not stop, ``watchdog`` ends the process.

    Returns
    -------
    dict
        ``median_ms``, ``runs_ms`` (every run), ``rows`` and, on failure,
        ``error`` (with ``median_ms`` None; ``timed_out_s`` when it ran too long).
    """
    times: list[float] = []
    rows = None
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(max(1, runs)):
            signal.setitimer(signal.ITIMER_REAL, timeout_s)
            if watchdog:
                watchdog.arm()
            t = time.perf_counter()
            try:
                rows = run(sparql)
            except QueryTimeout:
                # Native code (pyoxigraph) only sees the signal when it returns to Python,
                # so report how long the run really took.
                took = time.perf_counter() - t
                return {"median_ms": None, "runs_ms": [round(x, 3) for x in times], "rows": rows,
                        "timed_out_s": round(took, 1),
                        "error": f"timeout: stopped after {took:.0f} s (limit {timeout_s:.0f} s)"}
            except Exception as exc:  # noqa: BLE001 - a failing query is a result, not a crash
                return {"median_ms": None, "runs_ms": [], "rows": None,
                        "error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"}
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                if watchdog:
                    watchdog.disarm()
            times.append((time.perf_counter() - t) * 1000)
            if sum(times) / 1000 >= budget_s:
                break
    finally:
        signal.signal(signal.SIGALRM, previous)
    return {"median_ms": round(statistics.median(times), 3), "runs_ms": [round(x, 3) for x in times],
            "rows": rows}


def measure_load(store: str, path: Path, queries: list[dict[str, str]], runs: int = 5,
                 budget_s: float = 10.0, timeout_s: float = 60.0, total_budget_s: float = 240.0,
                 checkpoint: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Load ``path`` into ``store`` and time every query; memory from this process.

    The libraries are imported before the baseline is taken, so ``load_mib``
    is what loading the data costs, not what importing rdflib costs.

    Parameters
    ----------
    budget_s : a query is repeated (up to ``runs`` times) until its runs took this long.
    timeout_s : a single run is interrupted after this long.
    total_budget_s : once all queries together took this long, the remaining
        queries run once each (``budget_s`` is shared out over what is left).
    checkpoint : called with the figures so far after the load and after each
        query, so a killed process still leaves its partial results.

    A run that does not stop within ``timeout_s`` plus a few seconds ends the
    process (see :class:`Watchdog`); the figures then carry ``killed_query``.
    """
    import oxrdflib  # noqa: F401 - registers the Oxigraph store and ox-* parsers
    import pyoxigraph  # noqa: F401
    import rdflib  # noqa: F401

    import graph.store  # noqa: F401
    from bench.stores import describe, open_store

    baseline = rss_mib()
    t = time.perf_counter()
    opened = open_store(store, Path(path))
    load_s = time.perf_counter() - t
    peak_load = peak_rss_mib()
    out: dict[str, Any] = {
        "store": store, "how": describe(store), "triples": opened.triples(), "quads": opened.quads(),
        "load_s": round(load_s, 3),
        "baseline_mib": round(baseline, 1), "peak_mib": round(peak_load, 1),
        "load_mib": round(peak_load - baseline, 1), "rss_after_load_mib": round(rss_mib(), 1),
        "queries": {},
    }
    current = {"id": None}
    lock = threading.Lock()  # the watchdog's save must not interleave with the main thread's

    def save() -> None:
        if checkpoint:
            with lock:
                checkpoint(out)

    def hung(took: float) -> None:
        lock.acquire()  # held until the process exits: no later save can overwrite this one
        out["queries"][current["id"]] = {
            "median_ms": None, "runs_ms": [], "rows": None, "timed_out_s": round(took, 1),
            "error": f"timeout: process ended after {took:.0f} s (limit {timeout_s:.0f} s; the query"
                     " did not stop)"}
        out["killed_query"] = current["id"]
        if checkpoint:
            checkpoint(out)

    grace = GRACE_S["native" if opened.native else "python"]
    watchdog = Watchdog(timeout_s + grace, hung)
    save()
    started = time.perf_counter()
    for i, q in enumerate(queries):
        left = max(0.0, total_budget_s - (time.perf_counter() - started))
        share = min(budget_s, left / (len(queries) - i))
        current["id"] = q["id"]
        out["queries"][q["id"]] = time_query(opened.run, q["query"], runs, share, timeout_s, watchdog)
        out["peak_after_queries_mib"] = round(peak_rss_mib(), 1)
        save()
    out["queries_s"] = round(time.perf_counter() - started, 3)
    return out


def measure_real_build(output: Path) -> dict[str, Any]:
    """Run the real build (``graph.build.build``, SHACL on) into ``output``.

    The seed texts for the quote check come from ``KENNISGRAAF_SEEDS`` when set.
    """
    from graph.build import build
    from graph.settings import seeds_dir

    t = time.perf_counter()
    result = build(output=Path(output), shacl=True)
    build_s = time.perf_counter() - t
    return {
        "path": str(Path(output) / "kennisgraaf.nq"), "triples": result.triples, "quads": result.quads,
        "facts": result.facts,
        "records": result.records, "build_s": round(build_s, 3),
        "timings_s": {k: round(v, 3) for k, v in result.timings.items()},
        "peak_mib": round(peak_rss_mib(), 1), "shacl": True,
        "seeds": str(seeds_dir()) if seeds_dir() else None, "validation": result.report.summary(),
    }


def scaled_sizes(scale: float) -> tuple[int, int]:
    """(gemeenten, organisations) for a fraction of the national-scale default (340, 20,000)."""
    return max(2, round(340 * scale)), max(1, round(20000 * scale))


def measure_synthetic_build(folder: Path, output: Path, shacl: bool = True) -> dict[str, Any]:
    """Build a synthetic data folder (:func:`bench.synthetic.write_data_folder`) the way users build.

    Runs :func:`graph.build.build` on ``folder/data`` with the seed texts in
    ``folder/seeds`` (so every quote is checked) and SHACL, into ``output``:
    reading the curated YAML, mapping, validation, description and writing
    every format. Peak memory is this process's.
    """
    from graph.build import build

    t, cpu = time.perf_counter(), time.process_time()
    result = build(data=Path(folder) / "data", output=Path(output), seeds=Path(folder) / "seeds", shacl=shacl)
    build_s, cpu_s = time.perf_counter() - t, time.process_time() - cpu
    return {
        "path": str(Path(output) / "kennisgraaf.nq"), "triples": result.triples, "quads": result.quads,
        "facts": result.facts, "records": result.records, "build_s": round(build_s, 3),
        "cpu_s": round(cpu_s, 3),  # CPU time of the build: steadier than wall time on a shared machine
        "timings_s": {k: round(v, 3) for k, v in result.timings.items()},
        "peak_mib": round(peak_rss_mib(), 1), "shacl": shacl, "validation": result.report.summary(),
        "file_mib": round((Path(output) / "kennisgraaf.nq").stat().st_size / MIB, 1),
    }
