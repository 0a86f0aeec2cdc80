"""Fixtures for the site tests: the app in-process over the real build and over an XSS probe build, the real
server (``kennisgraaf serve``) for the browser, and one headless system Chromium."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.site.asgi import Client
from tests.web.conftest import running_server

#: Text that would run or load something if a page put it into markup.
XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
#: Flags for the system Chromium: no sandbox (root in CI), no GPU, nothing fetched in the background.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def xss_kg():
    """The example graph with every label, title and quote replaced by script and markup text."""
    from graph.analysis.fixtures import EXAMPLE_RECORDS
    from graph.build import assemble
    from graph.sources.records import Record
    from graph.sources.registry import Source
    from graph.store import KnowledgeGraph

    records = []
    for fields in EXAMPLE_RECORDS:
        f = dict(fields)
        if "label" in f:
            f["label"] = f"{f['label']} {XSS}"
        f["quote"] = f"citaat {XSS}"
        records.append(f)
    records.append({"id": "onderscheiding/gouden-gemeente-2017-gm0001", "type": "Onderscheiding",
                    "label": f"Prijs {XSS}", "ontvanger": "gemeente/gm0001", "jaar": 2017, "quote": XSS})
    sources = {sid: Source(id=sid, kind="seed", file=f"{sid}.txt", title=f"Bron {XSS}") for sid in ("T1", "T2")}
    quads, _ = assemble([Record(file="xss.yaml", line=i + 1, fields=f, default_source="T1")
                         for i, f in enumerate(records)], sources)
    return KnowledgeGraph.from_quads(quads)


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


def _skip_or_fail(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: required under CI=true")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system (never a downloaded browser), driven by Playwright."""
    wanted = os.environ.get("KENNISGRAAF_CHROMIUM")
    path = (wanted if wanted and Path(wanted).exists() else None) if wanted else (
        shutil.which("chromium") or shutil.which("chromium-browser"))
    if path is None:
        _skip_or_fail("Chromium not found: run `make venv` as root (it installs Debian's chromium) "
                      "or put `chromium` on PATH (or set KENNISGRAAF_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in requirements.lock
        _skip_or_fail("the Python package playwright is not installed (make venv)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """A browser page and what it did: requests off this server (blocked), console errors, dialogs."""

    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> None:
        assert self.blocked == [], f"the page asked the network for {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"a script ran from the data: {self.dialogs}"


def open_watch(browser, allowed: tuple[str, ...]):
    """A fresh page that lets only ``allowed`` URL prefixes through and records errors and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page)

    def route(r):
        url = r.request.url
        if url.startswith(allowed) or url.startswith(("data:", "blob:", "about:")):
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
    return context, watch


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where the browser tests leave a screenshot of each page type (KENNISGRAAF_SCREENSHOTS overrides)."""
    folder = Path(os.environ.get("KENNISGRAAF_SCREENSHOTS", Path(tempfile.gettempdir()) / "kennisgraaf-screenshots"))
    folder = folder / "site"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
