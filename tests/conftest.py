"""Shared fixtures: the seed texts (from a setting), a full build, scratch data folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from graph.settings import ROOT

SEEDS_DEFAULT = ROOT.parent / "shared" / "seeds"


def _required_folder(env: str, default: Path, what: str) -> Path:
    """A folder the tests read from a setting; skip where absent, fail under CI=true."""
    folder = Path(os.environ.get(env, default))
    if not folder.is_dir():
        reason = f"{what} not found at {folder} (set {env})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}: required under CI=true")
        pytest.skip(reason)
    return folder


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five source texts (KENNISGRAAF_TEST_SEEDS, default ../shared/seeds)."""
    return _required_folder("KENNISGRAAF_TEST_SEEDS", SEEDS_DEFAULT, "the seed texts")


@pytest.fixture(scope="session")
def optional_seeds() -> Path | None:
    """The seed texts where they are here, else None: the build needs them only for the quote check."""
    folder = Path(os.environ.get("KENNISGRAAF_TEST_SEEDS", SEEDS_DEFAULT))
    return folder if folder.is_dir() else None


@pytest.fixture(scope="session")
def built(tmp_path_factory, optional_seeds):
    """One full build (SHACL, and every quote checked where the seed texts are here)."""
    from graph.build import build

    return build(output=tmp_path_factory.mktemp("build") / "output", seeds=optional_seeds)


@pytest.fixture(scope="session")
def kg(built):
    """The built graph, loaded the way users load it (from the N-Quads file)."""
    from graph.store import load

    return load(built.output)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A scratch copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target
