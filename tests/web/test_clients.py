"""Real clients over real HTTP on 127.0.0.1 get the same answers as ``graph.query`` in-process."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.settings import ROOT
from tests.web.conftest import required

QUERY = """SELECT DISTINCT ?naam ?code WHERE {
  ?a a sd:Onderscheiding ; sd:jaar ?jaar ; sd:ontvanger ?g .
  FILTER(STR(?jaar) = "2015")
  ?g rdfs:label ?naam ; sd:cbsCode ?code .
} ORDER BY ?naam"""
ASK = 'ASK { ?g sd:cbsCode "GM0503" }'
CONSTRUCT = 'CONSTRUCT WHERE { ?g a sd:Gemeente ; sd:cbsCode "GM0503" ; rdfs:label ?naam }'
JS_CLIENT = Path(__file__).parent / "js" / "client.mjs"
NPM_CLIENT = Path(__file__).parent / "js" / "fetch-sparql-endpoint.mjs"


def in_process(kg, query: str = QUERY) -> list[dict[str, str]]:
    df = kg.query(query)
    return [{k: str(v) for k, v in row.items()} for row in df.to_dict("records")]


def test_sparqlwrapper(server, kg):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(server.url)
    client.setQuery(QUERY)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    rows = [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]]
    assert rows == in_process(kg) and len(rows) == 10
    client.setQuery(ASK)
    assert client.query().convert()["boolean"] is True


def test_sparqlwrapper_construct_as_turtle(server, kg):
    from SPARQLWrapper import TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server.url)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(TURTLE)
    from rdflib import Graph

    g = Graph().parse(data=client.query().convert(), format="turtle")
    as_text = lambda triples: {tuple(str(t) for t in triple) for triple in triples}  # noqa: E731
    assert as_text(g) == as_text(kg.query(CONSTRUCT)) and len(g) == 3


def test_rdflib_sparqlstore(server, kg):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.url, returnFormat="json")
    graph = Graph(store=store)
    # SPARQLStore does not know the server's predeclared prefixes: the query declares them
    prefixes = "PREFIX sd: <https://w3id.org/sociaal-domein/def#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    rows = [{str(k): str(v) for k, v in row.asdict().items()} for row in graph.query(prefixes + QUERY)]
    assert rows == in_process(kg)
    assert graph.query(prefixes + ASK).askAnswer is True


def test_javascript_client_with_node(server, kg):
    node = shutil.which("node")
    required(Path(node) if node else Path("/usr/bin/node"), "Node.js (node)", "PATH")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if int(version.lstrip("v").split(".")[0]) < 18:
        pytest.skip(f"Node {version} has no fetch; Node 18 or newer is needed")
    out = subprocess.run([node, str(JS_CLIENT), server.url, QUERY], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == in_process(kg)
    out = subprocess.run([node, str(JS_CLIENT), server.url, ASK], capture_output=True, text=True, timeout=60)
    assert json.loads(out.stdout) is True


def test_npm_sparql_client_with_node(server, kg):
    """fetch-sparql-endpoint from the npm registry (tests/web/js, installed by ``npm ci`` in make test)."""
    node = shutil.which("node")
    required(Path(node) if node else Path("/usr/bin/node"), "Node.js (node)", "PATH")
    required(NPM_CLIENT.parent / "node_modules" / "fetch-sparql-endpoint", "the npm client (run npm ci in "
             "tests/web/js, as make test does)", "PATH")
    out = subprocess.run([node, str(NPM_CLIENT), server.url, QUERY], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == in_process(kg)
    out = subprocess.run([node, str(NPM_CLIENT), server.url, ASK], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and json.loads(out.stdout) is True


def readme_curl_commands() -> list[str]:
    """The curl commands of the README's endpoint section, one per line."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^(curl (?:-|http).+)$", text, flags=re.M)


def test_curl_as_in_the_readme(server, kg):
    curl = shutil.which("curl")
    required(Path(curl) if curl else Path("/usr/bin/curl"), "curl", "PATH")
    commands = readme_curl_commands()
    assert len(commands) >= 3
    outputs = []
    for command in commands:
        args = shlex.split(command.replace("http://127.0.0.1:8000", f"http://127.0.0.1:{server.port}"))
        out = subprocess.run([curl, *args[1:], "--fail-with-body"], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, f"{command}: {out.stdout}{out.stderr}"
        outputs.append(out.stdout)
    names = sorted({r["naam"] for r in in_process(kg, "SELECT ?naam WHERE { ?g a sd:Gemeente ; rdfs:label ?naam }")})
    assert json.loads(outputs[0])["results"]["bindings"][0]["naam"]["value"] == names[0]
    assert outputs[1].splitlines() == ["naam", *names[:3]]
    assert 'sd:cbsCode "GM0503"' in outputs[2] or '<https://w3id.org/sociaal-domein/def#cbsCode> "GM0503"' in outputs[2]
