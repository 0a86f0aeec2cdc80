"""What ``/sparql`` shows without a query: the query page (YASGUI) for people, a Service Description for tools."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files
from string import Template

import yaml
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from graph.namespaces import PREFIXES, SPARQL_SD, W3C_FORMATS

__all__ = ["PAGE_CSP", "examples", "page_html", "service_description", "with_prefixes"]

#: The query page's Content-Security-Policy: scripts and styles from this server only (the vendored YASGUI;
#: its inline style attributes allowed), queries sent to this server only, not framable by other sites.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

_PAGE = Template("""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kennisgraaf sociaal domein: SPARQL</title>
<link rel="stylesheet" href="/static/yasgui/yasgui.min.css">
<link rel="stylesheet" href="/static/kennisgraaf.css">
</head>
<body>
<header>
<p class="terug"><a href="/">Kennisgraaf sociaal domein: naar de website</a></p>
<h1>Kennisgraaf sociaal domein: SPARQL</h1>
<p>Stel een vraag aan de kennisgraaf in SPARQL, of kies een voorbeeldvraag. Alleen lezen; een vraag mag
hoogstens $timeout seconden duren. De voorvoegsels (sd:, org:, prov: ...) zijn al bekend; hun regels staan
ingeklapt boven de vraag.</p>
</header>
<nav aria-label="Voorbeeldvragen"><h2>Voorbeeldvragen ($count; scroll voor meer)</h2><ul id="voorbeelden"></ul></nav>
<main><div id="yasgui"></div></main>
<script id="kennisgraaf-config" type="application/json">$config</script>
<script src="/static/yasgui/yasgui.min.js"></script>
<script src="/static/kennisgraaf.js"></script>
</body>
</html>
""")


def with_prefixes(query: str, prefixes: dict[str, str] | None = None) -> str:
    """Put PREFIX lines for the project prefixes a query uses in front of it (the page's editor checks them).

    >>> print(with_prefixes("SELECT * WHERE { ?g a sd:Gemeente }"))
    PREFIX sd: <https://w3id.org/sociaal-domein/def#>
    SELECT * WHERE { ?g a sd:Gemeente }
    """
    prefixes = PREFIXES if prefixes is None else prefixes
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", query))
    bare = re.sub(r'<[^<>\s]*>|"(?:[^"\\]|\\.)*"|#[^\n]*', " ", query)  # no IRIs, strings or comments
    used = [p for p in prefixes if p not in declared and re.search(rf"(?<![\w.-]){re.escape(p)}:", bare)]
    return "".join(f"PREFIX {p}: <{prefixes[p]}>\n" for p in used) + query


@lru_cache(maxsize=1)
def _competency() -> tuple[tuple[str, str], ...]:
    entries = yaml.safe_load(files("graph.queries").joinpath("competency.yaml").read_text(encoding="utf-8"))
    return tuple((e["vraag"], e["query"]) for e in entries)


def examples() -> list[dict[str, str]]:
    """The competency questions as example queries: Dutch title and query with its PREFIX lines.

    >>> ex = examples()
    >>> ex[0]["titel"].startswith("Welke"), ex[0]["query"].startswith("PREFIX")
    (True, True)
    """
    return [{"titel": title, "query": with_prefixes(query.strip())} for title, query in _competency()]


def _json_for_script(value) -> str:
    """JSON that cannot end a <script> element or open a comment (``<``, ``>``, ``&`` escaped)."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


def page_html(example_queries: list[dict[str, str]] | None = None, *, timeout: float = 10.0,
              endpoint: str = "/sparql") -> str:
    """The query page: YASGUI with the example queries and the project's prefixes preset.

    Data goes into the page as JSON in a ``<script type="application/json">`` element, never as markup.

    >>> html = page_html([{"titel": "</script><b>", "query": "ASK {}"}])
    >>> "</script><b>" in html
    False
    """
    config = {
        "endpoint": endpoint,
        "prefixes": PREFIXES,
        "voorbeelden": examples() if example_queries is None else example_queries,
        "standaard": with_prefixes("SELECT ?gemeente ?naam WHERE {\n  ?gemeente a sd:Gemeente ; rdfs:label ?naam .\n}"
                                   " LIMIT 10", PREFIXES),
    }
    return _PAGE.substitute(config=_json_for_script(config), timeout=f"{timeout:g}",
                            count=len(config["voorbeelden"]))


_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "N-Triples", "JSON-LD", "RDF_XML")


def service_description(endpoint: str, named_graphs: list[str]) -> bytes:
    """A SPARQL 1.1 Service Description of the endpoint, in Turtle.

    >>> ttl = service_description("http://127.0.0.1:8000/sparql", ["http://example.org/g"]).decode()
    >>> "sd:endpoint <http://127.0.0.1:8000/sparql>" in ttl
    True
    """
    g = Graph()
    g.bind("sd", SPARQL_SD)
    g.bind("formats", W3C_FORMATS)
    service = URIRef(endpoint)
    g.add((service, RDF.type, SPARQL_SD.Service))
    g.add((service, SPARQL_SD.endpoint, service))
    g.add((service, SPARQL_SD.supportedLanguage, SPARQL_SD.SPARQL11Query))
    for name in _RESULT_FORMATS:
        g.add((service, SPARQL_SD.resultFormat, W3C_FORMATS[name]))
    dataset, default = BNode(), BNode()
    g.add((service, SPARQL_SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SPARQL_SD.Dataset))
    g.add((dataset, SPARQL_SD.defaultGraph, default))
    g.add((default, RDF.type, SPARQL_SD.Graph))
    for iri in named_graphs:
        node = BNode()
        g.add((dataset, SPARQL_SD.namedGraph, node))
        g.add((node, RDF.type, SPARQL_SD.NamedGraph))
        g.add((node, SPARQL_SD.name, URIRef(iri)))
    g.add((service, SPARQL_SD.feature, SPARQL_SD.EmptyGraphs))
    return g.serialize(format="turtle", encoding="utf-8")
