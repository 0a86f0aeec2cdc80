"""The safe query layer: refused queries, limits, one-line errors, and no network connection ever."""

from __future__ import annotations

import socket
import threading

import pyoxigraph as ox
import pytest

from graph.child import run_in_child
from graph.sparql import (
    Limits,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLarge,
    check_query,
    run_query,
)

EX = "https://example.org/"


@pytest.fixture
def store():
    s = ox.Store()
    g = ox.NamedNode(EX + "graaf")
    for i in range(30):
        s.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(str(i)), g))
        s.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(str(i))))
    return s


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it gets (and closes them at once)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def _raw_service(port: int) -> None:
    list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"))


def test_the_listener_sees_an_unchecked_service_call(listener):
    """Control: pyoxigraph itself does open a connection for SERVICE, so the refusals below mean something."""
    with pytest.raises(Exception):  # noqa: B017 - the call fails one way or another once the listener hangs up
        run_in_child(_raw_service, listener.port, timeout=10)
    assert listener.connections >= 1


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX r: <{url}> SELECT * WHERE {{ SERVICE r: {{ ?s ?p ?o }} }}",
    "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "LOAD <{url}>",
    "LOAD SILENT <{url}> INTO GRAPH <{url}>",
    "INSERT DATA {{ <{url}> <{url}> <{url}> }}",
])
def test_no_query_opens_a_connection(store, listener, template):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    with pytest.raises(QueryRefused) as err:
        run_query(store, template.format(url=url))
    assert "\n" not in err.value.message
    assert listener.connections == 0


def test_keywords_in_strings_iris_and_comments_are_not_refused(store):
    q = f'SELECT ?s WHERE {{ ?s <{EX}p> ?o FILTER(?o != "SERVICE <x>") }} # SERVICE and FROM <http://x>'
    assert len(run_query(store, q)) == 30
    assert check_query("SELECT ?service WHERE { ?service ?from ?load }") == "SELECT"


def test_from_a_graph_the_store_holds_is_allowed(store):
    df = run_query(store, f"SELECT (COUNT(*) AS ?n) FROM <{EX}graaf> WHERE {{ ?s ?p ?o }}")
    assert df.n[0] == 30


def test_time_limit_stops_a_runaway_query(store):
    many = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with pytest.raises(QueryTimeout) as err:
        run_query(store, many, limits=Limits(timeout=0.5))
    assert "0.5 s" in err.value.message and "--timeout" in err.value.message


def test_row_limit(store):
    with pytest.raises(QueryTooLarge) as err:
        run_query(store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", limits=Limits(max_rows=100))
    assert "100 rows" in err.value.message and "--max-rows" in err.value.message
    assert len(run_query(store, "SELECT * WHERE { ?a ?b ?c }", limits=Limits(max_rows=100))) == 30


def test_size_limit_of_a_serialized_answer(store):
    with pytest.raises(QueryTooLarge):
        run_query(store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", serialize="json", limits=Limits(max_bytes=1000))
    body = run_query(store, "SELECT * WHERE { ?a ?b ?c } LIMIT 2", serialize="csv")
    assert body.splitlines()[0] == b"a,b,c" and len(body.splitlines()) == 3


def test_query_length_limit(store):
    with pytest.raises(QueryTooLarge):
        run_query(store, "SELECT * WHERE { ?s ?p ?o }" + " " * 200, limits=Limits(max_length=100))


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * WHERE { ?s foo:bar ?o }", "unknown prefix 'foo:'"),
    ("SELECT * WHERE { ?s ?p }", "invalid SPARQL at line 1, column 25"),
    ("SELEC * WHERE { ?s ?p ?o }", "not a query"),
    ("SELECT * WHERE { ?s ?p ?o } SELECT", "invalid SPARQL at line 1"),
])
def test_syntax_errors_are_one_line(store, query, expected):
    with pytest.raises(QuerySyntaxError) as err:
        run_query(store, query)
    assert expected in err.value.message
    assert "\n" not in err.value.message and "'\\u{" not in err.value.message


def test_unknown_prefix_lists_the_predeclared_ones(store):
    with pytest.raises(QuerySyntaxError) as err:
        run_query(store, "SELECT * WHERE { ?s foo:bar ?o }")
    assert "PREFIX foo:" in err.value.message and "sd, sdc, sdi" in err.value.message


def test_declared_prefixes_are_honoured(store):
    df = run_query(store, f"PREFIX ex: <{EX}> SELECT ?s WHERE {{ ?s ex:p ?o }}")
    assert len(df) == 30


def test_pool_serves_others_while_a_slow_query_runs_and_replaces_the_stopped_worker(store):
    import threading
    import time

    from graph.sparql import QueryPool

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with QueryPool(store, workers=2, limits=Limits(timeout=1.5)) as pool:
        outcome = {}

        def run_slow():
            try:
                pool.execute(slow)
            except QueryTimeout as exc:
                outcome["slow"] = exc
            outcome["slow_done"] = time.monotonic()

        thread = threading.Thread(target=run_slow)
        thread.start()
        time.sleep(0.2)
        answers = [pool.execute("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", serialize="csv") for _ in range(20)]
        quick_done = time.monotonic()
        thread.join()
        assert isinstance(outcome.get("slow"), QueryTimeout)
        assert quick_done < outcome["slow_done"], "the quick queries waited for the slow one"
        assert all(a.startswith(b"s\r\n") for a in answers)
        # both workers answer again afterwards (the stopped one was replaced)
        assert pool.execute("ASK { ?s ?p ?o }", serialize="json") == b'{"head":{},"boolean":true}'
        assert len(pool._all) == 2
        with pytest.raises(QueryRefused):
            pool.execute("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        with pytest.raises(QuerySyntaxError):
            pool.execute("SELECT * WHERE { ?s ?p }")
