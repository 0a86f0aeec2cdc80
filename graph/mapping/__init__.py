"""Turn records into RDF: facts plus a claim node per fact."""

from graph.mapping.records import Mapped, map_records

__all__ = ["Mapped", "map_records"]
