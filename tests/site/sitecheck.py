"""Helpers of the site tests: the XSS probe build, a watched browser page, Chromium flags."""

from __future__ import annotations

from dataclasses import dataclass, field

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
