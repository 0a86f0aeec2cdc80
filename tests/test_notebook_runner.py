"""The notebooks: stored without outputs, each executed top to bottom with the project's kernel (a failing cell fails
the test), the inline maps in the outputs, the repository's data/ and output/ untouched, rendered to HTML."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from graph.notebook_runner import (
    KERNEL_NAME,
    execute_notebook,
    fetches_elsewhere,
    notebook_paths,
    stored_output_problems,
    to_html,
)
from graph.settings import ROOT

NOTEBOOKS = {p.stem: p for p in notebook_paths()}
EXPECTED = ["01_verkennen", "02_gouden_gemeenten_vergelijken", "03_wie_werkt_met_wie", "04_eigen_data_toevoegen",
            "05_sparql_vanuit_andere_tools"]
#: Notebook -> labels its map must show.
MAPS = {"01_verkennen": {"Delft", "Delft voor Elkaar"}, "03_wie_werkt_met_wie": {"Kwadraad", "Zandvoort"},
        "04_eigen_data_toevoegen": {"Huizen", "Versa Welzijn", "GeheugenHuis"}}


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (links as their target) with a hash of its content."""
    out = {}
    if not folder.exists():
        return out
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            out[key] = "-> " + os.readlink(path)
        elif path.is_file():
            out[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="session")
def executed(built, optional_seeds):
    """Every notebook run once (two at a time) against the test build; name -> notebook or the exception it raised.

    Also the repository's data/ and output/ before and after the runs."""
    env = dict(os.environ, KENNISGRAAF_OUTPUT=str(built.output))
    env.pop("KENNISGRAAF_DATA", None)
    if optional_seeds:
        env["KENNISGRAAF_SEEDS"] = str(optional_seeds)
    else:
        env.pop("KENNISGRAAF_SEEDS", None)
    before = {name: _snapshot(ROOT / name) for name in ("data", "output")}

    def run(path: Path):
        try:
            return execute_notebook(path, env=env, timeout=300)
        except Exception as exc:  # reported by the test of that notebook
            return exc

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(NOTEBOOKS, pool.map(run, NOTEBOOKS.values()), strict=True))
    after = {name: _snapshot(ROOT / name) for name in ("data", "output")}
    return {"notebooks": results, "before": before, "after": after}


def _notebook(executed, name):
    nb = executed["notebooks"][name]
    if isinstance(nb, Exception):
        pytest.fail(f"{name}.ipynb failed:\n{nb}")
    return nb


def test_the_five_notebooks_are_there():
    assert list(NOTEBOOKS) == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_runs_top_to_bottom(executed, name):
    nb = _notebook(executed, name)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_is_stored_without_outputs(name):
    assert stored_output_problems(NOTEBOOKS[name]) == []


def test_nbstripout_would_change_nothing():
    result = subprocess.run([sys.executable, "-m", "nbstripout", "--verify", *map(str, NOTEBOOKS.values())],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_states_its_question_and_what_the_answer_means(name):
    nb = nbformat.read(NOTEBOOKS[name], as_version=4)
    assert nb.metadata.kernelspec.name == KERNEL_NAME
    first, last = nb.cells[0], nb.cells[-1]
    assert first.cell_type == "markdown" and "English summary" in first.source and "**De vraag.**" in first.source
    assert any(c.cell_type == "markdown" and c.source.startswith("## Wat betekent dit?") for c in nb.cells)
    assert last.cell_type == "markdown" and last.source.startswith("In gewone woorden")


@pytest.mark.parametrize("name", sorted(MAPS))
def test_map_cell_shows_the_map_inline(executed, name):
    """The cell tagged 'kaart' displays an iframe whose srcdoc is the map page with vis-network and its data."""
    nb = _notebook(executed, name)
    cells = [c for c in nb.cells if "kaart" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    shown = [o.data["text/html"] for o in cells[0].outputs if "text/html" in o.get("data", {})]
    assert len(shown) == 1 and shown[0].startswith("<iframe srcdoc=")
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', shown[0]).group(1))
    assert "vis-network" in page and "<script" not in shown[0]
    data = json.loads(re.search(r'<script type="application/json" data-kg="data">(.*?)</script>', page, re.S).group(1))
    labels = {n["label"] for n in data["nodes"]}
    assert MAPS[name] <= labels and data["edges"]


def test_notebooks_leave_the_repository_data_and_output_alone(executed):
    assert executed["after"]["data"] == executed["before"]["data"]
    assert executed["after"]["output"] == executed["before"]["output"]


def test_html_copy_has_the_outputs_and_loads_nothing_from_elsewhere(executed):
    page = to_html(_notebook(executed, "01_verkennen"))
    assert re.search(r'<iframe[^>]* srcdoc="&lt;!DOCTYPE html&gt;', page) and "Gemeente Delft" in page
    assert "De kennisgraaf bevat" in page
    assert not fetches_elsewhere(page) and "cdnjs" not in page and "mathjax" not in page.lower()


def test_a_failing_cell_fails_the_run(tmp_path):
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")],
                                  metadata={"kernelspec": {"name": KERNEL_NAME, "display_name": "k",
                                                           "language": "python"}})
    nbformat.write(nb, tmp_path / "kapot.ipynb")
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        execute_notebook(tmp_path / "kapot.ipynb", timeout=60)


def test_stored_output_problems_finds_outputs(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "1", outputs=[nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1)])])
    nbformat.write(nb, tmp_path / "vol.ipynb")
    assert stored_output_problems(tmp_path / "vol.ipynb") == [
        "vol.ipynb cell 1: 1 stored output(s) (strip it: nbstripout vol.ipynb)"]


def test_install_kernel_writes_a_spec_for_this_python(tmp_path):
    from graph.notebook_runner import install_kernel

    folder = install_kernel(tmp_path)
    spec = json.loads((folder / "kernel.json").read_text())
    assert folder == tmp_path / "share" / "jupyter" / "kernels" / KERNEL_NAME
    assert spec["argv"][:3] == [sys.executable, "-m", "ipykernel_launcher"]
