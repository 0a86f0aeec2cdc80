"""Turn the benchmark's figures into the printed tables (plain text, no measuring here)."""

from __future__ import annotations

import statistics
from typing import Any

from bench.stores import BASELINE, STORES

__all__ = ["ANCHOR", "BUILD_GOAL", "ISSUE_REFERENCE", "ratios", "growth", "format_report"]

#: The bar from the issue: load 1 million triples in about 3 s and 450 MiB.
ANCHOR = {"triples": 1_000_000, "load_s": 3.0, "peak_mib": 450.0}
#: The build goal: a national-size curated input (~1M triples) with full validation.
BUILD_GOAL = {"triples": 1_000_000, "build_s": 60.0, "peak_mib": 2048.0}
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
    shacl = "included" if build.get("shacl", True) else "NOT included (--no-shacl)"
    lines.append(f"  SHACL: {shacl} (validate step). {build['validation']}")
    return lines


def growth(builds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How build time and peak memory grow from each size to the next.

    Returns
    -------
    list of dict
        Per step: ``triples_x`` (how many times the triples), ``time_x`` and
        ``peak_x`` (how many times the build time and peak memory); linear
        growth has ``time_x`` close to ``triples_x``.

    Examples
    --------
    >>> growth([{"triples": 100, "build_s": 2.0, "peak_mib": 200},
    ...         {"triples": 300, "build_s": 6.6, "peak_mib": 400}])
    [{'from': 100, 'to': 300, 'triples_x': 3.0, 'time_x': 3.3, 'peak_x': 2.0}]
    """
    ok = [b for b in builds if "error" not in b]
    return [{"from": a["triples"], "to": b["triples"], "triples_x": round(b["triples"] / a["triples"], 2),
             "time_x": round(b["build_s"] / a["build_s"], 2), "peak_x": round(b["peak_mib"] / a["peak_mib"], 2)}
            for a, b in zip(ok, ok[1:], strict=False)]


def _sizes_lines(builds: list[dict[str, Any]]) -> list[str]:
    lines = ["", "=" * 100, "SYNTHETIC builds at growing size (curated YAML -> graph.build.build, full validation,"
             " each in a fresh process)",
             f"  {'scale':>5} {'records':>8} {'input MB':>8} {'triples':>11} {'build s':>8} {'cpu s':>7}"
             f" {'peak MiB':>9} {'s per 1M triples':>17}   steps (s)"]
    for b in builds:
        if "error" in b:
            lines.append(f"  {b['scale']:>5} FAILED: {b['error']}")
            lines += [f"      {line}" for line in b.get("log", [])]
            continue
        steps = ", ".join(f"{k} {v:.1f}" for k, v in b["timings_s"].items())
        lines.append(f"  {b['scale']:>5} {_n(b['records']):>8} {b['input_mb']:>8.1f} {_n(b['triples']):>11}"
                     f" {b['build_s']:>8.1f} {_n(b.get('cpu_s'), 1):>7} {_n(b['peak_mib']):>9}"
                     f" {b['build_s'] * 1e6 / b['triples']:>17.1f}   {steps}")
    for g in growth(builds):
        lines.append(f"  growth {_n(g['from'])} -> {_n(g['to'])} triples ({g['triples_x']}x): build time"
                     f" {g['time_x']}x, peak memory {g['peak_x']}x")
    big = [b for b in builds if "error" not in b and 0.5 <= b["triples"] / BUILD_GOAL["triples"] <= 2]
    for b in big:
        meets = b["build_s"] < BUILD_GOAL["build_s"] and b["peak_mib"] < BUILD_GOAL["peak_mib"]
        lines.append(f"  goal (about {_n(BUILD_GOAL['triples'])} triples in under {BUILD_GOAL['build_s']:.0f} s and"
                     f" {BUILD_GOAL['peak_mib'] / 1024:.0f} GiB): {_n(b['triples'])} triples in {b['build_s']:.1f} s,"
                     f" {_n(b['peak_mib'])} MiB: {'met' if meets else 'NOT met'}")
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
        verdict = "indicative only at this size: include scale 1 in --scales for the verdict"
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
    if results.get("sizes"):
        lines += _sizes_lines(results["sizes"])
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
                         f"{build['input_mb']:,.1f} MB curated YAML, {build['file_mib']:,.0f} MiB N-Quads")
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
