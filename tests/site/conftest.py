"""Fixtures for the site tests: the app in-process over the real build and over an XSS probe build, the real
server (``kennisgraaf serve``) for the browser, and one headless system Chromium."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from headless import system_chromium
from sitecheck import xss_kg
from siteclient import Client

from tests.web.conftest import running_server


def _in_process(kg):
    """The whole app (endpoint + site) over ``kg``, called in-process; its query workers stopped at the end."""
    from graph.web.app import Settings, create_app

    app = create_app(kg, Settings(workers=1))
    try:
        yield Client(app)
    finally:
        app.state.kennisgraaf.backend.close()  # what the app's lifespan does when a server stops


@pytest.fixture(scope="session")
def site(kg):
    """The app over the real build, in-process."""
    yield from _in_process(kg)


@pytest.fixture(scope="session")
def xss_graph():
    return xss_kg()


@pytest.fixture(scope="session")
def xss_site(xss_graph):
    """The app over the XSS probe build, in-process."""
    yield from _in_process(xss_graph)


@pytest.fixture(scope="session")
def site_server(built, tmp_path_factory):
    """``kennisgraaf serve`` over the real build on a free port of 127.0.0.1."""
    args = ["--graph", str(built.output / "kennisgraaf.nq"), "--workers", "1"]
    with running_server(args, tmp_path_factory.mktemp("site") / "server.log") as srv:
        yield srv


@pytest.fixture(scope="session")
def xss_server(xss_graph, tmp_path_factory):
    """``kennisgraaf serve`` over the XSS probe build."""
    folder = tmp_path_factory.mktemp("xss")
    xss_graph.dump(folder / "kennisgraaf.nq", "nq")
    with running_server(["--graph", str(folder / "kennisgraaf.nq"), "--workers", "1"],
                        folder / "server.log") as srv:
        yield srv


@pytest.fixture(scope="module")  # not session: only one sync Playwright may run at a time (maps, site, web)
def browser():
    """Headless Chromium from the system (never a downloaded browser), driven by Playwright."""
    yield from system_chromium()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where the browser tests leave a screenshot of each page type (KENNISGRAAF_SCREENSHOTS overrides)."""
    folder = Path(os.environ.get("KENNISGRAAF_SCREENSHOTS", Path(tempfile.gettempdir()) / "kennisgraaf-screenshots"))
    folder = folder / "site"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
