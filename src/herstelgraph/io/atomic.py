"""Atomic file output: a failed or killed write leaves the old file (or no file), never half
of one.

The promises every writer inherits from here (docs/guarantees.md, tested by
``tests/test_trust.py``):

* **atomic**: the new content is written beside the target and renamed into place; a process
  killed at any point (SIGKILL included) leaves the previous file or the complete new one;
* **folders too**: ``atomic_dir`` builds a folder beside the target and swaps it in with one
  atomic exchange of the two names (Linux ``renameat2(RENAME_EXCHANGE)``), so the target
  folder always exists and always holds the previous build or the complete new one. Where the
  exchange is not available (other systems, some network file systems) two renames are used
  and an interrupted swap is repaired at the next write into that folder;
* **never onto an input**: every file read through :mod:`herstelgraph.io.inputs` is
  remembered, and writing onto it (or onto a link to it, or replacing a folder holding it)
  raises :class:`OutputError`; so does writing onto a file of the shipped data
  (``resources.shipped_files``: the ontology, shapes, queries and curated mappings, which a
  run reads from its persisted store and not as files), unless a maintainer's tool says it
  rebuilds them (``maintaining``);
* **the user's permissions**: files get ``0666 & ~umask`` and folders ``0777 & ~umask``, as
  a plain ``open()`` would (temporary files are created 0600/0700 first);
* **no litter**: temporary names follow one pattern (``.NAME.hg-XXXXXXXX.tmp``,
  ``….tmpdir``, ``….prev``, ``….ready``); those a killed run left behind are removed at the
  next write into the same folder once they are older than ``STALE_AFTER`` seconds (a
  concurrent run's temporaries are younger and left alone). Nothing else is ever removed.

A target that is a symbolic link is written through: the file (or folder) it points to is
replaced and the link stays. A target that is a character device or a FIFO (``-o /dev/null``,
``-o /dev/stdout``, a named pipe a reader waits on) is a sink, not a file to replace: it is
written directly, without temporary or rename (no atomicity is possible or needed there); a
block device or a socket is refused. Durability against power loss (fsync) is not promised, only
against a process that dies.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError

#: real paths of the files this process has read as input (see ``protect``)
_INPUTS: set[str] = set()
#: real paths of the shipped data's files, listed at the first write (see ``_shipped``)
_SHIPPED: set[str] | None = None
#: set by ``maintaining``: the maintainer's tools (tools/dev.py) rebuild the shipped files
_MAINTAINING = False

#: temporaries of killed runs older than this many seconds are removed (``sweep``)
STALE_AFTER = 600.0

#: the names this module gives its temporaries; nothing else is ever swept
_TEMP_NAME = re.compile(r"^\..*\.hg-[a-z0-9_]{8}\.(tmp|tmpdir|prev|ready)$")

#: tests only: called with the name of each step of a write, so a test can kill the
#: process exactly there (tests/test_trust.py); never set by the library itself
_on_step: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if _on_step is not None:
        _on_step(name)


def protect(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Remember files as inputs of this run: no output may replace them."""
    for p in paths:
        _INPUTS.add(os.path.realpath(p))


@contextmanager
def maintaining() -> Iterator[None]:
    """Let writes replace files of the shipped data: for the tools that rebuild them
    (``tools/dev.py``), never for a user's run."""
    global _MAINTAINING
    before, _MAINTAINING = _MAINTAINING, True
    try:
        yield
    finally:
        _MAINTAINING = before


def _shipped() -> set[str]:
    global _SHIPPED
    if _MAINTAINING:
        return set()
    if _SHIPPED is None:
        from ..resources import shipped_files

        _SHIPPED = {os.path.realpath(p) for p in shipped_files()}
    return _SHIPPED


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _prefix(name: str) -> str:
    # a long name would make the temporary's name too long for the file system
    return f".{name[:120]}.hg-"


def sweep(folder: Path, *, older_than: float | None = None) -> list[str]:
    """Remove this module's temporaries in ``folder`` that are older than ``older_than``
    seconds (default ``STALE_AFTER``): what runs killed mid-write left. Returns their names."""
    limit = STALE_AFTER if older_than is None else older_than
    now = time.time()
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if now - st.st_mtime < limit:
                continue
            if stat.S_ISDIR(st.st_mode):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed


def _real_target(target: Path) -> Path:
    """The file to replace: a link's destination, so the link itself survives."""
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def _check_target(target: Path) -> Path:
    real = _real_target(target)
    if os.path.realpath(real) in _INPUTS:
        from ..words import Said

        raise OutputError(target, Said("output-is-input"))
    if os.path.realpath(real) in _shipped():
        from ..words import Said

        raise OutputError(target, Said("output-is-shipped"))
    parent = real.parent if str(real.parent) else Path(".")
    if not parent.is_dir():
        from ..words import Said

        raise OutputError(
            target, Said("not-a-folder" if parent.exists() else "no-folder", folder=str(parent))
        )
    if real.is_dir():
        raise OutputError(target, "is a folder; give a file name")
    return real


