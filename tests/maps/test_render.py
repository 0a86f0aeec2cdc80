"""The HTML: self-contained, data only as escaped JSON, values escaped in markup."""

from __future__ import annotations

import json
import re

from mapcheck import XSS

from graph.maps import VIS_NETWORK_VERSION, iframe_snippet, map_fragment, render_map, script_json


def _data_json(page: str) -> dict:
    block = re.search(r'<script type="application/json" data-kg="data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


def test_page_is_self_contained(small_view):
    page = render_map(small_view, title="Delft")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "@import" not in page and "url(http" not in page
    assert f"@version {VIS_NETWORK_VERSION}" in page
    assert page.count("<script") == 3  # data, vis-network, the map's own script


def test_data_cannot_close_the_script(small_view):
    page = render_map(small_view, title="Delft")
    block = re.search(r'<script type="application/json" data-kg="data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    labels = {n["label"] for n in _data_json(page)["nodes"]}
    assert XSS in labels  # the value survives intact as data
    quotes = [e["quote"] for edge in _data_json(page)["edges"] for e in edge["evidence"]]
    assert "</script><script>alert(2)</script>" in quotes


def test_script_json_escapes_line_separators():
    text = script_json({"a": "x\u2028y\u2029z"})
    assert "\u2028" not in text and "\u2029" not in text and json.loads(text) == {"a": "x\u2028y\u2029z"}


def test_title_and_note_are_escaped_in_markup(small_view):
    page = render_map(small_view, title=XSS, note="<b>noot</b>")
    assert XSS not in page.replace(script_json(XSS)[1:-1], "")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;b&gt;noot&lt;/b&gt;" in page


def test_fragment_has_no_fixed_ids(small_view):
    one = map_fragment(small_view, title="Een")
    two = map_fragment(small_view, title="Twee")
    ids = lambda s: set(re.findall(r'\sid="([^"]+)"', s))  # noqa: E731
    assert len(ids(one)) == 1 and ids(one) != ids(two)
    assert "mynetwork" not in one
    assert "@version" in one
    assert "@version" not in map_fragment(small_view, title="Een", include_library=False)


def test_writes_the_file(small_view, tmp_path):
    path = tmp_path / "kaart.html"
    page = render_map(small_view, title="Delft", path=path)
    assert path.read_text(encoding="utf-8") == page


def test_same_input_same_page(small_view):
    assert render_map(small_view, title="Delft") == render_map(small_view, title="Delft")


def test_iframe_snippet_escapes():
    snippet = iframe_snippet('a"b.html', title=XSS, height="500px")
    assert 'src="a&quot;b.html"' in snippet and "&lt;img" in snippet and "<img" not in snippet
