"""Run one measurement in a fresh process: ``python -m bench.worker JOB.json``.

The job file holds ``{"kind": ..., "args": {...}, "result": "<path>"}``; the
result (a dict from :mod:`bench.measure`) is written as JSON to ``result``.
:func:`run_job` is the parent's side: it starts the worker with a time limit
and reads the result back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["JOBS", "run_job", "run_load_job", "main"]

#: job kind -> function name in bench.measure
JOBS = {"load": "measure_load", "build-real": "measure_real_build",
        "build-synthetic": "measure_synthetic_build"}

ROOT = Path(__file__).resolve().parents[1]


def run_job(kind: str, args: dict[str, Any], timeout_s: float) -> dict[str, Any]:
    """Run a job in a new Python process and return its result.

    Returns
    -------
    dict
        The measurement, or ``{"error": ...}`` when the worker failed or ran
        longer than ``timeout_s`` (it is then killed). ``wall_s`` is always set.
    """
    with tempfile.TemporaryDirectory(prefix="bench-job-") as tmp:
        job = Path(tmp) / "job.json"
        result = Path(tmp) / "result.json"
        job.write_text(json.dumps({"kind": kind, "args": args, "result": str(result)}))
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
        t = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, "-m", "bench.worker", str(job)], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            partial = _read(result)
            return partial | {"error": f"timed out after {timeout_s:.0f} s (killed; figures up to then kept)",
                              "wall_s": round(time.perf_counter() - t, 1)}
        wall = round(time.perf_counter() - t, 1)
        if proc.returncode != 0 or not result.exists():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
            return _read(result) | {"error": f"worker exited with {proc.returncode}", "log": tail, "wall_s": wall}
        out = json.loads(result.read_text())
        out["wall_s"] = wall
        return out


def _read(result: Path) -> dict[str, Any]:
    """The figures a worker saved, or ``{}`` if it saved none (or a broken file)."""
    try:
        return json.loads(result.read_text())
    except (OSError, ValueError):
        return {}


def run_load_job(args: dict[str, Any], timeout_s: float, max_restarts: int = 5) -> dict[str, Any]:
    """Run a ``load`` job; when a hung query ended the worker, go on in a fresh one.

    The load figures (time, memory) are those of the first process; a restarted
    process loads the data again (``reload_s``) and times the queries not yet
    done. At most ``max_restarts`` restarts.
    """
    queries = list(args.get("queries") or [])
    first = last = run_job("load", args, timeout_s)
    first.setdefault("queries", {})
    restarts = 0
    while last.get("killed_query") and restarts < max_restarts:
        remaining = [q for q in queries if q["id"] not in first["queries"]]
        if not remaining:
            break
        restarts += 1
        last = run_job("load", args | {"queries": remaining}, timeout_s)
        first["queries"].update(last.get("queries") or {})
        first["wall_s"] = round(first["wall_s"] + last.get("wall_s", 0), 1)
        first.setdefault("reload_s", []).append(last.get("load_s"))
    first["restarts"] = restarts
    killed = first.pop("killed_query", None) or last.get("killed_query")
    if last is not first and "error" in last and not last.get("killed_query"):
        first["error"], first["log"] = last["error"], last.get("log", [])
    elif killed and len(first["queries"]) < len(queries):
        first["error"] = f"queries hung {restarts + 1} times; gave up on the rest"
    elif killed or "error" not in last:
        first.pop("error", None)
        first.pop("log", None)
    return first


def main(argv: list[str] | None = None) -> int:
    """Entry point of the worker process."""
    from bench import measure

    argv = sys.argv[1:] if argv is None else argv
    job = json.loads(Path(argv[0]).read_text())
    func = getattr(measure, JOBS[job["kind"]])
    target = Path(job["result"])

    def save(figures: dict[str, Any]) -> None:
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(figures))
        partial.replace(target)

    args = dict(job["args"])
    if job["kind"] == "load":
        args["checkpoint"] = save
    save(func(**args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
