"""The on-disk cache: verified entries, a size bound, and clearing.

Every entry starts with one header line holding the SHA-256 and the length of the rest::

    # herstelgraph-cache 1 sha256=<64 hex digits> length=<bytes>

``read_entry`` returns the content only when both match; an entry that is empty, cut short
(even at a line boundary), edited or overwritten with other bytes is reported (one warning
line), removed, and read as a miss, so the caller rebuilds it. The header is an N-Triples
comment, so an entry stays a readable RDF file.

Bound: after each write the folder keeps the ``MAX_ENTRIES`` most recently used entries
within ``MAX_BYTES`` in total (the newest always stays); a hit refreshes an entry's time.
Only entries named like ours (``closure-<32 hex>.nt`` files, ``store-<32 hex>`` folders:
the persisted stores of ``persist.py``) and our own temporaries are ever removed.
``herstelgraph cache info`` and ``herstelgraph cache clear`` show and empty it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

CACHE_ENV = "HERSTELGRAPH_CACHE"
#: bump when the entry layout changes; part of every cache key (``build._cache_key``)
CACHE_FORMAT = 1
#: keep at most this many entries …
MAX_ENTRIES = 8
#: … and at most this many bytes in total
MAX_BYTES = 100 * 1000 * 1000

_MAGIC = b"# herstelgraph-cache "
_HEADER = re.compile(rb"# herstelgraph-cache (\d+) sha256=([0-9a-f]{64}) length=(\d+)\n")
#: a persisted store's manifest, and the index of input hashes (``persist.py``)
STORE_MANIFEST = "herstelgraph-store.json"
#: the folder of the query answers kept in a persisted store (``answers.py``)
STORE_ANSWERS = "answers"
INPUT_INDEX = "inputs-index.json"
#: a closure entry (a file), or a persisted store (a folder: ``persist.py``)
_ENTRY = re.compile(r"closure-[0-9a-f]{32}\.nt|store-[0-9a-f]{32}")


def cache_dir() -> Path:
    """Where cache entries are kept: $HERSTELGRAPH_CACHE, else $XDG_CACHE_HOME/herstelgraph,
    else ~/.cache/herstelgraph. Safe to delete at any time; HERSTELGRAPH_CACHE=off disables
    caching."""
    if os.environ.get(CACHE_ENV) and not disabled():
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "herstelgraph"


def disabled() -> bool:
    return os.environ.get(CACHE_ENV, "").lower() in ("off", "0", "no")


def _header(content: bytes) -> bytes:
    return _header_of(hashlib.sha256(content).hexdigest(), len(content))


def _header_of(digest: str, length: int) -> bytes:
    return b"%s%d sha256=%s length=%d\n" % (_MAGIC, CACHE_FORMAT, digest.encode(), length)


def write_entry(
    path: Path,
    content: bytes,
    *,
    pattern: re.Pattern[str] | None = None,
    max_entries: int | None = None,
    max_bytes: int | None = None,
) -> None:
    """Write one entry atomically with its checksum header, then apply the size bound of
    its folder (``evict``: the cache's own, or the one a store's answers keep). Best effort:
    an unwritable cache costs speed, never an error."""
    bounds = {"pattern": pattern, "max_entries": max_entries, "max_bytes": max_bytes}
    _write(Path(path), lambda: (_header(content), (content,)), bounds)


def write_entry_from(path: Path, source: BinaryIO) -> None:
    """``write_entry`` for content in a file, read twice in chunks (its checksum, then its
    copy), so a large entry is never held in memory: the closure of a cold load at 50x is
    37 MB, and its bytes were a third of that load's peak (decision 45)."""

    def chunks() -> Iterator[bytes]:
        source.seek(0)
        while chunk := source.read(_CHUNK):
            yield chunk

    def header_and_body() -> tuple[bytes, Iterable[bytes]]:
        digest, length = hashlib.sha256(), 0
        for chunk in chunks():
            digest.update(chunk)
            length += len(chunk)
        return _header_of(digest.hexdigest(), length), chunks()

    _write(Path(path), header_and_body, {})


def _write(
    path: Path, make: Callable[[], tuple[bytes, Iterable[bytes]]], bounds: dict[str, Any]
) -> None:
    """The one writer of both: ``make`` gives the header and the body's pieces (inside the
    best-effort guard: reading a source can fail too), written atomically, then ``evict``."""
    from ..errors import HerstelgraphError
    from ..io.atomic import atomic_path

    try:
        header, body = make()
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp, tmp.open("wb") as fh:
            fh.write(header)
            for piece in body:
                fh.write(piece)
        evict(path.parent, keep=path, **bounds)
    except (OSError, HerstelgraphError):
        pass


_CHUNK = 1 << 20


