"""The synthetic generator writes curated files that build with every check, the same for the same seed."""

from bench.synthetic import write_data_folder
from graph.build import build


def _nquads(path):
    return [line for line in (path / "kennisgraaf.nq").read_text(encoding="utf-8").splitlines()
            if "modified" not in line]


def test_synthetic_folder_builds_with_every_check(tmp_path):
    written = write_data_folder(tmp_path / "a", seed=1, gemeenten=6, organisations=60)
    result = build(data=written["data"], output=tmp_path / "out-a", seeds=written["seeds"], shacl=True)
    assert result.report.conforms and result.report.shacl_checked
    assert result.report.quotes_checked == result.report.quotes_total > written["records"] / 2
    assert not result.report.unchecked_sources
    again = write_data_folder(tmp_path / "b", seed=1, gemeenten=6, organisations=60)
    build(data=again["data"], output=tmp_path / "out-b", seeds=again["seeds"], shacl=True)
    assert _nquads(tmp_path / "out-a") == _nquads(tmp_path / "out-b")
    other = write_data_folder(tmp_path / "c", seed=2, gemeenten=6, organisations=60)
    build(data=other["data"], output=tmp_path / "out-c", seeds=other["seeds"], shacl=True)
    assert _nquads(tmp_path / "out-a") != _nquads(tmp_path / "out-c")
