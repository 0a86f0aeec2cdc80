"""The app built by its factory from a fixture (create_app), served in this process by uvicorn on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from urllib.parse import quote

import pytest

from graph.web.app import Settings, create_app
from tests.web.conftest import Server, free_port


@pytest.fixture(scope="module")
def small_limits_server(kg, tmp_path_factory):
    import uvicorn

    app = create_app(kg, Settings(timeout=5, max_bytes=4000, workers=1, cache_entries=2))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}/sparql", 0, tmp_path_factory.mktemp("app") / "log")
    server.should_exit = True
    thread.join(10)


def test_an_answer_over_the_size_limit_is_413(small_limits_server):
    big = quote("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    code, _, body = small_limits_server.request("GET", f"/sparql?query={big}")
    assert code == 413 and b"larger than 4000 bytes" in body and b"Traceback" not in body
    small = quote("SELECT ?naam WHERE { ?g sd:cbsCode \"GM0503\" ; rdfs:label ?naam }")
    code, _, body = small_limits_server.request("GET", f"/sparql?query={small}")
    assert code == 200 and b"Delft" in body


def test_the_cache_is_bounded(small_limits_server):
    queries = [quote(f"ASK {{ ?g sd:cbsCode \"GM050{i}\" }}") for i in range(4)]
    for q in queries:
        assert small_limits_server.request("GET", f"/sparql?query={q}")[1]["x-cache"] == "miss"
    # two entries fit: the last two are served from the cache, the first was dropped
    assert small_limits_server.request("GET", f"/sparql?query={queries[3]}")[1]["x-cache"] == "hit"
    assert small_limits_server.request("GET", f"/sparql?query={queries[0]}")[1]["x-cache"] == "miss"


@pytest.mark.parametrize("warm", [True, False])
def test_the_site_index_is_built_in_the_background_when_asked(built, warm):
    from graph.site.index import _INDEXES
    from graph.store import KnowledgeGraph

    kg = KnowledgeGraph.from_file(built.output / "kennisgraaf.nq")  # a graph no other test has indexed
    app = create_app(kg, Settings(workers=1, warm_site=warm))
    try:
        deadline = time.monotonic() + (60 if warm else 2)
        while kg not in _INDEXES and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (kg in _INDEXES) is warm  # no request was made: only the background build can have made it
    finally:
        app.state.kennisgraaf.backend.close()
