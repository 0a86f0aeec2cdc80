"""Where things are: data, ontology, output and (optionally) the source texts.

Each can be overridden by an environment variable so tests and users can point
the build elsewhere. Nothing here reads ``../shared/``: the seed texts are only
used when KENNISGRAAF_SEEDS (or ``--seeds``) names a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOT", "data_dir", "ontology_dir", "output_dir", "seeds_dir"]

ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """The curated data folder (KENNISGRAAF_DATA, default ``data/``)."""
    return Path(os.environ.get("KENNISGRAAF_DATA", ROOT / "data"))


def ontology_dir() -> Path:
    """The ontology folder (KENNISGRAAF_ONTOLOGY, default ``ontology/``)."""
    return Path(os.environ.get("KENNISGRAAF_ONTOLOGY", ROOT / "ontology"))


def output_dir() -> Path:
    """Where builds are written (KENNISGRAAF_OUTPUT, default ``output/``)."""
    return Path(os.environ.get("KENNISGRAAF_OUTPUT", ROOT / "output"))


def seeds_dir() -> Path | None:
    """The folder with the seed texts for the quote check, if one is set."""
    value = os.environ.get("KENNISGRAAF_SEEDS")
    return Path(value) if value else None
