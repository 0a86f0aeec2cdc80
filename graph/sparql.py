"""The safe query layer: every SPARQL query of the CLI, the library and the endpoint runs here.

Before evaluation a query is checked without running it (:func:`check_query`):
updates, ``SERVICE``, ``LOAD`` and a ``FROM``/``FROM NAMED`` that names a
graph the store does not hold are refused, so no query can make the machine
open a network connection; an unknown prefix or a syntax error is explained
in one line. Then it is evaluated with limits (:class:`Limits`): a hard time
limit (the query runs in a forked child that is killed when time is up or on
Ctrl-C, see :mod:`graph.child`), a row limit where rows are materialised, and
a limit on the query's length. :class:`QueryPool` does the same for a server
with pre-forked workers.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graph.child import ChildTimeout, run_in_child
from graph.namespaces import PREFIXES

__all__ = [
    "Limits",
    "QueryError",
    "QuerySyntaxError",
    "QueryRefused",
    "QueryTimeout",
    "QueryTooLarge",
    "RESULT_FORMATS",
    "QueryPool",
    "check_query",
    "evaluate",
    "explain_syntax_error",
    "library_limits",
    "run_query",
]


@dataclass(frozen=True)
class Limits:
    """Limits for one query.

    Parameters
    ----------
    timeout : seconds of evaluation before the query is stopped (None: no limit).
    max_rows : most rows (or triples) of an answer returned as Python values (None: no limit).
    max_bytes : most bytes of an answer returned serialized (``serialize=``; None: no limit).
    max_length : most characters in the query text.
    """

    timeout: float | None = 60.0
    max_rows: int | None = 1_000_000
    max_bytes: int | None = 512 * 1024 * 1024
    max_length: int = 100_000


#: Limits for the library (``graph.query``, ``KnowledgeGraph.query``); KENNISGRAAF_QUERY_TIMEOUT and
#: KENNISGRAAF_MAX_ROWS override them.
def library_limits() -> Limits:
    """The library's default limits (environment variables may raise them)."""
    return Limits(timeout=_env_float("KENNISGRAAF_QUERY_TIMEOUT", 120.0),
                  max_rows=_env_int("KENNISGRAAF_MAX_ROWS", 1_000_000))


def _env_float(name: str, default: float) -> float | None:
    value = os.environ.get(name)
    if not value:
        return default
    return None if float(value) <= 0 else float(value)


def _env_int(name: str, default: int) -> int | None:
    value = os.environ.get(name)
    if not value:
        return default
    return None if int(value) <= 0 else int(value)


