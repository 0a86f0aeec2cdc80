"""The web site over the graph: pages for people, Linked Data for machines, embeddable maps (library functions;
:mod:`graph.site.routes` wires them into the app)."""

from __future__ import annotations

from graph.site.compare import compare_page
from graph.site.entity import entity_page
from graph.site.facts import entity_facts
from graph.site.home import home_page
from graph.site.index import SiteIndex, build_index, site_index
from graph.site.linkeddata import choose_format, describe
from graph.site.mappage import map_page
from graph.site.notfound import not_found_page
from graph.site.routes import site_routes
from graph.site.search import search
from graph.site.source import source_page

__all__ = ["SiteIndex", "build_index", "choose_format", "compare_page", "describe", "entity_facts", "entity_page",
           "home_page", "map_page", "not_found_page", "search", "site_index", "site_routes", "source_page"]
