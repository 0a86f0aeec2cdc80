"""Fixtures for the map tests: contract-shaped graphs and one headless Chromium for the session."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from mapcheck import XSS, add_entity, add_tie

#: Flags for the system Chromium: no sandbox (root in CI), no GPU, nothing fetched in the background.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

def _skip_or_fail(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: required under CI=true")
    pytest.skip(reason)


def chromium_path() -> str | None:
    """The system Chromium (KENNISGRAAF_CHROMIUM overrides), or None."""
    wanted = os.environ.get("KENNISGRAAF_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")  # not session: only one sync Playwright may run at a time (maps, site, web)
def browser():
    """Headless Chromium from the system (never a downloaded browser), driven by Playwright.

    One per test module, not per session: Playwright's sync API runs one instance per thread, and the
    web tests start their own (a session-wide one here would still be running when they do).
    """
    path = chromium_path()
    if path is None:
        _skip_or_fail("Chromium not found: run `make venv` as root (it installs Debian's chromium) "
                      "or install it and put `chromium` on PATH (or set KENNISGRAAF_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in requirements.lock
        _skip_or_fail("the Python package playwright is not installed (make venv)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageWatch:
    """What a page did: requests to anything but file: (blocked), console errors, dialogs."""

    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser):
    """A fresh page that blocks and counts every non-file: request and records errors and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    watch = PageWatch(page)

    def route(r):
        url = r.request.url
        if url.startswith("file:") or url.startswith("data:") or url == "about:srcdoc":
            r.continue_()
        else:
            watch.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))

    def dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
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


