"""Validation of a graph: SHACL shapes and the provenance (quote) check, both on the store.

The checks run on the pyoxigraph store the build writes from: the shapes as
SPARQL (:mod:`graph.shacl`, compiled from ``ontology/shapes.ttl``) and the
quote check from one SPARQL query over the claims. An rdflib graph is still
accepted (it is copied into a store first).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from graph import terms as T
from graph.errors import Problem
from graph.namespaces import SDI
from graph.ontology import ontology_graph, shapes_graph
from graph.sources.registry import Source
from graph.store import KnowledgeGraph

__all__ = ["ValidationReport", "validate", "check_quotes", "run_shacl", "union_graph", "find_quotes"]

Progress = Callable[[str], None] | None


@dataclass
class ValidationReport:
    """What validation found. ``conforms`` is False if there is any problem."""

    problems: list[Problem] = field(default_factory=list)
    quotes_checked: int = 0
    quotes_total: int = 0
    unchecked_sources: list[str] = field(default_factory=list)
    shacl_checked: bool = False

    @property
    def conforms(self) -> bool:
        return not self.problems

    @property
    def complete(self) -> bool:
        """True when every check ran: SHACL and every quote against its source text."""
        return self.shacl_checked and self.quotes_checked == self.quotes_total

    def summary(self) -> str:
        """One paragraph for people; says "valid" only when every check ran and passed."""
        if not self.conforms:
            return f"INVALID ({len(self.problems)} problems)"
        shacl = "SHACL shapes passed" if self.shacl_checked else "SHACL shapes NOT checked (--no-shacl)"
        if self.quotes_checked == self.quotes_total:
            quotes = f"all {self.quotes_total} quotes found verbatim in their sources"
        else:
            quotes = (f"{self.quotes_checked} of {self.quotes_total} quotes checked and found verbatim; "
                      f"{self.quotes_total - self.quotes_checked} NOT checked because the texts of sources "
                      f"{', '.join(self.unchecked_sources)} are not here (to check them, give the folder with the "
                      "source texts: --seeds DIR or KENNISGRAAF_SEEDS=DIR)")
        status = "valid" if self.complete else "no problems found in what was checked"
        return f"{status}: {shacl}; {quotes}"


def _record_locations(kg: KnowledgeGraph, nodes: Iterable) -> dict[str, str]:
    """Map each of ``nodes`` to the first curated record (file:line) about it."""
    nodes = {n for n in nodes if not isinstance(n, T.ox.Literal)}
    if not nodes:
        return {}
    values = " ".join(str(n) for n in nodes if isinstance(n, T.ox.NamedNode))
    where: dict[str, str] = {}
    if values:
        for row in kg.raw_query(f"""SELECT ?s (MIN(STR(?r)) AS ?rec) WHERE {{
                VALUES ?s {{ {values} }} ?c rdf:subject ?s ; sd:record ?r }} GROUP BY ?s"""):
            if row["rec"] is not None:
                where[str(row["s"])] = row["rec"].value
    return where


def _split(location: str | None) -> tuple[str, int | None]:
    if not location:
        return "(graph)", None
    file, _, line = location.rpartition(":")
    return (file, int(line)) if line.isdigit() else (location, None)


def _short(node) -> str:
    s = node.value if hasattr(node, "value") else str(node)
    return s.removeprefix(str(SDI)) if s.startswith(str(SDI)) else s


def _as_store(graph: KnowledgeGraph | Graph) -> KnowledgeGraph:
    if isinstance(graph, KnowledgeGraph):
        return graph
    kg = KnowledgeGraph()
    kg.store.extend(T.quad(T.from_rdflib(s), T.from_rdflib(p), T.from_rdflib(o)) for s, p, o in graph)
    return kg


def run_shacl(graph: KnowledgeGraph | Graph, engine: str = "sparql") -> list[Problem]:
    """Validate with the project's SHACL shapes; each result becomes a Problem.

    ``engine`` "sparql" runs the shapes as SPARQL on the store
    (:mod:`graph.shacl`; pyshacl if the shapes use a feature it does not
    translate); "pyshacl" runs pyshacl on an rdflib copy (slow on large graphs).
    """
    from graph.shacl import Unsupported, compile_shapes, violations

    kg = _as_store(graph)
    if engine == "sparql":
        try:
            checks = compile_shapes(shapes_graph())
        except Unsupported:
            engine = "pyshacl"
    if engine == "pyshacl":
        results = _pyshacl_results(kg)
    else:
        results = []
        for check, focus, value in violations(kg.store, checks):
            msg = next((m.value for m in (T.from_rdflib(x) for x in check.messages) if m.language == "en"),
                       check.messages[0] if check.messages else "violates a shape")
            results.append((focus, check.path, value, str(msg)))
    where = _record_locations(kg, (r[0] for r in results))
    problems = set()
    for focus, path, value, msg in results:
        parts = [f"path {_short(path)}"] if path is not None else []
        if value is not None:
            parts.append(f"value {(value.value if hasattr(value, 'value') else str(value))!r}")
        detail = f" ({', '.join(parts)})" if parts else ""
        file, line = _split(where.get(str(focus)))
        problems.add(Problem(file, line, _short(focus), f"SHACL: {msg}{detail}",
                             "see ontology/shapes.ttl for what this kind of entry needs"))
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.message, p.entity or ""))


def _pyshacl_results(kg: KnowledgeGraph) -> list[tuple]:
    """(focus, path IRI or None, value or None, English message) per pyshacl result."""
    from pyshacl import validate as shacl_validate
    from rdflib import Literal, URIRef

    from graph.namespaces import RDF, SH

    data = kg.to_rdflib().default_graph
    conforms, results_graph, _ = shacl_validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
        inference="none", advanced=True, allow_warnings=False)
    if conforms:
        return []
    out = []
    details = set(results_graph.objects(None, SH.detail))  # nested results of sh:node: reported by their parent
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        if result in details:
            continue
        focus = T.from_rdflib(results_graph.value(result, SH.focusNode))
        messages = list(results_graph.objects(result, SH.resultMessage))
        msg = next((str(m) for m in messages if isinstance(m, Literal) and m.language == "en"),
                   str(messages[0]) if messages else "violates a shape")
        path = results_graph.value(result, SH.resultPath)
        value = results_graph.value(result, SH.value)
        out.append((focus, path if isinstance(path, URIRef) else None,
                    T.from_rdflib(value) if value is not None else None, msg))
    return out


def find_quotes(text: str, quotes: Iterable[str], min_prefix: int = 24, budget: float = 5e9) -> set[str]:
    """The quotes that do not occur verbatim in ``text``.

    ``quote in text`` scans at memory speed, so it is used while quotes times
    text length stays under ``budget`` characters (a few seconds at most).
    Past that (say a 50 MB source cited 100,000 times) the text is scanned
    once for the quotes' first ``min_prefix`` characters and each quote is
    compared only where its prefix occurs.

    Examples
    --------
    >>> sorted(find_quotes("Delft voor Elkaar is een netwerk.", ["voor Elkaar", "Delft", "Leiden"]))
    ['Leiden']
    >>> sorted(find_quotes("Delft voor Elkaar is een netwerk.", ["voor Elkaar", "Leiden"], min_prefix=4, budget=0))
    ['Leiden']
    """
    quotes = set(quotes)
    if len(quotes) * len(text) <= budget:
        return {q for q in quotes if q not in text}
    short = {q for q in quotes if len(q) < min_prefix}
    missing = {q for q in short if q not in text}
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for q in quotes - short:
        by_prefix[q[:min_prefix]].append(q)
    found: set[str] = set()
    k = min_prefix
    for i in range(len(text) - k + 1):
        cands = by_prefix.get(text[i:i + k])
        if cands:
            found.update(q for q in cands if text.startswith(q, i))
    return missing | (quotes - short - found)


_CITED = """SELECT DISTINCT ?src ?quote ?rec WHERE {
  ?claim a sd:Bewering ; prov:wasDerivedFrom ?src ; sd:citaat ?quote . OPTIONAL { ?claim sd:record ?rec }
}"""
_UNKNOWN_SOURCE = """SELECT ?claim ?src ?rec WHERE {
  ?claim a sd:Bewering ; prov:wasDerivedFrom ?src . OPTIONAL { ?claim sd:record ?rec }
  FILTER(?src NOT IN (%s))
}"""
_SUBJECT = """SELECT (MIN(STR(?s)) AS ?subj) WHERE {
  ?claim prov:wasDerivedFrom %s ; sd:citaat %s ; rdf:subject ?s . %s
}"""


def check_quotes(graph: KnowledgeGraph | Graph, sources: dict[str, Source], data_dir: Path,
                 seeds_dir: Path | None) -> tuple[list[Problem], int, int, list[str]]:
    """Check that every claim's quote occurs verbatim in its cited source's text.

    Each (source, quote, curated record) is checked and counted once.
    Returns (problems, quotes checked, quotes in total, sources whose text is absent).
    """
    kg = _as_store(graph)
    by_iri = {str(SDI[f"bron/{sid}"]): src for sid, src in sources.items()}
    problems: list[Problem] = []
    known = ", ".join(f"<{i}>" for i in by_iri) or "<urn:none>"
    for row in sorted(kg.raw_query(_UNKNOWN_SOURCE % known), key=lambda r: (str(r["claim"]), str(r["src"]))):
        file, line = _split(row["rec"].value if row["rec"] is not None else None)
        problems.append(Problem(file, line, _short(row["claim"]), f"claim cites unknown source {row['src'].value}",
                                "cite a source listed in data/sources.yaml"))
    # (source id, quote) -> the curated records citing it
    cited: dict[tuple[str, str], set[str]] = defaultdict(set)
    for src, quote, rec in kg.raw_query(_CITED):
        src = by_iri.get(src.value)
        if src is not None:
            cited[(src.id, quote.value)].add(rec.value if rec is not None else "")
    texts: dict[str, str | None] = {}
    for sid in sorted({sid for sid, _ in cited}):
        src = sources[sid]
        path = src.text_path(data_dir, seeds_dir)
        texts[sid] = path.read_text(encoding="utf-8") if path and path.exists() else None
        if texts[sid] is None and src.kind == "reference":
            problems.append(Problem(str(path), None, src.id, "reference file is missing",
                                    "restore it from git: reference facts are part of data/"))
        elif texts[sid] is None and path is not None:
            problems.append(Problem(
                str(path), None, src.id, f"the text of source {src.id} is not in the seeds folder",
                f"put {src.file} in {seeds_dir}, or unset KENNISGRAAF_SEEDS/--seeds to skip the quote check"))
    total = sum(len(recs) for recs in cited.values())
    checked = 0
    missing: set[str] = set()
    for sid, text in texts.items():
        quotes = [q for s, q in cited if s == sid]
        if text is None:
            missing.add(sid)
            continue
        checked += sum(len(cited[(sid, q)]) for q in quotes)
        for quote in sorted(find_quotes(text, quotes)):
            for rec in sorted(cited[(sid, quote)]):
                file, line = _split(rec or None)
                problems.append(Problem(
                    file, line, _claim_subject(kg, sid, quote, rec),
                    f"quote not found in its source {sid} ({sources[sid].file}): {quote!r}",
                    "copy the quote character for character from the source text"))
    return problems, checked, total, sorted(missing)


def _claim_subject(kg: KnowledgeGraph, sid: str, quote: str, rec: str) -> str | None:
    """What a claim with this source, quote and record is about (for the message)."""
    where = f"?claim sd:record {T.text(rec)} ." if rec else ""
    query = _SUBJECT % (T.iri(str(SDI[f"bron/{sid}"])), T.text(quote), where)
    row = next(iter(kg.raw_query(query)), None)
    return _short(row["subj"]) if row is not None and row["subj"] is not None else None


def validate(graph: KnowledgeGraph | Graph, sources: dict[str, Source], data_dir: Path,
             seeds_dir: Path | None = None, shacl: bool = True, progress: Progress = None) -> ValidationReport:
    """Run the quote check and (optionally) SHACL over a graph (all triples, once each)."""
    report = ValidationReport()
    if seeds_dir is not None and not Path(seeds_dir).is_dir():
        report.problems.append(Problem(
            str(seeds_dir), None, "seeds", "the seeds folder given for the quote check does not exist",
            "point --seeds or KENNISGRAAF_SEEDS at the folder with the source texts, or unset it"))
        return report
    kg = _as_store(graph)
    q_problems, report.quotes_checked, report.quotes_total, report.unchecked_sources = \
        check_quotes(kg, sources, data_dir, seeds_dir)
    report.problems.extend(q_problems)
    if progress:
        progress(f"      quotes: {report.quotes_checked:,} of {report.quotes_total:,} checked,"
                 f" {len(q_problems)} problems")
    if shacl:
        report.problems.extend(run_shacl(kg))
        report.shacl_checked = True
        if progress:
            progress(f"      SHACL shapes: {len(report.problems) - len(q_problems)} problems")
    return report


def union_graph(quads: T.Quads | Iterable[T.Quad]) -> KnowledgeGraph:
    """Load quads (from :func:`graph.build.assemble`) into the store the checks run on, in the built layout.

    Every triple is in the default graph once; a quad in a named graph is also
    kept there (see :func:`graph.terms.load_quads`).
    """
    kg = KnowledgeGraph()
    T.load_quads(kg.store, quads)
    return kg
