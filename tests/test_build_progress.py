"""Progress lines: shown on a terminal, silent when stderr is not one."""

import io

import pytest

from graph.build import build
from graph.cli import main


class _Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("tty", [True, False])
def test_build_progress_only_on_a_terminal(data_copy, tmp_path, monkeypatch, capsys, tty):
    if tty:
        monkeypatch.setattr("sys.stderr", _Tty())
    assert main(["build", "--data", str(data_copy), "--output", str(tmp_path / "out"), "--no-shacl"]) == 0
    err = __import__("sys").stderr.getvalue() if tty else capsys.readouterr().err
    if tty:
        assert "[1/5]" in err and "records read" in err and "[5/5] writing" in err
    else:
        assert err == ""


def test_progress_reports_counts(data_copy, tmp_path):
    lines = []
    result = build(data=data_copy, output=tmp_path / "out", shacl=True, progress=lines.append)
    text = "\n".join(lines)
    assert f"{result.records:,} records read" in text
    assert f"{result.facts:,} facts" in text and "quads in the store" in text
    assert "SHACL shapes: 0 problems" in text and "quotes:" in text