class QueryError(Exception):
    """A query that cannot be answered; ``message`` is one line for people, ``status`` an HTTP status."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self):  # keep the class when pickled back from a worker process
        return (type(self), (self.message,))


class QuerySyntaxError(QueryError):
    """The query is not valid SPARQL 1.1 (or uses an undeclared prefix)."""

    status = 400


class QueryRefused(QueryError):
    """The query asks for something this graph never does: update, load, fetch."""

    status = 403


class QueryTooLarge(QueryError):
    """The query text or its answer is over a limit."""

    status = 413


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""

    status = 503


#: serialize= name -> (pyoxigraph format, media type)
RESULT_FORMATS: dict[str, tuple[Any, str]] = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
    "ttl": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}

# --- the static check ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:(?:[\w\-.:%\\\u00B7-\uFFFF]*[\w\-:%\u00B7-\uFFFF])?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def _tokens(sparql: str):
    """(kind, text, offset) for each significant token (strings, IRIs and comments are single tokens)."""
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        if kind not in ("space", "comment"):
            yield kind, m.group(), m.start()


def _where(sparql: str, offset: int) -> str:
    line = sparql.count("\n", 0, offset) + 1
    col = offset - (sparql.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {col}"


def check_query(sparql: str, *, limits: Limits | None = None, graphs: set[str] | None = None,
                prefixes: dict[str, str] | None = None) -> str:
    """Check a query without running it; return its form (SELECT, ASK, CONSTRUCT or DESCRIBE).

    Parameters
    ----------
    sparql : the query text.
    limits : only ``max_length`` is used here.
    graphs : IRIs of the named graphs the store holds; ``FROM``/``FROM NAMED`` may name only these.
        None: any ``FROM`` is refused.
    prefixes : predeclared prefixes (default: the project's).

    Raises
    ------
    QueryRefused
        An update, ``LOAD``, ``SERVICE``, or ``FROM`` naming a graph that is not in the store.
    QuerySyntaxError
        An undeclared prefix, or no query form.
    QueryTooLarge
        The text is longer than ``limits.max_length``.

    Examples
    --------
    >>> check_query("SELECT ?g WHERE { ?g a sd:Gemeente }")
    'SELECT'
    >>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    graph.sparql.QueryRefused: SERVICE is not allowed (line 1, column 18): queries never fetch data from elsewhere; \
query the graph itself
    >>> check_query("SELECT * WHERE { ?s foo:bar ?o }")
    Traceback (most recent call last):
    ...
    graph.sparql.QuerySyntaxError: unknown prefix 'foo:' (line 1, column 21): declare it with \
PREFIX foo: <...> or use a predeclared one: dcterms, foaf, org, owl, prov, rdf, rdfs, schema, sd, sdc, sdi, skos, \
void, xsd
    """
    limits = limits or Limits()
    if len(sparql) > limits.max_length:
        raise QueryTooLarge(f"the query has {len(sparql)} characters, more than the limit of {limits.max_length}; "
                            "shorten it")
    known = dict(PREFIXES if prefixes is None else prefixes)
    tokens = list(_tokens(sparql))
    form = None
    i = 0
    while i < len(tokens):
        kind, text, at = tokens[i]
        upper = text.upper()
        if kind == "word" and upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname":
            declared = tokens[i + 1][1]
            known[declared[:-1] if declared.endswith(":") else declared.split(":", 1)[0]] = tokens[i + 2][1][1:-1]
            i += 3
            continue
        if kind == "word":
            if form is None and upper in _UPDATES:
                raise QueryRefused(f"SPARQL Update ({upper}) is not allowed: this graph is read-only")
            if form is None and upper in _FORMS:
                form = upper
            if upper == "SERVICE":
                raise QueryRefused(f"SERVICE is not allowed ({_where(sparql, at)}): queries never fetch data "
                                   "from elsewhere; query the graph itself")
            if upper == "FROM":
                j = i + 1
                if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "NAMED":
                    j += 1
                target = tokens[j] if j < len(tokens) else None
                iri = _resolve(target, known)
                if graphs is None or iri not in graphs:
                    shown = f"<{iri}>" if iri else "a graph"
                    raise QueryRefused(
                        f"FROM {shown} is not allowed ({_where(sparql, at)}): queries never fetch data; FROM and "
                        "FROM NAMED may only name graphs this store holds (use GRAPH ?g to query its named graphs)")
        elif kind == "pname":
            prefix = text.split(":", 1)[0]
            if prefix not in known and not _is_declaration(tokens, i):
                raise QuerySyntaxError(
                    f"unknown prefix '{prefix}:' ({_where(sparql, at)}): declare it with PREFIX {prefix}: <...> "
                    f"or use a predeclared one: {', '.join(sorted(PREFIXES))}")
        i += 1
    if form is None:
        raise QuerySyntaxError("not a query: start with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines)")
    return form


def _is_declaration(tokens, i: int) -> bool:
    return i > 0 and tokens[i - 1][0] == "word" and tokens[i - 1][1].upper() == "PREFIX"


def _resolve(token, known: dict[str, str]) -> str | None:
    if token is None:
        return None
    kind, text, _ = token
    if kind == "iri":
        return text[1:-1]
    if kind == "pname":
        prefix, local = text.split(":", 1)
        return known.get(prefix, "") + local if prefix in known else None
    return None


_ERROR_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def explain_syntax_error(sparql: str, error: Exception) -> str:
    """pyoxigraph's parser message as one line: where, what was expected, near which text.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> try:
    ...     ox.Store().query("SELECT * WHERE { ?s ?p }")
    ... except SyntaxError as e:
    ...     print(explain_syntax_error("SELECT * WHERE { ?s ?p }", e))
    invalid SPARQL at line 1, column 25 (after 'SELECT * WHERE { ?s ?p }'): expected one of LATERAL, SERVICE, [_]
    """
    text = str(error)
    m = _ERROR_AT.match(text)
    if not m:
        return "invalid SPARQL: " + " ".join(text.split())[:200]
    line, col, rest = int(m.group(1)), int(m.group(2)), m.group(3)
    lines = sparql.splitlines() or [""]
    before = lines[line - 1][:col - 1].rstrip() if 0 < line <= len(lines) else ""
    near = ("..." if len(before) > 25 else "") + before[-25:]
    expected = " ".join(rest.split())
    if "[" in expected and len(expected) > 80:  # character classes: keep the words a person can act on
        words = [w for w in re.findall(r"\b[A-Z][A-Z_]+\b", expected)]
        expected = ("expected one of " + ", ".join(dict.fromkeys(words))) if words else "unexpected character"
    where = f"line {line}, column {col}" + (f" (after {near!r})" if near else "")
    return f"invalid SPARQL at {where}: {expected}"


# --- evaluation ---------------------------------------------------------------------------------------

def _dataset(default_graph, named_graphs) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if default_graph:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    return kwargs


def evaluate(store: ox.Store, sparql: str, *, limits: Limits | None = None, default_graph=None,
             named_graphs=None, serialize: str | None = None, prefixes: dict[str, str] | None = None):
    """Evaluate a checked query in this process (no hard time limit: see :func:`run_query`).

    Returns a DataFrame (SELECT), a bool (ASK) or a list of pyoxigraph triples
    (CONSTRUCT/DESCRIBE); with ``serialize`` the answer as bytes in that format
    (:data:`RESULT_FORMATS`). Raises :class:`QueryTooLarge` past ``limits.max_rows``.
    """

    limits = limits or Limits()
    try:
        result = store.query(sparql, prefixes=PREFIXES if prefixes is None else prefixes,
                             **_dataset(default_graph, named_graphs))
    except SyntaxError as exc:
        raise QuerySyntaxError(explain_syntax_error(sparql, exc)) from None
    except OSError as exc:
        raise QueryError(f"the store could not answer: {exc}") from None
    if serialize:
        out = _CappedWriter(limits.max_bytes)
        if isinstance(result, ox.QueryTriples):
            ox.serialize(result, out, format=_format(serialize, boolean=False), prefixes=_file_prefixes())
        else:
            result.serialize(out, format=_format(serialize, boolean=True))
        return out.getvalue()
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    cap = limits.max_rows
    if isinstance(result, ox.QuerySolutions):
        return _solutions_frame(result.variables, result if cap is None else _capped(result, cap))
    return list(result) if cap is None else _capped(result, cap)


class _CappedWriter(io.BytesIO):
    """A bytes buffer that refuses to grow past ``cap`` bytes (stops the serializer)."""

    def __init__(self, cap: int | None) -> None:
        super().__init__()
        self.cap = cap

    def write(self, b) -> int:
        if self.cap is not None and self.tell() + len(b) > self.cap:
            raise QueryTooLarge(f"the answer is larger than {self.cap} bytes (the size limit); add LIMIT or "
                                "narrow the query")
        return super().write(b)


def _file_prefixes() -> dict[str, str]:
    from graph.namespaces import FILE_PREFIXES

    return FILE_PREFIXES


def _format(name: str, *, boolean: bool):
    if name not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {name!r}; use one of {', '.join(RESULT_FORMATS)}")
    fmt = RESULT_FORMATS[name][0]
    if boolean != isinstance(fmt, ox.QueryResultsFormat):
        kind = "SELECT and ASK" if boolean else "CONSTRUCT and DESCRIBE"
        fitting = [n for n, (f, _) in RESULT_FORMATS.items() if isinstance(f, ox.QueryResultsFormat) == boolean]
        raise QueryError(f"{name} does not fit {kind} answers; use one of {', '.join(fitting)}")
    return fmt


def _capped(items, cap: int) -> list:
    out = []
    for item in items:
        out.append(item)
        if len(out) > cap:
            raise QueryTooLarge(f"the answer has more than {cap} rows (the row limit); add LIMIT, narrow the "
                                "query, or raise the limit (--max-rows, KENNISGRAAF_MAX_ROWS)")
    return out


def _solutions_frame(variables, rows):
    import pandas as pd

    from graph.tables import term_value

    names = [v.value for v in variables]
    return pd.DataFrame([[term_value(sol[n]) for n in names] for sol in rows], columns=names)


def run_query(store: ox.Store, sparql: str, *, limits: Limits | None = None, default_graph=None,
              named_graphs=None, serialize: str | None = None, prefixes: dict[str, str] | None = None,
              graphs: set[str] | None = None):
    """Check ``sparql`` and evaluate it in a child process with a hard time limit.

    Parameters
    ----------
    store : the store to query (shared with the child copy-on-write, not copied).
    limits : time, row and length limits (default: :class:`Limits`).
    default_graph, named_graphs : graph IRIs for the query's dataset (SPARQL protocol parameters).
    serialize : None for Python values (see :func:`evaluate`), or a name from :data:`RESULT_FORMATS`.
    graphs : named graphs the store holds (default: read from the store), for the ``FROM`` check.

    Raises
    ------
    QueryError
        One of its subclasses: syntax, refused, too large, timeout.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
    ...                   ox.Literal("1")))
    >>> run_query(store, "SELECT ?s WHERE { ?s ?p ?o }")
                           s
    0  https://example.org/a
    >>> run_query(store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", limits=Limits(max_rows=0))
    Traceback (most recent call last):
    ...
    graph.sparql.QueryTooLarge: the answer has more than 0 rows (the row limit); add LIMIT, narrow the query, \
or raise the limit (--max-rows, KENNISGRAAF_MAX_ROWS)
    """
    limits = limits or Limits()
    if graphs is None:
        graphs = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    check_query(sparql, limits=limits, graphs=graphs | set(default_graph or ()) | set(named_graphs or ()),
                prefixes=prefixes)
    try:
        return run_in_child(evaluate, store, sparql, timeout=limits.timeout, limits=limits,
                            default_graph=default_graph, named_graphs=named_graphs, serialize=serialize,
                            prefixes=prefixes)
    except ChildTimeout:
        raise QueryTimeout(f"the query ran longer than the time limit of {limits.timeout:g} s and was stopped; "
                           "narrow it, or raise the limit (--timeout, KENNISGRAAF_QUERY_TIMEOUT)") from None


# --- a pool of workers for a server ---------------------------------------------------------------------

class _Worker:
    """One forked worker: reads (sparql, kwargs) requests from a socket and answers each with bytes or an error."""

    def __init__(self, store: ox.Store, limits: Limits, prefixes) -> None:
        import socket

        from graph.child import _fork

        parent, child = socket.socketpair()
        self.pid = _fork()
        if self.pid == 0:  # pragma: no cover - the worker process
            parent.close()
            _serve(child, store, limits, prefixes)
        child.close()
        self.sock = parent

    def ask(self, request, timeout: float | None):
        import pickle
        import select

        _send(self.sock, pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            raise ChildTimeout(f"stopped after {timeout:g} s")
        return pickle.loads(_recv(self.sock))

    def kill(self) -> None:
        import signal

        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self.sock.close()


def _send(sock, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(8, "big") + payload)


def _recv(sock) -> bytes:
    def exactly(n: int) -> bytes:
        chunks, got = [], 0
        while got < n:
            chunk = sock.recv(min(n - got, 1 << 20))
            if not chunk:
                raise EOFError("the worker process ended")
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    return exactly(int.from_bytes(exactly(8), "big"))


def _serve(sock, store, limits, prefixes) -> None:  # pragma: no cover - runs in the worker process
    import pickle
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        while True:
            try:
                sparql, kwargs = pickle.loads(_recv(sock))
            except EOFError:
                break
            try:
                answer = (True, evaluate(store, sparql, limits=limits, prefixes=prefixes, **kwargs))
            except QueryError as exc:
                answer = (False, exc)
            except Exception as exc:  # noqa: BLE001 - a worker never dies of a query
                answer = (False, QueryError(f"the query could not be answered: {exc}"))
            _send(sock, pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)


class QueryPool:
    """Pre-forked worker processes that answer queries on one store, for a server.

    Each worker shares the loaded store with the server process (fork,
    copy-on-write), so N workers use N cores without N copies. Every query is
    checked first (:func:`check_query`) and runs with a hard time limit: a
    worker past it is killed and replaced, and the other workers keep serving
    meanwhile. :meth:`execute` may be called from many threads at once; it
    waits for a free worker.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
    ...                   ox.Literal("1")))
    >>> pool = QueryPool(store, workers=1, limits=Limits(timeout=5))
    >>> pool.execute("ASK { ?s ?p ?o }", serialize="json")
    b'{"head":{},"boolean":true}'
    >>> pool.close()
    """

    def __init__(self, store: ox.Store, workers: int = 2, limits: Limits | None = None,
                 prefixes: dict[str, str] | None = None) -> None:
        import queue
        import threading

        self.store = store
        self.limits = limits or Limits(timeout=10.0, max_rows=100_000)
        self.prefixes = prefixes
        self.graphs = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(max(1, workers)):
            self._add_worker()

    def _add_worker(self) -> None:
        worker = _Worker(self.store, self.limits, self.prefixes)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        self._add_worker()

    def check(self, sparql: str, default_graph=None, named_graphs=None) -> str:
        """:func:`check_query` with this pool's limits and graphs; returns the query form."""
        return check_query(sparql, limits=self.limits, prefixes=self.prefixes,
                           graphs=self.graphs | set(default_graph or ()) | set(named_graphs or ()))

    def execute(self, sparql: str, *, serialize: str = "json", default_graph=None, named_graphs=None) -> bytes:
        """Check and answer one query; returns the answer serialized (see :data:`RESULT_FORMATS`).

        Raises :class:`QueryError` (its subclasses) like :func:`run_query`.
        """
        import queue

        self.check(sparql, default_graph, named_graphs)
        try:  # all workers busy for as long as a query may run: say so instead of queueing without end
            worker = self._idle.get(timeout=self.limits.timeout)
        except queue.Empty:
            raise QueryTimeout("the server is busy: no worker came free within "
                               f"{self.limits.timeout:g} s; try again in a moment") from None
        request = (sparql, {"serialize": serialize, "default_graph": default_graph, "named_graphs": named_graphs})
        try:
            ok, value = worker.ask(request, self.limits.timeout)
        except ChildTimeout:
            self._retire(worker)
            raise QueryTimeout(f"the query ran longer than the time limit of {self.limits.timeout:g} s and was "
                               "stopped; narrow it (add LIMIT, fewer patterns)") from None
        except (EOFError, OSError):
            self._retire(worker)
            raise QueryError("the worker answering this query ended unexpectedly; try again") from None
        except BaseException:
            self._retire(worker)
            raise
        self._idle.put(worker)
        if ok:
            return value
        raise value

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
