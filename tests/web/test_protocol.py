"""SPARQL 1.1 Protocol parsing and content negotiation, without a server."""

from __future__ import annotations

import pytest

from graph.web.protocol import ProtocolError, negotiate, parse_request, wants_html

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"


@pytest.mark.parametrize("method, qs, ctype, body, status, words", [
    ("PUT", "query=ASK%7B%7D", None, b"", 405, "method PUT"),
    ("GET", "query=ASK%7B%7D&query=ASK%7B%7D", None, b"", 400, "2 queries"),
    ("POST", "query=ASK%7B%7D", DIRECT, b"ASK {}", 400, "2 queries"),
    ("POST", "", "text/plain", b"ASK {}", 400, "text/plain is not supported"),
    ("POST", "", None, b"query=ASK%7B%7D", 400, "needs a Content-Type"),
    ("POST", "", DIRECT + "; charset=UTF-16", "ASK {}".encode("utf-16"), 400, "charset utf-16"),
    ("POST", "", DIRECT, b"ASK { \xff }", 400, "not valid UTF-8"),
    ("GET", "query=ASK%20%7B%FF%7D", None, b"", 400, "not valid UTF-8"),
    ("GET", "query=ASK%7B%7D&limit=1", None, b"", 400, "unknown parameter limit"),
    ("GET", "update=CLEAR%20ALL", None, b"", 403, "read-only"),
    ("POST", "", "application/sparql-update", b"CLEAR ALL", 403, "read-only"),
    ("POST", "", FORM, b"update=CLEAR+ALL", 403, "read-only"),
    ("GET", "default-graph-uri=http%3A%2F%2Fex%2Fg", None, b"", 400, "no query"),
    ("GET", "query=", None, b"", 400, "empty"),
])
def test_malformed_requests(method, qs, ctype, body, status, words):
    with pytest.raises(ProtocolError) as info:
        parse_request(method, qs, ctype, body)
    assert info.value.status == status and words in info.value.message


def test_form_post_merges_url_and_body_parameters():
    req = parse_request("POST", "default-graph-uri=http%3A%2F%2Fex%2Fa", FORM + "; charset=UTF-8",
                        b"query=ASK%20%7B%7D&named-graph-uri=http%3A%2F%2Fex%2Fb&named-graph-uri=http%3A%2F%2Fex%2Fc")
    assert (req.query, req.default_graphs, req.named_graphs) == ("ASK {}", ("http://ex/a",), ("http://ex/b", "http://ex/c"))


def test_direct_post_keeps_the_query_text_exactly():
    text = "SELECT ?naam WHERE { ?g rdfs:label \"Súdwest-Fryslân\"@nl }"
    assert parse_request("POST", "", DIRECT, text.encode()).query == text


@pytest.mark.parametrize("accept, kind, hint, expected", [
    (None, "SELECT", None, "json"),
    ("", "ASK", None, "json"),
    ("*/*", "CONSTRUCT", None, "ttl"),
    ("application/sparql-results+xml", "SELECT", None, "xml"),
    ("text/csv", "SELECT", None, "csv"),
    ("text/tab-separated-values", "SELECT", None, "tsv"),
    ("text/csv;q=0.2, text/tab-separated-values;q=0.8", "SELECT", None, "tsv"),
    ("application/json", "SELECT", None, "json"),
    ("application/json", "DESCRIBE", None, "jsonld"),
    ("application/n-triples", "CONSTRUCT", None, "nt"),
    ("application/ld+json", "CONSTRUCT", None, "jsonld"),
    ("application/rdf+xml;q=1, text/turtle;q=0.5", "DESCRIBE", None, "rdfxml"),
    ("text/*", "CONSTRUCT", None, "ttl"),
    ("text/*;q=0.1, application/rdf+xml", "CONSTRUCT", None, "rdfxml"),
    ("application/sparql-results+json", "SELECT", "csv", "csv"),  # ?format= wins
    ("text/html,application/xhtml+xml,*/*;q=0.8", "SELECT", None, "json"),
])
def test_negotiation(accept, kind, hint, expected):
    assert negotiate(accept, kind, hint) == expected


def test_nothing_acceptable_is_406():
    with pytest.raises(ProtocolError) as info:
        negotiate("image/png", "SELECT")
    assert info.value.status == 406 and "application/sparql-results+json" in info.value.message
    with pytest.raises(ProtocolError):
        negotiate("application/sparql-results+json;q=0", "ASK")


@pytest.mark.parametrize("accept, html", [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),
    ("text/turtle", False),
    (None, False),
    ("*/*", False),
    ("text/turtle, text/html;q=0.5", False),
])
def test_wants_html(accept, html):
    assert wants_html(accept) is html
