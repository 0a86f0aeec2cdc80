"""The one way the tests drive a browser: Debian's Chromium through Playwright, never a downloaded browser.

Shared by the map, site and query-page tests: the flags, finding the system
browser (skip with the reason where it is missing, fail under CI=true), and a
page that blocks and records every request it is not allowed to make.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

#: Flags for the system Chromium: no sandbox (root in CI), no GPU, nothing fetched in the background.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def skip_or_fail(reason: str):
    """Skip with ``reason``, or fail under CI=true (where the browser must be there)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: required under CI=true")
    pytest.skip(reason)


def chromium_path() -> str | None:
    """The system Chromium (KENNISGRAAF_CHROMIUM overrides), or None."""
    wanted = os.environ.get("KENNISGRAAF_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def system_chromium() -> Iterator:
    """A launched headless Chromium for a fixture to yield (one per test module: only one sync Playwright may
    run at a time, and the map, site and query-page tests each start one)."""
    path = chromium_path()
    if path is None:
        skip_or_fail("Chromium not found: run `make venv` as root (it installs Debian's chromium) "
                     "or install it and put `chromium` on PATH (or set KENNISGRAAF_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in requirements.lock
        skip_or_fail("the Python package playwright is not installed (make venv)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageWatch:
    """A browser page and what it did: requests it may not make (blocked), console errors, dialogs."""

    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> None:
        assert self.blocked == [], f"the page asked the network for {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"a script ran from the data: {self.dialogs}"


def watch_page(browser, allow: Callable[[str], bool], height: int = 900):
    """A fresh context and page that let through only URLs ``allow`` accepts (the rest blocked and counted),
    recording console errors and dialogs (dismissed). Returns (context, watch); close the context after."""
    context = browser.new_context(viewport={"width": 1280, "height": height})
    page = context.new_page()
    watch = PageWatch(page)

    def route(r):
        url = r.request.url
        if allow(url):
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
