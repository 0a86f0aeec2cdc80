"""The files a server serves: the built graph plus extra named graphs, their identity and how to load them.

The identity (:meth:`DatasetFiles.signature`) changes whenever a build
replaces a file, so responses can carry an ETag tied to the build and a
running server can notice a new build and reload.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import KnowledgeGraph

__all__ = ["DatasetFiles", "parse_named_graph"]


def parse_named_graph(spec: str) -> tuple[str, Path]:
    """Split ``IRI=FILE`` (the ``--named-graph`` option) into the graph IRI and the file.

    Examples
    --------
    >>> parse_named_graph("http://example.org/g=data/g.nt")
    ('http://example.org/g', PosixPath('data/g.nt'))
    """
    iri, sep, path = spec.rpartition("=")
    if not sep or not iri or not path or ":" not in iri:
        raise ValueError(f"--named-graph {spec!r}: write it as IRI=FILE, e.g. http://example.org/g=data.nt")
    return iri, Path(path)


@dataclass(frozen=True)
class DatasetFiles:
    """The built graph file and extra RDF files loaded as named graphs (graph IRI -> file)."""

    graph: Path
    named: dict[str, Path] = field(default_factory=dict)

    def paths(self) -> list[Path]:
        return [self.graph, *self.named.values()]

    def signature(self) -> str:
        """A short id that changes when any file is replaced or rewritten (size, mtime, inode).

        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile(suffix=".nt") as f:
        ...     before = DatasetFiles(Path(f.name)).signature()
        ...     _ = f.write(b"<a:b> <a:c> <a:d> .\\n"); f.flush()
        ...     before != DatasetFiles(Path(f.name)).signature()
        True
        """
        parts = []
        for path in self.paths():
            st = path.stat()
            parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    def last_modified(self) -> float:
        """Modification time (seconds since the epoch) of the newest file."""
        return max(path.stat().st_mtime for path in self.paths())

    def load(self) -> KnowledgeGraph:
        """Load the built graph and each extra file into its named graph (also in the default graph,
        the layout of the built graph: every triple once in the default graph)."""
        kg = KnowledgeGraph.from_file(self.graph)
        for iri, path in self.named.items():
            # TODO(lead): a KnowledgeGraph.add_file(path, graph=iri) in graph/store.py would keep pyoxigraph
            # named in store.py only; until then the store's own loader is called here.
            from pyoxigraph import DefaultGraph, NamedNode

            kg.store.load(path=str(path), to_graph=NamedNode(iri))
            kg.store.load(path=str(path), to_graph=DefaultGraph())
        return kg
