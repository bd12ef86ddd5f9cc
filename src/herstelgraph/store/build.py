"""Building a session's store: the shipped graph, user files, and the SKOS closure and tallies,
cached under a content hash of every input."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from ..errors import InputError
from .store import ASSERTED, INFERRED, USER, Store


def cache_dir() -> Path:
    """Where prebuilt closures are kept: $HERSTELGRAPH_CACHE, else $XDG_CACHE_HOME/herstelgraph,
    else ~/.cache/herstelgraph. Safe to delete at any time; set HERSTELGRAPH_CACHE=off to
    disable caching."""
    import os

    if os.environ.get("HERSTELGRAPH_CACHE"):
        return Path(os.environ["HERSTELGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "herstelgraph"


def _cache_key(sources: list[tuple[str, bytes]]) -> str:
    """A content hash of every input and of the closure rules: a changed file, a new version
    or a different set of user files gives a new key, so nothing stale is ever served."""
    import hashlib

    from .._version import __version__
    from .closure import RULES_VERSION
    from .tallies import TALLIES_VERSION

    versions = f"closure {RULES_VERSION} tallies {TALLIES_VERSION}"
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


def load(
    extra: Iterable[Path] = (),
    *,
    closure: bool = True,
    files: Iterable[Path] | None = None,
    overlay: Overlay | None = None,
) -> Store:
    """The shipped graph (from the installed package), with user files added to USER.

    ``overlay``: applied before the closure (``herstelgraph.load`` passes the expert
    reviews; this plain loader applies none by itself).

    The SKOS closure is computed once per content hash of all inputs and cached as
    N-Triples (see ``cache_dir``); a cache hit skips the computation, and also the
    typed-literal check of the inputs: a cache entry is written only after every one of
    these exact bytes passed it (0.25 s of a 1 s load at 50x, docs/performance.md).
    """
    import os

    from ..io.inputs import read_bytes
    from ..resources import graph_files

    store = Store()
    entries = [
        (role, Path(path), graph)
        for role, paths, graph in (
            ("asserted", graph_files() if files is None else files, ASSERTED),
            ("user", extra, USER),
        )
        for path in paths
    ]
    overlay_sources = overlay.sources() if overlay is not None else []
    off = os.environ.get("HERSTELGRAPH_CACHE", "").lower() in ("off", "0", "no")
    use_cache = closure and not off
    datas: list[bytes | None] = [None] * len(entries)
    cached = None
    if use_cache:
        datas = [read_bytes(path) for _, path, _ in entries]
        sources = [(role, data) for (role, _, _), data in zip(entries, datas, strict=True)]
        sources += overlay_sources
        key = _cache_key(sources)
        cached = cache_dir() / f"closure-{key}.nt"
    hit = cached is not None and cached.is_file()
    for (_, path, graph), data in zip(entries, datas, strict=True):
        store.add_file(path, graph, data=data, checked=hit)
    if overlay is not None:
        overlay.apply(store)
    if closure:
        from .closure import add_closure

        if hit:
            # our own output, read back: lenient skips IRI re-validation (-15%)
            store.ox.load(
                path=str(cached), format=ox.RdfFormat.N_TRIPLES, to_graph=INFERRED, lenient=True
            )
        else:
            from .tallies import add_tallies

            add_closure(store)
            add_tallies(store)
            if cached is not None:
                _write_cache(store, cached)
    return store


def _write_cache(store: Store, path: Path) -> None:
    """Best effort: an unwritable cache folder only costs speed, never an error."""
    from ..io.atomic import write_bytes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=INFERRED)
        write_bytes(path, data)
    except (OSError, InputError):
        pass
