"""SPARQL 1.1 Protocol: read a query request and choose the result format (no web framework here).

The functions take the raw parts of an HTTP request (method, query string,
content type, body, Accept header) and return plain data, so they can be
tested and reused without a server. Errors are :class:`ProtocolError` with the
HTTP status the protocol asks for and a one-line message for people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

__all__ = [
    "ProtocolError",
    "QueryRequest",
    "parse_request",
    "parse_accept",
    "negotiate",
    "wants_html",
    "media_type",
    "FORMATS_FOR",
    "QUERY_PARAMETERS",
]

#: Parameters of a query request; ``format``/``output``/``results`` are result-format hints many clients
#: (SPARQLWrapper among them) send, honoured like an Accept header.
QUERY_PARAMETERS = ("query", "default-graph-uri", "named-graph-uri", "format", "output", "results")
_UPDATE_PARAMETERS = ("update", "using-graph-uri", "using-named-graph-uri")
_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"
_UPDATE = "application/sparql-update"

#: result formats the endpoint offers, in order of preference, per query form
FORMATS_FOR: dict[str, tuple[str, ...]] = {
    "SELECT": ("json", "xml", "csv", "tsv"),
    "ASK": ("json", "xml", "csv", "tsv"),
    "CONSTRUCT": ("ttl", "nt", "jsonld", "rdfxml"),
    "DESCRIBE": ("ttl", "nt", "jsonld", "rdfxml"),
}
# media types that select a format (first one is what the response says it is)
_MEDIA: dict[str, tuple[str, ...]] = {
    "json": ("application/sparql-results+json", "application/json"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
    "ttl": ("text/turtle", "application/x-turtle"),
    "nt": ("application/n-triples", "text/plain"),
    "jsonld": ("application/ld+json", "application/json"),
    "rdfxml": ("application/rdf+xml", "application/xml", "text/xml"),
}
# ?format= hints, per kind of result
_HINTS_TABULAR = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"}
_HINTS_RDF = {"turtle": "ttl", "ttl": "ttl", "n-triples": "nt", "ntriples": "nt", "nt": "nt", "json-ld": "jsonld",
              "jsonld": "jsonld", "json": "jsonld", "rdfxml": "rdfxml", "rdf/xml": "rdfxml", "rdf": "rdfxml",
              "xml": "rdfxml"}


class ProtocolError(Exception):
    """A request the endpoint will not answer, with its HTTP status and a one-line message.

    >>> ProtocolError(400, "two queries").status
    400
    """

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class QueryRequest:
    """A well-formed query request: the query text, the protocol dataset and a result-format hint."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format_hint: str | None = None
    params: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)


def _content_type(value: str | None) -> tuple[str, dict[str, str]]:
    """``'Application/SPARQL-query; charset=UTF-8'`` -> ``('application/sparql-query', {'charset': 'utf-8'})``."""
    if not value:
        return "", {}
    main, *rest = value.split(";")
    params = {}
    for part in rest:
        key, _, val = part.partition("=")
        params[key.strip().lower()] = val.strip().strip('"').lower()
    return main.strip().lower(), params


def _decode_pairs(text: str, where: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {where} is not valid UTF-8 after percent-decoding; "
                                 "encode the query as UTF-8") from None
    except ValueError as exc:  # pragma: no cover - parse_qsl with strict_parsing off hardly raises
        raise ProtocolError(400, f"the {where} cannot be read: {exc}") from None


