"""Progress lines: shown on a terminal, silent when stderr is not one."""

import os
import pty
import subprocess
import sys

import pytest

from graph.build import build
from graph.settings import ROOT


def _build_with_stderr_on(data, out, tty: bool) -> str:
    """Run 'kennisgraaf build' with its stderr on a pseudo-terminal (tty) or a pipe; what it wrote there."""
    cmd = [sys.executable, "-m", "graph", "build", "--data", str(data), "--output", str(out), "--no-shacl"]
    if not tty:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        return proc.stderr
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=child_fd)
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    assert proc.wait() == 0
    return b"".join(chunks).decode()


@pytest.mark.parametrize("tty", [True, False])
def test_build_progress_only_on_a_terminal(data_copy, tmp_path, tty):
    err = _build_with_stderr_on(data_copy, tmp_path / "out", tty)
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
