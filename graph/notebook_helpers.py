"""Helpers for the notebooks: a scratch copy of the data to try things on, problems as a table, the seed texts.

Everything a notebook changes happens in a scratch folder: the project's own ``data/``
and ``output/`` are never written.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from graph.errors import InputError, Problem
from graph.settings import data_dir

__all__ = ["PROBLEM_COLUMNS", "problem_table", "scratch_data", "seeds_or_note"]

PROBLEM_COLUMNS = ["bestand", "rij", "entiteit", "probleem", "oplossing"]


def scratch_data(folder: Path | str, *, without: tuple[str, ...] = (), source: Path | None = None) -> Path:
    """Copy the data folder into ``folder/data`` and return that copy, leaving out the curated files ``without``.

    Parameters
    ----------
    folder : a scratch folder (for instance from :func:`tempfile.mkdtemp`); ``folder/data`` must not exist yet.
    without : names of files in ``curated/`` to leave out of the copy (e.g. ``("huizen.yaml",)``).
    source : the data folder to copy (default: the project's, :func:`graph.settings.data_dir`).

    Raises
    ------
    FileExistsError
        When ``folder/data`` exists already.
    FileNotFoundError
        When a name in ``without`` is not a curated file.

    Examples
    --------
    >>> import tempfile
    >>> copy = scratch_data(tempfile.mkdtemp(), without=("huizen.yaml",))
    >>> (copy / "curated" / "huizen.yaml").exists(), (copy / "curated" / "delft.yaml").exists()
    (False, True)
    >>> copy.resolve() != data_dir().resolve()
    True
    """
    source = Path(source or data_dir())
    target = Path(folder) / "data"
    if target.exists():
        raise FileExistsError(f"{target} exists already: give an empty scratch folder")
    unknown = [name for name in without if not (source / "curated" / name).is_file()]
    if unknown:
        known = ", ".join(sorted(p.name for p in (source / "curated").glob("*.yaml")))
        raise FileNotFoundError(f"not a curated file in {source / 'curated'}: {', '.join(unknown)} "
                                f"(there are: {known})")
    shutil.copytree(source, target)
    for name in without:
        (target / "curated" / name).unlink()
    return target


def problem_table(error: InputError | list[Problem]) -> pd.DataFrame:
    """The problems of a failed import, validation or build as a table: where, what is wrong, how to fix it.

    Examples
    --------
    >>> err = InputError([Problem("w.xlsx#Elements", 3, "GeheugenHuis", "no gemeente named 'Huizn'", "check it")])
    >>> problem_table(err).to_dict("records")
    [{'bestand': 'w.xlsx#Elements', 'rij': 3, 'entiteit': 'GeheugenHuis', 'probleem': "no gemeente named 'Huizn'", \
'oplossing': 'check it'}]
    """
    problems = error.problems if isinstance(error, InputError) else error
    rows = [{"bestand": p.file, "rij": p.line, "entiteit": p.entity or "", "probleem": p.message,
             "oplossing": p.hint} for p in problems]
    df = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    df["rij"] = df["rij"].astype("Int64")
    return df


def seeds_or_note() -> Path | None:
    """The folder of the source texts (``KENNISGRAAF_SEEDS``) for the quote check, or None with a printed note.

    Examples
    --------
    >>> import os
    >>> old = os.environ.pop("KENNISGRAAF_SEEDS", None)
    >>> seeds_or_note()
    Let op: KENNISGRAAF_SEEDS is niet gezet, dus de citaten worden niet met de brontekst vergeleken ...
    >>> if old is not None:
    ...     os.environ["KENNISGRAAF_SEEDS"] = old
    """
    value = os.environ.get("KENNISGRAAF_SEEDS")
    if value and Path(value).is_dir():
        return Path(value)
    why = "is niet gezet" if not value else f"wijst naar {value}, maar die map bestaat niet"
    print(f"Let op: KENNISGRAAF_SEEDS {why}, dus de citaten worden niet met de brontekst vergeleken "
          "(de andere controles lopen wel). Zet KENNISGRAAF_SEEDS op de map met de bronteksten om ook "
          "de citaten te controleren.")
    return None
