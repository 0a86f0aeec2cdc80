"""Read curated YAML files into :class:`Record` objects that remember their line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InputError, Problem

__all__ = ["Record", "load_yaml", "read_curated_folder", "read_records_file"]


class _LineDict(dict):
    """A mapping that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings are :class:`_LineDict` with 1-based lines."""

    def construct_mapping(self, node, deep=False):  # noqa: D102 - yaml hook
        mapping = _LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            str(k.value): k.start_mark.line + 1 for k, _ in node.value if hasattr(k, "value")
        }
        return mapping


_LineLoader.add_constructor(
    "tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node, deep=True))

# Dates stay strings: the mapping layer types them, and "2017" must not become int
# in one file and a date in another.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error becomes an InputError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(str(path), None, None, f"not UTF-8 text ({exc.reason})",
                                  "save the file as UTF-8")]) from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc)
        raise InputError([Problem(str(path), line, None, f"malformed YAML: {what}",
                                  "check indentation, quotes and the ':' after each key")]) from exc


@dataclass(frozen=True)
class Record:
    """One curated record: its fields, where it was read, and its default source."""

    file: str
    line: int
    fields: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    default_source: str | list[str] | None = None

    @property
    def key(self) -> str | None:
        """The id the record declares or is about."""
        value = self.fields.get("id") or self.fields.get("about")
        return str(value) if value is not None else None

    def line_of(self, key: str) -> int:
        """Line of a field, falling back to the record's first line."""
        return self.key_lines.get(key, self.line)


def read_records_file(path: Path, display_name: str | None = None) -> list[Record]:
    """Read one curated YAML file into records."""
    name = display_name or str(path)
    doc = load_yaml(path)
    if doc is None:
        return []
    if not isinstance(doc, dict) or "records" not in doc:
        raise InputError([Problem(name, 1, None, "a curated file needs a 'records:' list",
                                  "see data/README.md for the record format")])
    records = doc["records"] or []
    if not isinstance(records, list):
        raise InputError([Problem(name, doc.key_lines.get("records", 1), None,
                                  "'records' must be a list", "start each record with '- '")])
    default = doc.get("source")
    out: list[Record] = []
    problems: list[Problem] = []
    for item in records:
        if not isinstance(item, dict):
            problems.append(Problem(name, None, None, f"a record must be a mapping, got {item!r}",
                                    "write records as '- key: value' blocks"))
            continue
        out.append(Record(file=name, line=item.line, fields=dict(item),
                          key_lines=dict(item.key_lines),
                          default_source=[str(s) for s in default] if isinstance(default, list)
                          else (str(default) if default is not None else None)))
    if problems:
        raise InputError(problems)
    return out


def read_curated_folder(folder: Path, root: Path | None = None, skip: Path | None = None) -> list[Record]:
    """Read every ``*.yaml`` below ``folder`` (sorted) but ``skip``, collecting all problems."""
    records: list[Record] = []
    problems: list[Problem] = []
    skip = skip.resolve() if skip else None
    for path in sorted(folder.rglob("*.yaml")):
        if skip is not None and path.resolve() == skip:
            continue
        shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        try:
            records.extend(read_records_file(path, shown))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return records
