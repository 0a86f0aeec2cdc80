"""Read curated YAML files into :class:`Record` objects that remember their line.

Parsing uses libyaml (PyYAML's C parser) where it is installed, which keeps the
line of every node at a fraction of the pure-Python parser's time. Hostile
input is refused before it can cost time or memory: a file past
:func:`max_file_bytes` (default 100 MB, ``KENNISGRAAF_MAX_YAML_MB``) and
aliases that repeat more than :data:`MAX_ALIAS_EXPANSION` list items and
mapping entries in one file (the "billion laughs" bomb, where each level of
aliases multiplies the one below). Aliases of a plain value
(``inferred: *reason``) and of a short list (``quote: *quotes``) stay allowed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InputError, Problem

__all__ = ["Record", "load_yaml", "read_curated_folder", "read_records_file", "max_file_bytes",
           "MAX_FILE_MB", "MAX_ALIAS_EXPANSION"]

#: Largest YAML file read, in MB (10**6 bytes), unless ``KENNISGRAAF_MAX_YAML_MB`` says otherwise.
MAX_FILE_MB = 100
#: Most nodes (values, list items, mapping entries) that aliases of lists and mappings may repeat in one file.
MAX_ALIAS_EXPANSION = 10_000

#: PyYAML's libyaml-based parser where available (same results, marks included), else pure Python.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def max_file_bytes() -> int:
    """The size limit for one YAML file in bytes (``KENNISGRAAF_MAX_YAML_MB``, default 100 MB).

    Examples
    --------
    >>> max_file_bytes() == MAX_FILE_MB * 10**6 or "KENNISGRAAF_MAX_YAML_MB" in os.environ
    True
    """
    value = os.environ.get("KENNISGRAAF_MAX_YAML_MB")
    try:
        return int(float(value) * 10**6) if value else MAX_FILE_MB * 10**6
    except ValueError:
        return MAX_FILE_MB * 10**6


class _LineDict(dict):
    """A mapping that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _AliasBomb(Exception):
    """Aliases repeat too much; carries the line of the anchored list or mapping that tipped it."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _LineLoader(_BaseLoader):
    """A safe loader whose mappings are :class:`_LineDict` with 1-based lines.

    A list or mapping constructed a second time is an alias of it: the nodes
    it repeats (counted with the aliases inside it) add up, and past
    :data:`MAX_ALIAS_EXPANSION` the file is refused, before anything is expanded.
    """

    def construct_object(self, node, deep=False):  # noqa: D102 - yaml hook
        if node in self.constructed_objects and not isinstance(node, yaml.ScalarNode):
            self._repeated = getattr(self, "_repeated", 0) + self._size(node)
            if self._repeated > MAX_ALIAS_EXPANSION:
                raise _AliasBomb(node.start_mark.line + 1)
        return super().construct_object(node, deep=deep)

    def _size(self, node) -> int:
        """Nodes in ``node`` once every alias inside it is expanded (memoised: cheap for a bomb)."""
        sizes = self.__dict__.setdefault("_sizes", {})
        if id(node) not in sizes:
            if isinstance(node, yaml.ScalarNode):
                sizes[id(node)] = 1
            elif isinstance(node, yaml.MappingNode):
                sizes[id(node)] = 1 + sum(self._size(k) + self._size(v) for k, v in node.value)
            else:
                sizes[id(node)] = 1 + sum(self._size(v) for v in node.value)
        return sizes[id(node)]

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


def load_yaml(path: Path, display_name: str | None = None) -> Any:
    r"""Parse a YAML file; a syntax error, an oversized file or an alias bomb becomes an InputError.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp) / "x.yaml"
    ...     _ = p.write_text("records:\n  - id: organisatie/x\n", encoding="utf-8")
    ...     doc = load_yaml(p)
    >>> doc["records"][0].line
    2
    """
    name = display_name or str(path)
    limit = max_file_bytes()
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError([Problem(name, None, None, "file is missing", "restore it, or fix the path")]) from exc
    if size > limit:
        raise InputError([Problem(
            name, None, None, f"file is too large: {size / 10**6:,.1f} MB, the limit is {limit / 10**6:,.0f} MB",
            "split it into several files in the same folder, or raise the limit with KENNISGRAAF_MAX_YAML_MB")])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(name, None, None, f"not UTF-8 text ({exc.reason})",
                                  "save the file as UTF-8")]) from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except _AliasBomb as exc:
        raise InputError([Problem(
            name, exc.line, None,
            f"aliases (*name) repeat more than {MAX_ALIAS_EXPANSION:,} values; the list or mapping anchored"
            " (&name) on this line is repeated too often (an alias bomb multiplies a small file into"
            " billions of entries)",
            "write the values out instead of repeating lists or mappings through aliases")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc)
        raise InputError([Problem(name, line, None, f"malformed YAML: {what}",
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
    doc = load_yaml(path, name)
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


def read_curated_folder(folder: Path, root: Path | None = None, skip: Path | None = None,
                        progress: Callable[[int, int, int], None] | None = None) -> list[Record]:
    """Read every ``*.yaml`` below ``folder`` (sorted) but ``skip``, collecting all problems.

    ``progress(files read, files in all, records so far)`` is called after each file.
    """
    records: list[Record] = []
    problems: list[Problem] = []
    skip = skip.resolve() if skip else None
    paths = sorted(folder.rglob("*.yaml"))
    for i, path in enumerate(paths, 1):
        if progress:
            progress(i - 1, len(paths), len(records))
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
