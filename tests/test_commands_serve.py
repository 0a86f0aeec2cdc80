"""``kennisgraaf serve``: builds when there is no build yet, then serves; bad options are clear errors."""

from __future__ import annotations

import subprocess
import sys

from tests.web.conftest import running_server


def test_serve_builds_first_when_there_is_no_build(tmp_path):
    output = tmp_path / "output"
    with running_server(["--timeout", "5"], tmp_path / "log", startup=300,
                        env={"KENNISGRAAF_OUTPUT": str(output)}) as srv:
        assert (output / "kennisgraaf.nq").exists()
        code, _, body = srv.request("GET", "/sparql?query=ASK%20%7B%20%3Fg%20sd%3AcbsCode%20%22GM0503%22%20%7D")
        assert code == 200 and b'"boolean":true' in body
    log = (tmp_path / "log").read_text()
    assert "building the graph first" in log and "Stop with Ctrl-C" in log and "127.0.0.1" in log


def test_a_bad_named_graph_option_is_a_clear_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "graph", "serve", "--named-graph", "no-equals-sign"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "IRI=FILE" in out.stderr and "Traceback" not in out.stderr
    out = subprocess.run([sys.executable, "-m", "graph", "serve", "--named-graph",
                          f"http://example.org/g={tmp_path / 'missing.nt'}"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2 and "missing.nt does not exist" in out.stderr and "Traceback" not in out.stderr
