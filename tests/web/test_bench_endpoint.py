"""The endpoint benchmark's load generator works against a real server (its figures come from make bench)."""

from __future__ import annotations

from bench.endpoint import format_endpoint_report, load_run


def test_load_run_counts_answers_and_errors(server):
    queries = [("gemeenten", "SELECT (COUNT(*) AS ?n) WHERE { ?g a sd:Gemeente }"),
               ("fout", "SELECT * WHERE { ?s ?p }")]  # a syntax error: every second request is an error
    run = load_run(server.port, queries, clients=2, duration=1.0)
    assert run["requests"] > 0 and run["errors"] > 0
    assert abs(run["requests"] - run["errors"]) <= 2  # round-robin: as many good answers as errors
    assert run["p50_ms"] <= run["p99_ms"]
    assert any(e.startswith("400") for e in run["error_examples"])


def test_report_lists_every_run():
    run = {"clients": 8, "rps": 10.0, "x_thin": 1.5, "p50_ms": 5.0, "p99_ms": 9.0, "errors": 0,
           "rss_before": {"with_workers_mib": 100.0}, "rss_after": {"with_workers_mib": 101.0}}
    results = {"duration_s": 20, "mix": ["a"], "targets": {"thin-starlette": {"runs": [run], "rows": {"a": 1}},
                                                           "rdflib-endpoint": {"error": "boom", "runs": []}}}
    text = format_endpoint_report(results)
    assert "thin-starlette" in text and "10.00" in text and "FAILED: boom" in text
