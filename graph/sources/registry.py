"""The registry of source documents (``data/sources.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph.errors import InputError, Problem
from graph.sources.records import load_yaml

__all__ = ["Source", "read_sources"]

KINDS = ("seed", "reference")


@dataclass(frozen=True)
class Source:
    """A document facts are taken from."""

    id: str
    kind: str
    file: str
    title: str
    publisher: str | None = None
    creator: str | None = None
    issued: str | None = None
    description: str | None = None
    url: tuple[str, ...] = field(default_factory=tuple)

    def text_path(self, data_dir: Path, seeds_dir: Path | None) -> Path | None:
        """Where the document's text is, or None when it is not available here."""
        if self.kind == "reference":
            return data_dir / self.file
        return None if seeds_dir is None else seeds_dir / self.file


def read_sources(path: Path) -> dict[str, Source]:
    """Read ``sources.yaml`` into ``{id: Source}``; raise InputError on bad entries."""
    items = load_yaml(path)
    problems: list[Problem] = []
    if not isinstance(items, list):
        raise InputError([Problem(str(path), 1, None, "expected a list of sources",
                                  "start each source with '- id: ...'")])
    sources: dict[str, Source] = {}
    for item in items:
        line = getattr(item, "line", None)
        if not isinstance(item, dict):
            problems.append(Problem(str(path), line, None, "a source must be a mapping"))
            continue
        sid = str(item.get("id", ""))
        missing = [k for k in ("id", "kind", "file", "title") if not item.get(k)]
        if missing:
            problems.append(Problem(str(path), line, sid or None,
                                    f"source lacks {', '.join(missing)}",
                                    "every source needs id, kind, file and title"))
            continue
        if item["kind"] not in KINDS:
            problems.append(Problem(str(path), line, sid, f"unknown kind {item['kind']!r}",
                                    f"use one of: {', '.join(KINDS)}"))
            continue
        if sid in sources:
            problems.append(Problem(str(path), line, sid, "duplicate source id",
                                    "give each source its own id"))
            continue
        issued = str(item["issued"]) if item.get("issued") else None
        if issued is not None:
            try:
                date.fromisoformat(issued)
            except ValueError:
                problems.append(Problem(str(path), line, sid, f"'issued' is not a date: {issued!r}",
                                        "write the issue date as YYYY-MM-DD, e.g. 2017-03-12"))
                continue
        url = item.get("url") or ()
        sources[sid] = Source(
            id=sid, kind=item["kind"], file=str(item["file"]), title=str(item["title"]),
            publisher=item.get("publisher"), creator=item.get("creator"),
            issued=issued,
            description=item.get("description"),
            url=tuple([url] if isinstance(url, str) else url),
        )
    if problems:
        raise InputError(problems)
    return sources
