"""Turn the benchmark's figures into the printed tables (plain text, no measuring here)."""

from __future__ import annotations

import statistics
from typing import Any

from bench.stores import BASELINE, STORES

__all__ = ["ANCHOR", "ISSUE_REFERENCE", "ratios", "format_report"]

#: The bar from the issue: load 1 million triples in about 3 s and 450 MiB.
ANCHOR = {"triples": 1_000_000, "load_s": 3.0, "peak_mib": 450.0}
#: The issue's reference measurement (pyoxigraph vs rdflib's memory store, 1M triples).
ISSUE_REFERENCE = "pyoxigraph 11x faster load, a third of the memory, queries 8-34x faster"


def _n(x: float | int | None, digits: int = 0) -> str:
    if x is None:
        return "-"
    return f"{x:,.{digits}f}"


def _ms(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:,.1f}" if x >= 10 else f"{x:.2f}"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def ratios(store: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """Speed-up and memory ratio of ``store`` against the baseline store.

    Returns
    -------
    dict
        ``load_speedup`` (baseline load time / this load time), ``peak_ratio``
        and ``load_mib_ratio`` (this / baseline) and ``query_speedup``
        ``{query id: baseline ms / this ms}`` for queries both answered.
    """
    def div(a, b):
        return round(a / b, 2) if a is not None and b else None

    out = {"load_speedup": div(base.get("load_s"), store.get("load_s")),
           "peak_ratio": div(store.get("peak_mib"), base.get("peak_mib")),
           "load_mib_ratio": div(store.get("load_mib"), base.get("load_mib")),
           "query_speedup": {}}
    for qid, res in (store.get("queries") or {}).items():
        b = (base.get("queries") or {}).get(qid, {})
        out["query_speedup"][qid] = div(b.get("median_ms"), res.get("median_ms"))
    return out


def _build_lines(name: str, build: dict[str, Any]) -> list[str]:
    if "error" in build:
        lines = [f"build FAILED: {build['error']}"]
        return lines + [f"  {line}" for line in build.get("log", [])]
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in build["timings_s"].items())
    lines = [f"build: {build['build_s']:.1f} s ({steps}); peak memory {_n(build['peak_mib'])} MiB"]
    if name == "real":
        lines.append(f"  SHACL: included (validate step). {build['validation']}")
    elif build.get("shacl"):
        lines.append(f"  SHACL: included ({build['timings_s'].get('shacl', 0):.1f} s, "
                     f"{build['shacl_problems']} problems)")
    else:
        lines.append("  SHACL: NOT included in this build time: pyshacl on ~1M triples takes many"
                     " minutes (run with --shacl to measure it); the quote check does not apply"
                     " (synthetic quotes are not in the seed texts)")
    return lines


def _store_table(stores: dict[str, dict[str, Any]]) -> list[str]:
    base = stores.get(BASELINE, {})
    head = (f"  {'store':<16} {'triples':>11} {'quads':>11} {'load s':>8} {'peak MiB':>9} {'+load MiB':>10}"
            f"   vs {BASELINE}")
    lines = [head]
    for name in STORES:
        s = stores.get(name)
        if s is None:
            continue
        if "load_s" not in s:
            lines.append(f"  {name:<16} FAILED: {s.get('error')}")
            lines += [f"      {line}" for line in s.get("log", [])]
            continue
        if name == BASELINE:
            vs = "(baseline)"
        elif "load_s" not in base:
            vs = ""
        else:
            r = ratios(s, base)
            vs = f"{r['load_speedup']}x faster load, {r['peak_ratio']}x peak memory"
        lines.append(f"  {name:<16} {_n(s['triples']):>11} {_n(s['quads']):>11} {s['load_s']:>8.2f}"
                     f" {_n(s['peak_mib']):>9} {_n(s['load_mib']):>10}   {vs}")
        if "error" in s:
            lines.append(f"  {'':<16} ! {s['error']}")
        if s.get("restarts"):
            reloads = ", ".join(f"{x:.2f} s" for x in s.get("reload_s", []) if x is not None)
            lines.append(f"  {'':<16} ! restarted {s['restarts']}x after a query that would not stop"
                         f" (reloads: {reloads}); load figures are from the first process")
    return lines


def _query_table(stores: dict[str, dict[str, Any]], queries: list[dict[str, str]]) -> list[str]:
    ok = {k: v for k, v in stores.items() if v.get("queries")}
    names = [s for s in STORES if s in ok]
    if not names or not queries:
        return []
    base = ok.get(BASELINE)
    width = max(len(q["id"]) for q in queries)
    cell_w = 27
    lines = [f"  query latency: median ms, rows, speed-up vs {BASELINE}",
             "  " + " " * width + "".join(f" | {n:^{cell_w}}" for n in names),
             "  " + " " * width + "".join(f" | {'ms':>10} {'rows':>7} {'x':>8}" for _ in names)]
    for q in queries:
        cells = []
        rows = set()
        for n in names:
            res = (ok[n].get("queries") or {}).get(q["id"])
            if res is None:
                cells.append(f" | {'(not run)':>{cell_w}}")
                continue
            if res.get("timed_out_s") is not None:
                stopped = f"timeout (stopped at {res['timed_out_s']:.0f} s)"
                cells.append(f" | {stopped:>{cell_w}}")
                continue
            if res.get("median_ms") is None:
                cells.append(f" | {('ERROR ' + res.get('error', '?'))[:cell_w]:>{cell_w}}")
                continue
            rows.add(res["rows"])
            sp = ""
            if base is not None and n != BASELINE:
                x = ratios(ok[n], base)["query_speedup"].get(q["id"])
                sp = f"{x:,.1f}x" if x is not None else "-"
            cells.append(f" | {_ms(res['median_ms']):>10} {res['rows']:>7,} {sp:>8}")
        flag = "  <- row counts differ" if len(rows) > 1 else ""
        lines.append(f"  {q['id']:<{width}}" + "".join(cells) + flag)
    return lines


def _anchor_line(name: str, st: dict[str, Any]) -> str:
    per_m = ANCHOR["triples"] / st["triples"]
    load_1m = st["load_s"] * per_m
    peak_1m = st["baseline_mib"] + st["load_mib"] * per_m
    if 0.5 <= per_m <= 2:
        meets = load_1m <= ANCHOR["load_s"] * 1.1 and peak_1m <= ANCHOR["peak_mib"] * 1.1
        verdict = "meets the bar (within 10%)" if meets else "MISSES the bar (by more than 10%)"
    else:
        verdict = "indicative only at this size: run at --scale 1 for the verdict"
    return (f"    {name:<16} {_n(st['triples'])} triples ({_n(st['quads'])} quads) in {st['load_s']:.2f} s,"
            f" peak {_n(st['peak_mib'])} MiB;"
            f" per 1M triples (linear) {load_1m:.2f} s, {peak_1m:,.0f} MiB: {verdict}")


def _summary_lines(stores: dict[str, dict[str, Any]], anchor: bool) -> list[str]:
    base = stores.get(BASELINE, {})
    others = [n for n in STORES if n != BASELINE and "load_s" in stores.get(n, {})]
    if "load_s" not in base or not others:
        return []
    lines = [f"  this run, against {BASELINE}:"]
    for name in others:
        r = ratios(stores[name], base)
        sps = sorted(v for v in r["query_speedup"].values() if v is not None)
        qs = (f"queries {statistics.median(sps):,.1f}x faster (median over {len(sps)}; range "
              f"{sps[0]:,.1f}-{sps[-1]:,.1f}x)" if sps else "no query answered by both")
        lines.append(f"    {name:<16} {r['load_speedup']}x faster load, {r['peak_ratio']}x the peak memory"
                     f" ({r['load_mib_ratio']}x the memory added by loading), {qs}")
    lines.append(f"  issue's reference (1M triples): {ISSUE_REFERENCE}")
    if anchor:
        lines.append(f"  anchor bar: load 1M triples in ~{ANCHOR['load_s']:.0f} s and ~{ANCHOR['peak_mib']:.0f} MiB"
                     " (peak RSS of the process)")
        lines += [_anchor_line(name, stores[name]) for name in others]
    return lines


def format_report(results: dict[str, Any]) -> str:
    """The whole printed report for one benchmark run."""
    meta = results["meta"]
    queries = results["queries"]
    lines = [f"kennisgraaf benchmark  {meta['timestamp']}  ({meta['machine']})",
             f"versions: {', '.join(f'{k} {v}' for k, v in meta['versions'].items())}",
             f"queries: {meta['query_set']} ({len(queries)}); median of up to {meta['runs']} runs"
             " each, fewer when a query is slow; every store in a fresh subprocess"]
    if meta["query_set"] == "typical" and meta.get("queries_asked", "auto") == "auto":
        lines.append("  (graph/queries/competency.yaml has no queries yet: timing bench/queries.py TYPICAL)")
    for name, g in results["graphs"].items():
        build = g["build"]
        title = {"real": "REAL graph (data/, graph.build.build)",
                 "synthetic": f"SYNTHETIC graph (seed {meta['seed']}, scale {meta['scale']})"}[name]
        lines += ["", "=" * 100, title]
        if "error" not in build:
            extra = ""
            if name == "synthetic":
                sz = build["sizes"]
                extra = (f"; {sz['gemeenten']} gemeenten, {_n(sz['organisaties'])} organisations, "
                         f"{build['file_mib']:,.0f} MiB N-Quads")
            lines.append(f"{_n(build['triples'])} triples ({_n(build['quads'])} quads with the per-source"
                         f" named graphs) from {_n(build['records'])} records, "
                         f"{_n(build['facts'])} facts{extra}")
        lines += _build_lines(name, build)
        if not g["stores"]:
            continue
        lines += ["", *_store_table(g["stores"]), "", *_query_table(g["stores"], queries), "",
                  *_summary_lines(g["stores"], anchor=name == "synthetic")]
    asked = [q for q in queries if q.get("question")]
    if asked:
        lines += ["", "queries:", *(f"  {q['id']}: {_short(q['question'])}" for q in asked)]
    return "\n".join(lines)
