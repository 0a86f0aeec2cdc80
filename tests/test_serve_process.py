"""The endpoint started as a child process on a free port of 127.0.0.1, answering, and stopped by its process id."""

from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request

import pytest

from graph.serve_process import free_port, start_endpoint


def _ask(url: str, query: str) -> dict:
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_start_query_stop(built, kg):
    server = start_endpoint(built.output / "kennisgraaf.nq")
    try:
        assert server.url.startswith("http://127.0.0.1:") and server.running()
        query = "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a sd:Organisatie }"
        answer = _ask(server.url, query)
        assert int(answer["results"]["bindings"][0]["n"]["value"]) == int(kg.query(query)["n"].iloc[0])
    finally:
        server.stop()
    assert not server.running()
    with pytest.raises(ProcessLookupError):
        os.killpg(server.pid, 0)  # the whole group is gone: no query worker left behind
    assert server.stop() == server.process.returncode  # a second stop signals nothing


def test_context_manager_stops_it(built):
    with start_endpoint(built.output, port=free_port()) as server:
        assert server.running()
    assert not server.running()


def test_a_server_that_cannot_start_is_reported_with_its_log(tmp_path):
    with pytest.raises(RuntimeError, match="exited with code") as err:
        start_endpoint(tmp_path / "missing.nq", startup=30)
    assert "missing.nq" in str(err.value)
