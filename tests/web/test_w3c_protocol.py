"""The W3C SPARQL 1.1 Protocol tests against the running server: every query test passes, every update is refused.

The manifest is read from KENNISGRAAF_TEST_W3C (default ``../shared/w3c/sparql11-protocol/``); each test's
requests are sent as the manifest describes them, with ``/sparql/`` replaced by the endpoint's path.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection

from tests.web.conftest import required, w3c_dir

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

FORMATS = {  # expectedFormat -> media types that count as that format
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"},
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples", "application/xhtml+xml"},
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int] = field(default_factory=set)  # expected status classes (2, 3, 4)
    boolean: bool | None = None
    format: str | None = None


@dataclass
class ProtocolTest:
    name: str
    label: str
    requests: list[Request]

    @property
    def is_update(self) -> bool:
        return "update" in self.name


def read_manifest() -> list[ProtocolTest]:
    folder = w3c_dir()
    manifest = folder / "manifest.ttl"
    if not manifest.exists():
        return []
    g = Graph().parse(manifest, publicID=manifest.as_uri())
    root = next(g.subjects(MF.entries, None))
    tests = []
    for entry in Collection(g, g.value(root, MF.entries)):
        action = g.value(entry, MF.action)
        requests = []
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            if g.value(req, HT.headers) is not None:
                for h in Collection(g, g.value(req, HT.headers)):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            body = g.value(req, HT.body)
            resp = g.value(req, HT.resp)
            statuses = {int(str(s).rsplit("StatusCode", 1)[1][0]) for s in g.objects(resp, MF.expectedStatus)}
            boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            path = str(g.value(req, HT.absolutePath))
            assert path.startswith("/sparql/")
            requests.append(Request(
                method=str(g.value(req, HT.methodName)), path="/sparql" + path[len("/sparql/"):] or "/sparql",
                headers=headers, body=str(g.value(body, CNT.chars)).encode("utf-8") if body is not None else None,
                statuses=statuses, boolean=None if boolean is None else boolean.toPython(),
                format=None if fmt is None else str(fmt)))
        tests.append(ProtocolTest(entry.split("#")[-1], str(g.value(entry, MF.name)), requests))
    return tests


TESTS = read_manifest()


def _boolean(media: str, body: bytes) -> bool:
    if media == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    root = ET.fromstring(body)
    return root.find("{http://www.w3.org/2005/sparql-results#}boolean").text.strip() == "true"


def test_the_manifest_is_there():
    required(w3c_dir() / "manifest.ttl", "the W3C SPARQL 1.1 Protocol manifest", "KENNISGRAAF_TEST_W3C")
    assert len(TESTS) == 34
    assert sum(t.is_update for t in TESTS) == 14


@pytest.mark.parametrize("test", [t for t in TESTS if not t.is_update], ids=lambda t: t.name)
def test_query(test: ProtocolTest, server):
    for req in test.requests:
        status, headers, body = server.request(req.method, req.path, req.body, req.headers)
        assert status // 100 in req.statuses, f"{test.label}: {status} {body[:200]!r}"
        if req.format:
            media = headers["content-type"].split(";")[0].strip()
            assert media in FORMATS[req.format], f"{test.label}: {media}"
        if req.boolean is not None:
            assert _boolean(headers["content-type"].split(";")[0].strip(), body) is req.boolean, test.label
        if status >= 400:  # a short message that says what is wrong, no stack trace
            text = body.decode()
            assert 0 < len(text) < 300 and "Traceback" not in text


@pytest.mark.parametrize("test", [t for t in TESTS if t.is_update], ids=lambda t: t.name)
def test_update_is_refused(test: ProtocolTest, server):
    req = test.requests[0]  # the update itself; later requests check its effect, which must not happen
    status, _, body = server.request(req.method, req.path, req.body, req.headers)
    assert 400 <= status < 500, f"{test.label}: {status}"
    assert b"Traceback" not in body
