"""The endpoint is safe for the public: it never opens a connection, refuses updates, and a slow query
gets a 503 while the other clients keep being served."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest

from tests.web.conftest import TEST_TIMEOUT


@pytest.fixture
def listener():
    """A TCP listener on 127.0.0.1 that records every connection made to it."""
    seen: list[bytes] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    seen.append(conn.recv(4096) or b"(connected)")
                except OSError:
                    seen.append(b"(connected)")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", seen
    stop.set()
    thread.join(2)
    sock.close()


def _get(server, query: str, extra: str = ""):
    return server.request("GET", f"/sparql?query={quote(query)}{extra}")


def test_nothing_named_in_a_query_is_fetched(server, listener):
    url, seen = listener
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"ASK {{ GRAPH <{url}/data.ttl> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(IRI(\"{url}/x\") AS ?x) ?x ?p ?o }}",
    ]
    statuses = [_get(server, q)[0] for q in queries]
    # a graph named only in the protocol's parameters is not fetched either: it is just not in the dataset
    status, _, body = _get(server, "SELECT * WHERE { ?s ?p ?o }", "&default-graph-uri=" + quote(url + "/g"))
    assert status == 200 and b'"bindings":[]' in body
    for target in (f"/sparql?update={quote(f'LOAD <{url}/data.ttl>')}",):
        statuses.append(server.request("GET", target)[0])
    statuses.append(server.request("POST", "/sparql", f"LOAD <{url}/data.ttl>",
                                   {"Content-Type": "application/sparql-update"})[0])
    time.sleep(1)
    assert seen == [], f"the server connected to the listener: {seen}"
    assert statuses[:4] == [403, 403, 403, 403]
    assert statuses[4:6] == [200, 200]  # no such graph / IRI: empty answers, nothing fetched
    assert all(s == 403 for s in statuses[6:])


@pytest.mark.parametrize("query, status, words", [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", 4, "read-only"),
    ("SELECT * WHERE { ?s ?p }", 4, "invalid"),
    ("SELECT * WHERE { ?s nope:p ?o }", 4, "prefix"),
])
def test_bad_queries_get_a_short_message(server, query, status, words):
    code, headers, body = _get(server, query)
    assert code // 100 == status
    text = body.decode()
    assert words in text.lower() and "Traceback" not in text and len(text) < 400


def test_too_long_query_is_refused(server):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100_001
    code, _, body = server.request("POST", "/sparql", query, {"Content-Type": "application/sparql-query"})
    assert code == 413 and b"Traceback" not in body


def test_other_methods_and_unknown_parameters(server):
    assert server.request("DELETE", "/sparql")[0] == 405
    code, _, body = server.request("GET", "/sparql?query=ASK%7B%7D&limit=5")
    assert code == 400 and b"unknown parameter limit" in body


def test_cors_is_open_for_reading_without_credentials(server):
    code, headers, _ = server.request("GET", "/sparql?query=ASK%7B%7D", headers={"Origin": "https://example.org"})
    assert code == 200 and headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in headers
    code, headers, _ = server.request("OPTIONS", "/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert code == 200 and "POST" in headers["access-control-allow-methods"]


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_slow_query_gets_503_while_others_are_served(server):
    finished: dict[str, float] = {}

    def slow():
        code, _, body = _get(server, SLOW)
        finished["slow"] = time.monotonic()
        return code, body

    def quick(i: int):
        code, _, body = _get(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a sd:Gemeente }} # {i}")
        return code, time.monotonic()

    with ThreadPoolExecutor(max_workers=9) as pool:
        slow_future = pool.submit(slow)
        time.sleep(0.3)  # the slow query is running now
        quick_results = list(pool.map(quick, range(40)))
        code, body = slow_future.result(timeout=TEST_TIMEOUT + 30)
    assert code == 503 and b"Traceback" not in body and len(body) < 300
    assert all(c == 200 for c, _ in quick_results)
    # every quick query was answered while the slow one was still running
    assert max(t for _, t in quick_results) < finished["slow"]
    # and the server still answers afterwards
    assert _get(server, "ASK {}")[0] == 200
