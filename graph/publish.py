"""Write a built graph to its output folder so that the switch from old to new is one atomic step.

Layout of an output folder::

    output/
      builds/<id>/        one folder per build: kennisgraaf.nq, .trig, .ttl, .jsonld, void.ttl
      current -> builds/<id>
      kennisgraaf.nq -> current/kennisgraaf.nq   (and one such link per file)
      .lock               builds into one folder take turns

A build writes its files into a new ``builds/<id>`` folder, then replaces the
``current`` link with one ``rename`` (atomic on POSIX). A reader that opens
``output/kennisgraaf.nq`` at any instant, or a build killed at any instant,
therefore sees either the whole old build or the whole new one. Older build
folders are removed afterwards (the previous one is kept for readers that
resolved the link a moment before the switch). An output folder of the
earlier layout (plain files) is converted on the first build without a moment
of mixed files.
"""

from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from graph.errors import InputError, Problem
from graph.store import FORMATS, KnowledgeGraph

__all__ = ["OUTPUT_FILES", "BUILDS", "CURRENT", "check_output_folder", "current_build", "prepare_output",
           "write_atomically"]

#: The folder that holds one sub-folder per build.
BUILDS = "builds"
#: The link to the build that readers see.
CURRENT = "current"
#: The lock file that makes builds into one folder take turns.
LOCK_FILE = ".lock"
#: The files of one build (each also linked at the top of the output folder).
BUILD_FILES = tuple(sorted({filename for _, filename, _ in FORMATS.values()} | {"void.ttl"}))
#: Every name a build puts in an output folder; a build replaces an output folder only if it holds nothing else.
OUTPUT_FILES = frozenset(BUILD_FILES) | {BUILDS, CURRENT, LOCK_FILE}
#: Environment variable for tests: kill the process (SIGKILL) at the named step of :func:`write_atomically`.
KILL_AT_ENV = "KENNISGRAAF_TEST_KILL_AT"


def _checkpoint(step: str) -> None:
    if os.environ.get(KILL_AT_ENV) == step:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def check_output_folder(output: Path) -> Path:
    """Resolve ``output`` and make sure a build may replace it; raise InputError if not.

    A build replaces its own files in the folder, so it refuses a folder that
    holds files it did not write (a user's own folder given by mistake).
    """
    output = Path(output).absolute()
    if output.exists() and not output.is_dir():
        raise InputError([Problem(str(output), None, "output", "the output path is a file, not a folder",
                                  "give a folder for the build (new, empty, or an earlier build's)")])
    if output.is_dir():
        foreign = sorted(p.name for p in output.iterdir() if p.name not in OUTPUT_FILES and not p.name.startswith("."))
        if foreign:
            shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
            raise InputError([Problem(
                str(output), None, "output",
                f"the output folder holds files a build did not write ({shown}); a build replaces what is in it",
                "choose a new or empty folder, or the folder of an earlier build")])
    return output


def prepare_output(output: Path) -> Path:
    """Check before any work that a build can be written to ``output``: create it, test that it is writable.

    Raises InputError (no traceback later, after all the work) when the folder
    cannot be created or written to.
    """
    output = check_output_folder(output)
    try:
        output.mkdir(parents=True, exist_ok=True)
        probe = output / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError([Problem(str(output), None, "output", f"cannot write the build here: {reason}",
                                  "choose a folder you may write to (--output DIR or KENNISGRAAF_OUTPUT)")]) from None
    return output


@contextmanager
def _locked(output: Path):
    """Hold an exclusive lock on ``output/.lock`` (POSIX); elsewhere, no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with (output / LOCK_FILE).open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _link(output: Path, name: str, target: str) -> None:
    """Point ``output/name`` at ``target`` with one atomic rename of a fresh link."""
    tmp = output / f".{name}.link-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, output / name)


def _current_build(output: Path) -> str | None:
    link = output / CURRENT
    return os.readlink(link).split("/")[-1] if link.is_symlink() else None


def _adopt_plain_files(output: Path) -> None:
    """Turn an output folder of the earlier layout (plain files) into a build folder, content unchanged."""
    plain = [name for name in BUILD_FILES if (output / name).is_file() and not (output / name).is_symlink()]
    if not plain or (output / CURRENT).exists():
        return
    legacy = output / BUILDS / "vorige"
    legacy.mkdir(parents=True, exist_ok=True)
    for name in plain:
        os.link(output / name, legacy / name)  # same bytes, two names
    _link(output, CURRENT, f"{BUILDS}/vorige")
    for name in plain:
        _link(output, name, f"{CURRENT}/{name}")


def _void_only(quads) -> bytes:
    """The dataset description (its named graph) as Turtle, in the build's sorted order."""
    from graph.describe import META_GRAPH
    from graph.namespaces import FILE_PREFIXES

    meta = ox.NamedNode(str(META_GRAPH))
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name == meta]
    return ox.serialize(triples, None, format=ox.RdfFormat.TURTLE, prefixes=FILE_PREFIXES)


def write_atomically(kg: KnowledgeGraph, output: Path) -> Path:
    """Write every format of ``kg`` as a new build in ``output`` and switch to it in one step.

    Returns the new build's folder. Builds into the same folder take turns (a lock file).
    """
    output = prepare_output(output)
    with _locked(output):
        _adopt_plain_files(output)
        builds = output / BUILDS
        builds.mkdir(exist_ok=True)
        build_id = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
        folder = builds / build_id
        folder.mkdir()
        quads = kg.sorted_quads()
        for fmt, (_, filename, _) in FORMATS.items():
            kg.dump(folder / filename, fmt, quads)
            _checkpoint(f"wrote:{filename}")
        (folder / "void.ttl").write_bytes(_void_only(quads))
        for name in BUILD_FILES:  # a folder or foreign file where a link goes: stop before switching
            path = output / name
            if path.exists() and not path.is_symlink() and not path.is_file():
                raise InputError([Problem(str(path), None, "output", "a folder stands where the build links a file",
                                          "remove or rename that folder")])
        _checkpoint("before-switch")
        previous = _current_build(output)
        _link(output, CURRENT, f"{BUILDS}/{build_id}")  # the switch: one rename
        _checkpoint("after-switch")
        for name in BUILD_FILES:  # links at the top (made once; they follow 'current')
            link = output / name
            if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}"):
                _link(output, name, f"{CURRENT}/{name}")
        _checkpoint("linked")
        for old in builds.iterdir():  # earlier and killed builds; keep the one readers may still be opening
            if old.name not in (build_id, previous):
                shutil.rmtree(old, ignore_errors=True)
        return folder


def current_build(output: Path) -> Path | None:
    """The folder of the build readers of ``output`` see now (None if there is none)."""
    link = Path(output) / CURRENT
    return link.resolve() if link.is_symlink() else None

