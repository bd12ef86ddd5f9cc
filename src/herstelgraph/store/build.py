"""Building a session's store: the shipped graph, user files, and the SKOS closure and tallies,
cached under a content hash of every input."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, Protocol

import pyoxigraph as ox

from . import cache
from .cache import cache_dir
from .store import ASSERTED, EXTERNAL, INFERRED, USER, Store

__all__ = ["cache_dir", "load"]


def _cache_key(sources: list[tuple[str, bytes]]) -> str:
    """A content hash of every input and of the closure rules: a changed file, a new version
    or a different set of user files gives a new key, so nothing stale is ever served."""
    import hashlib

    from .._version import __version__
    from .closure import RULES_VERSION
    from .tallies import TALLIES_VERSION

    versions = f"closure {RULES_VERSION} tallies {TALLIES_VERSION} cache {cache.CACHE_FORMAT}"
    h = hashlib.sha256(f"herstelgraph {__version__} {versions}\n".encode())
    for role, data in sources:
        h.update(f"{role} {len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()[:32]


class Overlay(Protocol):
    """What a higher layer applies to a freshly loaded store before its closure (the expert
    reviews: ``curation.review.loading``). Its sources are part of the cache key."""

    def sources(self) -> list[tuple[str, bytes]]:
        """(role, bytes) of everything the overlay reads, for the closure cache key."""
        ...

    def apply(self, store: Store) -> None:
        """Change the asserted/user graphs of ``store`` (before the closure is computed)."""
        ...

    def state(self, store: Store) -> bytes | None:
        """What the overlay knows of ``store`` after ``apply`` that its graphs do not hold (the
        reviews' merged view), kept beside a persisted store and verified with it; None:
        nothing to keep."""
        ...

    def restore(self, store: Store, read: Callable[[], bytes | None]) -> None:
        """Give a persisted store, opened instead of built, what ``state`` kept: ``read``
        returns those bytes (None when nothing was kept), called only when needed."""
        ...


def paths_of(given: Iterable[Path | str] | Path | str) -> list[Path]:
    """Paths as given: one path (a ``str`` is a path, not an iterable of characters) or many.

    >>> paths_of("a.ttl"), paths_of(["a.ttl", Path("b.ttl")])
    ([PosixPath('a.ttl')], [PosixPath('a.ttl'), PosixPath('b.ttl')])
    """
    if isinstance(given, (str, os.PathLike)):
        return [Path(given)]
    return [Path(p) for p in given]


def load(
    extra: Iterable[Path | str] | Path | str = (),
    *,
    closure: bool = True,
    files: Iterable[Path | str] | Path | str | None = None,
    overlay: Overlay | None = None,
    persisted: bool = False,
    background: bool = False,
) -> Store:
    """The shipped graph (from the installed package), with user files added to USER and,
    with the shipped graph (no ``files``), the external vocabularies and the links to them
    in EXTERNAL (``resources.external_files``: read by no closure, tally or framework
    question; part of the cache keys like every input).

    ``overlay``: applied before the closure (``herstelgraph.load`` passes the expert
    reviews; this plain loader applies none by itself).

    The SKOS closure is computed once per content hash of all inputs and cached as
    N-Triples (see ``cache_dir``); a cache hit skips the computation, and also the
    typed-literal check of the inputs: a cache entry is written only after every one of
    these exact bytes passed it (0.25 s of a 1 s load at 50x, docs/performance.md).
    Every entry is verified against its own checksum before use (``store/cache.py``); a
    damaged one is reported on stderr and rebuilt.

    ``persisted``: open the whole store (inputs, closure, tallies) from disk when this set
    of inputs was loaded before (``store/persist.py``): nothing is parsed, and the store is
    read-only until the first write. Otherwise it is built as above and then written there,
    with a progress line on stderr when that takes over a second. The CLI uses it; in a
    long-lived process the in-memory store answers faster (docs/performance.md).

    ``background``: when the build took over a second of CPU, write the persisted store
    from a detached copy of this process (``persist.write_store_detached``) while the
    question is answered from the in-memory store: what a command-line process asks for,
    which answers once and exits. Otherwise, and where a process cannot fork, it is written
    here.
    """
    from ..io.inputs import read_bytes
    from ..resources import external_files, graph_files

    extra = paths_of(extra)
    files = None if files is None else paths_of(files)
    store = Store()
    entries = [
        (role, Path(path), graph)
        for role, paths, graph in (
            ("asserted", graph_files() if files is None else files, ASSERTED),
            # ESCO and the links to it, with the shipped graph only (``files``: one's own)
            ("external", external_files() if files is None else (), EXTERNAL),
            ("user", extra, USER),
        )
        for path in paths
    ]
    overlay_sources = overlay.sources() if overlay is not None else []
    use_cache = closure and not cache.disabled()
    folder = progress = None
    known: dict[str, bytes] = {}  # bytes the persisted path read to hash them
    if use_cache and persisted:
        from . import persist

        index = persist.InputIndex(cache_dir())
        digests = [(role, index.digest(path)) for role, path, _ in entries]
        index.save()
        known = index.read
        folder = cache_dir() / f"store-{persist.store_key(digests, overlay_sources)}"
        if persist.verified(folder):  # opened when a query first needs it
            store = Store(read_only=True, opener=persist.opener(folder))
            from .answers import FOLDER, Answers

            store.answers = Answers(folder / FOLDER)
            store.read_footprints_with(functools.partial(persist.read_footprints, folder))
            if overlay is not None:
                # what the overlay computed at the build, verified with the store's files
                overlay.restore(store, functools.partial(persist.read_state, folder))
            return store
        progress = persist.Progress("the persisted store")
    datas: list[bytes | None] = [None] * len(entries)
    cached = inferred = None
    if use_cache:
        read = [known.get(str(path)) or read_bytes(path) for _, path, _ in entries]
        datas = list(read)
        sources = [(role, data) for (role, _, _), data in zip(entries, read, strict=True)]
        sources += overlay_sources
        key = _cache_key(sources)
        cached = cache_dir() / f"closure-{key}.nt"
        inferred = cache.read_entry(cached)  # None: a miss, or a damaged entry (reported)
    hit = inferred is not None
    for (_, path, graph), data in zip(entries, datas, strict=True):
        store.add_file(path, graph, data=data, checked=hit)
    if overlay is not None:
        overlay.apply(store)
    if progress is not None:
        progress.step("inputs parsed")
    if closure:
        if inferred is not None and cached is not None:  # hit
            hit = _load_inferred(store, inferred, cached)
        if not hit:
            from .closure import materialise
            from .tallies import add_tallies

            derived = materialise(store)
            if progress is not None:
                progress.step("SKOS closure computed")
            add_tallies(store, derived)
            if progress is not None:
                progress.step("tallies counted")
            if cached is not None and folder is None:  # a persisted store holds it all
                _cache_closure(store, cached)
    if folder is not None and progress is not None:
        from .persist import write_store, write_store_detached

        state = overlay.state(store) if overlay is not None else None
        if background and progress.cpu() > 1.0 and write_store_detached(store.ox, folder, state):
            progress.step(f"writing {folder} in the background")
        else:
            write_store(store.ox, folder, state)
            progress.step(f"written to {folder}")
    return store


def _cache_closure(store: Store, cached: Path) -> None:
    """The closure and tallies into the cache, through a temporary file: dump's bytes were
    built in a buffer that doubles as it grows and then copied, 87 MB more at the peak of a
    cold load at 50x (docs/performance.md, decision 45). Best effort, as the cache is."""
    import tempfile  # not at import: it costs a question that never builds ~10 M instructions

    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=cache_dir()) as tmp:
            store.ox.dump(tmp, format=ox.RdfFormat.N_TRIPLES, from_graph=INFERRED)
            # blank nodes get new labels at every load, so a closure over them cannot be
            # reused: it would speak of nodes that no longer exist (not cached)
            if not _has_blank_node(tmp):
                cache.write_entry_from(cached, tmp)
    except OSError:
        pass


def _has_blank_node(dump: BinaryIO) -> bool:
    """Whether an N-Triples file holds a blank node label ``_:`` (read in chunks)."""
    dump.seek(0)
    last = b""
    while chunk := dump.read(1 << 20):
        if b"_:" in last + chunk[:1] or b"_:" in chunk:
            return True
        last = chunk[-1:]
    return False


def _load_inferred(store: Store, data: bytes, path: Path) -> bool:
    """A verified entry into INFERRED; False (entry reported and removed) if it will not load."""
    try:
        # our own output, read back: lenient skips IRI re-validation (-15%)
        store.ox.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=INFERRED, lenient=True)
    except (SyntaxError, ValueError, OSError) as exc:
        store.ox.clear_graph(INFERRED)
        cache.discard(path, f"unreadable: {str(exc).splitlines()[0][:80]}")
        return False
    return True
