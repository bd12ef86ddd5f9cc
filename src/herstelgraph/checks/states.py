"""States of the graph to compare: a release, a git revision, a folder, or what is installed.

A state is a folder that holds ``ontology/`` (the Turtle files) and ``mappings/``
(``mappings.ttl``, as ``make mappings`` writes it, and ``reviews/`` with the experts' review
files), and optionally ``shapes/`` (the profile shapes of that state, for validation). It is
named in one of four ways:

* ``git:REF`` — a revision of the git repository the command runs in (a tag, a branch, a
  commit), read with ``git archive``: no network, nothing checked out;
* a release folder (``dist/release/0.1.0``, as ``tools/dev.py release`` builds it), whose
  ``source/`` holds the files the release was built from;
* any folder with ``ontology/`` and ``mappings/`` in it (a clone, an unpacked sdist);
* ``current`` (or nothing, where a command allows it) — the graph this herstelgraph ships.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Record

CURRENT = "current"
GIT = "git:"
#: the top-level folders a state is made of (shapes/ is optional)
FOLDERS = ("ontology", "mappings", "shapes")


@dataclass(frozen=True)
class State(Record):
    """One state of the graph: what it was named, where its files are, its version."""

    name: str
    root: str  # the folder holding ontology/, mappings/ (and shapes/)
    version: str | None = None  # the core ontology's owl:versionInfo
    commit: str | None = None  # git states: the commit the revision named
    shipped: bool = False  # the graph this herstelgraph ships

    @property
    def path(self) -> Path:
        return Path(self.root)


def _version_of(root: Path) -> str | None:
    """The core ontology's owl:versionInfo in ``root/ontology/herstelgraph.ttl``, if any."""
    import pyoxigraph as ox

    path = root / "ontology" / "herstelgraph.ttl"
    if not path.is_file():
        return None
    info = "http://www.w3.org/2002/07/owl#versionInfo"
    try:
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            if q.predicate.value == info and q.subject.value.endswith("/def"):
                return q.object.value
    except (OSError, SyntaxError):
        return None
    return None


def _git(repo: Path, *args: str, binary: bool = False) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise InputError("git:REF needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git {' '.join(args)} took more than 120 s") from None
    if done.returncode != 0:
        msg = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"git {args[0]}: {msg[-1] if msg else 'failed'}")
    return done.stdout


def repository(start: Path | None = None) -> Path:
    """The top folder of the git repository ``start`` (default: the working folder) is in."""
    start = Path(start or Path.cwd())
    try:
        top = _git(start, "rev-parse", "--show-toplevel").decode("utf-8").strip()
    except InputError:
        from ..words import Said

        raise InputError(Said("no-git", start=str(start))) from None
    return Path(top)


def _extract_git(repo: Path, ref: str, into: Path) -> str:
    """Write the state folders of revision ``ref`` into ``into``; return its commit."""
    if not ref or ref.startswith("-"):
        raise InputError(f"git:{ref}: name a revision, e.g. git:v0.1.0 or git:HEAD~3")
    try:
        commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode()
    except InputError:
        from ..words import Said

        raise InputError(Said("no-revision", ref=ref, repo=str(repo))) from None
    commit = commit.strip()
    names = _git(repo, "ls-tree", "--name-only", commit).decode("utf-8").split("\n")
    present = [f for f in FOLDERS if f in names]
    if "ontology" not in present:
        raise InputError(f"git:{ref}: revision {commit[:12]} has no ontology/ folder")
    tar = into / "state.tar"
    tar.write_bytes(_git(repo, "archive", "--format=tar", commit, "--", *present))
    with tarfile.open(tar) as archive:
        archive.extractall(into, filter="data")
    tar.unlink()
    return commit


@contextlib.contextmanager
def open_state(spec: str | None, *, repo: Path | None = None) -> Iterator[State]:
    """The state ``spec`` names (see the module doc), for the time of the ``with`` block:
    a git revision is unpacked into a temporary folder, removed afterwards."""
    from ..resources import data_dir

    if spec is None or spec == CURRENT:
        root = data_dir("ontology").parent
        yield State(CURRENT, str(root), _version_of(root), shipped=True)
        return
    if spec.startswith(GIT):
        ref = spec[len(GIT) :]
        top = repository(repo)
        tmp = Path(tempfile.mkdtemp(prefix="herstelgraph-state-"))
        try:
            commit = _extract_git(top, ref, tmp)
            yield State(spec, str(tmp), _version_of(tmp), commit=commit)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    path = Path(spec)
    if not path.exists():
        from ..words import Said

        raise InputError(Said("no-release", spec=str(spec)))
    for root in (path, path / "source"):
        if (root / "ontology").is_dir():
            yield State(spec, str(root), _version_of(root))
            return
    raise InputError(
        f"{spec}: holds no ontology/ folder (nor source/ontology/, as a release folder does)"
    )


def graph_files(state: State) -> list[Path]:
    """The Turtle files of a state's graph, in the order the shipped graph is loaded."""
    root = state.path
    files = sorted((root / "ontology").glob("*.ttl"))
    mappings = root / "mappings" / "mappings.ttl"
    if mappings.is_file():
        files.append(mappings)
    return files


def load_state(state: State, extra=()):
    """The store of a state: its graph, with its expert reviews applied, as ``load()`` builds
    the shipped one (closure and tallies, cached by content). ``extra``: user files."""
    from ..curation.review.loading import load

    if state.shipped:
        from ..curation.review.records import review_dirs

        reviews = review_dirs()
    else:
        folder = state.path / "mappings" / "reviews"
        reviews = [folder] if folder.is_dir() else []
    return load(extra=[Path(p) for p in extra], files=graph_files(state), reviews=reviews)


def profile_shapes(state: State):
    """The profile shapes of a state (its shapes/ folder), else the shipped ones."""
    from rdflib import Graph

    from .validate import PROFILE_SHAPES, shapes_graph

    folder = state.path / "shapes"
    if state.shipped or not folder.is_dir():
        return shapes_graph("profiles")
    g = Graph(bind_namespaces="none")
    for name in PROFILE_SHAPES:
        if (folder / name).is_file():
            g.parse(folder / name, format="turtle")
    return g
