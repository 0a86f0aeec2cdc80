"""Fixtures for the web tests: a real server in a subprocess on a free port on 127.0.0.1, stopped whatever happens."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from graph.settings import ROOT

W3C_DEFAULT = ROOT.parent / "shared" / "w3c" / "sparql11-protocol"
#: the per-query time limit of the test server (seconds): small, so the slow-query test is quick
TEST_TIMEOUT = 3


def required(path: Path, what: str, env: str) -> Path:
    """A folder or program the tests need: skip with the reason where absent, fail under CI=true."""
    if not path.exists():
        reason = f"{what} not found at {path} (set {env})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}: required under CI=true")
        pytest.skip(reason)
    return path


def w3c_dir() -> Path:
    return Path(os.environ.get("KENNISGRAAF_TEST_W3C", W3C_DEFAULT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running ``kennisgraaf serve``: its endpoint URL, process id and log file."""

    url: str
    pid: int
    log: Path

    @property
    def port(self) -> int:
        return urlsplit(self.url).port

    def request(self, method: str, target: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, dict, bytes]:
        """One raw HTTP request (target is the path and query); returns status, headers (lower-case), body."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, target, body=body.encode() if isinstance(body, str) else body,
                         headers=headers or {})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()


@contextlib.contextmanager
def running_server(args: list[str], log: Path, startup: float = 120):
    """Start ``python -m graph serve`` on a free port; stop its whole process group by its PID at the end."""
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", str(port), *args],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)
    server = Server(f"http://127.0.0.1:{port}/sparql", proc.pid, log)
    try:
        deadline = time.monotonic() + startup
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the server exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                status, _, _ = server.request("GET", "/sparql", timeout=2)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not answer within {startup} s:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield server
    finally:
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            try:
                proc.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
        with contextlib.suppress(ProcessLookupError):  # pool workers left in the group
            os.killpg(proc.pid, signal.SIGKILL)


def w3c_named_graphs() -> dict[str, Path]:
    """Graph name -> data file of every ut:graphData in the W3C protocol manifest (empty where absent)."""
    folder = w3c_dir()
    manifest = folder / "manifest.ttl"
    if not manifest.exists():
        return {}
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDFS

    ut = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
    g = Graph().parse(manifest, publicID=manifest.as_uri())
    out = {}
    for data in g.objects(None, ut.graphData):
        out[str(g.value(data, RDFS.label))] = folder / str(g.value(data, ut.graph)).rsplit("/", 1)[-1]
    return out


@pytest.fixture(scope="session")
def server(built, tmp_path_factory):
    """The built graph served over HTTP, with the W3C test data (where present) as extra named graphs."""
    args = ["--graph", str(built.output / "kennisgraaf.nq"), "--timeout", str(TEST_TIMEOUT)]
    for name, path in w3c_named_graphs().items():
        args += ["--named-graph", f"{name}={path}"]
    with running_server(args, tmp_path_factory.mktemp("server") / "server.log") as srv:
        yield srv