def _os_message(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _is_sink(target: Path, real: Path) -> bool:
    """True when ``real`` is a character device or FIFO, written directly: renaming a
    temporary onto ``/dev/null`` would replace the device node with a regular file."""
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISBLK(mode):
        raise OutputError(target, "is a block device; give a file name")
    if stat.S_ISSOCK(mode):
        raise OutputError(target, "is a socket; give a file name")
    return False


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place only on success."""
    real = _check_target(Path(target))
    if _is_sink(Path(target), real):
        try:
            yield real
        except OSError as exc:
            raise OutputError(target, _cannot_write(exc)) from None
        return
    sweep(real.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_prefix(real.name), suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise OutputError(target, _cannot_write(exc, "cannot-write-there")) from None
    os.close(fd)
    tmp_path = Path(tmp)
    _step("created")
    try:
        yield tmp_path
        _step("written")
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, real)
        _step("replaced")
    except OSError as exc:
        raise OutputError(target, _cannot_write(exc)) from None
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


# ------------------------------------------------------------------------ folders
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
#: set to False after the kernel or file system said the exchange is not supported
_exchange_works = True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where unsupported."""
    global _exchange_works
    if not _exchange_works:
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        _exchange_works = False
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        _exchange_works = False
        return False
    raise OSError(err, os.strerror(err), str(b))


def _leftovers(parent: Path, name: str, kind: str) -> list[Path]:
    """This target's temporaries of one kind, newest first."""
    prefix = _prefix(name)
    found = [
        p
        for p in parent.glob(f"{glob_escape(prefix)}*.{kind}")
        if _TEMP_NAME.match(p.name) and p.is_dir() and not p.is_symlink()
    ]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def recover(target: Path) -> str | None:
    """Repair a folder swap that was killed between its two renames (systems without the
    atomic exchange): put the complete new build, else the previous one, back in place.
    Returns what was done, or None when there was nothing to repair."""
    target = Path(target)
    real = _real_target(target)
    if os.path.lexists(real):
        return None
    parent = real.parent if str(real.parent) else Path(".")
    for kind, what in (("ready", "the completed new build"), ("prev", "the previous build")):
        found = _leftovers(parent, real.name, kind)
        if found:
            os.replace(found[0], real)
            return f"{target}: an interrupted update was repaired; it holds {what}"
    return None


def _protected_inside(folder: Path) -> str | None:
    root = os.path.realpath(folder) + os.sep
    return next((p for p in sorted(_INPUTS | _shipped()) if p.startswith(root)), None)


@contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Build a folder in a temporary sibling and swap it in only when complete.

    The swap is one atomic exchange where the system has it: the target always exists and
    holds the previous build or the new one. Elsewhere: the finished build is renamed
    ``….ready``, the previous folder ``….prev``, then the new one into place; a run killed
    between those renames is repaired by ``recover`` at the next write to the target.
    """
    target = Path(target)
    real = _real_target(target)
    parent = real.parent if str(real.parent) else Path(".")
    if not parent.is_dir():
        from ..words import Said

        raise OutputError(
            target, Said("not-a-folder" if parent.exists() else "no-folder", folder=str(parent))
        )
    if real.exists() and not real.is_dir():
        raise OutputError(target, "is a file; give a folder")
    inside = _protected_inside(real)
    if inside is not None:
        raise OutputError(target, f"holds {inside}, an input of this run; choose another folder")
    try:
        recover(target)
        sweep(parent)
        tmp = Path(tempfile.mkdtemp(prefix=_prefix(real.name), suffix=".tmpdir", dir=parent))
    except OSError as exc:
        raise OutputError(target, _cannot_write(exc, "cannot-write-there")) from None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        _step("built")
        if not real.exists():
            os.replace(tmp, real)
            _step("swapped")
        elif _exchange(tmp, real):
            _step("swapped")  # tmp now holds the previous build
            shutil.rmtree(tmp, ignore_errors=True)
            _step("cleaned")
        else:
            _swap_by_renames(tmp, real)
    except OSError as exc:
        raise OutputError(target, _cannot_write(exc)) from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _swap_by_renames(tmp: Path, real: Path) -> None:
    stem = tmp.name[: -len(".tmpdir")]
    ready, prev = tmp.with_name(stem + ".ready"), tmp.with_name(stem + ".prev")
    os.replace(tmp, ready)
    _step("sealed")
    os.replace(real, prev)
    _step("moved-aside")
    try:
        os.replace(ready, real)
    except OSError:
        os.replace(prev, real)  # put the previous build back before reporting
        shutil.rmtree(ready, ignore_errors=True)
        raise
    _step("moved-in")
    shutil.rmtree(prev, ignore_errors=True)
    _step("cleaned")


def _cannot_write(exc: OSError, key: str = "cannot-write") -> str:
    """'cannot write (reason)' or 'cannot write there (reason)', said again in the user's
    language by the CLI."""
    from ..words import Said

    return Said(key, reason=_os_message(exc))
