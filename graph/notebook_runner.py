"""Run the notebooks in ``notebooks/`` with the project's kernel, check they are stored without outputs, render HTML.

The notebooks name the kernel ``kennisgraaf``: Python with this package installed.
:func:`install_kernel` registers it in the virtual environment (``make notebooks``);
:func:`execute_notebook` runs a notebook with this interpreter as that kernel
(nbclient), so a failing cell raises. ``python -m graph.notebook_runner html DIR``
writes a rendered copy of each notebook, with its outputs, to ``DIR`` (``make
notebooks-html``); ``python -m graph.notebook_runner check`` lists notebooks stored
with outputs; ``python -m graph.notebook_runner prepare`` registers the kernel and builds
the graph if there is no build yet (``make notebooks``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from graph.settings import ROOT

__all__ = ["DISPLAY_NAME", "KERNEL_NAME", "NOTEBOOKS", "ensure_build", "execute_notebook", "install_kernel",
           "fetches_elsewhere", "kernel_spec", "notebook_paths", "stored_output_problems", "to_html", "main"]

KERNEL_NAME = "kennisgraaf"
DISPLAY_NAME = "Python (kennisgraaf)"
#: The folder of the notebooks.
NOTEBOOKS = ROOT / "notebooks"


def notebook_paths(folder: Path | None = None) -> list[Path]:
    """The notebooks in ``folder`` (default ``notebooks/``), in name order.

    Examples
    --------
    >>> [p.name for p in notebook_paths()][:1]
    ['01_verkennen.ipynb']
    """
    return sorted(Path(folder or NOTEBOOKS).glob("*.ipynb"))


def kernel_spec() -> dict:
    """The kernel spec of the ``kennisgraaf`` kernel: this interpreter running ipykernel.

    Examples
    --------
    >>> spec = kernel_spec()
    >>> spec["display_name"], spec["argv"][0] == sys.executable
    ('Python (kennisgraaf)', True)
    """
    return {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": DISPLAY_NAME, "language": "python", "metadata": {"debugger": True}}


def install_kernel(prefix: Path | str | None = None) -> Path:
    """Register the ``kennisgraaf`` kernel under ``prefix`` (default: this environment, ``sys.prefix``).

    Returns the kernel's folder (``<prefix>/share/jupyter/kernels/kennisgraaf``), which
    JupyterLab started from the same environment finds.

    Examples
    --------
    >>> folder = install_kernel(tempfile.mkdtemp())
    >>> folder.name, json.loads((folder / "kernel.json").read_text())["display_name"]
    ('kennisgraaf', 'Python (kennisgraaf)')
    """
    folder = Path(prefix or sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps(kernel_spec(), indent=1) + "\n", encoding="utf-8")
    return folder


@contextlib.contextmanager
def _kernel_on_path() -> Iterator[None]:
    """Make ``kennisgraaf`` name this interpreter for Jupyter while the block runs (a temporary JUPYTER_PATH)."""
    with tempfile.TemporaryDirectory(prefix="kennisgraaf-kernel-") as folder:
        spec = Path(folder) / "kernels" / KERNEL_NAME
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps(kernel_spec()), encoding="utf-8")
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join([folder, *([old] if old else [])])
        try:
            yield
        finally:
            if old is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = old


def execute_notebook(path: Path | str, *, env: dict[str, str] | None = None, timeout: int = 600):
    """Run every cell of a notebook in a fresh ``kennisgraaf`` kernel (this interpreter) and return it with outputs.

    The kernel starts in the notebook's folder with ``env`` (default: this process's
    environment). A failing cell raises :class:`nbclient.exceptions.CellExecutionError`
    naming the cell and the error; a cell that runs longer than ``timeout`` seconds raises too.

    Examples
    --------
    >>> nb = execute_notebook(NOTEBOOKS / "01_verkennen.ipynb")   # doctest: +SKIP
    >>> print(nb.cells[2].outputs[0].text)                         # doctest: +SKIP
    De kennisgraaf bevat ... triples.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=timeout,
                            resources={"metadata": {"path": str(path.parent)}})
    with _kernel_on_path():
        client.execute(env=dict(os.environ if env is None else env))
    return nb


