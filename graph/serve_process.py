"""Run ``kennisgraaf serve`` in the background (for a notebook or a script) and stop it again by its process id.

:func:`start_endpoint` starts the endpoint as a child process on a free port of
127.0.0.1, waits until it answers, and returns a :class:`RunningEndpoint`; its
:meth:`~RunningEndpoint.stop` ends the process group it started (the server and
its query workers), and nothing else.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["RunningEndpoint", "free_port", "start_endpoint"]


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` now.

    Examples
    --------
    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@dataclass
class RunningEndpoint:
    """A ``kennisgraaf serve`` started by :func:`start_endpoint`: its address, process id and log file."""

    url: str
    pid: int
    log: Path
    process: subprocess.Popen = field(repr=False)
    stopped: bool = field(default=False, repr=False)

    def running(self) -> bool:
        """True while the server process runs."""
        return self.process.poll() is None

    def stop(self, wait: float = 10.0) -> int:
        """Stop the server and its workers (the process group this started), politely first; return its exit code.

        Stopping twice does nothing the second time (the group is not signalled again).
        """
        if self.stopped:
            return self.process.returncode
        self.stopped = True
        for sig, seconds in ((signal.SIGTERM, wait), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, sig)
            try:
                self.process.wait(seconds)
                break
            except subprocess.TimeoutExpired:
                continue
        with contextlib.suppress(ProcessLookupError):  # query workers left in the group
            os.killpg(self.pid, signal.SIGKILL)
        return self.process.returncode

    def __enter__(self) -> RunningEndpoint:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, headers={"Accept": "text/turtle"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - our own server on 127.0.0.1
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_endpoint(graph: Path | str | None = None, *, port: int | None = None, host: str = "127.0.0.1",
                   timeout: float = 10.0, startup: float = 60.0, log: Path | str | None = None) -> RunningEndpoint:
    """Start ``kennisgraaf serve`` with this Python and wait until ``/sparql`` answers.

    Parameters
    ----------
    graph : the built graph file or folder (default: the last build, as ``kennisgraaf serve``).
    port : the port (default: a free one).
    host : where to listen (default 127.0.0.1: this machine only).
    timeout : the server's time limit per query, in seconds.
    startup : how long to wait for the first answer, in seconds.
    log : where the server's messages go (default: a temporary file).

    Raises
    ------
    RuntimeError
        When the server exits, or does not answer within ``startup`` seconds (the process is then
        stopped); the message holds the server's log.

    Examples
    --------
    >>> server = start_endpoint()          # doctest: +SKIP
    >>> server.url                          # doctest: +SKIP
    'http://127.0.0.1:40123/sparql'
    >>> server.stop()                       # doctest: +SKIP
    """
    port = port or free_port(host)
    log = Path(log) if log else Path(tempfile.mkstemp(prefix="kennisgraaf-serve-", suffix=".log")[1])
    args = [sys.executable, "-m", "graph", "serve", "--host", host, "--port", str(port), "--timeout", str(timeout)]
    if graph is not None:
        args += ["--graph", str(graph)]
    with open(log, "wb") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    shown = f"[{host}]" if ":" in host else host
    server = RunningEndpoint(f"http://{shown}:{port}/sparql", process.pid, log, process)
    atexit.register(server.stop)  # a notebook kernel that ends (or a failing cell) leaves no server behind
    deadline = time.monotonic() + startup
    while not _answers(server.url):
        if process.poll() is not None or time.monotonic() > deadline:
            why = (f"exited with code {process.returncode}" if process.poll() is not None
                   else f"did not answer within {startup:g} s")
            server.stop()
            raise RuntimeError(f"the SPARQL endpoint {why}:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)
    return server
