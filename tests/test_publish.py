"""The switch from one build to the next is one atomic step: a kill at any point leaves the old or the new build."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.cli import main
from graph.publish import BUILD_FILES, BUILDS, CURRENT, KILL_AT_ENV, write_atomically
from graph.settings import ROOT
from graph.store import FORMATS, KnowledgeGraph, load

WRITE = """
import sys
from pathlib import Path
from rdflib import Literal, URIRef
from graph.publish import write_atomically
from graph.store import KnowledgeGraph
s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
g = URIRef("https://example.org/graaf")
kg = KnowledgeGraph.from_quads([(s, p, Literal(sys.argv[2]), g)])
write_atomically(kg, Path(sys.argv[1]))
"""

STEPS = [*(f"wrote:{name}" for _, name, _ in FORMATS.values()), "before-switch", "after-switch", "linked"]


def snapshot(out: Path) -> dict[str, bytes]:
    """What a reader of the output folder sees: each file's bytes, through the links."""
    return {name: (out / name).read_bytes() for name in BUILD_FILES}


def write(out: Path, value: str, kill_at: str | None = None) -> int:
    env = {**os.environ, KILL_AT_ENV: kill_at or ""}
    return subprocess.run([sys.executable, "-c", WRITE, str(out), value], env=env, cwd=ROOT).returncode


@pytest.fixture
def two_builds(tmp_path):
    """The snapshots of build 'old' and build 'new' (written once each into their own folders)."""
    seen = {}
    for value in ("old", "new"):
        assert write(tmp_path / value, value) == 0
        seen[value] = snapshot(tmp_path / value)
    assert seen["old"] != seen["new"]
    return seen


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_leaves_the_old_or_the_new_build(tmp_path, two_builds, step):
    out = tmp_path / "out"
    assert write(out, "old") == 0
    assert write(out, "new", kill_at=step) == -signal.SIGKILL
    expected = "old" if step.startswith("wrote:") or step == "before-switch" else "new"
    assert snapshot(out) == two_builds[expected]
    assert write(out, "newer") == 0  # the next build cleans up what the killed one left
    assert (out / "kennisgraaf.nq").read_bytes().count(b'"newer"') == 2
    assert len(list((out / BUILDS).iterdir())) <= 2


def test_layout_links_follow_current(tmp_path):
    out = tmp_path / "out"
    assert write(out, "a") == 0
    first = (out / CURRENT).resolve()
    assert write(out, "b") == 0
    assert (out / CURRENT).resolve() != first
    for name in BUILD_FILES:
        assert (out / name).is_symlink() and os.readlink(out / name) == f"{CURRENT}/{name}"
    assert len(load(out)) == 1


def test_an_output_folder_of_the_old_layout_is_adopted_without_mixing(tmp_path, two_builds):
    out = tmp_path / "out"
    out.mkdir()
    for name, content in two_builds["old"].items():  # plain files, as builds before the switch wrote them
        (out / name).write_bytes(content)
    assert write(out, "new", kill_at="before-switch") == -signal.SIGKILL
    assert snapshot(out) == two_builds["old"]
    assert write(out, "new") == 0
    assert snapshot(out) == two_builds["new"]


def test_a_folder_that_cannot_be_written_is_reported_before_the_build(tmp_path, capsys, data_copy):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["build", "--data", str(data_copy), "--output", str(blocker / "out"), "-q", "--no-shacl"])
    err = capsys.readouterr().err
    assert code == 1 and "cannot write the build here" in err and "Traceback" not in err
    assert "[1/5]" not in err  # nothing was read or built first


def build_stamp(snap: dict[str, bytes]) -> str:
    """The build time every file of one build carries (dcterms:modified); fails if the files disagree."""
    stamps = {name: set(re.findall(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"<]*", content))
              for name, content in snap.items()}
    assert all(len(s) == 1 for s in stamps.values()), stamps
    assert len(set().union(*stamps.values())) == 1, f"files of different builds: {stamps}"
    return next(iter(stamps["void.ttl"])).decode()


def test_kill_a_real_build_at_random_moments(tmp_path, data_copy):
    """The whole CLI build killed at moments spread over its run: always the whole old or a whole new build."""
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "graph", "build", "--data", str(data_copy), "--output", str(out), "-q", "--no-shacl"]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0
    build_stamp(snapshot(out))
    (data_copy / "curated" / "extra.yaml").write_text(
        'source: "004"\nrecords:\n  - about: gemeente/gm0503\n    thema: armoede\n    quote: "Delft"\n',
        encoding="utf-8")
    start = time.perf_counter()
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0
    duration = time.perf_counter() - start
    seen = snapshot(out)
    for fraction in (0.6, 0.9, 0.99):
        time.sleep(1.1)  # a new build gets a new stamp
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(duration * fraction)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        now = snapshot(out)
        assert now == seen or build_stamp(now) != build_stamp(seen)  # the previous build whole, or a new one whole
        seen = now
    assert isinstance(load(out), KnowledgeGraph)


def test_write_atomically_returns_the_build_folder(tmp_path):
    from rdflib import Literal, URIRef

    kg = KnowledgeGraph.from_quads([(URIRef("https://example.org/s"), URIRef("https://example.org/p"),
                                     Literal("x"), URIRef("https://example.org/g"))])
    folder = write_atomically(kg, tmp_path / "out")
    assert folder.parent.name == BUILDS and (tmp_path / "out" / CURRENT).resolve() == folder.resolve()
