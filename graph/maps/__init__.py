"""Interactive network maps of the views: self-contained HTML (vis-network inlined), fragments, notebooks."""

from __future__ import annotations

from graph.maps.assets import VIS_NETWORK_VERSION
from graph.maps.data import map_data
from graph.maps.filters import filter_view
from graph.maps.layout import LAYOUT_THRESHOLD, compute_positions
from graph.maps.notebook import MapDisplay, show_map
from graph.maps.render import iframe_snippet, map_fragment, render_map, script_json
from graph.maps.synthetic import synthetic_view

__all__ = ["LAYOUT_THRESHOLD", "MapDisplay", "VIS_NETWORK_VERSION", "compute_positions", "filter_view",
           "iframe_snippet", "map_data", "map_fragment", "render_map", "script_json", "show_map",
           "synthetic_view"]
