"""The analysis output the README shows is what the commands print on the real data."""

from __future__ import annotations

import re

import pytest

from graph.cli import main
from graph.settings import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shown(command: str) -> str:
    """The ```text block right after the line that names ``command``."""
    m = re.search(re.escape(command) + r"`\)?:\n\n```text\n(.*?)```", README, flags=re.S)
    assert m, f"README shows no output of {command}"
    return m.group(1)


@pytest.mark.parametrize(("argv", "command"), [
    (["path", "Alzheimer DWO", "Raster"], 'kennisgraaf path "Alzheimer DWO" Raster'),
    (["which", "geen-wijkteams"], "kennisgraaf which geen-wijkteams"),
    (["brokers"], "kennisgraaf brokers"),
])
def test_readme_output(built, capsys, argv, command):
    assert main([*argv, "--graph", str(built.output)]) == 0
    out = capsys.readouterr().out
    assert [line.rstrip() for line in out.strip().splitlines()] == \
        [line.rstrip() for line in _shown(command).strip().splitlines()]
