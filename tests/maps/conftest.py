"""Fixtures for the map tests: contract-shaped graphs and one headless Chromium for the session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from headless import system_chromium, watch_page
from mapcheck import XSS, add_entity, add_tie


@pytest.fixture(scope="module")  # not session: only one sync Playwright may run at a time (maps, site, web)
def browser():
    """Headless Chromium from the system (never a downloaded browser), driven by Playwright."""
    yield from system_chromium()


@pytest.fixture
def watched(browser):
    """A fresh page that blocks and counts every non-file: request and records errors and dialogs."""
    context, watch = watch_page(browser, lambda url: url.startswith(("file:", "data:")) or url == "about:srcdoc",
                                height=860)
    yield watch
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where the browser tests leave screenshots for people to look at (KENNISGRAAF_SCREENSHOTS overrides)."""
    folder = Path(os.environ.get("KENNISGRAAF_SCREENSHOTS",
                                 Path(tempfile.gettempdir()) / "kennisgraaf-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def small_view() -> nx.Graph:
    """A hand-made view: a gemeente, two organisations, a network, an initiative; one inferred tie; an XSS label."""
    G = nx.Graph()
    add_entity(G, "g", "Delft", "Gemeente", awards=[2015])
    add_entity(G, "o1", "Participe", "Organisatie", soort="sociaalwerkorganisatie", themes=["mantelzorg"])
    add_entity(G, "o2", "Delft voor Elkaar", "Samenwerkingsverband")
    add_entity(G, "i1", "Wijkcoöperatie", "Initiatief", inferred=True, themes=["dementie"])
    add_entity(G, "x", XSS, "Organisatie", sources=["001"])
    add_tie(G, "g", "o1", "werkt samen met", quote="Participe werkt samen met de gemeente")
    add_tie(G, "o1", "o2", "lid van", quote="penvoerder Participe")
    add_tie(G, "o2", "i1", "gedeeld initiatief", inferred=True, via="Delft voor Elkaar",
            quote="</script><script>alert(2)</script>")
    add_tie(G, "x", "o2", "lid van", quote=XSS)
    return G


