"""The artefacts of a release (``make release`` → ``tools/dev.py release``), in one folder:

    herstelgraph.ttl .jsonld .nt .rdf .trig .csv .sssom.tsv .case.json .ctdlasn.jsonld
    .jskos.json          every export format
    site/                the static site, with its "Wat is er veranderd" page
    source/              the files the release was built from: ontology/, mappings/ (with
                         reviews/), shapes/ — a state ``herstelgraph diff`` and ``impact`` read
    CITATION.cff         version and date
    CHANGELOG.md         when given
    SHA256SUMS           the SHA-256 of every other file, as ``sha256sum -c`` reads it

Building twice gives the same bytes: every export is a pure function of the graph, the
site is deterministic, and the dates are the release's (SOURCE_DATE_EPOCH is set to its
midnight, UTC, for the build).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Record
from .version import Release, citation_cff

#: export format -> file name in the release folder
EXPORTS = (
    ("turtle", "herstelgraph.ttl"),
    ("jsonld", "herstelgraph.jsonld"),
    ("ntriples", "herstelgraph.nt"),
    ("rdfxml", "herstelgraph.rdf"),
    ("trig", "herstelgraph.trig"),
    ("csv", "herstelgraph.csv"),
    ("sssom", "herstelgraph.sssom.tsv"),
    ("case", "herstelgraph.case.json"),
    ("ctdlasn", "herstelgraph.ctdlasn.jsonld"),
    ("jskos", "herstelgraph.jskos.json"),
)
SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class ReleaseReport(Record):
    """What a release build wrote."""

    path: str
    version: str
    date: str
    files: int


@contextlib.contextmanager
def release_epoch(release: Release) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to the release date for the ``with`` block, then restored."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(release.epoch)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def _sources(root: Path) -> list[tuple[str, Path]]:
    """The state's files, relative names: ontology/, mappings/ (reviews/ too), shapes/."""
    out = []
    for folder in ("ontology", "mappings", "shapes"):
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and "__pycache__" not in path.parts:
                out.append((path.relative_to(root).as_posix(), path))
    return out


def sha256sums(files: dict[str, bytes]) -> str:
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    )


def release_files(
    store,
    release: Release,
    *,
    source_root: Path | None = None,
    changes=None,
    changelog: str | None = None,
    site: bool = True,
) -> dict[str, bytes]:
    """Every file of the release folder, by relative name (SHA256SUMS included)."""
    from .export import export

    files: dict[str, bytes] = {}
    with release_epoch(release):
        for fmt, name in EXPORTS:
            files[name] = export(store, fmt).data
        if site:
            from .site import site_files

            for rel, data in site_files(store, changes=changes).items():
                files[f"site/{rel}"] = data
    if source_root is not None:
        for rel, path in _sources(Path(source_root)):
            files[f"source/{rel}"] = path.read_bytes()
    files["CITATION.cff"] = citation_cff(release).encode("utf-8")
    if changelog is not None:
        files["CHANGELOG.md"] = changelog.encode("utf-8")
    files[SUMS] = sha256sums(files).encode("utf-8")
    return files


def build_release(
    store,
    out: Path,
    release: Release,
    *,
    source_root: Path | None = None,
    changes=None,
    changelog: str | None = None,
    site: bool = True,
) -> ReleaseReport:
    """Write the release folder ``out`` as a whole (swapped in only when complete)."""
    from ..io.atomic import atomic_dir

    files = release_files(
        store, release, source_root=source_root, changes=changes, changelog=changelog,
        site=site,
    )  # fmt: skip
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_dir(out) as tmp:
        for rel, data in sorted(files.items()):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return ReleaseReport(str(out), release.version, release.date, len(files))