def _group(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def _utf8(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the {what} is not valid UTF-8 (byte {exc.start}); "
                                 "send it encoded as UTF-8") from None


def parse_request(method: str, query_string: str | bytes, content_type: str | None = None,
                  body: bytes = b"") -> QueryRequest | None:
    """Read a SPARQL Protocol query request; None when there is no query (GET without parameters).

    Parameters
    ----------
    method : str
        HTTP method; GET (or HEAD) and POST carry queries.
    query_string : str or bytes
        The URL's query string, still percent-encoded.
    content_type : str, optional
        The Content-Type header of a POST.
    body : bytes
        The request body of a POST.

    Returns
    -------
    QueryRequest or None

    Raises
    ------
    ProtocolError
        405 for another method, 403 for any update (the endpoint is read-only), 400 for two queries, an
        unknown parameter, a POST without a supported content type, a body that is not UTF-8 or a missing
        query.

    Examples
    --------
    >>> parse_request("GET", "query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fex%2Fg").default_graphs
    ('http://ex/g',)
    >>> parse_request("POST", "", "application/sparql-query", b"ASK {}").query
    'ASK {}'
    >>> parse_request("GET", "") is None
    True
    >>> parse_request("GET", "query=ASK%7B%7D&query=ASK%7B%7D")
    Traceback (most recent call last):
    ...
    graph.web.protocol.ProtocolError: the request holds 2 queries; send exactly one query parameter
    """
    method = method.upper()
    if isinstance(query_string, bytes):
        query_string = query_string.decode("latin-1")
    if method not in ("GET", "HEAD", "POST"):
        raise ProtocolError(405, f"method {method} is not supported: send queries with GET or POST",
                            {"Allow": "GET, HEAD, POST, OPTIONS"})
    params = _group(_decode_pairs(query_string, "URL query string"))
    direct: str | None = None
    if method == "POST":
        ctype, cparams = _content_type(content_type)
        charset = cparams.get("charset")
        if ctype == _UPDATE:
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        if ctype == _FORM:
            if charset not in (None, "utf-8", "utf8"):
                raise ProtocolError(400, f"charset {charset} is not supported: send the form as UTF-8")
            for key, values in _group(_decode_pairs(_utf8(body, "form body"), "form body")).items():
                params.setdefault(key, []).extend(values)
        elif ctype == _DIRECT:
            if charset not in (None, "utf-8", "utf8"):
                raise ProtocolError(400, f"charset {charset} is not supported: send the query as UTF-8")
            direct = _utf8(body, "query")
        elif not ctype:
            raise ProtocolError(400, f"a POST needs a Content-Type: {_DIRECT} (query as body) or {_FORM}")
        else:
            raise ProtocolError(400, f"Content-Type {ctype} is not supported: use {_DIRECT} or {_FORM}")
    if any(key in params for key in _UPDATE_PARAMETERS):
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
    unknown = sorted(key for key in params if key not in QUERY_PARAMETERS)
    if unknown:
        raise ProtocolError(400, f"unknown parameter {', '.join(unknown)}; this endpoint reads "
                                 f"{', '.join(QUERY_PARAMETERS)}")
    queries = params.get("query", []) + ([direct] if direct is not None else [])
    if len(queries) > 1:
        raise ProtocolError(400, f"the request holds {len(queries)} queries; send exactly one query parameter")
    if not queries:
        if method == "POST" or params:
            raise ProtocolError(400, "no query: send it in the query parameter or as an application/sparql-query body")
        return None
    if not queries[0].strip():
        raise ProtocolError(400, "the query is empty")
    hints = [v for key in ("format", "output", "results") for v in params.get(key, []) if v]
    return QueryRequest(query=queries[0], default_graphs=tuple(params.get("default-graph-uri", [])),
                        named_graphs=tuple(params.get("named-graph-uri", [])),
                        format_hint=hints[0].lower() if hints else None, params=params)


def parse_accept(accept: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q weights, in header order.

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json")
    [('text/csv', 0.5), ('application/sparql-results+json', 1.0)]
    """
    out = []
    for part in (accept or "").split(","):
        media, params = _content_type(part)
        if not media:
            continue
        try:
            q = float(params.get("q", "1"))
        except ValueError:
            q = 0.0
        out.append((media, max(0.0, min(q, 1.0))))
    return out


def _quality(ranges: list[tuple[str, float]], media: str) -> tuple[float, int]:
    """q of the most specific range matching ``media`` (and that specificity; -1 = no match)."""
    best = (0.0, -1)
    main = media.split("/")[0]
    for rng, q in ranges:
        spec = 2 if rng == media else 1 if rng == f"{main}/*" else 0 if rng == "*/*" else -1
        if spec > best[1]:
            best = (q, spec)
    return best


def negotiate(accept: str | None, kind: str, hint: str | None = None) -> str:
    """The result format (a key of ``graph.sparql.RESULT_FORMATS``) for a query of ``kind``.

    A ``format=`` hint the kind supports wins; otherwise the Accept header with its ``q`` weights, ties
    going to the endpoint's order (JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE, which are also the
    defaults without an Accept header).

    Raises
    ------
    ProtocolError
        406 when the Accept header allows none of the formats for this kind of query.

    Examples
    --------
    >>> negotiate(None, "SELECT")
    'json'
    >>> negotiate("text/csv;q=0.9, application/sparql-results+xml", "SELECT")
    'xml'
    >>> negotiate("application/rdf+xml, */*;q=0.1", "CONSTRUCT")
    'rdfxml'
    >>> negotiate("text/html", "ASK", hint="xml")
    'xml'
    """
    offered = FORMATS_FOR[kind]
    if hint:
        table = _HINTS_TABULAR if kind in ("SELECT", "ASK") else _HINTS_RDF
        fmt = table.get(hint) or next((f for f in offered if hint in _MEDIA[f]), None)
        if fmt in offered:
            return fmt
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    scored = []
    for rank, fmt in enumerate(offered):
        q, spec = max(_quality(ranges, m) for m in _MEDIA[fmt])
        if spec >= 0 and q > 0:
            scored.append((-q, -spec, rank, fmt))
    if not scored:
        if any(rng in ("text/html", "application/xhtml+xml") for rng, _ in ranges):
            return offered[0]  # a browser following a link: give it the default rather than an error
        allowed = ", ".join(_MEDIA[f][0] for f in offered)
        article = "an" if kind[:1] in "AEIOU" else "a"
        raise ProtocolError(406, f"none of the accepted media types fits {article} {kind} result; "
                                 f"ask for one of {allowed}")
    return min(scored)[3]


def media_type(fmt: str) -> str:
    """The Content-Type to send for a result format.

    >>> media_type("ttl")
    'text/turtle; charset=utf-8'
    """
    media = _MEDIA[fmt][0]
    return media + "; charset=utf-8" if media.startswith("text/") or fmt in ("json", "jsonld") else media


def wants_html(accept: str | None) -> bool:
    """True when the client prefers an HTML page (a browser) over RDF and SPARQL results.

    >>> wants_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> wants_html("text/turtle")
    False
    """
    ranges = parse_accept(accept)
    html = max((_quality(ranges, m)[0] for m in ("text/html", "application/xhtml+xml")), default=0.0)
    exact_html = any(rng in ("text/html", "application/xhtml+xml") for rng, _ in ranges)
    turtle = _quality(ranges, "text/turtle")[0]
    return exact_html and html >= turtle
