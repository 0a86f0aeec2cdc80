"""HTTP wiring: the SPARQL 1.1 Protocol endpoint, the query page and its static assets."""

from graph.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
