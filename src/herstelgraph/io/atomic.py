"""Atomic file output: a failed write leaves the old file (or no file), never half of one.

Three promises every writer inherits from here:

* **atomic**: the new content is written beside the target and renamed into place;
* **never onto an input**: every file read through :mod:`herstelgraph.io.inputs` is
  remembered, and writing onto it (or onto a link to it) raises :class:`OutputError`;
* **the user's permissions**: files get ``0666 & ~umask`` and folders ``0777 & ~umask``, as
  a plain ``open()`` would (temporary files are created 0600/0700 first).

A target that is a symbolic link is written through: the file it points to is replaced and
the link stays.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError

#: real paths of the files this process has read as input (see ``protect``)
_INPUTS: set[str] = set()


def protect(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Remember files as inputs of this run: no output may replace them."""
    for p in paths:
        _INPUTS.add(os.path.realpath(p))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _real_target(target: Path) -> Path:
    """The file to replace: a link's destination, so the link itself survives."""
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def _check_target(target: Path) -> Path:
    real = _real_target(target)
    if os.path.realpath(real) in _INPUTS:
        raise OutputError(target, "is an input of this run; write the output to another file")
    parent = real.parent if str(real.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(target, f"folder {parent} does not exist; create it first")
    if real.is_dir():
        raise OutputError(target, "is a folder; give a file name")
    return real


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place only on success."""
    real = _check_target(Path(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise OutputError(target, f"cannot write there ({exc.strerror})") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, real)
    except OSError as exc:
        raise OutputError(target, f"cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(target: Path, text: str, *, newline: str = "\n") -> None:
    """Write UTF-8 text atomically (``newline="\\r\\n"`` for files spreadsheets open)."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline=newline)


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


@contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Build a folder in a temporary sibling and swap it in only when complete."""
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(target, f"folder {parent} does not exist; create it first")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(target, f"cannot write there ({exc.strerror})") from None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=parent))
            os.replace(target, old / "x")
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
