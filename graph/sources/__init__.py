"""Read curated files into plain records (no RDF)."""

from graph.sources.records import Record, read_curated_folder, read_records_file
from graph.sources.reference import read_cbs_gemeenten
from graph.sources.registry import Source, read_sources
from graph.sources.spreadsheet import read_spreadsheet

__all__ = [
    "Record",
    "Source",
    "read_cbs_gemeenten",
    "read_curated_folder",
    "read_records_file",
    "read_sources",
    "read_spreadsheet",
]
