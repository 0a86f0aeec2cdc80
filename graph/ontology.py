"""The ontology, concept schemes and SHACL shapes as rdflib graphs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

from graph.errors import InputError, Problem
from graph.namespaces import SDC, SKOS
from graph.settings import ontology_dir

__all__ = ["ONTOLOGY_FILES", "concept_index", "ontology_graph", "shapes_graph"]

ONTOLOGY_FILES = ("sociaal-domein.ttl", "begrippen.ttl")
SHAPES_FILE = "shapes.ttl"


@cache
def _parse(path: Path) -> Graph:
    """Parse a Turtle file; a syntax error becomes an InputError with file and line."""
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise InputError([Problem(str(path), None, None, "file is missing",
                                  "restore it from git")]) from exc
    except SyntaxError as exc:
        lines = getattr(exc, "lines", None)
        why = getattr(exc, "_why", None) or str(exc).splitlines()[0]
        raise InputError([Problem(str(path), lines + 1 if isinstance(lines, int) else None, None,
                                  f"malformed Turtle: {why}",
                                  "check the statement ends with ' .' and quotes and <IRIs> are closed")]) from exc
    return g


def ontology_graph(folder: Path | None = None) -> Graph:
    """The ontology and concept schemes together (a fresh copy)."""
    folder = folder or ontology_dir()
    g = Graph()
    for name in ONTOLOGY_FILES:
        for t in _parse(folder / name):
            g.add(t)
    return g


def shapes_graph(folder: Path | None = None) -> Graph:
    """The SHACL shapes."""
    return _parse((folder or ontology_dir()) / SHAPES_FILE)


def concept_index(folder: Path | None = None) -> dict[str, set[str]]:
    """``{scheme: {concept name}}`` for every concept in ``begrippen.ttl``."""
    g = _parse((folder or ontology_dir()) / "begrippen.ttl")
    index: dict[str, set[str]] = {}
    for c, scheme in g.subject_objects(SKOS.inScheme):
        s_name = str(scheme).removeprefix(str(SDC))
        index.setdefault(s_name, set()).add(str(c).removeprefix(f"{SDC}{s_name}/"))
    return index