def read_entry(path: Path) -> bytes | None:
    """The entry's content when its header's checksum and length match; None when there is
    no entry, or when it is damaged (then it is removed and a warning says so)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    m = _HEADER.match(data)
    problem = None
    if m is None:
        problem = "empty" if not data else "no valid header"
    elif int(m.group(1)) != CACHE_FORMAT:
        problem = f"format {int(m.group(1))}, expected {CACHE_FORMAT}"
    else:
        content = data[m.end() :]
        if len(content) != int(m.group(3)):
            problem = f"{len(content)} bytes where the header says {int(m.group(3))}"
        elif hashlib.sha256(content).hexdigest() != m.group(2).decode():
            problem = "checksum mismatch"
    if problem is not None:
        discard(path, problem)
        return None
    try:
        os.utime(path)  # most recently used: the bound evicts the others first
    except OSError:
        pass
    return content


def discard(path: Path, problem: str) -> None:
    """Report a damaged entry on stderr and remove it, so it is rebuilt."""
    from ..io.inputs import warn
    from ..words import Said

    warn(Said("cache-damaged", path=str(path), problem=problem))
    try:
        Path(path).unlink()
    except OSError:
        pass


def entries(folder: Path | None = None, pattern: re.Pattern[str] | None = None) -> list[Path]:
    """The cache's entries (or the files named by ``pattern``), most recently used first."""
    folder = cache_dir() if folder is None else Path(folder)
    pattern = pattern or _ENTRY
    found = []
    try:
        with os.scandir(folder) as it:
            for e in it:
                if not pattern.fullmatch(e.name):
                    continue
                if e.name.startswith("store-") and e.is_dir(follow_symlinks=False):
                    found.append((_last_used(Path(e.path)), e.name))
                elif e.is_file(follow_symlinks=False):
                    found.append((e.stat().st_mtime, e.name))
    except OSError:
        return []
    return [folder / name for _, name in sorted(found, reverse=True)]


def _last_used(store_dir: Path) -> float:
    """A persisted store's last use: its manifest's time (refreshed at every open)."""
    try:
        return (store_dir / STORE_MANIFEST).stat().st_mtime
    except OSError:
        return 0.0


def _size(path: Path) -> int:
    """Bytes of an entry: a file's size, or the sum over a store folder's files and the
    answers kept with it (``answers.py``)."""
    if path.is_dir():
        size = sum(e.stat().st_size for e in os.scandir(path) if e.is_file())
        kept = path / STORE_ANSWERS
        if kept.is_dir():
            size += sum(e.stat().st_size for e in os.scandir(kept) if e.is_file())
        return size
    return path.stat().st_size


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path)
    else:
        path.unlink()


def evict(
    folder: Path,
    keep: Path | None = None,
    *,
    pattern: re.Pattern[str] | None = None,
    max_entries: int | None = None,
    max_bytes: int | None = None,
) -> list[Path]:
    """Remove the least recently used entries (or files named by ``pattern``) beyond
    ``max_entries`` or ``max_bytes`` (the cache's ``MAX_ENTRIES`` and ``MAX_BYTES`` when
    not given)."""
    max_entries = MAX_ENTRIES if max_entries is None else max_entries
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    removed, total, kept = [], 0, 0
    for path in entries(folder, pattern):
        try:
            size = _size(path)
        except OSError:
            continue
        if path == keep or (kept < max_entries and total + size <= max_bytes):
            kept += 1
            total += size
            continue
        try:
            _remove(path)
            removed.append(path)
        except OSError:
            pass
    return removed


class CacheInfo(NamedTuple):
    """Where the cache is, whether it is used, its size and bounds (a named tuple: a frozen
    dataclass would cost every process ~1 ms to define, decision 44)."""

    folder: str
    enabled: bool
    entries: int
    bytes: int
    max_entries: int = MAX_ENTRIES
    max_bytes: int = MAX_BYTES


def info() -> CacheInfo:
    found = entries()
    size = 0
    for p in found:
        try:
            size += _size(p)
        except OSError:
            pass
    return CacheInfo(str(cache_dir()), not disabled(), len(found), size)


def clear() -> tuple[int, int]:
    """Remove every entry (and our own temporaries) from the cache folder; nothing else in
    it is touched. Returns (entries removed, bytes freed)."""
    from ..io.atomic import sweep

    folder = cache_dir()
    n = size = 0
    for path in entries(folder):
        try:
            freed = _size(path)
            _remove(path)
        except OSError:
            continue
        n += 1
        size += freed
    sweep(folder, older_than=0)
    try:  # the input hashes the persisted stores were keyed by
        (folder / INPUT_INDEX).unlink()
    except OSError:
        pass
    return n, size
