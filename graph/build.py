"""Build: sources -> mapping -> validate -> write. Atomic: a failed build replaces nothing.

Made for national-scale input (a million triples in well under a minute):
records are parsed with libyaml, mapped straight to the store's own terms,
loaded once into the pyoxigraph store, and every check (quotes, SHACL as
SPARQL) runs on that store, which is then written. See README "Building
large inputs".
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from rdflib.compare import to_canonical_graph

from graph import terms as T
from graph.describe import source_quads, void_quads
from graph.errors import InputError
from graph.mapping import map_records
from graph.mapping.derived import derive_records
from graph.namespaces import CONCEPTS_IRI, ONTOLOGY_IRI
from graph.ontology import ONTOLOGY_FILES, _parse, concept_index
from graph.publish import prepare_output, write_atomically
from graph.settings import ROOT, ontology_dir
from graph.settings import data_dir as default_data_dir
from graph.settings import output_dir as default_output_dir
from graph.settings import seeds_dir as default_seeds_dir
from graph.sources import Record, read_cbs_gemeenten, read_curated_folder, read_sources
from graph.store import KnowledgeGraph
from graph.validate import ValidationReport, union_graph, validate

__all__ = ["BuildResult", "build", "read_all_records", "assemble", "located"]

Quad = T.Quad


@dataclass
class BuildResult:
    """What a build produced and how long each step took."""

    output: Path
    triples: int
    quads: int
    facts: int
    records: int
    report: ValidationReport
    timings: dict[str, float] = field(default_factory=dict)
    kg: KnowledgeGraph | None = None


def _say(progress: Callable[[str], None] | None, msg: str) -> None:
    if progress:
        progress(msg)


def _every(progress: Callable[[str], None] | None, seconds: float = 2.0):
    """A reporter that passes a message on at most once per ``seconds`` (None without ``progress``)."""
    if progress is None:
        return None
    last = [time.perf_counter()]

    def say(msg: str) -> None:
        now = time.perf_counter()
        if now - last[0] >= seconds:
            last[0] = now
            progress(msg)

    return say


@contextmanager
def located(data: Path):
    """Let an InputError raised inside name the files as they were read (for a data folder other than data/).

    Records carry names relative to the data folder's parent, which is what the
    built files record; a message should name the file the user can open.
    """
    try:
        yield
    except InputError as exc:
        data = Path(data)
        if data.resolve() != (ROOT / "data").resolve():
            exc.problems = [replace(p, file=str(data.parent / p.file)) if (data.parent / p.file).exists() else p
                            for p in exc.problems]
        raise


def read_all_records(data: Path, extra: Iterable[Record] = (), skip: Path | None = None,
                     progress: Callable[[str], None] | None = None) -> list[Record]:
    """Reference records (CBS list, reference YAML) followed by the curated records (all but ``skip``).

    ``progress`` gets a line now and then while the curated files are read.
    """
    problems = []
    records: list[Record] = []
    say = _every(progress)
    tell = (lambda done, n, recs: say(f"      {done:,} of {n:,} files read, {recs:,} records")) if say else None
    # names relative to the data folder's parent (data/curated/x.yaml), so the built files do not depend on
    # where the folder is; messages show the real path (see located)
    cbs = data / "reference" / "cbs-gemeenten-2021.csv"
    readers = [
        lambda: read_cbs_gemeenten(cbs, display_name=str(cbs.relative_to(data.parent))),
        lambda: read_curated_folder(data / "reference", root=data.parent, skip=skip),
        lambda: read_curated_folder(data / "curated", root=data.parent, skip=skip, progress=tell),
    ]
    for read in readers:
        try:
            records.extend(read())
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return records + list(extra)


@cache
def _ontology_quads(folder: Path) -> tuple[Quad, ...]:
    """The ontology and concept schemes in their named graphs (parsed once per folder)."""
    out: list[Quad] = []
    for name in ONTOLOGY_FILES:
        g = T.named(str(ONTOLOGY_IRI if name == "sociaal-domein.ttl" else CONCEPTS_IRI))
        # canonical blank-node labels (unions, lists, agents): the same file gives the same output
        out += [T.quad(T.from_rdflib(s), T.from_rdflib(p), T.from_rdflib(o), g)
                for s, p, o in to_canonical_graph(_parse(folder / name))]
    return tuple(out)


def assemble(records: list[Record], sources,
             progress: Callable[[str], None] | None = None) -> tuple[T.Quads, int]:
    """Map records and add source metadata, ontology and concept schemes.

    Returns the quads (repeats possible: the store drops them; see
    :func:`graph.validate.union_graph`) and the number of facts.
    """
    say = _every(progress)
    tell = (lambda done, n, facts: say(f"      {done:,} of {n:,} records mapped, {facts:,} claims")) if say else None
    mapped = map_records(records + derive_records(records, sources), sources, concept_index(), progress=tell)
    if mapped.problems:
        raise InputError(mapped.problems)
    quads = T.Quads(lines=mapped.lines, terms=source_quads(sources) + list(_ontology_quads(ontology_dir())))
    return quads, mapped.facts


def build(data: Path | None = None, output: Path | None = None, seeds: Path | None = None,
          extra_records: Iterable[Record] = (), shacl: bool = True,
          progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build the knowledge graph from ``data/`` into ``output/``.

    Raises :class:`InputError` (listing every problem) when the input is not
    valid; the previous build in ``output/`` is then left as it was.
    """
    data = Path(data or default_data_dir())
    output = prepare_output(output or default_output_dir())  # a folder that cannot be written: say so now
    seeds = seeds if seeds is not None else default_seeds_dir()
    with located(data):
        return _build(data, output, seeds, extra_records, shacl, progress)


def _build(data: Path, output: Path, seeds: Path | None, extra_records: Iterable[Record], shacl: bool,
           progress: Callable[[str], None] | None) -> BuildResult:
    timings: dict[str, float] = {}
    t = time.perf_counter()
    _say(progress, "[1/5] reading sources and records")
    sources = read_sources(data / "sources.yaml")
    records = read_all_records(data, extra_records, progress=progress)
    timings["read"] = time.perf_counter() - t
    _say(progress, f"      {len(records):,} records read")

    t = time.perf_counter()
    _say(progress, f"[2/5] mapping {len(records):,} records to RDF")
    quads, facts = assemble(records, sources, progress=progress)
    n_records = len(records)
    del records
    kg = union_graph(quads)
    del quads
    timings["map"] = time.perf_counter() - t
    _say(progress, f"      {facts:,} facts, {len(kg.store):,} quads in the store")

    t = time.perf_counter()
    _say(progress, "[3/5] validating (quotes" + (", SHACL" if shacl else "") + ")")
    report = validate(kg, sources, data, seeds, shacl=shacl, progress=progress)
    timings["validate"] = time.perf_counter() - t
    if not report.conforms:
        raise InputError(report.problems)

    t = time.perf_counter()
    _say(progress, "[4/5] describing the dataset (VoID/DCAT)")
    kg.store.extend(T.with_default_graph(void_quads(kg, sources)))
    timings["describe"] = time.perf_counter() - t

    t = time.perf_counter()
    n_triples, n_quads = len(kg), len(kg.store)
    _say(progress, f"[5/5] writing {n_triples} triples ({n_quads} quads) to {output}")
    write_atomically(kg, output)
    timings["write"] = time.perf_counter() - t
    return BuildResult(output=output, triples=n_triples, quads=n_quads, facts=facts, records=n_records,
                       report=report, timings=timings, kg=kg)


if __name__ == "__main__":  # pragma: no cover - convenience
    build(progress=lambda m: print(m, file=sys.stderr))
