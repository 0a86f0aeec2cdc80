"""Ctrl-C stops a running query or build within a second: one line, exit code 130, the previous build kept."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from graph.settings import ROOT

INTERRUPTED = "interrupted; the previous build is kept"


def _interrupt(cmd: list[str], after: float) -> tuple[int, str, float]:
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    assert proc.poll() is None, "the command ended before it could be interrupted"
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    return proc.returncode, err, time.perf_counter() - sent


def test_ctrl_c_stops_a_runaway_query(built):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    cmd = [sys.executable, "-m", "graph", "query", "--timeout", "0", "--graph", str(built.output), runaway]
    code, err, took = _interrupt(cmd, after=2.0)
    assert code == 130
    assert err.strip() == INTERRUPTED and "Traceback" not in err
    assert took < 1.5, f"took {took:.2f} s to stop"


def test_ctrl_c_stops_a_build_and_keeps_the_previous_one(data_copy, tmp_path):
    from bench.synthetic import write_data_folder

    out = tmp_path / "out"
    small = [sys.executable, "-m", "graph", "build", "--data", str(data_copy), "--output", str(out), "-q"]
    assert subprocess.run(small, cwd=ROOT, capture_output=True).returncode == 0
    before = (out / "kennisgraaf.nq").read_bytes()
    big = write_data_folder(tmp_path / "groot", gemeenten=100, organisations=4000)  # builds for several seconds
    cmd = [sys.executable, "-m", "graph", "build", "--data", str(big["data"]), "--seeds", str(big["seeds"]),
           "--output", str(out)]
    code, err, took = _interrupt(cmd, after=1.0)
    assert code == 130
    assert err.strip().splitlines()[-1] == INTERRUPTED and "Traceback" not in err
    assert took < 1.5, f"took {took:.2f} s to stop"
    assert (out / "kennisgraaf.nq").read_bytes() == before
