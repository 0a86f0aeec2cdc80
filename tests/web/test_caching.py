"""ETag and Last-Modified tied to the build, 304 on conditional requests, a cache a new build invalidates."""

from __future__ import annotations

import os
import shutil
import time
from urllib.parse import quote

import pytest

from tests.web.conftest import running_server

QUERY = "/sparql?query=" + quote("SELECT (COUNT(*) AS ?n) WHERE { ?s a sd:Gemeente }")


def test_conditional_requests_get_304(server):
    code, headers, body = server.request("GET", QUERY)
    assert code == 200 and headers["etag"] and headers["last-modified"]
    code, again, body2 = server.request("GET", QUERY)
    assert (code, again["etag"], body2) == (200, headers["etag"], body)
    assert again["x-cache"] == "hit"
    code, h304, body304 = server.request("GET", QUERY, headers={"If-None-Match": headers["etag"]})
    assert code == 304 and body304 == b"" and h304["etag"] == headers["etag"]
    code, _, _ = server.request("GET", QUERY, headers={"If-Modified-Since": headers["last-modified"]})
    assert code == 304
    code, _, _ = server.request("GET", QUERY, headers={"If-None-Match": '"something-else"'})
    assert code == 200
    # another format of the same query is another representation: another ETag
    code, csv, _ = server.request("GET", QUERY, headers={"Accept": "text/csv"})
    assert code == 200 and csv["etag"] != headers["etag"]


@pytest.fixture
def small_build(tmp_path):
    path = tmp_path / "graaf.nt"
    path.write_text("<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"a\" .\n")
    return path


def test_a_new_build_changes_the_etag_and_empties_the_cache(small_build, tmp_path):
    count = "/sparql?query=" + quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with running_server(["--graph", str(small_build), "--timeout", "5"], tmp_path / "log") as srv:
        code, first, body = srv.request("GET", count)
        assert code == 200 and b'"value":"1"' in body
        assert srv.request("GET", count)[1]["x-cache"] == "hit"
        # a new build replaces the file (written aside, then moved into place, as the build does)
        new = tmp_path / "new.nt"
        shutil.copy(small_build, new)
        with open(new, "a") as f:
            f.write("<https://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> \"b\" .\n")
        os.replace(new, small_build)
        deadline = time.monotonic() + 30
        while True:
            code, headers, body = srv.request("GET", count)
            if b'"value":"2"' in body or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert code == 200 and b'"value":"2"' in body, body
        assert headers["etag"] != first["etag"]
        code, _, _ = srv.request("GET", count, headers={"If-None-Match": first["etag"]})
        assert code == 200  # the old ETag no longer matches
