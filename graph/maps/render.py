"""Write a map as one self-contained HTML page, an HTML fragment, or an iframe snippet."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable, Mapping
from pathlib import Path

import networkx as nx
from markupsafe import Markup

from graph.maps.assets import VIS_NETWORK_VERSION, asset
from graph.maps.data import BACKBONE_PER_NODE, map_data
from graph.maps.layout import LAYOUT_THRESHOLD

__all__ = ["render_map", "map_fragment", "iframe_snippet", "script_json"]

_FRAGMENT = """\
<div class="kgmap" id="{{ map_id }}" data-kgmap style="height:{{ height }}">
<style>{{ css }}</style>
<form class="kgmap-bar" data-kg="search-form" role="search">
<h2 class="kgmap-title">{{ title }}</h2>
<label data-kg="search-label">Zoek een naam</label>
<input type="search" data-kg="search" placeholder="bijv. {{ example }}" autocomplete="off">
<datalist data-kg="names"></datalist>
<button type="submit">Zoek</button>
<button type="button" data-kg="reset">Alles tonen</button>
<button type="button" data-kg="lines" aria-pressed="false" hidden>Alle lijnen</button>
<span class="kgmap-status" data-kg="status" role="status"></span>
<span class="kgmap-status" data-kg="lines-status" role="status"></span>
</form>
<div class="kgmap-body">
<div class="kgmap-canvas" data-kg="canvas"></div>
<aside class="kgmap-side">
<section class="kgmap-info" data-kg="info" aria-live="polite"><p>Klik op een punt of een lijn.</p></section>
<section class="kgmap-legend" data-kg="legend"></section>
</aside>
</div>
<p class="kgmap-note" data-kg="note">{{ note }}</p>
<script type="application/json" data-kg="data">{{ data_json }}</script>
{% if library %}<script>{{ vis }}</script>
{% endif %}<script>{{ js }}</script>
</div>
"""

_PAGE = """\
<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kennisgraaf (vis-network {{ version }})">
<title>{{ title }}</title>
<style>html,body{margin:0;height:100%}body{padding:8px;box-sizing:border-box}</style>
</head>
<body>
{{ fragment }}
</body>
</html>
"""


def _env():
    from jinja2 import Environment

    return Environment(autoescape=True, keep_trailing_newline=True)


def script_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and U+2029 escaped.

    Examples
    --------
    >>> script_json({"label": "</script><b>&"})
    '{"label": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> json.loads(script_json(["\\u2028"])) == ["\\u2028"]
    True
    """
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _dutch(number: int) -> str:
    """A whole number with Dutch thousands separators (2.000)."""
    return f"{number:,}".replace(",", ".")


def _note(data: dict, note: str | None) -> str:
    parts = [note] if note else []
    n, m = len(data["nodes"]), len(data["edges"])
    if n > LAYOUT_THRESHOLD:
        parts.append(f"Grote kaart ({_dutch(n)} punten, {_dutch(m)} lijnen): de posities zijn vooraf berekend en "
                     "staan vast; lijnen verdwijnen tijdens slepen en zoomen en namen verschijnen pas bij inzoomen. "
                     "Zoek een naam of vink soorten uit in de legenda om de kaart te filteren.")
    if data.get("backbone"):
        parts.append(f"Veel lijnen: eerst getekend zijn de {_dutch(data['backbone'])} sterkste (van elk punt "
                     f"zijn {BACKBONE_PER_NODE} sterkste, of alle als het er minder heeft); klik op een punt of "
                     "zoek een naam voor al zijn lijnen, of kies 'Alle lijnen'.")
    return " ".join(parts)


