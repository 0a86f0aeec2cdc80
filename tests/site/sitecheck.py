"""Helpers of the site tests: the XSS probe build and a watched browser page."""

from __future__ import annotations

from headless import watch_page

#: Text that would run or load something if a page put it into markup.
XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>"


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



def open_watch(browser, allowed: tuple[str, ...]):
    """A fresh page that lets only ``allowed`` URL prefixes through and records errors and dialogs."""
    return watch_page(browser, lambda url: url.startswith(allowed) or url.startswith(("data:", "blob:", "about:")))
