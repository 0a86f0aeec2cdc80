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

__all__ = ["JOBS", "run_job", "main"]

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
            partial = json.loads(result.read_text()) if result.exists() else {}
            return partial | {"error": f"timed out after {timeout_s:.0f} s (killed; figures up to then kept)",
                              "wall_s": round(time.perf_counter() - t, 1)}
        wall = round(time.perf_counter() - t, 1)
        if proc.returncode != 0 or not result.exists():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
            partial = json.loads(result.read_text()) if result.exists() else {}
            return partial | {"error": f"worker exited with {proc.returncode}", "log": tail, "wall_s": wall}
        out = json.loads(result.read_text())
        out["wall_s"] = wall
        return out


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
