"""Building a session's store: the shipped graph, user files, and the SKOS closure and tallies,
cached under a content hash of every input."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from . import cache
from .cache import cache_dir
from .store import ASSERTED, INFERRED, USER, Store

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


def load(
    extra: Iterable[Path] = (),
    *,
    closure: bool = True,
    files: Iterable[Path] | None = None,
    reviews: Iterable[Path] | None = None,
) -> Store:
    """The shipped graph (from the installed package), with user files added to USER.

    ``reviews``: folders (or files) of review decisions, applied before the closure as the
    merged view (``curation.review.merge``): a rejected record is withheld, a relation the
    reviewers changed replaces it. None: the shipped ``mappings/reviews/`` and
    $HERSTELGRAPH_REVIEWS for the shipped graph, none for ``files`` of one's own.

    The SKOS closure is computed once per content hash of all inputs and cached as
    N-Triples (see ``cache_dir``); a cache hit skips the computation, and also the
    typed-literal check of the inputs: a cache entry is written only after every one of
    these exact bytes passed it (0.25 s of a 1 s load at 50x, docs/performance.md).
    Every entry is verified against its own checksum before use (``store/cache.py``); a
    damaged one is reported on stderr and rebuilt.
    """
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
    review_data = _review_data(files, reviews)
    use_cache = closure and not cache.disabled()
    datas: list[bytes | None] = [None] * len(entries)
    cached = inferred = None
    if use_cache:
        datas = [read_bytes(path) for _, path, _ in entries]
        sources = [(role, data) for (role, _, _), data in zip(entries, datas, strict=True)]
        if review_data:
            from ..curation.review.merge import MERGE_VERSION

            sources.append(("review-rules", str(MERGE_VERSION).encode()))
            sources += [("review", data) for _, data in review_data]
        key = _cache_key(sources)
        cached = cache_dir() / f"closure-{key}.nt"
        inferred = cache.read_entry(cached)  # None: a miss, or a damaged entry (reported)
    hit = inferred is not None
    for (_, path, graph), data in zip(entries, datas, strict=True):
        store.add_file(path, graph, data=data, checked=hit)
    if review_data:
        from ..curation.review.merge import apply_reviews

        apply_reviews(store, review_data)
    if closure:
        if hit and not _load_inferred(store, inferred, cached):
            hit = False
        if not hit:
            from .closure import add_closure
            from .tallies import add_tallies

            add_closure(store)
            add_tallies(store)
            if cached is not None:
                data = store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=INFERRED)
                # blank nodes get new labels at every load, so a closure over them cannot be
                # reused: it would speak of nodes that no longer exist (not cached)
                if b"_:" not in data:
                    cache.write_entry(cached, data)
    return store


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


def _review_data(
    files: Iterable[Path] | None, reviews: Iterable[Path] | None
) -> list[tuple[Path, bytes]]:
    """The review files to apply and their bytes (read once: for the cache key and parsing)."""
    from ..curation.review.records import file_bytes, review_dirs, review_files

    if reviews is None:
        if files is not None:
            return []
        paths = review_files(review_dirs())
    else:
        named = [Path(p) for p in reviews]
        paths = review_files(p for p in named if p.is_dir())  # a missing folder holds none
        paths += [p for p in named if p.is_file()]
    return [(p, file_bytes(p, True)) for p in paths]
