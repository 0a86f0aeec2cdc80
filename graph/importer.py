"""Import a spreadsheet: read it, validate it together with data/, write it as YAML."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.build import assemble, located, read_all_records
from graph.errors import InputError, Problem
from graph.settings import data_dir, seeds_dir
from graph.sources import read_sources, read_spreadsheet
from graph.sources.spreadsheet import GemeenteIndex
from graph.validate import union_graph, validate

__all__ = ["import_spreadsheet", "records_to_yaml"]


def records_to_yaml(records) -> str:
    """Serialize records in the curated file format (data/README.md)."""
    items = [{k: v for k, v in r.fields.items()} for r in records]
    header = "# Imported from a spreadsheet; edit freely, every record keeps its source and quote.\n"
    return header + yaml.safe_dump({"records": items}, allow_unicode=True, sort_keys=False, width=100)


def gemeente_index(records) -> GemeenteIndex:
    """Every gemeente the data declares (the CBS list and the earlier gemeenten), for names and codes in sheets."""
    return GemeenteIndex({r.key: (str(r.fields.get("label", "")), r.fields.get("cbs_code"))
                          for r in records if r.fields.get("type") == "Gemeente" and "id" in r.fields})


def import_spreadsheet(elements: Path, connections: Path | None = None, output: Path | None = None,
                       source: str | None = None, data: Path | None = None,
                       seeds: Path | None = None, force: bool = False) -> str:
    """Validate the spreadsheet's records with the existing data; write YAML if asked.

    An existing ``output`` file is replaced only with ``force``, and then the
    records are validated as a replacement for it (its old records left out).
    Raises :class:`InputError` (with sheet and row) when anything is wrong; then
    nothing is written.
    """
    data = Path(data or data_dir())
    target = Path(output).resolve() if output else None
    if target and target.exists() and not force:
        raise InputError([Problem(str(output), None, None, "the output file exists already",
                                  "choose a new file name, or pass --force to replace it")])
    with located(data):
        return _import(elements, connections, output, target, source, data, seeds)


def _import(elements, connections, output, target, source, data, seeds) -> str:
    base = read_all_records(data, skip=target)
    records = read_spreadsheet(elements, connections, default_source=source, gemeenten=gemeente_index(base))
    sources = read_sources(data / "sources.yaml")
    quads, facts = assemble(base + records, sources)
    report = validate(union_graph(quads), sources, data, seeds or seeds_dir())
    if not report.conforms:
        raise InputError(report.problems)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(records_to_yaml(records), encoding="utf-8")
    where = f"; written to {output}" if output else " (use -o to write them to data/curated/)"
    return f"{len(records)} records imported; checked together with {data}{where}. Validation: {report.summary()}"
