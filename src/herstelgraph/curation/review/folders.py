"""Where review files live and how they are read as inputs: the folders (shipped,
$HERSTELGRAPH_REVIEWS, named), the mapping and translation review files in them, their bytes.

Kept apart from ``records`` and ``translations`` (which re-export these names) so that
opening a persisted store, which hashes the review files into its key, does not import the
parsers and their records (docs/performance.md, decision 24).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ...errors import InputFileError

ENV = "HERSTELGRAPH_REVIEWS"
#: the name every translation review file ends with
SUFFIX = ".translations.tsv"


def shipped_dir() -> Path:
    """The review files that come with the mappings: ``mappings/reviews/``."""
    from ...resources import data_dir

    return data_dir("mappings") / "reviews"


def env_dirs() -> list[Path]:
    """Folders named in $HERSTELGRAPH_REVIEWS (several joined with the path separator)."""
    value = os.environ.get(ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def review_dirs(named: Iterable[Path] = ()) -> list[Path]:
    """Every folder whose review files the merged view reads: the shipped ones, those in
    $HERSTELGRAPH_REVIEWS and those named; each once."""
    out: list[Path] = []
    seen: set[str] = set()
    for d in [shipped_dir(), *env_dirs(), *named]:
        key = os.path.realpath(d)
        if key not in seen:
            seen.add(key)
            out.append(Path(d))
    return out


def _files(dirs: Iterable[Path], pattern: str) -> list[Path]:
    out: list[Path] = []
    seen: set[str] = set()
    for d in dirs:
        if not Path(d).is_dir():
            continue
        for path in sorted(Path(d).glob(pattern)):
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


def review_files(dirs: Iterable[Path]) -> list[Path]:
    """The ``*.sssom.tsv`` files of the folders, sorted; missing folders hold none."""
    return _files(dirs, "*.sssom.tsv")


def translation_files(dirs: Iterable[Path]) -> list[Path]:
    """The ``*.translations.tsv`` files of the folders, sorted; missing folders hold none."""
    return _files(dirs, f"*{SUFFIX}")


def file_bytes(path: Path, protect: bool) -> bytes:
    """A review file's bytes; ``protect``: read as an input of this run (size cap, never
    overwritten by an output), else plainly (the reviewer's own file, which tools rewrite)."""
    if protect:
        from ...io.inputs import read_bytes

        return read_bytes(path)
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot read ({exc.strerror})") from None
