"""Validation of a graph: SHACL shapes and the provenance (quote) check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import Problem
from graph.namespaces import PROV, RDF, SD, SDI, SH
from graph.ontology import ontology_graph, shapes_graph
from graph.sources.registry import Source

__all__ = ["ValidationReport", "validate", "check_quotes", "run_shacl", "union_graph"]


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


def _record_locations(graph: Graph) -> dict[Node, str]:
    """Map each described thing to the first curated record (file:line) about it."""
    where: dict[Node, str] = {}
    for claim, rec in graph.subject_objects(SD.record):
        subj = graph.value(claim, RDF.subject)
        if subj is not None and (subj not in where or str(rec) < where[subj]):
            where[subj] = str(rec)
    return where


def _split(location: str | None) -> tuple[str, int | None]:
    if not location:
        return "(graph)", None
    file, _, line = location.rpartition(":")
    return (file, int(line)) if line.isdigit() else (location, None)


def _short(node: Node) -> str:
    s = str(node)
    return s.removeprefix(str(SDI)) if s.startswith(str(SDI)) else s


def run_shacl(graph: Graph) -> list[Problem]:
    """Validate with the project's SHACL shapes; each result becomes a Problem."""
    from pyshacl import validate as shacl_validate

    conforms, results_graph, _ = shacl_validate(
        graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
        inference="none", advanced=True, allow_warnings=False)
    if conforms:
        return []
    where = _record_locations(graph)
    problems = []
    details = set(results_graph.objects(None, SH.detail))  # nested results of sh:node: reported by their parent
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        if result in details:
            continue
        focus = results_graph.value(result, SH.focusNode)
        messages = list(results_graph.objects(result, SH.resultMessage))
        msg = next((str(m) for m in messages if isinstance(m, Literal) and m.language == "en"),
                   str(messages[0]) if messages else "violates a shape")
        path = results_graph.value(result, SH.resultPath)
        value = results_graph.value(result, SH.value)
        parts = [f"path {_short(path)}"] if isinstance(path, URIRef) else []
        if value is not None:
            parts.append(f"value {str(value)!r}")
        detail = f" ({', '.join(parts)})" if parts else ""
        file, line = _split(where.get(focus))
        problems.append(Problem(file, line, _short(focus), f"SHACL: {msg}{detail}",
                                "see ontology/shapes.ttl for what this kind of entry needs"))
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))


def check_quotes(graph: Graph, sources: dict[str, Source], data_dir: Path,
                 seeds_dir: Path | None) -> tuple[list[Problem], int, int, list[str]]:
    """Check that every claim's quote occurs verbatim in its cited source's text.

    Returns (problems, quotes checked, quotes in total, sources whose text is absent).
    """
    by_iri = {str(SDI[f"bron/{sid}"]): src for sid, src in sources.items()}
    texts: dict[str, str | None] = {}
    problems: list[Problem] = []
    checked = total = 0
    missing: set[str] = set()
    seen: set[tuple[str, str, str]] = set()
    for claim in graph.subjects(RDF.type, SD.Bewering):
        rec = graph.value(claim, SD.record)
        for src_iri in graph.objects(claim, PROV.wasDerivedFrom):
            src = by_iri.get(str(src_iri))
            if src is None:
                file, line = _split(str(rec) if rec else None)
                problems.append(Problem(file, line, _short(claim), f"claim cites unknown source {src_iri}",
                                        "cite a source listed in data/sources.yaml"))
                continue
            if src.id not in texts:
                path = src.text_path(data_dir, seeds_dir)
                texts[src.id] = path.read_text(encoding="utf-8") if path and path.exists() else None
                if texts[src.id] is None and src.kind == "reference":
                    problems.append(Problem(str(path), None, src.id, "reference file is missing",
                                            "restore it from git: reference facts are part of data/"))
                elif texts[src.id] is None and path is not None:
                    problems.append(Problem(
                        str(path), None, src.id, f"the text of source {src.id} is not in the seeds folder",
                        f"put {src.file} in {seeds_dir}, or unset KENNISGRAAF_SEEDS/--seeds to skip the quote check"))
            for quote in graph.objects(claim, SD.citaat):
                key = (src.id, str(quote), str(rec))
                if key in seen:
                    continue
                seen.add(key)
                total += 1
                text = texts[src.id]
                if text is None:
                    missing.add(src.id)
                    continue
                checked += 1
                if str(quote) not in text:
                    file, line = _split(str(rec) if rec else None)
                    problems.append(Problem(
                        file, line, _short(graph.value(claim, RDF.subject)),
                        f"quote not found in its source {src.id} ({src.file}): {str(quote)!r}",
                        "copy the quote character for character from the source text"))
    return problems, checked, total, sorted(missing)


def validate(graph: Graph, sources: dict[str, Source], data_dir: Path,
             seeds_dir: Path | None = None, shacl: bool = True) -> ValidationReport:
    """Run the quote check and (optionally) SHACL over a graph (all triples, once each)."""
    report = ValidationReport()
    if seeds_dir is not None and not Path(seeds_dir).is_dir():
        report.problems.append(Problem(
            str(seeds_dir), None, "seeds", "the seeds folder given for the quote check does not exist",
            "point --seeds or KENNISGRAAF_SEEDS at the folder with the source texts, or unset it"))
        return report
    q_problems, report.quotes_checked, report.quotes_total, report.unchecked_sources = \
        check_quotes(graph, sources, data_dir, seeds_dir)
    report.problems.extend(q_problems)
    if shacl:
        report.problems.extend(run_shacl(graph))
        report.shacl_checked = True
    return report


def union_graph(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> Graph:
    """Flatten quads into one rdflib Graph (for SHACL and the quote check)."""
    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    return g

