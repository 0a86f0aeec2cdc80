"""bench/analysis.py runs end to end on a tiny synthetic graph and reports every measure with its peer."""

from __future__ import annotations

from bench.analysis import format_analysis, measure_analysis


def test_measure_analysis_tiny():
    res = measure_analysis(seed=1, scale=0.005, peer_timeout=30)
    assert set(res["views"]) == {"cooperation_graph", "affiliation_graph", "full_graph",
                                 "gemeente_organisation_graph"}
    assert res["views"]["cooperation_graph"]["nodes"] > 50
    for row in res["analyses"].values():
        assert row["ours_s"] >= 0 and (row["networkx_s"] is not None) == (row["ratio"] is not None)
    text = format_analysis(res)
    assert "pagerank" in text and "full analysis" in text


def test_format_error():
    assert "FAILED" in format_analysis({"error": "boom"})