def map_fragment(G: nx.Graph, *, title: str, size_by: str | Mapping | Callable | None = None,
                 size_label: str | None = None, positions: Mapping | None = None, note: str | None = None,
                 height: str = "720px", include_library: bool = True, map_id: str | None = None,
                 seed: int = 0) -> str:
    """A map as an HTML fragment (one ``<div>``) to paste into an existing page.

    The fragment holds its style, data and scripts; it uses no global names of its own (only
    vis-network's ``vis``) and no fixed element ids, so several maps work on one page.

    Parameters
    ----------
    G : networkx graph
        A view (see :func:`graph.maps.data.map_data` for the attributes).
    title : str
        Dutch title shown above the map.
    size_by, size_label, positions, seed
        As in :func:`graph.maps.data.map_data`.
    note : str, optional
        A Dutch sentence shown under the map (e.g. which filter made it).
    height : str
        CSS height of the map.
    include_library : bool
        Inline vis-network (650 kB). A page with several fragments may leave it out of all but the first.
    map_id : str, optional
        Id of the map's element (default: derived from the content; made unique on the page at load).

    Returns
    -------
    str
        The HTML fragment.

    Examples
    --------
    >>> from graph.maps.synthetic import synthetic_view
    >>> frag = map_fragment(synthetic_view(30), title="Proef", include_library=False)
    >>> frag.startswith('<div class="kgmap" id="kgmap-') and "https://" not in frag
    True
    """
    data = map_data(G, size_by=size_by, size_label=size_label, positions=positions, seed=seed)
    data["big_threshold"] = LAYOUT_THRESHOLD
    data_json = script_json(data)
    if map_id is None:
        digest = hashlib.sha256((title + "\n" + data_json).encode("utf-8")).hexdigest()[:12]
        map_id = f"kgmap-{digest}"
    example = data["nodes"][0]["label"] if data["nodes"] else ""
    return _env().from_string(_FRAGMENT).render(
        map_id=map_id, height=height, title=title, example=example, note=_note(data, note),
        css=Markup(asset("map.css")), data_json=Markup(data_json), library=include_library,
        vis=Markup(asset("vis-network.min.js")), js=Markup(asset("map.js")))


def render_map(G: nx.Graph, *, title: str, size_by: str | Mapping | Callable | None = None,
               size_label: str | None = None, positions: Mapping | None = None, note: str | None = None,
               path: str | Path | None = None, height: str = "calc(100vh - 16px)", seed: int = 0) -> str:
    """A map as one self-contained HTML page: every script and style inline, no network request.

    Parameters
    ----------
    G : networkx graph
        A view (see :func:`graph.maps.data.map_data` for the attributes).
    title : str
        Dutch title of the page and the map.
    size_by, size_label, positions, seed
        As in :func:`graph.maps.data.map_data`.
    note : str, optional
        A Dutch sentence shown under the map.
    path : str or Path, optional
        Also write the page to this file (UTF-8).
    height : str
        CSS height of the map (default: the window).

    Returns
    -------
    str
        The HTML page.

    Examples
    --------
    >>> from graph.maps.synthetic import synthetic_view
    >>> page = render_map(synthetic_view(30), title="Proef <1>")
    >>> page.startswith("<!DOCTYPE html>") and "<title>Proef &lt;1&gt;</title>" in page
    True
    >>> "<script src" in page or "<link" in page  # nothing loaded from elsewhere
    False
    """
    fragment = map_fragment(G, title=title, size_by=size_by, size_label=size_label, positions=positions,
                            note=note, height=height, seed=seed)
    page = _env().from_string(_PAGE).render(title=title, version=VIS_NETWORK_VERSION, fragment=Markup(fragment))
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


def iframe_snippet(src: str, *, title: str, height: str = "720px") -> str:
    """An ``<iframe>`` that embeds a map file in another page.

    Parameters
    ----------
    src : str
        URL or relative path of the map's HTML file.
    title : str
        Accessible title of the frame.
    height : str
        CSS height.

    Examples
    --------
    >>> print(iframe_snippet("kaarten/delft.html", title="Delft & partners"))
    <iframe src="kaarten/delft.html" title="Delft &amp; partners" style="width:100%;height:720px;border:0" \
loading="lazy"></iframe>
    """
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" '
            f'style="width:100%;height:{html.escape(height)};border:0" loading="lazy"></iframe>')
