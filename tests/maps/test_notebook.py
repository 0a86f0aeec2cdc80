"""Inline display in notebooks: a cell's output is an iframe whose srcdoc draws the map (checked in Chromium)."""

from __future__ import annotations

import html
import re

from mapcheck import XSS

from graph.maps import show_map


def _run_cell(code: str, namespace: dict) -> dict:
    """Execute a cell the way Jupyter's kernel does and return its display data (mime type -> content)."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.user_ns.update(namespace)
    result = shell.run_cell(code, store_history=False)
    assert result.success, result.error_in_exec
    data, _ = shell.display_formatter.format(result.result)
    return data


def test_cell_output_is_an_iframe_with_the_page(small_view):
    data = _run_cell("show_map(G, title='Delft')", {"show_map": show_map, "G": small_view})
    out = data["text/html"]
    assert out.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in out
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', out).group(1))
    assert srcdoc.startswith("<!DOCTYPE html>") and "vis-network" in srcdoc
    assert XSS not in out  # escaped in the attribute, so the notebook never parses it as markup


def test_cell_output_draws_in_the_browser(watched, small_view):
    data = _run_cell("show_map(G, title='Delft', height=500)", {"show_map": show_map, "G": small_view})
    page = watched.page
    page.set_content("<!DOCTYPE html><html><body>" + data["text/html"] + "</body></html>")
    frame = page.frame_locator("iframe")
    frame.locator("[data-kgmap][data-ready=true]").wait_for(timeout=30_000)
    nodes = frame.locator("[data-kgmap]").evaluate("r => r.kgmap.nodes.length")
    assert nodes == small_view.number_of_nodes()
    assert watched.blocked == [] and watched.errors == [] and watched.dialogs == []
