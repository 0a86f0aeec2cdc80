"""The vendored vis-network and the map's own script and style, read from the package folder."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["VIS_NETWORK_VERSION", "asset"]

#: Version of the vendored vis-network (graph/maps/static/vis-network.min.js, see static/VERSION).
VIS_NETWORK_VERSION = "10.1.5"


@cache
def asset(name: str) -> str:
    """The text of a file in ``graph/maps/static/``, checked safe to inline in a ``<script>``/``<style>`` element.

    Examples
    --------
    >>> "@version " + VIS_NETWORK_VERSION in asset("vis-network.min.js")
    True
    """
    text = resources.files("graph.maps").joinpath("static", name).read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise ValueError(f"graph/maps/static/{name} cannot be inlined: it contains a closing tag or <!--")
    return text