def stored_output_problems(path: Path | str) -> list[str]:
    """What keeps a stored notebook from being stripped: cells with outputs or execution counts.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", execution_count=3)])
    >>> p = Path(tempfile.mkdtemp()) / "x.ipynb"
    >>> nbformat.write(nb, p)
    >>> stored_output_problems(p)
    ['x.ipynb cell 1: execution count 3 (strip it: nbstripout x.ipynb)']
    """
    import nbformat

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    problems = []
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        fix = f"(strip it: nbstripout {path.name})"
        if cell.get("outputs"):
            problems.append(f"{path.name} cell {i}: {len(cell.outputs)} stored output(s) {fix}")
        if cell.get("execution_count") is not None:
            problems.append(f"{path.name} cell {i}: execution count {cell.execution_count} {fix}")
    return problems


#: nbconvert's lab template without the scripts it would fetch from a CDN (require.js, MathJax, Mermaid):
#: the notebooks need none of them, and a page of this project loads nothing from elsewhere.
_OFFLINE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def fetches_elsewhere(page: str) -> bool:
    """True when an HTML page loads a script, style, image or module from another site (``src``, ``href`` of a
    stylesheet, ``import()``, ``@import``, ``url()``); links a reader may follow do not count.

    Examples
    --------
    >>> fetches_elsewhere('<a href="https://example.org">bron</a><script>/* https://x */</script>')
    False
    >>> fetches_elsewhere('<script src="https://cdn.example/x.js"></script>')
    True
    """
    import re

    return bool(re.search(r"""(\bsrc\s*=\s*["']?\s*(https?:)?//|<link[^>]+href\s*=\s*["']?(https?:)?//"""
                          r"""|import\s*\(\s*["'](https?:)?//|@import\s+(url\()?["']?(https?:)?//"""
                          r"""|url\(\s*["']?(https?:)?//)""", page, re.I))


def to_html(nb) -> str:
    """A notebook with its outputs as one HTML page that loads nothing from elsewhere (no MathJax, no require.js).

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("1 + 1", execution_count=1, outputs=[
    ...     nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)])
    >>> page = to_html(nbformat.v4.new_notebook(cells=[cell]))
    >>> page.startswith("<!DOCTYPE html>"), "<pre>2</pre>" in page, fetches_elsewhere(page)
    (True, True, False)
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"offline.html.j2": _OFFLINE})],
                            template_file="offline.html.j2")
    body, _ = exporter.from_notebook_node(nb)
    return body


def ensure_build() -> Path:
    """The last build's graph file, building the graph first when there is none (the notebooks load it)."""
    from graph.settings import output_dir
    from graph.store import GRAPH_FILE

    path = output_dir() / GRAPH_FILE
    if not path.exists():
        from graph.build import build

        print(f"No build in {path.parent}/ yet: building the graph first.", file=sys.stderr, flush=True)
        build()
    return path


def _html(out: Path, names: list[str]) -> int:
    ensure_build()
    out.mkdir(parents=True, exist_ok=True)
    paths = [NOTEBOOKS / n for n in names] if names else notebook_paths()
    for path in paths:
        print(f"running {path.name} ...", file=sys.stderr, flush=True)
        nb = execute_notebook(path)
        target = out / (path.stem + ".html")
        target.write_text(to_html(nb), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m graph.notebook_runner {html DIR [NAME ...] | check | prepare}``."""
    parser = argparse.ArgumentParser(prog="python -m graph.notebook_runner", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    h = sub.add_parser("html", help="run the notebooks and write each, with its outputs, as HTML into DIR")
    h.add_argument("out", type=Path)
    h.add_argument("names", nargs="*", help="notebook file names (default: all)")
    sub.add_parser("check", help="list notebooks stored with outputs or execution counts (exit 1 if any)")
    sub.add_parser("prepare", help="register the kennisgraaf kernel in this environment and build the graph if "
                                   "there is no build yet")
    args = parser.parse_args(argv)
    if args.command == "html":
        return _html(args.out, args.names)
    if args.command == "prepare":
        print(f"registered kernel '{KERNEL_NAME}' in {install_kernel()}", file=sys.stderr)
        ensure_build()
        return 0
    problems = [p for path in notebook_paths() for p in stored_output_problems(path)]
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
