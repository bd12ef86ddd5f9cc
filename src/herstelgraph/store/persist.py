"""The persisted store (issue 22): a whole session's graph on disk, opened instead of parsed.

A cold ``herstelgraph gaps A B`` used to parse every input and read the cached closure into
memory before the question ran (0.9 s at 50x). A persisted store is an Oxigraph on-disk
(RocksDB) store holding everything ``build.load`` made: the asserted and user graphs, the
expert reviews' withheld graph, the SKOS closure and the tallies. Opening it read-only costs
milliseconds at any size, and nothing is parsed.

* **Key**: the content hash of every input (``store-<key>/`` in the cache folder). A file's
  hash is recomputed whenever its size, mtime, ctime or inode differ from when it was last
  hashed (``InputIndex``, the same test git uses for its index); otherwise the recorded hash
  is used, so a question does not read 30 MB of input to hash it.
* **Verified before use** (issue 14): the folder's ``herstelgraph-store.json`` lists every
  file of the store with its size and SHA-256, and has a checksum of its own. Every file's
  size is compared at every open; its SHA-256 is recomputed whenever its mtime, ctime or
  inode differ from when it was written (any write to a file changes its ctime, which no
  tool can set back). A missing, extra, emptied, cut or changed file, or a manifest that
  does not match itself, is reported on stderr, the folder removed and the store rebuilt.
  RocksDB checks a CRC32C of every block it reads on top of that.
* **Read-only**: several processes may open it at once; ``Store`` copies it into memory on
  the first write (``Store.add_file``, ``extend``), so the API behaves as before.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from . import cache

#: bump when the folder's layout changes; part of every store key (2: the overlay's state;
#: 3: the footprints of the graphs no question reads by default; 4: the answers kept in it;
#: 5: compacted after a write in batches, decision 40)
STORE_FORMAT = 5
MANIFEST = cache.STORE_MANIFEST
#: the overlay's state beside the store (``build.Overlay.state``), listed in the manifest
STATE = "herstelgraph-overlay-state.json"
#: ``store.footprints`` of the store, listed in the manifest (``Store._dataset``)
FOOTPRINTS = "herstelgraph-footprints.json"
INDEX = cache.INPUT_INDEX
#: the answers kept with the store (``answers.py``): verified each by itself, not listed
ANSWERS = cache.STORE_ANSWERS
STORE_DIR = re.compile(r"store-[0-9a-f]{32}")
#: files RocksDB keeps beside the data that say nothing about the content
_NOT_CONTENT = re.compile(r"LOCK|LOG(\.old\.\d+)?")
#: how many input files the index remembers
_INDEX_MAX = 512
#: quads per bulk write
_BATCH = 100_000
#: seconds a detached writer may take (50x: ~20 s on a loaded machine)
_DETACHED_TIMEOUT = 1800


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


# ------------------------------------------------------------------ input hashes
class InputIndex:
    """path -> (size, mtime, ctime, inode, SHA-256) of inputs hashed before. A damaged or
    missing index is only a slower start: every input is hashed again."""

    def __init__(self, folder: Path):
        self.path = folder / INDEX
        self.changed = False
        #: bytes read while hashing (path -> bytes), so a build does not read them twice (a
        #: pipe can be read only once)
        self.read: dict[str, bytes] = {}
        try:
            data = json.loads(self.path.read_bytes())
            self.entries: dict[str, list] = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self.entries = {}

    def digest(self, path: Path) -> str:
        """The SHA-256 of the file's bytes, read through ``inputs.read_bytes`` (size cap,
        protection of user files as outputs) unless the index vouches for them."""
        from ..io.inputs import check_input, read_bytes

        real = os.path.realpath(path)
        st = check_input(Path(path))  # the size cap and the input protection, on every run
        entry = self.entries.get(real)
        if (
            st is not None
            and isinstance(entry, list)
            and len(entry) == 5
            and entry[:4] == _stamp(st)
        ):
            return entry[4]
        data = read_bytes(Path(path))
        self.read[str(path)] = data
        digest = hashlib.sha256(data).hexdigest()
        if st is not None:  # a regular file; a device or a pipe is hashed every time
            self.entries.pop(real, None)
            self.entries[real] = [*_stamp(st), digest]
            self.changed = True
        return digest

    def save(self) -> None:
        if not self.changed:
            return
        from ..io.atomic import write_bytes

        keep = dict(list(self.entries.items())[-_INDEX_MAX:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(self.path, json.dumps(keep).encode())
        except (OSError, Exception):  # best effort, as every cache write
            pass


def store_key(digests: list[tuple[str, str]], overlay: list[tuple[str, bytes]]) -> str:
    """The content hash of every input (their SHA-256s), the overlay's bytes and the
    versions of everything that derives the store's content."""
    from .._version import __version__
    from .closure import RULES_VERSION
    from .tallies import TALLIES_VERSION

    h = hashlib.sha256(
        f"herstelgraph {__version__} closure {RULES_VERSION} tallies {TALLIES_VERSION} "
        f"store {STORE_FORMAT} {ox.__version__}\n".encode()
    )
    for role, digest in digests:
        h.update(f"{role} {digest}\n".encode())
    for role, data in overlay:
        h.update(f"{role} {len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()[:32]


# ------------------------------------------------------------------ the store folder
def _manifest_checksum(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _problem(folder: Path) -> str | None:
    """Why the folder cannot be trusted, or None when every file is as written."""
    try:
        manifest = json.loads((folder / MANIFEST).read_bytes())
        body, checksum = manifest["body"], manifest["sha256"]
        files: dict[str, list] = body["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"manifest unreadable ({type(exc).__name__})"
    if _manifest_checksum(body) != checksum:
        return "manifest checksum mismatch"
    if body.get("format") != STORE_FORMAT or body.get("key") != folder.name[len("store-") :]:
        return "manifest of another store"
    try:
        present = {
            e.name: e.stat(follow_symlinks=False)
            for e in os.scandir(folder)
            if e.name not in (MANIFEST, ANSWERS) and not _NOT_CONTENT.fullmatch(e.name)
        }
    except OSError as exc:
        return f"unreadable ({exc.strerror})"
    if set(present) != set(files):
        extra, missing = sorted(set(present) - set(files)), sorted(set(files) - set(present))
        return (
            f"files {'missing: ' + ', '.join(missing) if missing else 'added: ' + ', '.join(extra)}"
        )
    for name, (size, sha, *stamp) in files.items():
        st = present[name]
        if st.st_size != size:
            return f"{name}: {st.st_size} bytes where the manifest says {size}"
        if _stamp(st)[1:] != stamp:
            try:
                if _sha256_file(folder / name) != sha:
                    return f"{name}: checksum mismatch"
            except OSError as exc:
                return f"{name}: unreadable ({exc.strerror})"
    return None


def _remove_tree(folder: Path) -> None:
    """A folder and all in it, quietly (a damaged or half-written store). ``shutil`` is
    imported here: a question that removes nothing never pays for it (bz2, lzma)."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _discard(folder: Path, problem: str) -> None:
    from ..io.inputs import warn
    from ..words import Said

    warn(Said("store-damaged", folder=str(folder), problem=problem))
    _remove_tree(folder)


def verified(folder: Path) -> bool:
    """Whether the store at ``folder`` is there and every file as written (``_problem``);
    a damaged one is reported and removed. Marks it most recently used."""
    if not folder.is_dir():
        return False
    problem = _problem(folder)
    if problem is not None:
        _discard(folder, problem)
        return False
    try:
        os.utime(folder / MANIFEST)  # most recently used, for the eviction
    except OSError:
        pass
    return True


def opener(folder: Path) -> Callable[[], ox.Store]:
    """Opens the verified store at ``folder`` read-only when called (``Store(opener=…)``:
    not before a query needs it). Where RocksDB refuses files that passed the manifest,
    the folder is reported and removed, and the question stops with an error the next run
    does not meet (it builds the store again)."""

    def open_() -> ox.Store:
        try:
            return ox.Store.read_only(str(folder))
        except (OSError, RuntimeError, ValueError) as exc:
            reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
            _remove_tree(folder)  # said by the error itself
            from ..errors import HerstelgraphError
            from ..words import Said

            raise HerstelgraphError(
                Said("store-refused", folder=str(folder), reason=reason)
            ) from None

    return open_


def read_state(folder: Path) -> bytes | None:
    """The overlay's state kept with the store at ``folder`` (``write_store``), or None when
    none was kept. The file was verified with the others when the store was opened."""
    try:
        return (folder / STATE).read_bytes()
    except FileNotFoundError:
        return None


def read_footprints(folder: Path) -> dict[str, frozenset[str]] | None:
    """``store.footprints`` as written with the store at ``folder``, or None when unreadable
    (the file was verified with the others when the store was opened)."""
    try:
        data = json.loads((folder / FOOTPRINTS).read_bytes())
        return {str(g): frozenset(map(str, iris)) for g, iris in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def write_store(source: ox.Store, folder: Path, state: bytes | None = None) -> None:
    """Write every quad of ``source`` to a new on-disk store at ``folder``, with ``state``
    (the overlay's, ``build.Overlay.state``) beside it and the manifest of both; atomic
    (built in a temporary folder, then renamed). Best effort: a cache that cannot be written
    costs speed, never an error."""
    import secrets

    tmp = folder.parent / f".{folder.name}.hg-{secrets.token_hex(4)}.tmpdir"
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        disk = ox.Store(str(tmp))
        # in batches: one bulk_extend of every quad buffers them all (peak 645 MB at 50x,
        # against 333 MB in batches of 100k, for the same CPU time: docs/performance.md)
        quads = source.quads_for_pattern(None, None, None, None)
        batches = 0
        while batch := list(itertools.islice(quads, _BATCH)):
            disk.bulk_extend(batch)
            batches += 1
        disk.flush()
        if batches > 1:
            # each batch's files overlap the others' in every index, so a lookup in a fresh
            # process seeked in all of them: one sorted run per index halves a cold question's
            # work on the store (docs/performance.md, decision 40)
            disk.optimize()
        del disk  # closes the database: every file is final now
        if state is not None:  # RocksDB leaves files it does not know alone
            (tmp / STATE).write_bytes(state)
        from .store import footprints

        (tmp / FOOTPRINTS).write_text(json.dumps(footprints(source), sort_keys=True))
        files = {}
        for e in os.scandir(tmp):
            if _NOT_CONTENT.fullmatch(e.name):
                continue
            st = e.stat(follow_symlinks=False)
            files[e.name] = [st.st_size, _sha256_file(Path(e.path)), *_stamp(st)[1:]]
        body = {"format": STORE_FORMAT, "key": folder.name[len("store-") :], "files": files}
        manifest = {"body": body, "sha256": _manifest_checksum(body)}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1))
        try:
            os.rename(tmp, folder)
        except OSError:  # another process wrote it first (or the name is taken)
            _remove_tree(tmp)
            return
        cache.evict(folder.parent, keep=folder)
    except Exception:
        _remove_tree(tmp)


def write_store_detached(source: ox.Store, folder: Path, state: bytes | None = None) -> bool:
    """``write_store`` in a forked copy of this process, detached from it (its own session,
    no terminal, standard streams on /dev/null), so the caller answers from ``source`` and
    exits while the store is written (50x: ~5 s CPU of RocksDB indexes, docs/performance.md).
    The child sees ``source`` as it was at the fork, whatever the caller does with it after,
    and writes atomically, as ``write_store`` does: a process that looks before it is done
    finds no store and builds its own. False (nothing done) where fork is missing or other
    threads run (a fork copies only the calling thread, with whatever locks others held)."""
    import threading

    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid:
        return True
    try:  # the child: never returns into the caller's code
        import signal

        # a child that hangs (a lock some native thread of the parent held at the fork)
        # ends after half an hour instead of staying; the next atomic write into the cache
        # folder sweeps the temporary folder it leaves (``io.atomic.sweep``)
        signal.alarm(_DETACHED_TIMEOUT)
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        write_store(source, folder, state)
    finally:
        os._exit(0)


# ------------------------------------------------------------------ progress
class Progress:
    """One line on stderr per step of a (re)build, once it has taken over a second, when
    stderr is a terminal (a script's or a test's captured stderr stays one line per error)."""

    def __init__(self, what: str, stream=None):
        self.what = what
        self.start = time.perf_counter()
        self.cpu_start = time.process_time()
        self.stream = stream
        self.shown = False

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def cpu(self) -> float:
        """CPU seconds of this process since the build began (on a loaded machine the wall
        time can pass a second for a small graph; the CPU time does not)."""
        return time.process_time() - self.cpu_start

    def step(self, done: str) -> None:
        elapsed = self.elapsed()
        stream = self.stream or sys.stderr
        if elapsed > 1.0 and (self.stream is not None or _isatty(stream)):
            if not self.shown:
                print(f"herstelgraph: building {self.what} (once per change of the inputs)",
                      file=stream)  # fmt: skip
                self.shown = True
            print(f"herstelgraph:   {done} ({elapsed:.1f} s)", file=stream, flush=True)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
